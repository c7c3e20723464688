"""The body map (an in-browser SVG component): caching, view and drag-mode pickers. The spine chart (Plotly) is in
explainer/ui/spineview.py, so the Where page never imports Plotly."""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import streamlit as st

from explainer.bodymap.geometry import BodyMap, load_body_map
from explainer.bodymap.style import MapStyle
from explainer.bodymap.svg import view_payload
from explainer.i18n import DEFAULT_LANG, LANGS, current_lang, t, tc, use_lang
from explainer.present.mapstyle import style_payload as build_style
from explainer.ui import state
from explainer.ui.bodymap_component import component
from explainer.ui.bodymap_component.component import content_key
from explainer.ui.resources import atlas
from explainer.viewstate import MAP_VIEWS

DRAG_MODES = ("click", "lasso", "box")
DRAG_KEY = "nm_drag_mode"


def view_labels() -> dict[str, str]:
    """Each picture's name, in this page's language."""
    return {
        "front": t("Front"), "back": tc("picture", "Back"), "hand_palm": t("Hand: palm"), "hand_dorsum": t("Hand: back"),
        "foot_top": t("Foot: top"), "foot_sole": t("Foot: sole"), "saddle": t("Saddle area"),
    }


def drag_labels() -> dict[str, str]:
    return {"click": t("Tap or click"), "lasso": t("Draw round (lasso)"), "box": t("Drag a box")}


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


def drag_mode() -> str:
    value = st.session_state.get(DRAG_KEY)
    return value if value in DRAG_MODES else "click"


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


def view_picker(*, current: str, key: str, on_change: Callable[[str], None], label: str = "",
                counts: dict[str, int] | None = None, label_hidden: bool = False) -> None:
    def changed() -> None:
        value = st.session_state.get(key)
        if value in MAP_VIEWS:
            on_change(value)

    if st.session_state.get(key) != current:
        st.session_state[key] = current
    marks = counts or {}
    names = {view: t("{view} ({n} marked)", view=name, n=marks[view]) if marks.get(view) else name
             for view, name in view_labels().items()}  # worded now: a format_func may run after this run
    st.segmented_control(label or t("View"), options=list(MAP_VIEWS), format_func=names.__getitem__, key=key,
                         on_change=changed, required=True, wrap=True,
                         label_visibility="collapsed" if label_hidden else "visible")


def drag_picker() -> None:
    st.session_state.setdefault(DRAG_KEY, "click")
    labels = drag_labels()
    st.segmented_control(t("How to mark"), options=list(DRAG_MODES), format_func=labels.__getitem__,
                         key=DRAG_KEY, required=True, wrap=True,
                         help=t("Tap a place to mark it and tap again to clear it. "
                                "Lasso and box mark every place inside the shape you draw."))


@functools.cache
def geometry(view: str, lang: str = DEFAULT_LANG) -> tuple[dict[str, Any], str]:
    """A view's drawing for the browser and the key it is cached under there (pure, so a thread can warm it). The
    drawing holds words (the "Open the hands" titles), so it is made per language; its key is a hash of it, so the
    browser's cache holds one per language."""
    with use_lang(lang):
        payload = view_payload(load_body_map(), view)  # type: ignore[arg-type]
    return payload, content_key("geo", payload)


_WARMING = threading.Lock()


def _warm() -> None:
    for lang in LANGS:  # the default language first
        for view in MAP_VIEWS:
            geometry(view, lang)
    # Everything loaded so far (content, geometry, Streamlit itself) lives as long as the process. Streamlit runs a
    # full garbage collection after every script run (runner.postScriptGC), which walked all of it again on every
    # tap: about half of the server's time per tap. Frozen objects are skipped by the collector; what sessions
    # create later is still collected as before.
    gc.collect()
    gc.freeze()


def warm_geometry() -> None:
    """Once per process, in the background: draw every view (about 0.2 s each), so opening one is instant, then
    take the long-lived objects out of the garbage collector's way."""
    if _WARMING.acquire(blocking=False):
        threading.Thread(target=_warm, daemon=True, name="nm-warm-map").start()


def show_view(view: str, style: MapStyle, *, key: str, title: str, zones: tuple[str, ...] = (),
              on_change: Callable[[tuple[str, ...]], None] | None = None, on_open: Callable[[str], None] | None = None,
              max_height: str = "", zoom: float = 1.0, key_point_roots: tuple[str, ...] = (),
              style_payload: tuple[dict[str, Any], str] | None = None, alert: str = "",
              report_drawn: bool = False) -> None:
    """One body view drawn in the browser (explainer/ui/bodymap_component); with ``on_change`` taps mark zones."""
    geo, geo_key = geometry(view, current_lang())
    if style_payload is None:
        body = body_with_key_points(key_point_roots) if key_point_roots else body_map()
        payload = build_style(atlas(), body, view, style, mode=state.view().mode)  # type: ignore[arg-type]
        style_payload = payload, content_key("style", payload)
    component.body_map(key=key, geo=geo, geo_key=geo_key, style=style_payload[0], style_key=style_payload[1],
                       zones=zones, mode=style.drag_mode, title=title, max_height=max_height, zoom=zoom,
                       on_change=on_change, on_open=on_open, alert=alert, report_drawn=report_drawn)
