"""Steps every view shares: paint the cells in order, evaluate the view's points, lines, courses and key points."""

from __future__ import annotations

from collections.abc import Sequence

from shapely.geometry.base import BaseGeometry

from bodydraw.curves import Line, Pt, smooth_open
from bodydraw.model import View
from bodydraw.regions import paint
from bodydraw.shapes import Scope, line, point, shape
from bodydraw.spec import LineSpec

UNASSIGNED_AREA = 1e-4  # paint must leave (almost) nothing of the drawing without a zone


def paint_cells(region: BaseGeometry, view: View, scope: Scope, *,
                name: str) -> tuple[dict[str, BaseGeometry], list[BaseGeometry]]:
    """Paint the view's cells in order: the zones and the `deco:` fills (in painting order)."""
    cells = [(c.zone, shape(c.shape, scope.at(record=f"{name}.cells[{i}] ({c.zone})", field="shape")))
             for i, c in enumerate(view.cells)]
    painted, rest, empty = paint(region, cells)
    if empty:
        i = [c.zone for c in view.cells].index(empty[0])
        raise scope.at(record=f"{name}.cells[{i}] ({empty[0]})", field="shape").error(
            "the cell is empty: everything inside it was taken by earlier cells or lies outside the drawing")
    if rest.area > UNASSIGNED_AREA:
        p = rest.representative_point()
        raise scope.at(record=f"{name}.cells", field="-").error(
            f"area {rest.area:.5f} near ({p.x:.2f}, {p.y:.2f}) belongs to no cell: widen a cell or add one")
    zones = {k: g for k, g in painted.items() if not k.startswith("deco:")}
    fills = [g for k, g in painted.items() if k.startswith("deco:")]
    return zones, fills


def view_scope(view: View, scope: Scope, *, name: str) -> Scope:
    """The shared scope plus the view's own named points (evaluated in order)."""
    own = Scope(file=scope.file, frames=scope.frames, points=dict(scope.points), lines=scope.lines,
                shapes=scope.shapes, fingers=scope.fingers, midclavicular_x=scope.midclavicular_x)
    for key, spec in view.points.items():
        own.points[key] = point(spec, own.at(record=f"{name}.points", field=key))
    return own


def view_lines(specs: Sequence[LineSpec], scope: Scope, *, name: str, section: str = "lines") -> list[Line]:
    """Hint lines, in order."""
    return [line(spec, scope.at(record=f"{name}.{section}[{i}]", field="-")) for i, spec in enumerate(specs)]


def courses(view: View, scope: Scope, *, name: str) -> dict[str, list[Line]]:
    """Nerve courses: smooth curves through each listed path."""
    return {nerve: [smooth_open([point(p, scope.at(record=f"{name}.courses", field=nerve)) for p in path])
                    for path in paths] for nerve, paths in view.courses.items()}


def key_points(view: View, scope: Scope, *, name: str) -> list[tuple[str, str, Pt]]:
    """(root, zone, point) in the drawing's own coordinates."""
    return [(k.root, k.zone, point(k.at, scope.at(record=f"{name}.key_points[{i}] ({k.root})", field="at")))
            for i, k in enumerate(view.key_points)]
