"""Re-node, simplify and write the views as assets/body_map.json; check them against the zone vocabulary."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bodydraw.regions import as_polys, polygons
from bodydraw.views import SIDES, ViewDraft

DIGITS = 3
MIN_ZONE_PX = 24.0
SAFETY = 1.03  # head-room over the minimum scale (plotly's fit, rounding)
MARGIN_PX = 8


def _ring(coords: Iterable[Sequence[float]]) -> list[list[float]]:
    return [[round(float(x), DIGITS), round(float(y), DIGITS)] for x, y, *_ in coords]


def _poly_json(g: BaseGeometry) -> list[list[list[list[float]]]]:
    """Polygons -> list of [exterior (clockwise), *holes] rings, rounded."""
    out = []
    for p in polygons(shapely.orient_polygons(g, exterior_cw=True)):
        out.append([_ring(p.exterior.coords), *[_ring(r.coords) for r in p.interiors]])
    return out


def clean_coverage(geoms: Sequence[BaseGeometry], *, sliver: float = 1e-4) -> list[BaseGeometry]:
    """Re-node the pieces into one exact coverage: shared borders get identical vertices.

    Faces of the noded line-work go to the piece that overlaps them most; small faces in gaps
    go to the neighbour sharing the longest border.
    """
    fixed = [as_polys(g) for g in geoms]
    lines = unary_union([g.boundary for g in fixed])
    faces = list(shapely.polygonize(list(getattr(lines, "geoms", [lines]))).geoms)
    owners: list[list[BaseGeometry]] = [[] for _ in fixed]
    orphans = []
    for face in faces:
        inner = face.representative_point()
        overlaps = [f.intersection(face).area if f.intersects(inner) or f.intersects(face) else 0.0
                    for f in fixed]
        best = max(range(len(fixed)), key=lambda i: overlaps[i])
        if overlaps[best] > 0.5 * face.area:
            owners[best].append(face)
        elif face.area < sliver:
            orphans.append(face)
    for face in orphans:
        shared = [face.boundary.intersection(f.boundary).length for f in fixed]
        best = max(range(len(fixed)), key=lambda i: shared[i])
        if shared[best] > 0:
            owners[best].append(face)
    return [unary_union(parts) for parts in owners]


def _labels(view: ViewDraft, bounds: list[float], top: float) -> list[dict[str, object]]:
    viewer_left, viewer_right = ("right", "left") if view.faces_front else ("left", "right")
    return [
        {"text": f"Patient's {viewer_left}", "x": bounds[0] + 0.02, "y": top - 0.08, "kind": "side", "align": "left"},
        {"text": f"Patient's {viewer_right}", "x": bounds[2] - 0.02, "y": top - 0.08, "kind": "side", "align": "right"},
        *[{**lab, "align": "center"} for lab in view.labels],
    ]


def _rounded(items: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    return [{**k, "x": round(float(str(k["x"])), DIGITS), "y": round(float(str(k["y"])), DIGITS)} for k in items]


def finalize(view: ViewDraft) -> dict[str, object]:
    """One view as JSON-ready data: size, scale, bounds, labels, zones, decoration, key points, courses."""
    names = list(view.zones)
    geoms = clean_coverage([view.zones[n] for n in names] + view.fills)
    simple = [shapely.set_precision(g, 10.0 ** -DIGITS)
              for g in shapely.coverage_simplify(geoms, view.simplify, simplify_boundary=True)]
    zones = dict(zip(names, simple[: len(names)], strict=True))
    fills = simple[len(names):]
    whole = unary_union(simple).buffer(0)
    d_min = min(2 * shapely.maximum_inscribed_circle(g).length for g in zones.values())
    scale = max(MIN_ZONE_PX * SAFETY / d_min, view.min_px_per_unit)
    x0, y0, x1, y1 = whole.bounds
    top = y1 + (0.28 if view.name in ("front", "back") else 0.3)
    low = min([y0, *[float(str(lab["y"])) for lab in view.labels]]) - 0.12
    pad = 0.06
    bounds = [round(x0 - pad, DIGITS), round(low, DIGITS), round(x1 + pad, DIGITS), round(top, DIGITS)]
    width = (bounds[2] - bounds[0]) * scale + 2 * MARGIN_PX
    height = (bounds[3] - bounds[1]) * scale + 2 * MARGIN_PX
    zone_json = {}
    for n in sorted(zones):
        cx, cy = shapely.maximum_inscribed_circle(zones[n]).coords[0]
        zone_json[n] = {"anchor": [round(cx, DIGITS), round(cy, DIGITS)], "polygons": _poly_json(zones[n])}
    return {
        "title": view.title,
        "faces": "front" if view.faces_front else "back",
        "size_px": [math.ceil(width), math.ceil(height)],
        "px_per_unit": round(scale, 2),
        "bounds": bounds,
        "labels": _rounded(_labels(view, bounds, top)),
        "zones": zone_json,
        "decor": {
            "fills": [p for g in fills for p in _poly_json(g)],
            "outline": [_ring(p.exterior.coords) for p in polygons(whole)],
            "lines": [_ring(line) for line in view.lines],
        },
        "key_points": _rounded(view.key_points),
        "courses": {n: [_ring(p) for p in paths] for n, paths in sorted(view.courses.items())},
    }


def write(views: Sequence[ViewDraft], path: Path, *, source: str, sha256: str) -> None:
    """The JSON file, one zone per line; records which landmark file (and which version of it) it was drawn from."""
    lines = ["{", '"format": "nerve-map body map 1",',
             f'"generated_by": "tools/draw_body.py from {source} (edit the landmarks there, then re-run)",',
             f'"generated_from": {json.dumps({"file": source, "sha256": sha256}, separators=(",", ":"))},',
             '"units": "head heights on whole-body views; x grows to the viewer\'s right, y upwards;'
             ' rings are [x, y] lists, exterior clockwise, first point repeated last",',
             '"views": {']
    for i, view in enumerate(views):
        data = finalize(view)
        zones = data.pop("zones")
        assert isinstance(zones, dict)
        head = json.dumps(data, separators=(",", ":"))[:-1]
        zone_lines = [f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in zones.items()]
        lines.append(f" {json.dumps(view.name)}: {head},\"zones\":{{")
        lines.append(",\n".join(zone_lines))
        lines.append(" }}" + ("," if i < len(views) - 1 else ""))
    lines += ["}", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_vocabulary(views: Sequence[ViewDraft], *, vocabulary: Path) -> list[str]:
    """Zones drawn twice, missing or unknown; key points outside their zone."""
    vocab = json.loads(vocabulary.read_text(encoding="utf-8"))
    want = {f"{z['id']}_{s}" for z in vocab["zones"] for s in SIDES}
    seen: dict[str, str] = {}
    problems = []
    for v in views:
        for zid in v.zones:
            if zid in seen:
                problems.append(f"{zid} drawn in {seen[zid]} and {v.name}")
            seen[zid] = v.name
    problems += [f"missing {z}" for z in sorted(want - set(seen))]
    problems += [f"unknown {z}" for z in sorted(set(seen) - want)]
    for v in views:
        for k in v.key_points:
            zone = v.zones.get(str(k["zone"]))
            if zone is None or not zone.contains(Point(float(str(k["x"])), float(str(k["y"])))):
                problems.append(f"key point {k['root']} outside {k['zone']}")
    return problems
