"""Place each generic drawing into its view: both sides (mirrored as the view requires), labels, key points."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from shapely import affinity
from shapely.geometry.base import BaseGeometry

from bodydraw import body as whole_body
from bodydraw.curves import Line, Pt
from bodydraw.details import Drawn, foot_detail, hand_detail, saddle_detail
from bodydraw.drawing import courses, key_points, paint_cells, view_lines, view_scope
from bodydraw.model import Landmarks, View
from bodydraw.regions import as_polys
from bodydraw.shapes import Scope

ViewName = Literal["front", "back", "hand_palm", "hand_dorsum", "foot_top", "foot_sole", "saddle"]
VIEWS: tuple[ViewName, ...] = ("front", "back", "hand_palm", "hand_dorsum", "foot_top", "foot_sole", "saddle")
SIDES = ("right", "left")
SIDE_TITLE = {"right": "Right", "left": "Left"}


class Placement:
    """Where one side's generic drawing goes in a view: optional mirror, then shift."""

    def __init__(self, *, mirror: bool, dx: float = 0.0, dy: float = 0.0) -> None:
        self.mirror, self.dx, self.dy = mirror, dx, dy

    def pt(self, p: Pt) -> Pt:
        return ((-p[0] if self.mirror else p[0]) + self.dx, p[1] + self.dy)

    def geom(self, g: BaseGeometry) -> BaseGeometry:
        if self.mirror:
            g = affinity.scale(g, -1, 1, origin=(0, 0))
        return as_polys(affinity.translate(g, self.dx, self.dy))

    def line(self, line: Sequence[Pt]) -> Line:
        return [self.pt(p) for p in line]


class ViewDraft:
    """One view being assembled (both sides), before re-noding, simplifying and writing."""

    def __init__(self, name: ViewName, spec: View) -> None:
        self.name, self.title, self.faces_front = name, spec.title, spec.faces_front
        self.simplify, self.min_px_per_unit = spec.simplify, spec.min_px_per_unit
        self.zones: dict[str, BaseGeometry] = {}
        self.fills: list[BaseGeometry] = []
        self.lines: list[Line] = []
        self.courses: dict[str, list[Line]] = {}
        self.key_points: list[dict[str, object]] = []
        self.labels: list[dict[str, object]] = []

    def add_side(self, side: str, place: Placement, *, drawn: Drawn, lines: Iterable[Line],
                 courses: dict[str, list[Line]], keys: Iterable[tuple[str, str, Pt]]) -> None:
        zones, fills = drawn
        for zid, g in zones.items():
            self.zones[f"{zid}_{side}"] = place.geom(g)
        self.fills += [place.geom(g) for g in fills]
        self.lines += [place.line(line) for line in lines]
        for nerve, paths in courses.items():
            self.courses.setdefault(nerve, []).extend(place.line(p) for p in paths)
        for root, zid, p in keys:
            x, y = place.pt(p)
            self.key_points.append({"root": root, "zone": f"{zid}_{side}", "x": x, "y": y})


def body_view(lm: Landmarks, name: Literal["front", "back"], *, file: str) -> ViewDraft:
    """Front or back: the half body mirrored into both sides (front: patient's right on the viewer's left)."""
    spec = lm.front if name == "front" else lm.back
    scope = view_scope(spec, whole_body.body_scope(lm.body, file=file), name=name)
    if spec.foot_outline is None:
        raise scope.at(record=name, field="foot_outline").error("a whole-body view needs its foot_outline")
    half = whole_body.silhouette(lm.body, foot_outline=spec.foot_outline)
    drawn = paint_cells(half, spec, scope, name=name)
    lines = whole_body.body_lines(lm.body, spec, scope, name=name)
    paths, keys = courses(spec, scope, name=name), key_points(spec, scope, name=name)
    view = ViewDraft(name, spec)
    for side in SIDES:
        mirror = (side == "left") if name == "back" else (side == "right")
        view.add_side(side, Placement(mirror=mirror), drawn=drawn, lines=lines, courses=paths, keys=keys)
    return view


def detail_view(name: ViewName, spec: View, drawn: Drawn, scope: Scope) -> ViewDraft:
    """Left and right side by side; front-facing views put the patient's right on the viewer's left."""
    view = ViewDraft(name, spec)
    scope = view_scope(spec, scope, name=name)
    keys, paths = key_points(spec, scope, name=name), courses(spec, scope, name=name)
    viewer_left = "right" if spec.faces_front else "left"
    for side in SIDES:
        dx = -spec.spacing if side == viewer_left else spec.spacing
        view.add_side(side, Placement(mirror=side != spec.generic_side, dx=dx), drawn=drawn, lines=[], courses=paths,
                      keys=keys)
        if spec.caption:
            view.labels.append({"text": f"{SIDE_TITLE[side]} {spec.caption}", "x": dx, "y": spec.label_y, "kind": "part"})
    view.lines += view_lines(spec.view_lines, scope, name=name, section="view_lines")
    view.labels += [{"text": lab.text, "x": lab.x, "y": lab.y, "kind": "part"} for lab in spec.labels]
    return view


def build_views(lm: Landmarks, *, file: str) -> list[ViewDraft]:
    """Every view of body_map.json, in the file's order."""
    views = [body_view(lm, "front", file=file), body_view(lm, "back", file=file)]
    hands: tuple[tuple[ViewName, View], ...] = (("hand_palm", lm.hand_palm), ("hand_dorsum", lm.hand_dorsum))
    for name, spec in hands:
        views.append(detail_view(name, spec, *hand_detail(lm.hand, spec, name=name, file=file)))
    feet: tuple[tuple[ViewName, View], ...] = (("foot_top", lm.foot_top), ("foot_sole", lm.foot_sole))
    for name, spec in feet:
        views.append(detail_view(name, spec, *foot_detail(lm.foot, spec, name=name, file=file)))
    views.append(detail_view("saddle", lm.saddle, *saddle_detail(lm.saddle, name="saddle", file=file)))
    return views

