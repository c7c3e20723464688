"""Where page, left column: view and layer pickers, the clickable map and the keyboard-friendly zone list."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from explainer.i18n import DEFAULT_LANG, current_lang, t, use_lang
from explainer.present import layers as pl
from explainer.present.mapstyle import hover_text, map_style, style_payload
from explainer.present.zonelist import REGION_LABELS, zone_label, zone_options
from explainer.ui import chart_picker, state, timing
from explainer.ui.bodymap_component.component import content_key
from explainer.ui.common import consult, phone
from explainer.ui.mapview import (
    body_map,
    drag_mode,
    drag_picker,
    geometry,
    marked_per_view,
    show_view,
    view_labels,
    view_of_zone,
    view_picker,
)
from explainer.ui.resources import atlas, ui
from explainer.viewstate import ViewState

# Phone: detail views drawn this many times the screen width inside a box you can swipe, so the smallest places
# (25 px across at the default size) are at least 44 CSS px across.
PHONE_DETAIL_ZOOM = {"hand_palm": 4.0, "hand_dorsum": 4.0, "foot_top": 2.4, "foot_sole": 2.4, "saddle": 1.2}
LAYER_KINDS = ("plain", "dermatomes", "nerves")
ZONE_LIST_KEY = "nm_zone_list"
REGION_KEY = "nm_zone_region"
LAYER_KEY = "nm_where_layer"


def layer_labels() -> dict[str, str]:
    return {"plain": t("Just my marks"), "dermatomes": t("Skin strips (roots)"), "nerves": t("Nerve areas")}


@st.cache_resource(show_spinner=False)
def _layer(kind: str, chart: str | None, lang: str) -> pl.Layer:
    with use_lang(lang):
        if kind == "dermatomes" and chart:
            return chart_picker.chart_layer(chart)
        return pl.whole_body_layer(atlas(), kind=kind)  # type: ignore[arg-type]


def _whole_layer(kind: str, chart: str | None = None) -> pl.Layer:
    """A whole-body layer (its names, legend and notes in this page's language)."""
    return _layer(kind, chart, current_lang())


def set_zones(zones: tuple[str, ...]) -> None:
    timing.start()
    state.commit(state.view().with_zones(zones))


def current_zones() -> tuple[str, ...]:
    return state.view().zones


def _guidance(view: str) -> str:
    if view.startswith("hand"):
        return ui("empty_where_hand", "Tap the parts of your hand where you feel it.")
    if view.startswith("foot"):
        return ui("empty_where_foot", "Tap the parts of your foot where you feel it.")
    return ui("empty_where", "Tap the places where you feel it; tap again to clear one.")


def _layer_picker() -> None:
    def changed() -> None:
        value = st.session_state.get(LAYER_KEY)
        if value in LAYER_KINDS:  # a classic chart belongs to the skin-strip layer: it leaves the link with it
            state.update(layer=value, chart=state.view().chart if value == "dermatomes" else None)

    state.sync_widget(LAYER_KEY, state.view().layer)
    labels = layer_labels()
    st.segmented_control(t("Show on the map"), options=list(LAYER_KINDS), format_func=labels.__getitem__,
                         key=LAYER_KEY, on_change=changed, required=True, wrap=True)
    chart_picker.chart_picker()


def map_heading() -> None:
    """Self-guided mode: the step and what to do, in one short paragraph (on a laptop it sits above the map, so every
    line it takes is a line less of body on the first screen)."""
    if not consult():
        guidance = _guidance(state.view().view)
        if phone():
            # Always one block, empty or not: the map comes after it on the page, so a varying number of elements
            # here would move the map, and the browser would build it again (it blinks; a tap then lands on nothing)
            with st.container(key="nm_map_guidance"):
                if not state.view().zones:  # once something is marked, the map itself matters more than the how-to
                    st.caption(guidance)
        else:
            st.markdown(f"**{t('1. Mark where you feel it')}.** {guidance}")


def map_options() -> None:
    """How to mark and what to show, under the map."""
    cols = st.columns(2) if not phone() else [st.container(), st.container()]
    with cols[0]:
        drag_picker()
    with cols[1]:
        _layer_picker()


@st.cache_resource(show_spinner=False)
def _style(view: str, layer_kind: str, mode: str, chart: str | None = None,
           lang: str = DEFAULT_LANG) -> tuple[dict[str, Any], str]:
    """The layer's colours, names and tooltips for a view (the browser caches it; a tap never resends it). Per
    language: the key is a hash of the payload, so each language has its own in the browser too."""
    with use_lang(lang):
        layer = _whole_layer(layer_kind, chart) if layer_kind in ("dermatomes", "nerves") else None
        tips = layer.tips if layer else {}
        zones = body_map().views[view].zones  # type: ignore[index]
        style = map_style(layer, hover={z: hover_text(atlas(), z, mode=mode) + tips.get(z, "") for z in zones})
        payload = style_payload(atlas(), body_map(), view, style, mode=mode)  # type: ignore[arg-type]
    return payload, content_key("style", payload)


def _open(view: str) -> None:
    if view in view_labels():
        state.update(view=view)


def map_height() -> str:
    """On a laptop "fit": the browser sizes the picture to end inside the screen (scrolled to the top), so the whole
    body, the headline and any warning are seen together; on a phone: the full width."""
    if phone():
        return ""
    if not consult() and state.view().layer != "plain":  # exploring skin strips or nerves on my own: the picture is
        return "calc(100vh - 5.5rem)"                     # the content, one screen tall, with its root labels drawn
    return "fit"


def map_panel(*, alert: str = "", report_drawn: bool = False) -> None:
    """The map itself (inside the fragment: a tap reruns only this and the results)."""
    v = state.view()
    view_picker(current=v.view, key="nm_where_view", on_change=lambda value: state.update(view=value),
                label=t("Which part of the body"), label_hidden=not phone())  # laptop: the buttons say it
    zoom = PHONE_DETAIL_ZOOM.get(v.view, 1.0) if phone() else 1.0
    show_view(v.view, map_style(None, drag_mode=drag_mode()), key="nm_map", title=_title(v.view),  # type: ignore[arg-type]
              zones=v.zones, on_change=set_zones, on_open=_open, max_height=map_height(), zoom=zoom,
              style_payload=_style(v.view, v.layer, v.mode, v.chart, current_lang()), alert=alert,
              report_drawn=report_drawn)
    if zoom > 1:
        st.caption(t("Zoomed in so each place is big enough to tap: swipe inside the picture to move around."))
    elsewhere = {name: n for name, n in marked_per_view(v.zones).items() if name != v.view}
    if elsewhere:
        names = view_labels()
        st.caption(t("Also marked: {places}", places=", ".join(f"{names[name]} ({n})" for name, n in elsewhere.items())))
    if v.layer in ("dermatomes", "nerves"):
        layer = _whole_layer(v.layer, v.chart)
        drawn = set(body_map().views[v.view].zones)
        shown = {s.label for z, s in layer.styles.items() if z in drawn}
        entries = [e for e in layer.legend if e.label in shown]
        st.caption(layer.notes[0] + " " + "; ".join(e.text for e in entries))
    map_options()


def _title(view: str) -> str:
    """The map's accessible name (screen readers): which picture, how to use it by keyboard, whose left and right."""
    name = view_labels()[view].lower()
    if consult():
        return t("Body map, {view}. Tab to a place, arrow keys move to the next place, Enter or Space marks it. "
                 "Left and right are the patient's left and right.", view=name)
    return t("Body map, {view}. Tab to a place, arrow keys move to the next place, Enter or Space marks it. "
             "Left and right are your left and right.", view=name)


def _region_label(region: str) -> str:
    if region == "view":
        return t("This picture's places first, then all")
    return t("All places, head to toe") if region == "all" else REGION_LABELS[region]


def zone_list() -> None:
    """Marking without a mouse: a searchable list of every zone, grouped by body region."""
    a, v = atlas(), state.view()
    regions = ["view", "all", *REGION_LABELS]
    st.session_state.setdefault(REGION_KEY, "view")
    region_names = {r: _region_label(r) for r in regions}
    region = st.selectbox(t("Which places to list"), regions, key=REGION_KEY, format_func=region_names.__getitem__)
    if region == "view":
        # The picture's places first, but typing still finds every place (e.g. "big toe" while the front is shown).
        drawn = {z for z, name in view_of_zone().items() if name == v.view}
        every = [o.zone for o in zone_options(a)]
        options = [z for z in every if z in drawn] + [z for z in every if z not in drawn]
    else:
        options = [o.zone for o in zone_options(a, region=None if region == "all" else region)]
    options += [z for z in v.zones if z not in options]
    # Taps on the map rerun only the map's fragment, not this list: a new key whenever the marks changed there, and
    # only what was changed here is applied (the browser may still send the list's older value with a tap).
    names = {z: zone_label(a, z) for z in options}  # worded now, in this page's language
    key = state.mirror_key(ZONE_LIST_KEY, v.zones)
    state.sync_widget(key, list(v.zones))
    shown = frozenset(v.zones)

    def changed() -> None:
        chosen = frozenset(st.session_state.get(key) or [])
        now = frozenset(state.view().zones)
        state.commit(replace(state.view(), zones=tuple(sorted((now | (chosen - shown)) - (shown - chosen)))))
        state.mirror_seen(ZONE_LIST_KEY, state.view().zones)

    st.multiselect(t("Or pick places from a list (type to search)"), options, key=key, on_change=changed,
                   format_func=lambda z: names.get(z, z), placeholder=t("Type, e.g. 'big toe' or 'thigh'"),
                   filter_mode="contains", select_all=False)


def warm_default_view() -> None:
    """Draw what a first Where page shows (the default view, layer and mode) into the caches, in this language."""
    v = ViewState()
    geometry(v.view, current_lang())
    _style(v.view, v.layer, v.mode, v.chart, current_lang())
