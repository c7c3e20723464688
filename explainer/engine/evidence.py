"""Findings turned into the sets the scorer needs (built once per call)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from explainer.anatomy import Atlas, Side, split_instance
from explainer.engine.config_model import EngineConfig
from explainer.engine.exam import Exam, sides_of
from explainer.engine.findings import Findings
from explainer.engine.modality import sensation_patterns


@dataclass(frozen=True)
class Evidence:
    marked: tuple[tuple[str, Side], ...]
    midline: frozenset[str]  # marked zones that are one half of a midline area (perineum, genitals, anus)
    symptoms: tuple[str, ...]
    zone_weight: Mapping[str, float]
    weak: tuple[str, ...]
    normal_moves: frozenset[str]
    reduced: Mapping[str, str]
    brisk: tuple[str, ...]
    normal_reflexes: frozenset[str]
    normal_zones: frozenset[str]
    other: frozenset[str]
    strength_normal: bool
    reflexes_normal: bool
    weak_sides: Mapping[str, frozenset[str]] = field(default_factory=dict)  # from the exam; absent: marked sides
    weak_grade: Mapping[str, float] = field(default_factory=dict)  # worst MRC grade given for a weak movement
    reflex_sides: Mapping[str, frozenset[str]] = field(default_factory=dict)  # sides of a changed reflex, if given
    hands_not_feet: bool = False  # hands or forearms marked, feet and legs not: not a length-dependent pattern
    feet_spared: bool = False  # places marked, none on the feet or legs and none on the hands (e.g. perineum, trunk)
    painless_weakness: bool = False  # weakness the only complaint: no pain, numbness, tingling or burning named
    perioral_acral: bool = False  # tingling or numbness of the face and of both hands at once
    feet_first: bool = True  # a neuropathy here would start in the feet (False after e.g. neurotoxic chemotherapy)
    normal_sides: Mapping[str, frozenset[str]] = field(default_factory=dict)  # sides a movement was normal, if given
    normal_reflex_sides: Mapping[str, frozenset[str]] = field(default_factory=dict)
    sensation: tuple[str, ...] = ()  # sensation patterns by modality (explainer.engine.modality)

    @cached_property
    def marked_set(self) -> frozenset[tuple[str, Side]]:
        return frozenset(self.marked)

    @cached_property
    def instances(self) -> tuple[str, ...]:
        """'<zone>_<side>' for each marked zone, in order (built once, used by every candidate)."""
        return tuple(f"{b}_{s}" for b, s in self.marked)

    @cached_property
    def sensory_share(self) -> float:
        """Mean zone weight: 1 when every mark is numbness or tingling, pain_only_weight when all are pain."""
        return sum(self.zone_weight[b] for b, _ in self.marked) / len(self.marked) if self.marked else 1.0

    @cached_property
    def _bases(self) -> dict[str, frozenset[str]]:
        return {side: frozenset(b for b, s in self.marked if s == side) for side in ("left", "right")}

    def bases_on(self, side: Side) -> frozenset[str]:
        return self._bases.get(side, frozenset())


def _exam_parts(exam: Exam | None) -> tuple[dict[str, set[str]], dict[str, float], dict[str, set[str]],
                                            dict[str, set[str]], dict[str, set[str]]]:
    """weak sides, worst weak grade, normal movement sides, changed reflex sides by result, normal reflex sides."""
    weak: dict[str, set[str]] = {}
    grade: dict[str, float] = {}
    normal: dict[str, set[str]] = {}
    reflexes: dict[str, set[str]] = {}
    normal_reflexes: dict[str, set[str]] = {}
    if exam is None:
        return weak, grade, normal, reflexes, normal_reflexes
    for m in exam.weak:
        if m.grade is not None and m.grade >= 5:
            normal.setdefault(m.movement, set()).update(sides_of(m.side))
            continue
        weak.setdefault(m.movement, set()).update(sides_of(m.side))
        if m.grade is not None:
            grade[m.movement] = min(grade.get(m.movement, 5.0), m.grade)
    for m in exam.normal:
        normal.setdefault(m.movement, set()).update(sides_of(m.side))
    for r in exam.reflexes:
        result = r.result
        if result == "normal":
            normal_reflexes.setdefault(r.reflex, set()).update(sides_of(r.side))
        elif result is not None:
            reflexes.setdefault(f"{r.reflex}:{result}", set()).update(sides_of(r.side))
    return weak, grade, normal, reflexes, normal_reflexes


def _reflex_results(findings: Findings, exam_reflexes: dict[str, set[str]]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """reflex -> reduced|absent|brisk and its sides. A brisk reflex beside a reduced one on the other side is the
    healthy side for comparison, so the reduced one is kept."""
    results: dict[str, str] = dict(findings.reflexes)
    sides: dict[str, set[str]] = {}
    for key, where in exam_reflexes.items():
        reflex, _, result = key.partition(":")
        if result == "brisk" and results.get(reflex) in ("reduced", "absent"):
            continue
        if results.get(reflex) == "brisk" and result != "brisk":
            sides.pop(reflex, None)
        if results.get(reflex) != "absent" or result == "absent":
            results[reflex] = result
        sides.setdefault(reflex, set()).update(where)
    return results, sides


_POSITIVE_WORDS = frozenset({"positive", "extensor", "reduced", "impaired", "upgoing"})
_NEGATIVE_WORDS = frozenset({"negative", "flexor", "normal", "downgoing"})


def _sign_findings(exam: Exam | None, config: EngineConfig) -> set[str]:
    """The examination's special tests weighed through the same findings as the checklist: a result whose first word
    is a positive (negative) word adds the sign's positive (negative) finding; other wordings add nothing."""
    if exam is None or not exam.signs:
        return set()
    table = {e.sign: e for e in config.exam_signs}
    out: set[str] = set()
    for entry in exam.signs:
        sign, words = table.get(str(entry.get("sign", ""))), str(entry.get("result", "")).lower().split()
        if sign is None or not words:
            continue
        first = words[0].strip(",;.")
        found = sign.positive if first in _POSITIVE_WORDS else sign.negative if first in _NEGATIVE_WORDS else None
        if found:
            out.add(found)
    return out


