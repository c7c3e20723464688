"""The landmark file's little shape language, typed: points, lines and shapes.

Points, lines and shapes are small tagged mappings (exactly one tag each, see the file's header); a bare
list or name is accepted as shorthand and turned into its tagged form before validation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

FrameName = Literal["upper_arm", "forearm", "thigh", "lower_leg"]
FingerName = Literal["index", "middle", "ring", "little"]
Side = Literal["left", "right"]
XY = tuple[float, float]
_END = re.compile(r"^end(?:\s*([+-])\s*(\d+(?:\.\d*)?|\.\d+))?$")


def _along(raw: Any) -> Any:
    """t along a frame: a number, or `end`, `end+0.1`, `end-0.25` (from the far joint) -> (from_end, value)."""
    if isinstance(raw, str):
        found = _END.match(raw.strip())
        if not found:
            raise ValueError(f"expected a number or end, end+0.1, end-0.1; got {raw!r}")
        sign, number = found.groups()
        return (True, 0.0 if number is None else (-float(number) if sign == "-" else float(number)))
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError(f"expected a number or end, end+0.1, end-0.1; got {raw!r}")
    return (False, float(raw))


Along = Annotated[tuple[bool, float], BeforeValidator(_along)]
TU = tuple[Along, float]


def _tag(key: str) -> Any:
    """Shorthand: a bare value that is not a mapping becomes {key: value}."""
    return BeforeValidator(lambda raw: raw if isinstance(raw, Mapping) else {key: raw})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OneOf(Strict):
    """Exactly one of the tag fields is given."""

    def tags(self) -> list[str]:
        return [k for k in type(self).model_fields if k not in _OPTIONS and getattr(self, k) is not None]

    @model_validator(mode="after")
    def _one(self) -> OneOf:
        if len(self.tags()) != 1:
            given = ", ".join(self.tags()) or "none"
            raise ValueError(f"give exactly one of {', '.join(k for k in type(self).model_fields if k not in _OPTIONS)}"
                             f" (given: {given})")
        return self


_OPTIONS = {"n", "dy", "inner", "smooth"}


class PointSpec(OneOf):
    xy: XY | None = None
    ref: str | None = None
    upper_arm: TU | None = None
    forearm: TU | None = None
    thigh: TU | None = None
    lower_leg: TU | None = None
    finger_axis: tuple[FingerName, float] | None = None
    midpoint: tuple[Point, Point] | None = None


Point = Annotated[PointSpec, BeforeValidator(lambda raw: {"ref": raw} if isinstance(raw, str) else
                                             raw if isinstance(raw, Mapping) else {"xy": raw})]


class Ellipse(Strict):
    centre: XY
    rx: float
    ry: float


class LineSpec(OneOf):
    line: str | None = None
    points: list[Point] | None = None
    ellipse: Ellipse | None = None
    dy: float | None = None
    inner: bool = False
    smooth: int | None = Field(default=None, ge=1)


Line = Annotated[LineSpec, BeforeValidator(lambda raw: {"line": raw} if isinstance(raw, str) else
                                           raw if isinstance(raw, Mapping) else {"points": raw})]


class PathItem(OneOf):
    xy: XY | None = None
    curve: list[XY] | None = None
    n: int = Field(default=6, ge=1)


class LimbCell(Strict):
    frame: FrameName
    t: tuple[Along, Along]
    u: tuple[float, float] = (-1.0, 1.0)


class LimbSide(Strict):
    frame: FrameName
    lateral: bool
    curve: list[TU] = Field(min_length=2)


class LimbCurve(Strict):
    frame: FrameName
    curve: list[TU] = Field(min_length=2)


class LimbOval(Strict):
    frame: FrameName
    centre: TU
    a: float
    b: float


class LimbPoints(Strict):
    frame: FrameName
    points: list[TU] = Field(min_length=3)


class AcrossFinger(Strict):
    finger: FingerName
    at: float
    left_drop: float = 0.0


class ShapeSpec(OneOf):
    ref: str | None = None
    polygon: list[Annotated[PathItem, _tag("xy")]] | None = Field(default=None, min_length=2)
    outline: list[XY] | None = Field(default=None, min_length=3)
    n: int = Field(default=6, ge=1)
    above: Line | None = None
    below: Line | None = None
    left_of: Line | None = None
    band: tuple[float, float, float] | None = None
    box: tuple[float, float, float, float] | None = None
    ellipse: Ellipse | None = None
    limb_cell: LimbCell | None = None
    side: LimbSide | None = None
    upto: LimbCurve | None = None
    oval: LimbOval | None = None
    blob: LimbPoints | None = None
    frame_polygon: LimbPoints | None = None
    across_finger: AcrossFinger | None = None
    intersection: list[Shape] | None = Field(default=None, min_length=2)
    difference: list[Shape] | None = Field(default=None, min_length=2)
    union: list[Shape] | None = Field(default=None, min_length=2)
    symmetric_difference: list[Shape] | None = Field(default=None, min_length=2)
    union_all: list[Shape] | None = Field(default=None, min_length=2)


Shape = Annotated[ShapeSpec, _tag("ref")]



class Finger(Strict):
    base: XY
    length: float
    tilt: float
    radius: float


for _model in (PointSpec, ShapeSpec):
    _model.model_rebuild()

