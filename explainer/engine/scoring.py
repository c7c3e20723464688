"""Log prior + sum of log likelihood ratios for one candidate on one side, keeping every contribution."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from explainer.anatomy import SIDES, Side
from explainer.engine.candidates import Spec
from explainer.engine.config_model import EngineConfig, Weights
from explainer.engine.evidence import Evidence
from explainer.engine.modality import modality_parts

VariantSide = Literal["left", "right", "both", "none"]
ContextIndex = dict[str, tuple[tuple[frozenset[str], float, int], ...]]


@dataclass(frozen=True, slots=True)
class Part:
    """One contribution to a score: what it is about and its log likelihood ratio."""

    kind: str
    subject: str
    log_lr: float


@dataclass(frozen=True)
class Scored:
    spec: Spec
    side: VariantSide
    score: float
    parts: tuple[Part, ...]
    explained: tuple[str, ...]
    unexplained: tuple[str, ...]
    unmarked: tuple[str, ...]


def _ln(x: float) -> float:
    return math.log(x)


def variant_sides(spec: Spec) -> tuple[VariantSide, ...]:
    if spec.sides == "none":
        return ("none",)
    if spec.sides == "both":
        return ("both",)
    return ("left", "right", "both")


def _sides_of(side: VariantSide) -> tuple[Side, ...]:
    if side == "both":
        return SIDES
    return () if side == "none" else ((side,) if side in SIDES else ())


def _zone_parts(spec: Spec, side: VariantSide, ev: Evidence, w: Weights) -> tuple[list[Part], list[str], list[str], list[str]]:
    if side == "none":
        return [], [], [], []
    lr = {"primary": _ln(w.zone_primary.lr), "also": _ln(w.zone_also.lr), "axial": _ln(w.zone_axial.lr)}
    out_lr = _ln(w.zone_outside.lr)
    sums: dict[str, float] = {}
    names: dict[str, list[str]] = {}
    explained: list[str] = []
    unexplained: list[str] = []
    sides = _sides_of(side)
    for (base, zside), name in zip(ev.marked, ev.instances, strict=True):
        tag = spec.skin_on(zside).get(base) if zside in sides else None
        kind = f"zones_{tag}" if tag else "zones_outside"
        sums[kind] = sums.get(kind, 0.0) + ev.zone_weight[base] * (lr[tag] if tag else out_lr)
        names.setdefault(kind, []).append(name)
        (explained if tag else unexplained).append(name)
    n = len(ev.marked)
    damp = n ** w.zone_dependence.lr / n if n else 1.0
    parts = [Part(kind, ", ".join(names[kind]), sums[kind] * damp) for kind in sorted(sums)]
    marked = ev.marked_set
    territory = [(z, s) for s in sides for z in spec.primary_on(s)]
    unmarked = [f"{z}_{s}" for z, s in territory if (z, s) not in marked]
    if unmarked:
        share = min(1.0, w.small_territory.lr / len(territory))
        per_zone = w.unmarked_partial_area.lr if spec.partial_area else w.unmarked_in_territory.lr
        # Pain does not fill a territory the way numbness does: unmarked skin counts in proportion to how sensory
        # the marks are (pain-only marks count at pain_only_weight).
        penalty = len(unmarked) * share * _ln(per_zone) * ev.sensory_share
        parts.append(Part("unmarked", f"{len(unmarked)} of {len(territory)}", penalty))
    normal = [z for z in sorted(ev.normal_zones) if any(spec.skin_on(s).get(z) == "primary" for s in sides)]
    if normal:
        parts.append(Part("normal_zone", ", ".join(normal), len(normal) * _ln(w.zone_normal.lr)))
    return parts, explained, unexplained, unmarked


def _elsewhere(sides_given: frozenset[str] | None, side: VariantSide) -> bool:
    """True when the exam puts a finding only on the other side from this one-sided candidate."""
    return bool(sides_given) and side in SIDES and side not in (sides_given or ())


def _grade_factor(grade: float | None, w: Weights) -> float:
    """How much a graded weakness counts: a slight one (4+ or 5-) less, a clear one (MRC 3 or less) more."""
    if grade is None or 3.0 < grade < 4.3:
        return 1.0
    return w.grade_severe.lr if grade <= 3.0 else w.grade_slight.lr


def _motor_parts(spec: Spec, side: VariantSide, ev: Evidence, w: Weights) -> list[Part]:
    minor = w.weak_minor_root if spec.family in ("root", "root_pair") else w.weak_minor
    weak_lr = {"major": _ln(w.weak_major.lr), "minor": _ln(minor.lr)}
    normal_lr = {"major": _ln(w.normal_major.lr), "minor": _ln(w.normal_minor.lr)}
    parts: list[Part] = []
    for m in ev.weak:
        role = None if _elsewhere(ev.weak_sides.get(m), side) else spec.movements.get(m)
        factor = _grade_factor(ev.weak_grade.get(m), w)
        parts.append(Part(f"weak_{role or 'outside'}", m, factor * (weak_lr[role] if role else _ln(w.weak_outside.lr))))
    for m in sorted(ev.normal_moves):
        role = None if _elsewhere(ev.normal_sides.get(m), side) else spec.movements.get(m)
        if role:
            parts.append(Part(f"normal_{role}", m, normal_lr[role]))
    if ev.strength_normal and spec.has_major_movement:
        parts.append(Part("strength_normal", "normal_strength", _ln(w.normal_strength.lr)))
    return parts


def _reflex_parts(spec: Spec, side: VariantSide, ev: Evidence, w: Weights) -> list[Part]:
    red_lr = {"main": _ln(w.reflex_main.lr), "other": _ln(w.reflex_other.lr)}
    norm_lr = {"main": _ln(w.reflex_normal_main.lr), "other": _ln(w.reflex_normal_other.lr)}
    parts: list[Part] = []
    for r in ev.reduced:
        role = None if _elsewhere(ev.reflex_sides.get(r), side) else spec.reflexes.get(r)
        parts.append(Part(f"reflex_{role or 'outside'}", r, red_lr[role] if role else _ln(w.reflex_outside.lr)))
    for r in ev.brisk:
        parts.append(Part("brisk_umn" if spec.umn else "brisk_lmn", r, _ln(w.brisk_umn.lr if spec.umn else w.brisk_lmn.lr)))
    for r in sorted(ev.normal_reflexes):
        role = None if _elsewhere(ev.normal_reflex_sides.get(r), side) else spec.reflexes.get(r)
        if role:
            parts.append(Part(f"reflex_normal_{role}", r, norm_lr[role]))
    if ev.reflexes_normal and (spec.umn or "main" in spec.reflexes.values()):
        parts.append(Part("reflexes_normal", "normal_reflexes", _ln(w.normal_reflexes.lr)))
    return parts


def _symmetry_part(spec: Spec, ev: Evidence, w: Weights) -> list[Part]:
    if spec.sides != "both" or not ev.marked:
        return []
    # The two halves of a midline area (perineum, genitals, anus) say nothing about symmetry.
    left, right = ev.bases_on("left") - ev.midline, ev.bases_on("right") - ev.midline
    sym, uni = _ln(w.bilateral_symmetric.lr), _ln(w.unilateral_for_bilateral_pattern.lr)
    if not (left or right):
        return []
    if not (left and right):
        return [Part("one_sided", "", uni if spec.symmetric else uni / 2)]
    if not spec.symmetric:
        return [Part("bilateral", "", sym / 2)]
    share = len(left & right) / len(left | right)
    return [Part("symmetry", f"{share:.0%}", share * sym + (1 - share) * uni / 2)]


def _context_parts(spec: Spec, ev: Evidence, index: ContextIndex) -> list[Part]:
    parts: list[Part] = []
    for f in sorted(ev.other):
        for ids, log_lr, i in index.get(f, ()):
            if any(m in ids for m in spec.members):
                parts.append(Part("context", f"{f}#{i}", log_lr))
    return parts


def _midline_only(ev: Evidence) -> bool:
    """Both sides are marked only through the two halves of a midline area: that is not a two-sided lesion."""
    left, right = ev.bases_on("left") - ev.midline, ev.bases_on("right") - ev.midline
    return not (left and right)


def evaluate(spec: Spec, side: VariantSide, ev: Evidence, *, config: EngineConfig, index: ContextIndex) -> Scored:
    """Score one candidate on one side (or both sides, or side-less for non-lesion patterns)."""
    w = config.weights
    parts = [Part("prior", spec.key, spec.log_prior)]
    if side == "both" and spec.sides == "one" and not _midline_only(ev):
        common = spec.family not in ("root", "root_pair") and bool(set(spec.members) & set(config.bilateral_common))
        if spec.family in ("root", "root_pair") or spec.umn:  # one root, or one side of the brain, on both sides: rare
            both = w.both_sides_root.lr
        else:
            both = w.both_sides_common.lr if common else w.both_sides_nerve.lr
        parts.append(Part("both_sides_common" if common else "both_sides", "", _ln(both)))
    zone_parts, explained, unexplained, unmarked = _zone_parts(spec, side, ev, w)
    parts += zone_parts
    parts += _motor_parts(spec, side, ev, w)
    parts += _reflex_parts(spec, side, ev, w)
    parts += _symmetry_part(spec, ev, w)
    if spec.length_dependent and ev.feet_first and ev.hands_not_feet:
        parts.append(Part("hands_before_feet", "", _ln(w.hands_before_feet.lr)))
    elif spec.length_dependent and ev.feet_first and ev.feet_spared:  # e.g. perineum or trunk only: not where it starts
        parts.append(Part("feet_spared", "", _ln(w.hands_before_feet.lr)))
    if ev.perioral_acral and spec.key in ("no_lesion", "central_brain"):
        lr = w.perioral_acral.lr if spec.key == "no_lesion" else w.perioral_acral_brain.lr
        parts.append(Part("perioral_acral", "", _ln(lr)))
    if ev.painless_weakness and spec.family in ("root", "root_pair"):
        parts.append(Part("painless_root", "", _ln(w.painless_weakness_root.lr)))
    parts += _context_parts(spec, ev, index)
    parts += modality_parts(spec, ev.sensation)
    return Scored(spec=spec, side=side, score=sum(p.log_lr for p in parts), parts=tuple(parts),
                  explained=tuple(explained), unexplained=tuple(unexplained), unmarked=tuple(unmarked))
