"""The spine chart (Plotly): the Explore and Practise pages' clickable spine. Kept apart from the body map
(explainer/ui/mapview.py), so the Where page, the first page people open, never imports Plotly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from explainer.bodymap.events import ids_from_event
from explainer.bodymap.spine import build_spine_figure
from explainer.bodymap.style import plotly_config
from explainer.i18n import t


@st.cache_resource(show_spinner=False)
def chart_config() -> dict[str, Any]:
    return plotly_config()


def show_spine(*, selected: frozenset[str], fills: dict[str, str], key: str, on_pick: Callable[[str], None],
               size_px: tuple[int, int] | None = None) -> None:
    fig = build_spine_figure(selected=selected, fills=fills, size_px=size_px)

    def picked() -> None:
        ids = ids_from_event(st.session_state.get(key))
        if ids:
            on_pick(ids[0])

    _chart(fig, key=key, selectable=True, callback=picked, alt=t("Spine with clickable nerve roots and discs"))


def _chart(fig: go.Figure, *, key: str, selectable: bool, callback: Callable[[], None] | None, alt: str) -> None:
    kwargs: dict[str, Any] = {"on_select": callback, "selection_mode": ("points", "box", "lasso")} if (
        selectable and callback) else {}
    st.plotly_chart(fig, key=key, config=chart_config(), theme=None, width="stretch", alt=alt or None, **kwargs)
