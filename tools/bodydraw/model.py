"""Typed model of assets/body_landmarks.yaml: a broken file names the file, the record and the field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError, model_validator

from bodydraw.spec import XY, Ellipse, Finger, FingerName, FrameName, Line, Point, Shape, Side, Strict
from explainer.anatomy.errors import ContentError

FINGERS: tuple[FingerName, ...] = ("index", "middle", "ring", "little")  # radial to ulnar
ToeName = Literal["great", "second", "third", "fourth", "little"]
JointName = Literal["shoulder", "elbow", "wrist", "hip", "knee", "ankle"]
TOES: tuple[ToeName, ...] = ("great", "second", "third", "fourth", "little")  # medial to lateral


class Cell(Strict):
    zone: str  # vocabulary id (drawn as <id>_left / <id>_right), or deco:<name> for a non-clickable fill
    shape: Shape


class KeyPoint(Strict):
    root: str
    zone: str
    at: Point


class Label(Strict):
    text: str
    x: float
    y: float


class Circle(Strict):
    centre: XY
    r: float


class Capsule(Strict):
    base: XY
    tip: XY
    radius: float
    tip_scale: float = 1.0


class Rotated(Ellipse):
    rotate: float = 0.0


class View(Strict):
    """One view of body_map.json: its zone cells in painting order, key points, hint lines, nerve courses."""

    title: str
    faces_front: bool
    cells: list[Cell] = Field(min_length=1)
    key_points: list[KeyPoint] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    courses: dict[str, list[list[Point]]] = Field(default_factory=dict)
    points: dict[str, Point] = Field(default_factory=dict)
    simplify: float = 0.003
    min_px_per_unit: float = 0.0
    # whole-body views
    foot_outline: list[XY] | None = None
    toe_clefts: ToeClefts | None = None
    # detail views: both sides side by side
    spacing: float = 0.0
    generic_side: Side = "right"
    caption: str = ""
    label_y: float = 0.0
    # saddle
    zone_half: list[XY] | None = None
    thigh: Rotated | None = None
    buttock: Ellipse | None = None
    view_lines: list[Line] = Field(default_factory=list)
    labels: list[Label] = Field(default_factory=list)


class ToeClefts(Strict):
    starts: list[XY]
    step: XY


class BodyHand(Strict):
    palm: list[XY] = Field(min_length=3)
    finger_base_t: float
    fingers: list[tuple[float, float, float]]
    finger_radius: float
    thumb: Capsule
    closing: float
    clefts: list[XY]
    cleft_t: XY


class Body(Strict):
    """The half body shared by the front and back views."""

    midclavicular_x: float
    joints: dict[JointName, XY]
    frames: dict[FrameName, tuple[JointName, JointName]]  # from joint, to joint
    hand_direction: XY
    head_half: list[XY] = Field(min_length=3)
    ears: Ellipse
    trunk_half: list[XY] = Field(min_length=3)
    shoulder_caps: Circle
    arm_tube: list[tuple[float, float, float, float]] = Field(min_length=2)
    leg_tube: list[tuple[float, float, float, float]] = Field(min_length=2)
    closing: float
    hand: BodyHand
    lines: dict[str, list[XY]]
    shapes: dict[str, Shape]

    @model_validator(mode="after")
    def _frames_use_known_joints(self) -> Body:
        needed = {j for pair in self.frames.values() for j in pair} | {"wrist"}
        missing = sorted(needed - set(self.joints))
        if missing:
            raise ValueError(f"joints: {', '.join(missing)} missing (used by the frames)")
        return self


class Hand(Strict):
    palm: list[XY] = Field(min_length=3)
    fingers: dict[FingerName, Finger]
    finger_from: float
    finger_tip_scale: float
    thumb: Capsule
    forearm: list[XY] = Field(min_length=3)
    closing: float
    knuckle_line: list[XY] = Field(min_length=2)
    ring_axis_y: XY
    shapes: dict[str, Shape]

    @model_validator(mode="after")
    def _all_fingers(self) -> Hand:
        missing = [f for f in FINGERS if f not in self.fingers]
        if missing:
            raise ValueError(f"fingers: {', '.join(missing)} missing")
        return self


class Foot(Strict):
    outline: list[XY] = Field(min_length=3)
    toes: dict[ToeName, Capsule]
    toe_tip_scale: float
    closing: float
    toe_line: list[XY] = Field(min_length=2)
    shapes: dict[str, Shape]

    @model_validator(mode="after")
    def _all_toes(self) -> Foot:
        missing = [t for t in TOES if t not in self.toes]
        if missing:
            raise ValueError(f"toes: {', '.join(missing)} missing")
        return self


class Landmarks(Strict):
    levels: dict[str, float] = Field(default_factory=dict)
    body: Body
    front: View
    back: View
    hand: Hand
    hand_palm: View
    hand_dorsum: View
    foot: Foot
    foot_top: View
    foot_sole: View
    saddle: View


View.model_rebuild()


def _record_and_field(loc: Sequence[int | str], raw: Any) -> tuple[str, str]:
    """Split a pydantic location: the record is the section down to the first list item (named by its zone/root)."""
    parts: list[str] = []
    node = raw
    for i, key in enumerate(loc):
        node = _child(node, key)
        if isinstance(key, int):
            name = node.get("root", node.get("zone")) if isinstance(node, Mapping) else None
            record = ".".join(parts) + f"[{key}]" + (f" ({name})" if name else "")
            return record, ".".join(str(k) for k in loc[i + 1:]) or "-"
        parts.append(str(key))
        if i == 1 and len(loc) > 2 and not isinstance(loc[2], int):
            return ".".join(parts), ".".join(str(k) for k in loc[2:])
    return (".".join(parts[:-1]) or "-"), (parts[-1] if parts else "-")


def _child(node: Any, key: int | str) -> Any:
    """The raw value at ``key`` (None when absent), to name a list item by its zone or root."""
    if isinstance(node, Mapping):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def load_landmarks(path: Path, *, name: str) -> Landmarks:
    """Read and validate the landmark file; any problem raises a ContentError naming file, record and field."""
    if not path.is_file():
        raise ContentError(file=name, record="-", field="-", problem="file is missing", kind="missing")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(file=name, record="-", field="-", problem=f"not valid YAML ({exc})", kind="unreadable") from exc
    if not isinstance(raw, Mapping):
        raise ContentError(file=name, record="-", field="-", problem="file is empty or not a mapping", kind="empty")
    try:
        return Landmarks.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        record, field = _record_and_field(first["loc"], raw)
        problem = f"{first['msg']} (got {first.get('input')!r})"[:300]
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ContentError(file=name, record=record, field=field, problem=problem + more) from exc
