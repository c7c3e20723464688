"""The graded, two-sided examination: weak and normal movements with side and MRC grade, reflexes with side and
the 0-4 grade (clonus included). Optional beside the side-less findings, which still apply to the marked sides.

MRC grades are kept as written, "0"-"5" with "4-", "4+" and "5-" allowed (not rounded): for weighing they map to
3.7, 4.3 and 4.7. Reflex grades: 0 absent, 1 reduced (trace), 2 normal, 3 brisk, 4 very brisk with clonus.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from explainer.anatomy import Atlas, load_atlas

ExamSide = Literal["left", "right", "both"]
ReflexResult = Literal["absent", "reduced", "normal", "brisk"]
MRC: Final[dict[str, float]] = {"0": 0, "1": 1, "2": 2, "3": 3, "4-": 3.7, "4": 4, "4+": 4.3, "5-": 4.7, "5": 5}
REFLEX_GRADE: Final[dict[str, ReflexResult]] = {"0": "absent", "1": "reduced", "2": "normal", "3": "brisk",
                                                "4": "brisk"}


def _atlas(info: ValidationInfo) -> Atlas:
    ctx = info.context
    given = ctx.get("atlas") if isinstance(ctx, dict) else None
    return given if isinstance(given, Atlas) else load_atlas()


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Movement(_Item):
    """A movement tested on a side: `mrc` None means weak (or normal) without a grade given."""

    movement: str
    side: ExamSide | None = None
    mrc: str | None = None
    note: str = ""

    @field_validator("movement")
    @classmethod
    def _known(cls, value: str, info: ValidationInfo) -> str:
        if value not in _atlas(info).movements:
            raise ValueError(f"unknown movement id {value!r}")
        return value

    @field_validator("mrc")
    @classmethod
    def _grade(cls, value: str | None) -> str | None:
        if value is not None and value not in MRC:
            raise ValueError(f"MRC grade {value!r}: expected one of {', '.join(MRC)}")
        return value

    @property
    def grade(self) -> float | None:
        return MRC[self.mrc] if self.mrc is not None else None


class Reflex(_Item):
    """A reflex on a side: a result word and/or the 0-4 grade; clonus as the source words it."""

    reflex: str
    side: ExamSide | None = None
    value: ReflexResult | None = None
    grade: str | None = None
    clonus: str | None = None

    @field_validator("reflex")
    @classmethod
    def _known(cls, value: str, info: ValidationInfo) -> str:
        if value not in _atlas(info).reflexes:
            raise ValueError(f"unknown reflex id {value!r}")
        return value

    @field_validator("grade")
    @classmethod
    def _grade(cls, value: str | None) -> str | None:
        if value is not None and value not in REFLEX_GRADE:
            raise ValueError(f"reflex grade {value!r}: expected 0-4")
        return value

    @property
    def result(self) -> ReflexResult | None:
        if self.clonus:
            return "brisk"
        return self.value or (REFLEX_GRADE[self.grade] if self.grade is not None else None)


class Exam(_Item):
    """The examination. `sensation` (by modality: explainer.engine.modality) and `signs` (special tests, mapped onto
    findings in explainer.engine.evidence) are weighed; `unmapped` is carried for people only."""

    weak: tuple[Movement, ...] = ()
    normal: tuple[Movement, ...] = ()
    reflexes: tuple[Reflex, ...] = ()
    sensation: tuple[dict[str, Any], ...] = ()
    signs: tuple[dict[str, Any], ...] = ()
    unmapped: tuple[str, ...] = ()


def sides_of(side: ExamSide | None) -> frozenset[str]:
    """The sides an exam entry names (empty: not said, so it applies to the marked sides)."""
    return frozenset({"left", "right"}) if side == "both" else frozenset({side} if side else ())
