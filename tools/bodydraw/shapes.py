"""Evaluate the landmark file's points, lines and shapes (see its header) into shapely geometry."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bodydraw import regions
from bodydraw.curves import Frame, Line, Pt, ellipse, smooth_closed, smooth_open
from bodydraw.spec import TU, Finger, LineSpec, PointSpec, ShapeSpec
from explainer.anatomy.errors import ContentError

BINARY: dict[str, Callable[[BaseGeometry, BaseGeometry], BaseGeometry]] = {
    "intersection": lambda a, b: a.intersection(b),
    "difference": lambda a, b: a.difference(b),
    "union": lambda a, b: a.union(b),
    "symmetric_difference": lambda a, b: a.symmetric_difference(b),
}


@dataclass(frozen=True)
class Scope:
    """What names in one drawing refer to; ``record`` and ``field`` say where an error is."""

    file: str
    record: str = "-"
    field: str = "-"
    frames: Mapping[str, Frame] = dataclasses.field(default_factory=dict)
    points: dict[str, Pt] = dataclasses.field(default_factory=dict)
    lines: dict[str, Line] = dataclasses.field(default_factory=dict)
    shapes: dict[str, BaseGeometry] = dataclasses.field(default_factory=dict)
    fingers: Mapping[str, Finger] = dataclasses.field(default_factory=dict)
    midclavicular_x: float = 0.0

    def at(self, *, record: str, field: str) -> Scope:
        return replace(self, record=record, field=field)

    def error(self, problem: str) -> ContentError:
        return ContentError(file=self.file, record=self.record, field=self.field, problem=problem)

    def lookup(self, table: Mapping[str, object], name: str, *, what: str) -> object:
        if name not in table:
            raise self.error(f"unknown {what} {name!r} (known: {', '.join(table) or 'none'})")
        return table[name]

    def frame(self, name: str) -> Frame:
        found = self.lookup(self.frames, name, what="frame")
        assert isinstance(found, Frame)
        return found


def finger_axis(finger: Finger, frac: float) -> Pt:
    """A point on a detail-view finger's axis, ``frac`` of its length from its base."""
    x, y = finger.base
    return (x + finger.tilt * finger.length * frac, y + finger.length * frac)


def frame_tu(frame: Frame, tu: TU) -> Pt:
    """(t, u) with t resolved: counted from the far joint when written `end...`."""
    (from_end, t), u = tu
    return (frame.length + t if from_end else t, u)


def point(spec: PointSpec, scope: Scope) -> Pt:
    tag = spec.tags()[0]
    if spec.xy is not None:
        return (spec.xy[0], spec.xy[1])
    if spec.ref is not None:
        found = scope.lookup(scope.points, spec.ref, what="point")
        assert isinstance(found, tuple)
        return (float(found[0]), float(found[1]))
    if spec.finger_axis is not None:
        name, frac = spec.finger_axis
        found = scope.lookup(scope.fingers, name, what="finger")
        assert isinstance(found, Finger)
        return finger_axis(found, frac)
    if spec.midpoint is not None:
        a, b = (point(p, scope) for p in spec.midpoint)
        return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    tu: TU = getattr(spec, tag)
    frame = scope.frame(tag)
    return frame.xy(*frame_tu(frame, tu))


def line(spec: LineSpec, scope: Scope) -> Line:
    """A polyline: named or listed points, shifted up by dy, ends dropped (inner), smoothed; or an ellipse."""
    if spec.ellipse is not None:
        e = spec.ellipse
        return [(float(x), float(y)) for x, y in ellipse(e.centre, e.rx, e.ry).exterior.coords[:]]
    if spec.line is not None:
        found = scope.lookup(scope.lines, spec.line, what="line")
        assert isinstance(found, list)
        pts: Line = list(found)
    else:
        pts = [point(p, scope) for p in spec.points or []]
    if spec.dy is not None:
        pts = [(x, y + spec.dy) for x, y in pts]
    if spec.inner:
        pts = pts[1:-1]
    return smooth_open(pts, n=spec.smooth) if spec.smooth else pts


