"""Checks on the drawn geometry, callable from ``python -m explainer check``."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any, Final

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from explainer.bodymap.geometry import (
    NERVE_COURSES,
    SIDES,
    BodyMap,
    PolygonRings,
    View,
    expected_view,
    load_body_map,
)

MIN_ZONE_PX: Final = 24.0
OVERLAP_TOLERANCE: Final = 1e-4  # in drawing units squared (about 2 px² on the whole-body views)


def shape_of(polygons: Iterable[PolygonRings]) -> MultiPolygon:
    """A zone's polygons as one shapely geometry."""
    return MultiPolygon([Polygon(rings[0], rings[1:]) for rings in polygons])


def inscribed_diameter_px(view: View, zone_id: str, size_px: tuple[int, int] | None = None) -> float:
    """Diameter of the largest circle inside the zone, in CSS px at the given figure size."""
    shape = shape_of(view.zones[zone_id].polygons)
    best = max(2 * shapely.maximum_inscribed_circle(p, 1e-4).length for p in shape.geoms)
    return float(best) * view.px_per_unit(size_px)


def _ring_problems(where: str, polygons: Iterable[PolygonRings]) -> list[str]:
    problems: list[str] = []
    for rings in polygons:
        for i, ring in enumerate(rings):
            if len(ring) < 4 or ring[0] != ring[-1]:
                problems.append(f"{where}: ring {i} is not closed")
        if rings and len(rings[0]) >= 4 and shapely.LinearRing(rings[0]).is_ccw:
            problems.append(f"{where}: exterior ring is not clockwise")
        poly = Polygon(rings[0], rings[1:]) if rings and len(rings[0]) >= 4 else None
        if poly is None or not poly.is_valid:
            problems.append(f"{where}: polygon is not valid (self-intersecting?)")
    return problems


def view_problems(view: View) -> list[str]:
    problems: list[str] = []
    shapes = {}
    for zid, zone in view.zones.items():
        problems += _ring_problems(f"{view.name}/{zid}", zone.polygons)
        shapes[zid] = shape_of(zone.polygons).buffer(0)
        if inscribed_diameter_px(view, zid) < MIN_ZONE_PX:
            problems.append(f"{view.name}/{zid}: smaller than {MIN_ZONE_PX:.0f} px at the default size")
    tree = shapely.STRtree(list(shapes.values()))
    ids = list(shapes)
    for i, j in itertools.chain.from_iterable(
        ((i, int(j)) for j in tree.query(shapes[ids[i]]) if int(j) > i) for i in range(len(ids))
    ):
        overlap = shapes[ids[i]].intersection(shapes[ids[j]]).area
        if overlap > OVERLAP_TOLERANCE:
            problems.append(f"{view.name}: {ids[i]} and {ids[j]} overlap ({overlap:.5f})")
    for kp in view.key_points:
        if kp.zone not in shapes:
            problems.append(f"{view.name}: key point {kp.root} names unknown zone {kp.zone}")
        elif not shapes[kp.zone].contains(Point(kp.x, kp.y)):
            problems.append(f"{view.name}: key point {kp.root} lies outside {kp.zone}")
    for nerve in view.courses:
        if nerve not in NERVE_COURSES:
            problems.append(f"{view.name}: unknown nerve course {nerve}")
    return problems


def validate_geometry(body: BodyMap | None = None) -> list[str]:
    """Every problem with the body map; an empty list means it is fine."""
    body = body or load_body_map()
    problems: list[str] = []
    seen: dict[str, str] = {}
    for view in body.views.values():
        problems += view_problems(view)
        for zid in view.zones:
            if zid in seen:
                problems.append(f"{zid} is drawn twice ({seen[zid]} and {view.name})")
            seen[zid] = view.name
    for zone_id in body.zone_ids:
        for side in SIDES:
            instance = f"{zone_id}_{side}"
            if instance not in seen:
                problems.append(f"{instance} is not drawn")
            elif seen[instance] != expected_view(body, zone_id):
                problems.append(f"{instance} is in {seen[instance]}, expected {expected_view(body, zone_id)}")
    known = {f"{z}_{s}" for z in body.zone_ids for s in SIDES}
    problems += [f"{zid} is not in the vocabulary" for zid in sorted(set(seen) - known)]
    placed = {(kp.root, kp.zone) for v in body.views.values() for kp in v.key_points}
    for root, zone_id in body.key_sensory_points:
        for side in SIDES:
            if (root, f"{zone_id}_{side}") not in placed:
                problems.append(f"key sensory point {root} has no marker in {zone_id}_{side}")
    drawn = {n for v in body.views.values() for n in v.courses}
    problems += [f"nerve course {n} is not drawn" for n in NERVE_COURSES if n not in drawn]
    return problems


def asset_problems(atlas: Any) -> list[str]:
    """Geometry problems plus disagreements with the content atlas (zone and nerve ids)."""
    body = load_body_map()
    problems = validate_geometry(body)
    zones = set(getattr(atlas, "zones", {}) or {})
    if zones and zones != set(body.zone_ids):
        problems += [f"zone {z} is in content but not drawn" for z in sorted(zones - set(body.zone_ids))]
        problems += [f"zone {z} is drawn but not in content" for z in sorted(set(body.zone_ids) - zones)]
    nerves = set(getattr(atlas, "nerves", {}) or {}) | set(getattr(atlas, "cutaneous_nerves", {}) or {})
    if nerves:
        problems += [f"nerve course {n} is not a content nerve" for n in NERVE_COURSES if n not in nerves]
    return problems
