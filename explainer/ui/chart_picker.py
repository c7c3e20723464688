"""Where page: "Which chart" for the skin-strip layer (the consensus, a classic chart, or where they agree).

Shown only while the skin-strip layer is on. For learning only: the engine keeps the project's consensus.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from explainer.anatomy.charts import DermatomeCharts, load_charts
from explainer.i18n import current_lang, use_lang
from explainer.present import chart_layers as cl
from explainer.present import layers as pl
from explainer.ui import state
from explainer.ui.resources import atlas
from explainer.viewstate import CHARTS

CHART_KEY: Final = "nm_where_chart"
CONSENSUS: Final = "consensus"  # the widget's value for "no chart in the link"


@st.cache_resource(show_spinner=False)
def _charts(lang: str) -> DermatomeCharts:
    with use_lang(lang):
        return load_charts()


def charts() -> DermatomeCharts:
    """The charts, with their names and notes in this page's language."""
    return _charts(current_lang())


@st.cache_resource(show_spinner=False)
def _chart_layer(chart: str, lang: str) -> pl.Layer:
    with use_lang(lang):
        return cl.dermatome_layer(atlas(), charts(), chart)


def chart_layer(chart: str) -> pl.Layer:
    """The skin-strip layer after one chart, or 'compare' (where they agree and disagree), in this page's language."""
    return _chart_layer(chart, current_lang())


def chart_picker() -> None:
    """The chart choice, under the layer picker; nothing while another layer is shown."""
    v = state.view()
    if v.layer != "dermatomes":
        return
    labels = cl.picker_options(charts())

    def changed() -> None:
        value = st.session_state.get(CHART_KEY)
        if value in labels:
            state.update(chart=value if value in CHARTS else None)

    state.sync_widget(CHART_KEY, v.chart or CONSENSUS)
    st.selectbox(charts().text.picker_label, options=list(labels), format_func=labels.__getitem__, key=CHART_KEY,
                 on_change=changed)