def _limb(spec: ShapeSpec, scope: Scope) -> BaseGeometry | None:
    """Shapes drawn in a limb frame's (t, u) coordinates; None when the spec is not one of them."""
    if spec.limb_cell is not None:
        c = spec.limb_cell
        fr = scope.frame(c.frame)
        (t0, _), (t1, _) = frame_tu(fr, (c.t[0], 0.0)), frame_tu(fr, (c.t[1], 0.0))
        return fr.cell(t0, t1, c.u[0], c.u[1])
    if spec.side is not None:
        fr = scope.frame(spec.side.frame)
        return fr.side([frame_tu(fr, p) for p in spec.side.curve], lateral=spec.side.lateral)
    if spec.upto is not None:
        fr = scope.frame(spec.upto.frame)
        return fr.upto([frame_tu(fr, p) for p in spec.upto.curve])
    if spec.oval is not None:
        fr = scope.frame(spec.oval.frame)
        return fr.oval(frame_tu(fr, spec.oval.centre), spec.oval.a, spec.oval.b)
    for poly in (spec.blob, spec.frame_polygon):
        if poly is not None:
            fr = scope.frame(poly.frame)
            pts = [frame_tu(fr, p) for p in poly.points]
            return fr.blob(pts) if poly is spec.blob else fr.poly(pts)
    return None


def _plane(spec: ShapeSpec, scope: Scope) -> BaseGeometry | None:
    """Half-planes, bands, boxes, ellipses and the finger-tip cut; None when the spec is not one of them."""
    for name, cut in (("above", regions.above), ("below", regions.below), ("left_of", regions.left_of)):
        spec_line = getattr(spec, name)
        if spec_line is not None:
            pts = line(spec_line, scope)
            if len(pts) < 2:
                raise scope.error(f"{name}: the line needs at least 2 points")
            return cut(pts)
    if spec.band is not None:
        return regions.band(*spec.band, midclavicular_x=scope.midclavicular_x)
    if spec.box is not None:
        return box(*spec.box)
    if spec.ellipse is not None:
        return ellipse(spec.ellipse.centre, spec.ellipse.rx, spec.ellipse.ry)
    if spec.across_finger is not None:
        cut_at = spec.across_finger
        found = scope.lookup(scope.fingers, cut_at.finger, what="finger")
        assert isinstance(found, Finger)
        y = finger_axis(found, cut_at.at)[1]
        return regions.above([(-1, y - cut_at.left_drop), (1, y)])
    return None


def shape(spec: ShapeSpec, scope: Scope) -> BaseGeometry:
    """Evaluate one shape expression (operands of set operations are applied left to right)."""
    if spec.ref is not None:
        found = scope.lookup(scope.shapes, spec.ref, what="shape")
        assert isinstance(found, BaseGeometry)
        return found
    if spec.polygon is not None:
        pts: Line = []
        for item in spec.polygon:
            pts += [(item.xy[0], item.xy[1])] if item.xy is not None else smooth_open(item.curve or [], n=item.n)
        return Polygon(pts)
    if spec.outline is not None:
        return Polygon(smooth_closed(spec.outline, n=spec.n))
    if spec.union_all is not None:
        return unary_union([shape(s, scope) for s in spec.union_all])
    for name, combine in BINARY.items():
        operands = getattr(spec, name)
        if operands is not None:
            result = shape(operands[0], scope)
            for other in operands[1:]:
                result = combine(result, shape(other, scope))
            return result
    found = _limb(spec, scope)
    if found is None:
        found = _plane(spec, scope)
    if found is None:  # unreachable: the model requires exactly one tag
        raise scope.error(f"cannot draw shape {spec.tags()}")
    return found


def named_shapes(table: Mapping[str, ShapeSpec], scope: Scope, *, section: str) -> None:
    """Evaluate a `shapes:` table in order into the scope (later entries may use earlier ones)."""
    for name, spec in table.items():
        scope.shapes[name] = shape(spec, scope.at(record=f"{section}.shapes", field=name))
