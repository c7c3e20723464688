"""The findings object: marked zones with sides, symptoms, weak movements, reflexes and other findings.

Every id must come from the project's vocabularies; an unknown id raises UnknownIdError naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from explainer.anatomy import Atlas, load_atlas, split_instance
from explainer.engine.exam import Exam

ReflexValue = Literal["reduced", "absent", "brisk"]


class UnknownIdError(ValueError):
    """An id in a findings object is not in the vocabulary it must come from."""

    def __init__(self, *, kind: str, value: str) -> None:
        self.kind = kind
        self.value = value
        super().__init__(f"unknown {kind} id {value!r}")


def _atlas(info: ValidationInfo) -> Atlas:
    ctx = info.context
    given = ctx.get("atlas") if isinstance(ctx, Mapping) else None
    return given if isinstance(given, Atlas) else load_atlas()


def _known(values: Iterable[str], *, vocab: Mapping[str, object], kind: str) -> None:
    for v in values:
        if v not in vocab:
            raise UnknownIdError(kind=kind, value=v)


class Findings(BaseModel):
    """What the person marked and what the examination found (side-less except the zones)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zones: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    weak_movements: tuple[str, ...] = ()
    reflexes: dict[str, ReflexValue] = Field(default_factory=dict)
    other: tuple[str, ...] = ()
    exam: Exam | None = None  # the graded, two-sided examination (optional; see explainer.engine.exam)

    @field_validator("zones")
    @classmethod
    def _zones(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        atlas = _atlas(info)
        for z in value:
            try:
                base, _ = split_instance(z)
            except ValueError:
                raise UnknownIdError(kind="zone", value=z) from None
            if base not in atlas.zones:
                raise UnknownIdError(kind="zone", value=z)
        return tuple(dict.fromkeys(value))

    @field_validator("symptoms")
    @classmethod
    def _symptoms(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        _known(value, vocab=_atlas(info).symptoms, kind="symptom")
        return tuple(dict.fromkeys(value))

    @field_validator("weak_movements")
    @classmethod
    def _movements(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        _known(value, vocab=_atlas(info).movements, kind="movement")
        return tuple(dict.fromkeys(value))

    @field_validator("reflexes")
    @classmethod
    def _reflexes(cls, value: dict[str, ReflexValue], info: ValidationInfo) -> dict[str, ReflexValue]:
        _known(value, vocab=_atlas(info).reflexes, kind="reflex")
        return value

    @field_validator("other")
    @classmethod
    def _other(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        _known(value, vocab=_atlas(info).findings, kind="finding")
        return tuple(dict.fromkeys(value))


def make_findings(
    *,
    zones: Iterable[str] = (),
    symptoms: Iterable[str] = (),
    weak: Iterable[str] = (),
    reflexes: Mapping[str, str] | None = None,
    other: Iterable[str] = (),
    exam: Mapping[str, object] | None = None,
    atlas: Atlas | None = None,
) -> Findings:
    """Build a validated Findings object (raises UnknownIdError for any unknown id)."""
    raw: dict[str, object] = {
        "zones": tuple(zones),
        "symptoms": tuple(symptoms),
        "weak_movements": tuple(weak),
        "reflexes": dict(reflexes or {}),
        "other": tuple(other),
    }
    if exam is not None:
        raw["exam"] = dict(exam)
    return parse_findings(raw, atlas=atlas)


def parse_findings(raw: object, *, atlas: Atlas | None = None) -> Findings:
    """Validate a raw mapping; invalid parts raise InvalidFindingsError (an UnknownIdError) listing them all."""
    from explainer.engine.validate import check_findings  # here: validate imports this module

    check_findings(raw, atlas=atlas or load_atlas())
    try:
        return Findings.model_validate(raw, context={"atlas": atlas or load_atlas()})
    except ValidationError as exc:
        for err in exc.errors():
            cause = err.get("ctx", {}).get("error")
            if isinstance(cause, UnknownIdError):
                raise UnknownIdError(kind=cause.kind, value=cause.value) from None
        raise