_HAND_REGIONS = frozenset({"hand_palmar", "hand_dorsal", "wrist", "forearm"})
_FOOT_REGIONS = frozenset({"foot_dorsum", "foot_sole", "ankle", "leg"})


def _hands_not_feet(regions: set[str]) -> bool:
    return bool(regions & _HAND_REGIONS) and not regions & _FOOT_REGIONS


def _feet_spared(regions: set[str]) -> bool:
    return bool(regions) and not regions & (_HAND_REGIONS | _FOOT_REGIONS)


_HANDS = frozenset({"hand_palmar", "hand_dorsal"})


def _perioral_acral(marked: tuple[tuple[str, Side], ...], *, atlas: Atlas) -> bool:
    """The face marked and both hands marked (each hand on its own side)."""
    hands = {s for b, s in marked if atlas.zones[b].region in _HANDS}
    return any(b == "face" for b, _ in marked) and hands == {"left", "right"}


_MOTOR_ONLY = frozenset({"weakness", "heaviness"})


def _painless_weakness(findings: Findings, weak: set[str]) -> bool:
    """Weakness named or found, and the symptoms said are weakness or heaviness only (none said: unknown, False)."""
    said = set(findings.symptoms)
    return bool(said) and said <= _MOTOR_ONLY and bool(weak or "weakness" in said)


def build_evidence(findings: Findings, *, atlas: Atlas, config: EngineConfig) -> Evidence:
    sensory = any(s in config.sensory_symptoms for s in findings.symptoms)
    pain_w = config.weights.pain_only_weight.lr
    marked = tuple(split_instance(z) for z in findings.zones)
    weights = {b: (1.0 if sensory and b not in config.pain_only_zones else pain_w) for b, _ in marked}
    other = frozenset(findings.other) | _sign_findings(findings.exam, config)
    if sensory and any(b in config.saddle_zones for b, _ in marked):
        # Numbness or tingling marked in the saddle or on the genitals is saddle sensory change, whatever was ticked.
        other |= {"saddle_sensory_change"}
    tags = [t for t in config.normal_tags if t.finding in other]
    exam_weak, grades, exam_normal, exam_reflexes, exam_normal_reflexes = _exam_parts(findings.exam)
    weak_list = list(dict.fromkeys([*findings.weak_movements, *exam_weak]))
    weak = set(weak_list)
    reflexes, reflex_sides = _reflex_results(findings, exam_reflexes)
    normal_from_tags = {m for t in tags for m in t.movements}
    reflex_tags = {r for t in tags for r in t.reflexes}
    normal_moves = normal_from_tags | set(exam_normal)
    normal_reflexes = reflex_tags | set(exam_normal_reflexes)
    regions: set[str] = {atlas.zones[b].region for b, _ in marked}
    return Evidence(
        marked=marked,
        midline=frozenset(b for b, _ in marked if atlas.zones[b].midline_half),
        symptoms=findings.symptoms,
        zone_weight=weights,
        weak=tuple(weak_list),
        normal_moves=frozenset(m for m in normal_moves if m not in weak),
        reduced={r: v for r, v in reflexes.items() if v != "brisk"},
        brisk=tuple(r for r, v in reflexes.items() if v == "brisk"),
        normal_reflexes=frozenset(r for r in normal_reflexes if r not in reflexes),
        normal_zones=frozenset(z for t in tags for z in t.zones),
        other=other,
        strength_normal=bool(other & {"normal_strength"}) and not weak,
        reflexes_normal=bool(other & {"normal_reflexes"}) and not reflexes,
        # Where the examination names a side, that is the side, even if the side-less list also calls it weak.
        weak_sides={m: frozenset(s) for m, s in exam_weak.items() if s},
        weak_grade=grades,
        reflex_sides={r: frozenset(s) for r, s in reflex_sides.items() if s and r not in findings.reflexes},
        hands_not_feet=_hands_not_feet(regions),
        feet_spared=_feet_spared(regions),
        painless_weakness=_painless_weakness(findings, weak),
        perioral_acral=sensory and _perioral_acral(marked, atlas=atlas),
        feet_first=not other & set(config.not_length_dependent),
        normal_sides={m: frozenset(s) for m, s in exam_normal.items() if s and m not in normal_from_tags},
        normal_reflex_sides={r: frozenset(s) for r, s in exam_normal_reflexes.items() if s and r not in reflex_tags},
        sensation=sensation_patterns(findings),
    )
