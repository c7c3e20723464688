"""PURE geometry payload for the in-browser SVG body map (no streamlit, no plotly).

One view becomes screen-space SVG path strings (y flipped, scaled to the view's default size), the zones'
label points, keyboard neighbours (arrow keys), the silhouette and hint lines, and the parts of a whole-body
picture that open a detail view when tapped (hands, feet, the saddle). The browser receives this once per view
and caches it; a tap then only sends the selection back.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal

from explainer.bodymap.geometry import BodyMap, Point, View, ViewName
from explainer.i18n import t

MARGIN_PX: Final = 8
Direction = Literal["up", "right", "down", "left"]
DIRECTIONS: Final[tuple[Direction, ...]] = ("up", "right", "down", "left")
_UNIT: Final[Mapping[Direction, tuple[float, float]]] = {"up": (0, -1), "right": (1, 0), "down": (0, 1), "left": (-1, 0)}
# Parts smaller than this share of a zone are cutting slivers left where neighbours meet: they stay clickable
# and filled, but an outline round them would leave stray dashes far from the zone people see.
SLIVER_SHARE: Final = 0.02
# Whole-body pictures: a tap on a (non-clickable) hand or foot opens its detail view.
DETAIL_OF_FILL: Final[Mapping[tuple[str, str], ViewName]] = {
    ("front", "hand"): "hand_palm", ("front", "foot"): "foot_top",
    ("back", "hand"): "hand_dorsum", ("back", "foot"): "foot_sole",
}  # fmt: skip


def detail_titles() -> dict[str, str]:
    """What tapping a hand, a foot or the saddle on a whole-body picture opens (in the page's language)."""
    return {
        "hand_palm": t("Open the hands (palm side)"), "hand_dorsum": t("Open the hands (back)"),
        "foot_top": t("Open the feet (top)"), "foot_sole": t("Open the feet (soles)"), "saddle": t("Open the saddle area"),
    }  # fmt: skip


SADDLE_HOTSPOT_ZONES: Final[Mapping[str, tuple[str, ...]]] = {
    # The hotspot for the saddle view sits where these zones meet (the crotch on the front, the cleft behind).
    "front": ("thigh_medial_upper_left", "thigh_medial_upper_right"),
    "back": ("buttock_medial_left", "buttock_medial_right"),
}


class Projection:
    """Drawing units (y up) -> SVG pixels (y down) at the view's default size."""

    def __init__(self, view: View) -> None:
        self.width, self.height = view.size_px
        self.scale = view.px_per_unit(margin_px=MARGIN_PX)
        x0, y0, x1, y1 = view.bounds
        # Centre the drawing in the box (px_per_unit takes the tighter of the two axes).
        self.dx = (self.width - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.dy = (self.height - (y1 - y0) * self.scale) / 2 + y1 * self.scale

    def xy(self, p: Point) -> tuple[float, float]:
        return round(p[0] * self.scale + self.dx, 1), round(self.dy - p[1] * self.scale, 1)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def path_d(rings: Iterable[Sequence[Point]], proj: Projection, *, closed: bool = True) -> str:
    """SVG path data for rings (closed) or polylines (open), in screen pixels."""
    parts: list[str] = []
    for ring in rings:
        pts = [proj.xy(p) for p in ring]
        if closed and len(pts) > 1 and pts[0] == pts[-1]:
            pts = pts[:-1]
        if len(pts) < 2:
            continue
        body = " ".join(f"{_num(x)} {_num(y)}" for x, y in pts)
        parts.append(f"M{body}" + ("Z" if closed else ""))
    return "".join(parts)


def ring_area(ring: Sequence[Point]) -> float:
    """The area inside a ring of points (the shoelace formula; the ring may or may not repeat its first point)."""
    pairs = zip(ring, [*ring[1:], ring[0]], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def main_rings(view: View, zone: str) -> list[tuple[Point, ...]]:
    """The exterior rings worth outlining (cutting slivers left out)."""
    polys = view.zones[zone].polygons
    areas = [ring_area(poly[0]) for poly in polys]
    return [poly[0] for poly, area in zip(polys, areas, strict=True) if area >= SLIVER_SHARE * max(areas)]


def neighbours(anchors: Mapping[str, tuple[float, float]]) -> dict[str, list[str | None]]:
    """For each zone, the nearest zone up / right / down / left of it on screen (None at the edge)."""
    out: dict[str, list[str | None]] = {}
    for zid, (x, y) in anchors.items():
        row: list[str | None] = []
        for d in DIRECTIONS:
            ux, uy = _UNIT[d]
            best: tuple[float, str] | None = None
            for other, (ox, oy) in anchors.items():
                if other == zid:
                    continue
                along = (ox - x) * ux + (oy - y) * uy
                across = abs((ox - x) * uy - (oy - y) * ux)
                if along <= 0 or across > 2.5 * along:  # within a wide cone in that direction
                    continue
                score = along + 2.0 * across
                if best is None or score < best[0]:
                    best = (score, other)
            row.append(best[1] if best else None)
        out[zid] = row
    return out


def _fill_part(view: View, ring: Sequence[Point]) -> str:
    """'foot' when a decor fill lies in the lowest fifth of a whole-body picture, else 'hand'."""
    y0, y1 = view.bounds[1], view.bounds[3]
    cy = sum(p[1] for p in ring) / len(ring)
    return "foot" if cy < y0 + 0.2 * (y1 - y0) else "hand"


def _saddle_hotspot(view: View, proj: Projection) -> dict[str, Any] | None:
    zones = [z for z in SADDLE_HOTSPOT_ZONES.get(view.name, ()) if z in view.zones]
    if len(zones) != 2:
        return None
    (ax, ay), (bx, by) = (proj.xy(view.zones[z].anchor) for z in zones)
    x, y = (ax + bx) / 2, (ay + by) / 2 - (0 if view.name == "back" else 0.35 * abs(ax - bx))
    return {"go": "saddle", "x": round(x, 1), "y": round(y, 1), "r": 15, "title": detail_titles()["saddle"]}


def view_payload(body: BodyMap, view: ViewName) -> dict[str, Any]:
    """Everything the browser needs to draw one view (no per-person data), JSON-ready."""
    v = body.views[view]
    proj = Projection(v)
    zones: list[dict[str, Any]] = []
    anchors: dict[str, tuple[float, float]] = {}
    for zid, zone in v.zones.items():
        outline = main_rings(v, zid)
        entry: dict[str, Any] = {"id": zid, "d": path_d((ring for poly in zone.polygons for ring in poly), proj)}
        if len(outline) != len(zone.polygons):
            entry["o"] = path_d(outline, proj)
        anchors[zid] = proj.xy(zone.anchor)
        entry["x"], entry["y"] = anchors[zid]
        zones.append(entry)
    fills = []
    titles = detail_titles()
    for poly in v.fills:
        go = DETAIL_OF_FILL.get((view, _fill_part(v, poly[0])))
        fills.append({"d": path_d(poly, proj), "go": go, "title": titles.get(go or "", "")})
    hotspot = _saddle_hotspot(v, proj)
    return {
        "view": view,
        "w": proj.width,
        "h": proj.height,
        "zones": zones,
        "nav": neighbours(anchors),
        "fills": fills,
        "hotspots": [hotspot] if hotspot else [],
        "outline": path_d(v.outline, proj),
        "lines": path_d(v.lines, proj, closed=False),
    }


def _parts() -> dict[str, str]:
    """The drawing's part labels (assets/body_map.json), lower-case, to follow "Your" / "Patient's"."""
    return {
        "Right hand (palm)": t("right hand (palm)"), "Left hand (palm)": t("left hand (palm)"),
        "Right hand (back)": t("right hand (back)"), "Left hand (back)": t("left hand (back)"),
        "Right foot (top)": t("right foot (top)"), "Left foot (top)": t("left foot (top)"),
        "Right foot (sole)": t("right foot (sole)"), "Left foot (sole)": t("left foot (sole)"),
        "front (pubic bone)": t("front (pubic bone)"), "back (tailbone)": t("back (tailbone)"),
    }  # fmt: skip


def label_text(text: str, kind: str, *, mode: str) -> str:
    """One drawn label in words: "Your right" on my own, "Patient's right" in a consult; "Your right hand (palm)"."""
    consult = mode == "consult"
    if kind == "side":
        if text.lower().endswith("right"):
            return t("Patient's right") if consult else t("Your right")
        return t("Patient's left") if consult else t("Your left")
    part = _parts().get(text, text[:1].lower() + text[1:])
    if not text.lower().startswith(("right", "left")):
        return _parts().get(text, text)  # e.g. "front (pubic bone)"
    words = t("Patient's {part}", part=part) if consult else t("Your {part}", part=part)
    return words[:1].upper() + words[1:]


def view_labels(view: View, *, mode: str) -> list[dict[str, Any]]:
    """Side and part labels with the right words: "Your right" on my own, "Patient's right" in a consult."""
    proj = Projection(view)
    out = []
    for lab in view.labels:
        text = label_text(lab.text, lab.kind, mode=mode)
        x, y = proj.xy((lab.x, lab.y))
        out.append({"t": text, "x": x, "y": y, "a": {"left": "start", "right": "end"}.get(lab.align, "middle")})
    return out


def courses_payload(view: View, nerves: Sequence[str], titles: Mapping[str, str]) -> list[dict[str, Any]]:
    """Drawn nerve courses with a label part-way along the longest piece."""
    proj = Projection(view)
    out = []
    for i, n in enumerate(nerves):
        paths = view.courses.get(n, ())
        if not paths:
            continue
        longest = max(paths, key=lambda p: sum(math.dist(a, b) for a, b in itertools.pairwise(p)))
        mid = longest[int(len(longest) * (0.3 + 0.4 * (i % 2)))]
        x, y = proj.xy(mid)
        out.append({"d": path_d(paths, proj, closed=False), "t": titles.get(n, n), "x": x, "y": y})
    return out


def key_points_payload(view: View) -> list[dict[str, Any]]:
    proj = Projection(view)
    return [dict(zip(("x", "y"), proj.xy((k.x, k.y)), strict=True)) | {"t": k.root} for k in view.key_points]
