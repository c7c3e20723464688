"""Typed model of content/engine.yaml: priors, likelihood ratios and pattern definitions.

Every number carries a one-line anatomical or epidemiological rationale and a source key.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PatternSides = Literal["both", "one", "none"]
MotorRole = Literal["major", "minor"]


class Item(BaseModel):
    """Base for every engine.yaml record: frozen, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Rated(Item):
    """One likelihood ratio (or weight) with its reason and source key."""

    lr: float = Field(gt=0)
    why: str = Field(min_length=10)
    source: str


class Weights(Item):
    zone_primary: Rated
    zone_also: Rated
    zone_axial: Rated
    zone_outside: Rated
    pain_only_weight: Rated
    unmarked_in_territory: Rated
    unmarked_partial_area: Rated
    small_territory: Rated
    zone_dependence: Rated
    weak_major: Rated
    weak_minor: Rated
    weak_minor_root: Rated
    weak_outside: Rated
    grade_severe: Rated
    grade_slight: Rated
    normal_major: Rated
    normal_minor: Rated
    reflex_main: Rated
    reflex_other: Rated
    reflex_outside: Rated
    reflex_normal_main: Rated
    reflex_normal_other: Rated
    brisk_umn: Rated
    brisk_lmn: Rated
    normal_strength: Rated
    normal_reflexes: Rated
    zone_normal: Rated
    bilateral_symmetric: Rated
    unilateral_for_bilateral_pattern: Rated
    both_sides_nerve: Rated
    both_sides_common: Rated
    hands_before_feet: Rated
    painless_weakness_root: Rated
    perioral_acral: Rated
    perioral_acral_brain: Rated
    both_sides_root: Rated
    root_pair: Rated


class Thresholds(Item):
    strong: float = Field(gt=0, lt=1)
    possible: float = Field(gt=0, lt=1)


class Prior(Item):
    targets: tuple[str, ...] = Field(min_length=1)
    weight: float = Field(gt=0)
    why: str = Field(min_length=10)
    source: str


class ContextRule(Item):
    finding: str
    targets: tuple[str, ...] = Field(min_length=1)
    lr: float = Field(gt=0)
    why: str = Field(min_length=10)
    source: str


class NormalTag(Item):
    """A finding that says some movements or reflexes are normal (e.g. normal_hip_abduction)."""

    finding: str
    movements: tuple[str, ...] = ()
    reflexes: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()


class ExamSign(Item):
    """A special test as a case report's examination names it (exam.signs[].sign), and the finding each result adds."""

    sign: str
    positive: str | None = None  # finding added when the result is a positive word (positive, extensor, reduced)
    negative: str | None = None  # finding added when the result is a negative word (negative, flexor, normal)


class AxialRule(Item):
    """Spinal (axial) pain zones that a root of this group explains as referred, non-dermatomal pain."""

    roots: tuple[str, ...] = Field(min_length=1)
    zones: tuple[str, ...] = Field(min_length=1)
    why: str = Field(min_length=10)
    source: str


class PatternSkin(Item):
    primary_regions: tuple[str, ...] = ()
    primary_zones: tuple[str, ...] = ()
    also_regions: tuple[str, ...] = ()
    also_zones: tuple[str, ...] = ()
    axial_zones: tuple[str, ...] = ()


class Pattern(Item):
    id: str
    sides: PatternSides
    symmetric: bool = False
    umn: bool = False
    length_dependent: bool = False  # starts in the feet: hands without feet argue against it (hands_before_feet)
    skin: PatternSkin = PatternSkin()
    major_movements: tuple[str, ...] = ()
    minor_movements: tuple[str, ...] = ()
    main_reflexes: tuple[str, ...] = ()
    other_reflexes: tuple[str, ...] = ()
    why: str = Field(min_length=10)
    source: str


class Spared(Item):
    """Movements and skin a nerve's usual lesion site spares because their branches leave above it."""

    nerve: str
    movements: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()
    why: str = Field(min_length=10)
    source: str


class Site(Item):
    """Zones over a nerve's usual compression site, where local pain is felt."""

    nerve: str
    zones: tuple[str, ...] = Field(min_length=1)
    why: str = Field(min_length=10)
    source: str


class EngineConfig(Item):
    thresholds: Thresholds
    weights: Weights
    bilateral_common: tuple[str, ...] = ()
    partial_area: tuple[str, ...] = ()
    multiplex_per_side: int = Field(default=3, ge=0, le=6)
    sensory_symptoms: tuple[str, ...] = Field(min_length=1)
    pain_only_zones: tuple[str, ...] = ()
    leg_regions: tuple[str, ...] = Field(min_length=1)
    saddle_questions: tuple[str, ...] = Field(min_length=1)
    saddle_zones: tuple[str, ...] = ()
    groups: dict[str, tuple[str, ...]] = {}
    priors: tuple[Prior, ...] = Field(min_length=1)
    context: tuple[ContextRule, ...] = ()
    normal_tags: tuple[NormalTag, ...] = ()
    exam_signs: tuple[ExamSign, ...] = ()
    not_length_dependent: tuple[str, ...] = ()  # findings after which a neuropathy need not start in the feet
    axial: tuple[AxialRule, ...] = ()
    spared: tuple[Spared, ...] = ()
    sites: tuple[Site, ...] = ()
    patterns: tuple[Pattern, ...] = ()
