"""Sensation by modality in the marked skin: the closed vocabulary, the patterns it makes, and their weight.

The examination carries, per marked zone, which modality is changed and how (explainer.engine.exam.Exam.sensation):
``{"zone": "<zone>_<side>", "modality": "pinprick", "change": "reduced"}``. Entries outside the vocabulary or for a
zone that is not marked are left out here (the link layer counts them for people). The marks make a few patterns
(PATTERNS); content/sensation.yaml says, with sources, which answers each pattern favours or argues against and by
how much. Scoring calls modality_parts() once per candidate; everything else is worked out once per call.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from explainer.anatomy import Atlas, ContentError, load_atlas
from explainer.anatomy.files import read_yaml
from explainer.engine.config import load_config, resolve
from explainer.engine.config_model import EngineConfig
from explainer.i18n import per_language
from explainer.paths import CONTENT_DIR

if TYPE_CHECKING:
    from explainer.engine.candidates import Spec
    from explainer.engine.findings import Findings
    from explainer.engine.scoring import Part

Modality = Literal["light_touch", "pinprick", "vibration", "position"]
Change = Literal["reduced", "absent", "increased", "allodynia"]
Pattern = Literal["large_fibre", "small_fibre", "painful_touch", "dense_loss"]
MODALITIES: Final[tuple[Modality, ...]] = get_args(Modality)  # also the order they are shown and written in
CHANGES: Final[tuple[Change, ...]] = get_args(Change)
PATTERNS: Final[tuple[Pattern, ...]] = get_args(Pattern)
SENSATION_FILE: Final = "sensation.yaml"
_LOSS: Final = frozenset({"reduced", "absent"})
_DORSAL: Final = frozenset({"vibration", "position"})  # large fibres, dorsal columns
_SUPERFICIAL: Final = frozenset({"light_touch", "pinprick"})


@dataclass(frozen=True, order=True)
class SensoryMark:
    """One modality changed in one marked zone instance ('<zone>_<side>')."""

    zone: str
    modality: Modality
    change: Change


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: Pattern
    targets: tuple[str, ...] = Field(min_length=1)
    lr: float = Field(gt=0)
    why: str = Field(min_length=1)
    source: str


class SensationRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: tuple[Rule, ...] = ()


def sensory_marks(findings: Findings) -> tuple[SensoryMark, ...]:
    """The exam's sensation entries that use the vocabulary and name a marked zone, once each, sorted."""
    raw = findings.exam.sensation if findings.exam is not None else ()
    zones = set(findings.zones)
    out = {SensoryMark(e["zone"], e["modality"], e["change"]) for e in raw
           if e.get("zone") in zones and e.get("modality") in MODALITIES and e.get("change") in CHANGES}
    return tuple(sorted(out))


def patterns_of(marks: Iterable[SensoryMark]) -> tuple[Pattern, ...]:
    """The patterns a set of marks makes, in PATTERNS order. A modality not recorded as changed counts as kept."""
    marks = tuple(marks)
    lost = {m.modality for m in marks if m.change in _LOSS}
    found: set[Pattern] = set()
    if lost & _DORSAL and not lost & _SUPERFICIAL:
        found.add("large_fibre")
    if "pinprick" in lost and not lost - {"pinprick"}:
        found.add("small_fibre")
    if any(m.change in ("increased", "allodynia") for m in marks):
        found.add("painful_touch")
    if any(m.change == "absent" and m.modality in _SUPERFICIAL for m in marks):
        found.add("dense_loss")
    return tuple(p for p in PATTERNS if p in found)


def sensation_patterns(findings: Findings) -> tuple[Pattern, ...]:
    """What the engine's evidence keeps: the patterns of the findings' sensation marks."""
    return patterns_of(sensory_marks(findings))


def load_rules_from(path: Path, *, atlas: Atlas, config: EngineConfig) -> SensationRules:
    """Load and check the rules; a problem is a ContentError naming file, record and field."""
    raw = read_yaml(path, content_dir=path.parent)
    try:
        rules = SensationRules.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(p) for p in err["loc"]]
        raise ContentError(file=SENSATION_FILE, record="[".join(loc[:2]) + "]" if len(loc) > 1 else "-",
                           field=".".join(loc) or "-", problem=err["msg"]) from exc
    for i, rule in enumerate(rules.rules):
        record = f"rules[{i}] ({rule.pattern})"
        if rule.source not in atlas.sources:
            raise ContentError(file=SENSATION_FILE, record=record, field="source",
                               problem=f"unknown source key {rule.source!r} (add it to sources.yaml)")
        for t in rule.targets:
            try:
                resolve(t, atlas=atlas, config=config)
            except ValueError as exc:
                raise ContentError(file=SENSATION_FILE, record=record, field="targets", problem=str(exc)) from exc
    return rules


Index = Mapping[str, tuple[tuple[frozenset[str], float, str], ...]]


@per_language
def rule_index() -> Index:
    """pattern -> ((answer ids, log LR, why), ...), from content/sensation.yaml (loaded once)."""
    atlas, config = load_atlas(), load_config()
    rules = load_rules_from(CONTENT_DIR / SENSATION_FILE, atlas=atlas, config=config)
    out: dict[str, list[tuple[frozenset[str], float, str]]] = {}
    for rule in rules.rules:
        ids = frozenset().union(*(resolve(t, atlas=atlas, config=config) for t in rule.targets))
        out.setdefault(rule.pattern, []).append((ids, math.log(rule.lr), rule.why))
    return {k: tuple(v) for k, v in out.items()}


def modality_parts(spec: Spec, patterns: tuple[str, ...]) -> list[Part]:
    """The scoring hook: one 'sensation' part per rule whose pattern is present and that names this candidate."""
    if not patterns:
        return []
    from explainer.engine.scoring import Part  # here: scoring imports this module

    index = rule_index()
    return [Part("sensation", why, log_lr) for p in patterns for ids, log_lr, why in index.get(p, ())
            if any(m in ids for m in spec.members)]


def check_rules_in(content_dir: Path, *, atlas: Atlas) -> SensationRules:
    """``explainer check``: the rules file of a content folder, checked against its atlas and engine settings."""
    from explainer.engine.config import ENGINE_FILE, load_config_from

    config = load_config_from(content_dir / ENGINE_FILE, atlas=atlas)
    return load_rules_from(content_dir / SENSATION_FILE, atlas=atlas, config=config)
