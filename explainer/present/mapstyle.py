"""A presenter layer -> the body map's display state (explainer.bodymap.style.MapStyle)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from explainer.anatomy import Atlas, split_instance
from explainer.bodymap import svg
from explainer.bodymap.geometry import BodyMap, ViewName
from explainer.bodymap.style import DragMode, MapStyle, nerve_title
from explainer.i18n import DEFAULT_LANG, current_lang, t
from explainer.present.layers import Layer
from explainer.present.zonelist import zone_label


def hover_text(atlas: Atlas, zone_instance: str, *, mode: str = "self") -> str:
    """Hover: plain name, then roots and nerves, e.g. 'Top of the foot (right) — roots L5 (also L4) — nerves …'."""
    try:
        zone = atlas.zone_of(zone_instance)
    except (ValueError, KeyError):
        return zone_instance
    roots = ", ".join(zone.dermatomes.primary) or t("none charted")
    if zone.dermatomes.also:
        roots += " " + t("(some charts: {roots})", roots=", ".join(zone.dermatomes.also))
    nerves = ", ".join(atlas.cutaneous_nerves[n.id].name if n.id in atlas.cutaneous_nerves else n.id for n in zone.nerves)
    lines = (zone_name(atlas, zone_instance, mode=mode), t("Roots: {roots}", roots=roots), t("Nerves: {nerves}", nerves=nerves))
    return "<br>".join(lines)


def map_style(layer: Layer | None, *, selected: Iterable[str] = (), courses: tuple[str, ...] = (),
              key_points: bool = False, drag_mode: DragMode = "click", hover: dict[str, str] | None = None) -> MapStyle:
    styles = layer.styles if layer else {}
    return MapStyle(
        fills={z: s.colour for z, s in styles.items()},
        also=frozenset(z for z, s in styles.items() if s.role == "also"),
        labels={z: s.label for z, s in styles.items() if s.label},
        selected=frozenset(selected),
        hover=hover or {},
        courses=courses,
        show_key_points=key_points,
        drag_mode=drag_mode,
    )


def side_owner(mode: str) -> str:
    """Whose right: "your" on my own, "patient's" when a clinician turns the screen."""
    return t("patient's") if mode == "consult" else t("your")


def zone_name(atlas: Atlas, zone_instance: str, *, mode: str) -> str:
    """'Top of the foot (your right)' / 'Top of the foot (patient's right)'."""
    try:
        base, side = split_instance(zone_instance)
    except ValueError:
        return zone_label(atlas, zone_instance)
    zone = atlas.zones.get(base)
    if zone is None:
        return zone_instance
    place, consult = zone.name, mode == "consult"
    if side == "right":
        return t("{place} (patient's right)", place=place) if consult else t("{place} (your right)", place=place)
    return t("{place} (patient's left)", place=place) if consult else t("{place} (your left)", place=place)


def course_title(atlas: Atlas, nerve: str) -> str:
    """A drawn nerve course's label: 'superficial fibular' (from the id) in English, the nerve's translated name
    in another language."""
    if current_lang() == DEFAULT_LANG or nerve not in atlas.nerves:
        return nerve_title(nerve)
    name = atlas.nerves[nerve].name
    return name[:1].lower() + name[1:]


def style_payload(atlas: Atlas, body: BodyMap, view: ViewName, style: MapStyle, *, mode: str) -> dict[str, Any]:
    """Per-view display data for the browser map: fills, hatched 'also' zones, on-map labels, names and tooltips,
    nerve courses and key points. Changes only with the layer or mode, never with a tap."""
    v = body.views[view]
    proj = svg.Projection(v)
    zones = list(v.zones)
    labels = []
    for z in zones:
        text = style.labels.get(z)
        if text:
            x, y = proj.xy(v.zones[z].anchor)
            labels.append({"t": text, "x": x, "y": y})
    titles = {n: course_title(atlas, n) for n in style.courses}
    return {
        "fill": {z: style.fills[z] for z in zones if z in style.fills},
        "also": [z for z in zones if z in style.also],
        "labels": labels,
        "names": {z: zone_name(atlas, z, mode=mode) for z in zones},
        "tips": {z: (style.hover.get(z) or zone_name(atlas, z, mode=mode)).replace("<br>", "\n") for z in zones},
        "courses": svg.courses_payload(v, style.courses, titles),
        "kp": svg.key_points_payload(v) if style.show_key_points else [],
        "sides": svg.view_labels(v, mode=mode),
    }
