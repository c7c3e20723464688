"""The clickable body map and spine charts: figure caching, the on_select callbacks, view and drag-mode pickers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from explainer.bodymap.events import ids_from_event, toggle_selection, zones_from_event
from explainer.bodymap.figure import build_view_spec
from explainer.bodymap.geometry import BodyMap, load_body_map
from explainer.bodymap.spine import build_spine_figure
from explainer.bodymap.style import MapStyle, plotly_config
from explainer.ui import timing
from explainer.viewstate import MAP_VIEWS

VIEW_LABELS = {
    "front": "Front", "back": "Back", "hand_palm": "Hand: palm", "hand_dorsum": "Hand: back",
    "foot_top": "Foot: top", "foot_sole": "Foot: sole", "saddle": "Saddle area",
}
DRAG_LABELS = {"click": "Tap or click", "lasso": "Draw round (lasso)", "box": "Drag a box"}
DRAG_KEY = "nm_drag_mode"


class PrebuiltFigure(go.Figure):  # type: ignore[misc]
    """A figure from a spec that is already valid plotly JSON (``build_view_spec``; the tests validate the same
    spec through ``build_view_figure``). Streamlit serialises ``to_dict()`` as it is, so a click does not pay
    for plotly re-validating ~200 polygons (about 25 ms per rerun on this machine)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        self._nm_spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._nm_spec


@st.cache_resource(show_spinner=False)
def body_map() -> BodyMap:
    return load_body_map()


@st.cache_resource(show_spinner=False)
def body_with_key_points(roots: tuple[str, ...]) -> BodyMap:
    """The body map drawing only the key sensory points of ``roots`` (S5 shares S4's point)."""
    wanted = set(roots) | ({"S4"} if "S5" in roots else set())
    body = body_map()
    views = {name: replace(v, key_points=tuple(k for k in v.key_points if k.root in wanted))
             for name, v in body.views.items()}
    return replace(body, views=views)


@st.cache_resource(show_spinner=False)
def chart_config() -> dict[str, Any]:
    return plotly_config()


def drag_mode() -> str:
    value = st.session_state.get(DRAG_KEY)
    return value if value in DRAG_LABELS else "click"


@st.cache_resource(show_spinner=False)
def view_of_zone() -> dict[str, str]:
    """Zone instance id -> the view it is drawn (and clicked) in."""
    return {z: name for name, v in body_map().views.items() for z in v.zones}


def marked_per_view(zones: tuple[str, ...]) -> dict[str, int]:
    where = view_of_zone()
    counts: dict[str, int] = {}
    for z in zones:
        if z in where:
            counts[where[z]] = counts.get(where[z], 0) + 1
    return counts


def view_picker(*, current: str, key: str, on_change: Callable[[str], None], label: str = "View",
                counts: dict[str, int] | None = None) -> None:
    def changed() -> None:
        value = st.session_state.get(key)
        if value in MAP_VIEWS:
            on_change(value)

    if st.session_state.get(key) != current:
        st.session_state[key] = current
    marks = counts or {}

    def fmt(view: str) -> str:
        n = marks.get(view, 0)
        return f"{VIEW_LABELS[view]} ({n} marked)" if n else VIEW_LABELS[view]

    st.segmented_control(label, options=list(MAP_VIEWS), format_func=fmt, key=key, on_change=changed, required=True,
                         wrap=True)


def drag_picker() -> None:
    st.session_state.setdefault(DRAG_KEY, "click")
    st.segmented_control("How to mark", options=list(DRAG_LABELS), format_func=DRAG_LABELS.__getitem__,
                         key=DRAG_KEY, required=True, wrap=True,
                         help="Tap a place to mark it and tap again to clear it. "
                              "Lasso and box mark every place inside the shape you draw.")


def _on_select(key: str, current: Callable[[], tuple[str, ...]], apply: Callable[[tuple[str, ...]], None]) -> None:
    timing.start()
    event = st.session_state.get(key)
    hit = zones_from_event(event)
    if hit:
        apply(tuple(sorted(toggle_selection(frozenset(current()), hit, mode=drag_mode()))))  # type: ignore[arg-type]


def show_view(view: str, style: MapStyle, *, key: str, current: Callable[[], tuple[str, ...]] | None = None,
              apply: Callable[[tuple[str, ...]], None] | None = None, alt: str = "", max_width: int | None = None,
              max_height: int | None = None, key_point_roots: tuple[str, ...] = ()) -> None:
    """One body view fitted into ``max_width`` x ``max_height``; with ``apply`` clicks toggle zones via the callback."""
    body = body_with_key_points(key_point_roots) if key_point_roots else body_map()
    spec = build_view_spec(view, state=style, body=body, size_px=fit(view, max_width, max_height))  # type: ignore[arg-type]
    fig = PrebuiltFigure(spec)
    _chart(fig, key=key, selectable=apply is not None, alt=alt,
           callback=(lambda: _on_select(key, current, apply)) if apply and current else None)


def fit(view: str, max_width: int | None, max_height: int | None = None) -> tuple[int, int] | None:
    """A view's figure size: scaled down to ``max_width``, or up to fill ``max_width`` x ``max_height`` when given."""
    w, h = body_map().views[view].size_px  # type: ignore[index]
    if max_width is None:
        return None
    scale = min(max_width / w, max_height / h) if max_height else min(1.0, max_width / w)
    return None if scale == 1.0 else (round(w * scale), round(h * scale))


def show_spine(*, selected: frozenset[str], fills: dict[str, str], key: str, on_pick: Callable[[str], None],
               size_px: tuple[int, int] | None = None) -> None:
    fig = build_spine_figure(selected=selected, fills=fills, size_px=size_px)

    def picked() -> None:
        ids = ids_from_event(st.session_state.get(key))
        if ids:
            on_pick(ids[0])

    _chart(fig, key=key, selectable=True, callback=picked, alt="Spine with clickable nerve roots and discs")


def _chart(fig: go.Figure, *, key: str, selectable: bool, callback: Callable[[], None] | None, alt: str) -> None:
    kwargs: dict[str, Any] = {"on_select": callback, "selection_mode": ("points", "box", "lasso")} if (
        selectable and callback) else {}
    st.plotly_chart(fig, key=key, config=chart_config(), theme=None, width="stretch", alt=alt or None, **kwargs)
