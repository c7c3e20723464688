"""Body-map views (assets/body_map.json) -> handout panels: every view that holds a mark, with its own
patient's-left/right labels, so each picture is captioned correctly for the side it is seen from."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from shapely.geometry import Polygon

from explainer.bodymap.geometry import VIEWS, BodyMap, Ring, View, ViewName
from explainer.handout.model import Panel, PanelLabel
from explainer.handout.text import HandoutText

# Parts smaller than this share of a zone are cutting slivers where neighbours meet (as in the app's map):
# filled, but not outlined, or they would leave stray dashes away from the place people marked.
SLIVER_SHARE = 0.02
NOTHING_MARKED: tuple[ViewName, ...] = ("front", "back")
# Views drawing a left and a right hand or foot side by side: with marks on one side only, that one is drawn
# (twice as large), named by its own label ("Right hand (palm)") instead of the patient's left/right caption.
PAIRED: frozenset[str] = frozenset({"hand_palm", "hand_dorsum", "foot_top", "foot_sole"})
CROP_PAD = 0.08


def views_with_marks(body: BodyMap, zones: Collection[str]) -> tuple[ViewName, ...]:
    """Every view holding a marked zone, in the app's order (front and back when nothing is marked)."""
    marked = set(zones)
    held = tuple(name for name in VIEWS if name in body.views and marked & set(body.views[name].zones))
    return held or NOTHING_MARKED


def _edges(view: View, zones: Sequence[str]) -> tuple[Ring, ...]:
    out: list[Ring] = []
    for z in zones:
        polys = view.zones[z].polygons
        areas = [Polygon(poly[0]).area for poly in polys]
        out += [poly[0] for poly, area in zip(polys, areas, strict=True) if area >= SLIVER_SHARE * max(areas)]
    return tuple(out)


def _mean_x(rings: Sequence[Ring]) -> float:
    points = [p for ring in rings for p in ring]
    return sum(p[0] for p in points) / len(points)


def _crop(panel: Panel, view: View, side: str) -> Panel:
    """Only the hand or foot of ``side``: every shape and label on its half of the drawing."""
    sign = 1.0 if _mean_x([poly[0] for z in view.zones.values() if z.side == side for poly in z.polygons]) > 0 else -1.0

    def keep(rings: tuple[Ring, ...]) -> tuple[Ring, ...]:
        return tuple(r for r in rings if _mean_x([r]) * sign > 0)

    skin, decor, outline = keep(panel.skin), keep(panel.decor), keep(panel.outline)
    xs = [p[0] for ring in (*skin, *decor, *outline) for p in ring]
    _, y0, _, y1 = panel.bounds
    own = [lab.text for lab in panel.labels if lab.kind == "part" and lab.x * sign > 0]
    return replace(panel, title=own[0] if own else panel.title, bounds=(min(xs) - CROP_PAD, y0, max(xs) + CROP_PAD, y1),
                   skin=skin, decor=decor, outline=outline, lines=keep(panel.lines), labels=())


def panel(view: View, *, marked: Collection[str], text: HandoutText) -> Panel:
    chosen = [z for z in view.zones if z in marked]
    drawn = Panel(
        view=view.name,
        title=text.view_titles.get(view.name, view.title),
        bounds=view.bounds,
        skin=tuple(poly[0] for z in view.zones.values() for poly in z.polygons),
        decor=tuple(poly[0] for poly in view.fills),
        outline=view.outline,
        lines=view.lines,
        marked=tuple(poly[0] for z in chosen for poly in view.zones[z].polygons),
        marked_edges=_edges(view, chosen),
        labels=tuple(PanelLabel(text.label(lab.text), lab.x, lab.y, lab.align, lab.kind) for lab in view.labels),
    )
    sides = {view.zones[z].side for z in chosen}
    return _crop(drawn, view, sides.pop()) if view.name in PAIRED and len(sides) == 1 else drawn


def panels(body: BodyMap, zones: Collection[str], *, text: HandoutText) -> tuple[Panel, ...]:
    return tuple(panel(body.views[name], marked=set(zones), text=text) for name in views_with_marks(body, zones))
