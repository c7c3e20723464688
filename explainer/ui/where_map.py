"""Where page, left column: view and layer pickers, the clickable map and the keyboard-friendly zone list."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.present import layers as pl
from explainer.present.mapstyle import hover_text, map_style
from explainer.present.zonelist import REGION_LABELS, zone_label, zone_options
from explainer.ui import state
from explainer.ui.common import consult, phone
from explainer.ui.mapview import drag_mode, drag_picker, marked_per_view, show_view, view_of_zone, view_picker
from explainer.ui.resources import atlas, ui

LAYER_LABELS = {"plain": "Just my marks", "dermatomes": "Skin strips (roots)", "nerves": "Nerve areas"}
ZONE_LIST_KEY = "nm_zone_list"
REGION_KEY = "nm_zone_region"
LAYER_KEY = "nm_where_layer"
MAP_WIDTH = {True: 780, False: 680}  # consult mode: a larger map
PHONE_MAP_WIDTH = 360  # a phone column is ~360 px wide: draw the figure that size so its height fits the body
CONSULT_DETAIL_HEIGHT = 760  # consult mode: detail views (hands, feet, saddle) are drawn larger than default


@st.cache_resource(show_spinner=False)
def _hover(view: str) -> dict[str, str]:
    from explainer.ui.mapview import body_map

    return {z: hover_text(atlas(), z) for z in body_map().views[view].zones}  # type: ignore[index]


@st.cache_resource(show_spinner=False)
def _whole_layer(kind: str) -> pl.Layer:
    return pl.whole_body_layer(atlas(), kind=kind)  # type: ignore[arg-type]


def set_zones(zones: tuple[str, ...]) -> None:
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
        if value in LAYER_LABELS:
            state.update(layer=value)

    state.sync_widget(LAYER_KEY, state.view().layer)
    st.segmented_control("Show on the map", options=list(LAYER_LABELS), format_func=LAYER_LABELS.__getitem__,
                         key=LAYER_KEY, on_change=changed, required=True, wrap=True)


def map_column() -> None:
    v = state.view()
    if not consult():
        st.header("1. Mark where you feel it")
        st.caption(_guidance(v.view))
    view_picker(current=v.view, key="nm_where_view", on_change=lambda value: state.update(view=value),
                label="Which part of the body", counts=marked_per_view(v.zones))
    cols = st.columns(2)
    with cols[0]:
        drag_picker()
    with cols[1]:
        _layer_picker()
    layer = _whole_layer(v.layer) if v.layer in ("dermatomes", "nerves") else None
    style = map_style(layer, selected=v.zones, drag_mode=drag_mode(), hover=_hover(v.view))  # type: ignore[arg-type]
    small = phone()
    show_view(v.view, style, key=f"nm_map_{v.view}", current=current_zones, apply=set_zones,
              max_width=PHONE_MAP_WIDTH if small else MAP_WIDTH[consult()],
              max_height=CONSULT_DETAIL_HEIGHT if consult() and not small and v.view not in ("front", "back") else None,
              alt=f"Body map, {v.view.replace('_', ' ')} view: {len(v.zones)} places marked")
    if layer:
        shown = {s.label for z, s in layer.styles.items() if z in style.fills and view_of_zone().get(z) == v.view}
        entries = [e for e in layer.legend if e.label in shown]
        st.caption(layer.notes[0] + " " + "; ".join(e.text for e in entries))
    zone_list()


def _region_label(region: str) -> str:
    if region == "view":
        return "This picture's places first, then all"
    return "All places, head to toe" if region == "all" else REGION_LABELS[region]


def zone_list() -> None:
    """Marking without a mouse: a searchable list of every zone, grouped by body region."""
    a, v = atlas(), state.view()
    regions = ["view", "all", *REGION_LABELS]
    st.session_state.setdefault(REGION_KEY, "view")
    region = st.selectbox("Which places to list", regions, key=REGION_KEY, format_func=_region_label)
    if region == "view":
        # The picture's places first, but typing still finds every place (e.g. "big toe" while the front is shown).
        drawn = {z for z, name in view_of_zone().items() if name == v.view}
        every = [o.zone for o in zone_options(a)]
        options = [z for z in every if z in drawn] + [z for z in every if z not in drawn]
    else:
        options = [o.zone for o in zone_options(a, region=None if region == "all" else region)]
    options += [z for z in v.zones if z not in options]
    state.sync_widget(ZONE_LIST_KEY, list(v.zones))

    def changed() -> None:
        chosen = st.session_state.get(ZONE_LIST_KEY) or []
        state.commit(replace(state.view(), zones=tuple(sorted(chosen))))

    st.multiselect("Or pick places from a list (type to search)", options, key=ZONE_LIST_KEY, on_change=changed,
                   format_func=lambda z: zone_label(a, z), placeholder="Type, e.g. 'big toe' or 'thigh'",
                   filter_mode="contains", select_all=False)
