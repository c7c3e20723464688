"""Half-planes, trunk bands and painting zone cells in order (each takes what is left inside it)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bodydraw.curves import Pt

BIG = 20.0


def polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygons(g)]
    return []


def as_polys(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygonal part of a (made valid) geometry."""
    parts = polygons(shapely.make_valid(geom))
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def paint(region: BaseGeometry, cells: Sequence[tuple[str, BaseGeometry]], *,
          min_area: float = 1e-5) -> tuple[dict[str, BaseGeometry], BaseGeometry, list[str]]:
    """Each cell takes what is left of the region inside it, in order; returns zones, leftovers, empty cells."""
    out: dict[str, BaseGeometry] = {}
    empty: list[str] = []
    rest = region
    for name, cell in cells:
        piece = rest.intersection(cell)
        parts = [p for p in polygons(piece) if p.area > min_area]
        if not parts:
            empty.append(name)
            continue
        out[name] = MultiPolygon(parts) if len(parts) > 1 else parts[0]
        rest = rest.difference(cell)
    return out, rest, empty


def below(line: Sequence[Pt]) -> Polygon:
    """Everything below a left-to-right polyline (extended to +/- BIG)."""
    pts = [(-BIG, line[0][1]), *line, (BIG, line[-1][1])]
    return Polygon([*pts, (BIG, -BIG), (-BIG, -BIG)])


def above(line: Sequence[Pt]) -> Polygon:
    pts = [(-BIG, line[0][1]), *line, (BIG, line[-1][1])]
    return Polygon([*pts, (BIG, BIG), (-BIG, BIG)])


def left_of(line: Sequence[Pt]) -> Polygon:
    """Everything medial (x smaller) of a top-to-bottom polyline."""
    pts = [(line[0][0], BIG), *line, (line[-1][0], -BIG)]
    return Polygon([*pts, (-BIG, -BIG), (-BIG, BIG)])


def band(y_hi: float, y_lo: float, slope: float, *, midclavicular_x: float) -> Polygon:
    """Trunk band between two levels measured at the midclavicular line; slope = rise per unit x."""
    def line(y: float) -> list[Pt]:
        xs = [-0.5 + 0.1 * i for i in range(18)]
        return [(x, y + slope * (math.sqrt(x * x + 0.03) - midclavicular_x)) for x in xs]
    return above(line(y_lo)).intersection(below(line(y_hi)))
