"""Findings turned into the sets the scorer needs (built once per call)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from explainer.anatomy import Atlas, Side, split_instance
from explainer.engine.config_model import EngineConfig
from explainer.engine.findings import Findings


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

    @property
    def marked_set(self) -> frozenset[tuple[str, Side]]:
        return frozenset(self.marked)

    def bases_on(self, side: Side) -> frozenset[str]:
        return frozenset(b for b, s in self.marked if s == side)


def build_evidence(findings: Findings, *, atlas: Atlas, config: EngineConfig) -> Evidence:
    sensory = any(s in config.sensory_symptoms for s in findings.symptoms)
    pain_w = config.weights.pain_only_weight.lr
    marked = tuple(split_instance(z) for z in findings.zones)
    weights = {b: (1.0 if sensory and b not in config.pain_only_zones else pain_w) for b, _ in marked}
    other = frozenset(findings.other)
    if sensory and any(b in config.saddle_zones for b, _ in marked):
        # Numbness or tingling marked in the saddle or on the genitals is saddle sensory change, whatever was ticked.
        other |= {"saddle_sensory_change"}
    tags = [t for t in config.normal_tags if t.finding in other]
    weak = set(findings.weak_movements)
    return Evidence(
        marked=marked,
        midline=frozenset(b for b, _ in marked if atlas.zones[b].midline_half),
        symptoms=findings.symptoms,
        zone_weight=weights,
        weak=findings.weak_movements,
        normal_moves=frozenset(m for t in tags for m in t.movements if m not in weak),
        reduced={r: v for r, v in findings.reflexes.items() if v != "brisk"},
        brisk=tuple(r for r, v in findings.reflexes.items() if v == "brisk"),
        normal_reflexes=frozenset(r for t in tags for r in t.reflexes if r not in findings.reflexes),
        normal_zones=frozenset(z for t in tags for z in t.zones),
        other=other,
        strength_normal=bool(other & {"normal_strength"}) and not weak,
        reflexes_normal=bool(other & {"normal_reflexes"}) and not findings.reflexes,
    )
