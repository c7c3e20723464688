"""Typed models of the content files. Unknown keys are rejected; vocabularies are closed."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from explainer.anatomy.order import SegmentId, VertebraId

View = Literal["front", "back"]
Aspect = Literal["lateral", "medial"]
Region = Literal[
    "ankle", "arm", "buttock", "elbow", "foot_dorsum", "foot_sole", "forearm", "hand_dorsal",
    "hand_palmar", "head_neck", "knee", "leg", "perineum_saddle", "thigh", "trunk_back",
    "trunk_front", "wrist",
]  # fmt: skip
SymptomId = Literal["tingling", "numbness", "burning", "pain", "weakness", "heaviness"]
FindingCategory = Literal["red_flag", "normal", "exam", "history", "pattern"]
AnswerKind = Literal["root", "nerve", "plexus", "pattern"]
NerveKind = Literal["trunk", "branch", "sensory", "plexus"]
Limb = Literal["upper", "lower", "trunk", "pelvis"]
AdviceLevel = Literal["emergency", "same_day", "urgent", "soon"]  # soon: mention it to a doctor; not a red flag
SourceKeys = tuple[str, ...]
Id = str


class Record(BaseModel):
    """Base for every content record: frozen, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Record):
    id: Id
    cite: str = Field(min_length=10)
    seen: str
    label: str = Field(default="", max_length=48)  # short display name for patients, e.g. "NICE CKS: Sciatica"


class ZoneDermatomes(Record):
    primary: tuple[SegmentId, ...]
    also: tuple[SegmentId, ...]
    sources: SourceKeys = Field(min_length=1)


class ZoneNerve(Record):
    id: Id
    detail: str
    sources: SourceKeys = Field(min_length=1)


class Zone(Record):
    id: Id
    name: str
    view: View
    aspect: Aspect | None
    region: Region
    midline_half: bool
    dermatomes: ZoneDermatomes
    nerves: tuple[ZoneNerve, ...] = Field(min_length=1)


EntrapmentSite = Literal["carpal_tunnel", "guyons_canal"]


class CutaneousNerve(Record):
    id: Id
    name: str
    roots: tuple[SegmentId, ...]
    roots_text: str
    answer_parent: Id | None
    # Branches that leave their trunk before a classic entrapment site, so that site spares their skin.
    leaves_before: tuple[EntrapmentSite, ...] = ()
    sources: SourceKeys = Field(min_length=1)


class KeyPoint(Record):
    root: SegmentId
    zone: Id
    wording: str  # the standard (ISNCSCI) wording: shown with a clinician
    plain: str  # the same spot in everyday words: shown to a person on their own
    sources: SourceKeys = Field(min_length=1)


class Symptom(Record):
    id: SymptomId
    label: str
    plain: str


class Finding(Record):
    id: Id
    label: str
    category: FindingCategory


class Answer(Record):
    id: Id
    label: str
    kind: AnswerKind


class Movement(Record):
    id: Id
    name: str
    question: str
    muscles: str
    nerve: Id
    # Other nerves that supply part of this movement (e.g. the ulnar half of finger flexion): a lesion of one
    # of them weakens it only partly, so weakness here is a "minor" sign for them, never one they cannot explain.
    also_nerves: tuple[Id, ...] = ()
    roots: tuple[SegmentId, ...] = Field(min_length=1)
    minor_roots: tuple[SegmentId, ...] = ()
    isncsci_key_muscle_for: SegmentId | None = None
    sources: SourceKeys = Field(min_length=1)


class Reflex(Record):
    id: Id
    name: str
    roots: tuple[SegmentId, ...] = Field(min_length=1)
    main_root: SegmentId | None  # None when no single root dominates (e.g. anal wink, S2-S4)
    nerve: Id | None
    note: str = ""
    sources: SourceKeys = Field(min_length=1)


class KeyMuscle(Record):
    muscle: str
    movement: Id | None
    isncsci: bool


class Root(Record):
    id: SegmentId
    foramen: str
    exit_rule: str
    area: str
    chart_disagreement: str  # shown to everyone: plain words, no citations
    # For clinicians and maintainers only: which named charts disagree, with citations.
    clinician_note: str = ""
    key_muscles: tuple[KeyMuscle, ...]
    summary: str
    sources: SourceKeys = Field(min_length=1)


class Nerve(Record):
    id: Id
    name: str
    kind: NerveKind
    limb: Limb
    roots: tuple[SegmentId, ...] = Field(min_length=1)
    parents: tuple[Id, ...] = ()
    motor: tuple[Id, ...] = ()
    course: tuple[str, ...] = ()
    entrapment: tuple[str, ...] = ()
    summary: str
    sources: SourceKeys = Field(min_length=1)


class Vertebra(Record):
    id: VertebraId
    name: str


class Disc(Record):
    id: Id
    upper: VertebraId
    lower: VertebraId
    exiting_root: SegmentId
    traversing_root: SegmentId | None
    posterolateral: tuple[SegmentId, ...] = Field(min_length=1)
    far_lateral: tuple[SegmentId, ...] = Field(min_length=1)
    note: str = ""
    sources: SourceKeys = Field(min_length=1)


class Spine(Record):
    vertebrae: tuple[Vertebra, ...]
    discs: tuple[Disc, ...]
    rules: tuple[str, ...]
    sources: SourceKeys = Field(min_length=1)


class RedFlag(Record):
    id: Id
    name: str
    level: AdviceLevel
    triggers: tuple[tuple[str, ...], ...] = Field(min_length=1)
    reason: str
    advice: str
    sources: SourceKeys = Field(min_length=1)


class OtherCause(Record):
    id: Id
    name: str
    distribution: str
    clues: str
    sources: SourceKeys = Field(min_length=1)


class ZoneText(Record):
    chart_note: str  # shown to everyone: plain words, no citations
    localising_use: str  # shown to everyone: plain words, no ids or developer notes
    # For clinicians and maintainers only (never shown in self-guided mode): named charts, citations, test-point detail.
    clinician_note: str = ""
