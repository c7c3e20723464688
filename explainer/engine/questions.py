"""The single most useful next question to tell two candidates apart."""

from __future__ import annotations

import math

from explainer.anatomy import SIDES, Atlas, Side
from explainer.anatomy.order import segment_index
from explainer.engine.candidates import Spec
from explainer.engine.config_model import Weights
from explainer.engine.evidence import Evidence
from explainer.engine.scoring import Scored
from explainer.i18n import t

_ln = math.log
# Small enough never to outweigh a real difference in likelihood ratios (those differ by >= ln 1.2).
RELEVANCE_TIEBREAK = 0.01


def _move_lrs(spec: Spec, move: str, w: Weights) -> tuple[float, float]:
    role = spec.movements.get(move)
    if role == "major":
        return _ln(w.weak_major.lr), _ln(w.normal_major.lr)
    if role == "minor":
        return _ln(w.weak_minor.lr), _ln(w.normal_minor.lr)
    return _ln(w.weak_outside.lr), 0.0


def _reflex_lrs(spec: Spec, reflex: str, w: Weights) -> tuple[float, float]:
    role = spec.reflexes.get(reflex)
    if role == "main":
        return _ln(w.reflex_main.lr), _ln(w.reflex_normal_main.lr)
    if role == "other":
        return _ln(w.reflex_other.lr), _ln(w.reflex_normal_other.lr)
    return _ln(w.reflex_outside.lr), 0.0


def reflex_question(name: str) -> str:
    """'Is the ankle jerk (achilles reflex) reduced?' (explainer.present.results recognises it by this too)."""
    return t("Is the {reflex} reduced?", reflex=name.lower())


def zone_question(name: str, side: str) -> str:
    """'Is the skin of the top of the foot (right) numb or tingling?'"""
    place = name.lower()
    if side == "right":
        return t("Is the skin of the {place} (right) numb or tingling?", place=place)
    return t("Is the skin of the {place} (left) numb or tingling?", place=place)


def _verdict(a_yes: float, b_yes: float, a: str, b: str) -> tuple[str, str]:
    return (a, b) if a_yes > b_yes else (b, a)


def _near_marked(ev: Evidence, atlas: Atlas) -> set[int]:
    """Segment positions of the marked skin's primary roots, one level either side."""
    near: set[int] = set()
    for base, _ in ev.marked:
        for root in atlas.zones[base].dermatomes.primary:
            i = segment_index(root)
            near.update((i - 1, i, i + 1))
    return near


def _best_movement(a: Scored, b: Scored, ev: Evidence, atlas: Atlas, w: Weights) -> tuple[float, str] | None:
    if ev.strength_normal:
        return None
    near = _near_marked(ev, atlas)
    best: tuple[float, str] | None = None
    for move in atlas.movements.values():
        if move.id in ev.weak or move.id in ev.normal_moves:
            continue
        (aw, an), (bw, bn) = _move_lrs(a.spec, move.id, w), _move_lrs(b.spec, move.id, w)
        # On equal separating power, ask about the limb the person marked, not another one.
        relevant = any(segment_index(r) in near for r in move.roots)
        gap = abs(aw - bw) + abs(an - bn) + (RELEVANCE_TIEBREAK if relevant else 0.0)
        if aw != bw and (best is None or gap > best[0]):
            weak, normal = _verdict(aw, bw, a.spec.label, b.spec.label)
            verdict = t("Weak → {weak}; normal → {normal}.", weak=weak, normal=normal)
            best = (gap, f"{move.question} {verdict}")
    return best


def _best_reflex(a: Scored, b: Scored, ev: Evidence, atlas: Atlas, w: Weights) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for reflex in atlas.reflexes.values():
        if reflex.id in ev.reduced or reflex.id in ev.brisk or reflex.id in ev.normal_reflexes or ev.reflexes_normal:
            continue
        (ar, an), (br, bn) = _reflex_lrs(a.spec, reflex.id, w), _reflex_lrs(b.spec, reflex.id, w)
        gap = abs(ar - br) + abs(an - bn)
        if ar != br and (best is None or gap > best[0]):
            low, normal = _verdict(ar, br, a.spec.label, b.spec.label)
            verdict = t("Reduced → {reduced}; normal → {normal}.", reduced=low, normal=normal)
            best = (gap, f"{reflex_question(reflex.name)} {verdict}")
    return best


def _side_of(a: Scored, b: Scored) -> tuple[Side, ...]:
    for s in (a.side, b.side):
        if s in SIDES:
            return (s,)
    return SIDES


def _best_zone(a: Scored, b: Scored, ev: Evidence, atlas: Atlas, w: Weights) -> tuple[float, str] | None:
    marked = ev.marked_set
    gap = _ln(w.zone_primary.lr) - _ln(w.zone_outside.lr)
    for side in _side_of(a, b):
        for zone in atlas.zones.values():
            if (zone.id, side) in marked or zone.id in ev.normal_zones:
                continue
            in_a, in_b = a.spec.skin.get(zone.id) == "primary", b.spec.skin.get(zone.id) == "primary"
            if in_a != in_b:
                yes, no = (a.spec.label, b.spec.label) if in_a else (b.spec.label, a.spec.label)
                verdict = t("Yes → {yes}; no → {no}.", yes=yes, no=no)
                return gap, f"{zone_question(zone.name, side)} {verdict}"
    return None


def next_questions(a: Scored, b: Scored, ev: Evidence, *, atlas: Atlas, w: Weights) -> tuple[str | None, str | None]:
    """(for a clinician, for a person alone): the untested movement, reflex or zone whose answer moves the two scores
    apart the most, and the same without reflexes (a person on their own cannot test one). Worked out once."""
    move, reflex, zone = (_best_movement(a, b, ev, atlas, w), _best_reflex(a, b, ev, atlas, w),
                          _best_zone(a, b, ev, atlas, w))
    everyone, alone = [o for o in (move, reflex, zone) if o], [o for o in (move, zone) if o]
    best = max(everyone, key=lambda o: o[0])[1] if everyone else None  # on a tie, the first: movement, reflex, zone
    return best, (max(alone, key=lambda o: o[0])[1] if alone else None)

