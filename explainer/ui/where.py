"""Where do you feel it? — map + results in one fragment (a click reruns only them), findings below."""

from __future__ import annotations

import streamlit as st

from explainer.present.findings import arm_marked
from explainer.present.zonelist import legs_marked
from explainer.ui import state, timing
from explainer.ui.analysis import analyse
from explainer.ui.common import consult, footer, furniture, header
from explainer.ui.resources import atlas
from explainer.ui.where_details import details
from explainer.ui.where_map import map_column
from explainer.ui.where_results import (
    explanations,
    handout_button,
    headline,
    next_question,
    reset,
    urgent_banner,
    warning_questions,
)

SIG_KEY = "nm_where_signature"
FULL_KEY = "nm_where_full_run"
TITLE = "Where do you feel it?"
INTRO = ("Mark where you feel tingling, numbness, burning or weakness. The map suggests which nerve root or nerve may "
         "explain it, how well it fits, and what to do next.")


def _signature() -> tuple[object, ...]:
    """What the part of the page outside the fragment depends on; if it changes, rerun the whole page."""
    v, x, a = state.view(), state.extras(), atlas()
    return (v.mode, legs_marked(a, v.zones), arm_marked(a, v.zones), v.symptoms, v.weak, v.reflexes, v.other, x.ok, x.rok)


@st.fragment
def live() -> None:
    v, x = state.view(), state.extras()
    an = analyse(v, x)
    urgent_banner(an)  # first thing under the title, whenever a warning sign fires
    furniture(INTRO)
    cols = st.columns([2, 1] if consult() else [3, 2], gap="large")
    with cols[0]:
        map_column()
    with cols[1]:
        if consult():
            st.button("Start again", key="nm_reset", on_click=reset, icon=":material/restart_alt:")
        st.header("What may explain it" if consult() else "2. What may explain it")
        if an.urgent:
            st.caption("Because of the warning sign at the top, please get checked urgently first. "
                       "The explanations below are for learning only.")
        if an.problem:
            st.warning(an.problem)
        headline(an)
        next_question(an)
        warning_questions()
        explanations(an)
        if v.zones:
            handout_button(an)
        if not consult() and v.zones:
            st.button("Clear everything and start again", key="nm_reset", on_click=reset)
    previous = st.session_state.get(SIG_KEY)
    if not st.session_state.get(FULL_KEY) and previous is not None and previous != _signature():
        st.rerun(scope="app")
    if not st.session_state.get(FULL_KEY):
        timing.stop("fragment")


def where_page() -> None:
    header(TITLE, with_furniture=False)
    st.session_state[FULL_KEY] = True
    live()
    st.session_state[FULL_KEY] = False
    st.divider()
    details()
    st.session_state[SIG_KEY] = _signature()
    footer()
    timing.stop("page")
