"""A presenter layer -> the body map's display state (explainer.bodymap.style.MapStyle)."""

from __future__ import annotations

from collections.abc import Iterable

from explainer.anatomy import Atlas
from explainer.bodymap.style import DragMode, MapStyle
from explainer.present.layers import Layer
from explainer.present.zonelist import zone_label


def hover_text(atlas: Atlas, zone_instance: str) -> str:
    """Hover: plain name, then roots and nerves, e.g. 'Top of the foot (right) — roots L5 (also L4) — nerves …'."""
    try:
        zone = atlas.zone_of(zone_instance)
    except (ValueError, KeyError):
        return zone_instance
    roots = ", ".join(zone.dermatomes.primary) or "none charted"
    if zone.dermatomes.also:
        roots += f" (some charts: {', '.join(zone.dermatomes.also)})"
    nerves = ", ".join(atlas.cutaneous_nerves[n.id].name if n.id in atlas.cutaneous_nerves else n.id for n in zone.nerves)
    return f"{zone_label(atlas, zone_instance)}<br>Roots: {roots}<br>Nerves: {nerves}"


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
