"""Where do you feel it? — pickers, then map + results in one fragment (a tap reruns only them), then findings.

The map is drawn in the browser (explainer/ui/bodymap_component): a tap is highlighted at once and the selection
reaches Python as the component's state; only the fragment (localisation + results) reruns. Anything outside the
fragment that depends on the marks (e.g. leg questions) triggers one full rerun when it changes.

The first time a browser opens this page in a session, what sits below the map (the zone list and the findings, about
25 widgets) waits until the map is on screen: the browser draws a batch of elements all at once, and drawing those
widgets with the map kept the map off the screen ~0.3 s longer. The map says when it is painted; that answer reruns the
fragment, which sees the page's signature changed and reruns the whole page with everything.
"""

from __future__ import annotations

import streamlit as st

from explainer.i18n import t
from explainer.present.findings import arm_marked
from explainer.present.zonelist import legs_marked
from explainer.ui import state, timing
from explainer.ui.analysis import analyse
from explainer.ui.common import browser, consult, footer, furniture, header, phone
from explainer.ui.mapview import warm_geometry
from explainer.ui.resources import atlas
from explainer.ui.where_details import details
from explainer.ui.where_layout import LAYOUT_CSS, other_pages, result_bar
from explainer.ui.where_map import map_heading, map_panel, zone_list
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
REST_KEY = "nm_where_rest"  # True once the part below the map may be sent (after the session's first Where page run)


def intro() -> str:
    return t("Mark where you feel tingling, numbness, burning or weakness. The map suggests which nerve root or nerve may "
             "explain it, how well it fits, and what to do next.")


def _signature() -> tuple[object, ...]:
    """What the part of the page outside the fragment depends on; if it changes, rerun the whole page."""
    v, x, a = state.view(), state.extras(), atlas()
    return (st.session_state.get(REST_KEY), v.mode, v.view, v.layer, legs_marked(a, v.zones), arm_marked(a, v.zones),
            v.symptoms, v.weak, v.reflexes, v.other, x.ok, x.rok)


@st.fragment
def live() -> None:
    previous = st.session_state.get(SIG_KEY)
    if not st.session_state.get(FULL_KEY) and previous is not None and previous != _signature():
        st.rerun(scope="app")  # before drawing anything: the whole page is about to be drawn again
    if not st.session_state.get(FULL_KEY):
        # A fragment run skips nav.run, which makes the link match the state on a full run. A tap's callback can store
        # the marks and then be interrupted by the next tap before its new link reaches the browser (Streamlit checks
        # for a newer request just before sending anything), so a fragment run checks the link itself.
        state.write_query()
    v, x = state.view(), state.extras()
    an = analyse(v, x)
    cols = st.columns([3, 2], gap="medium")
    with cols[0]:
        if not phone():  # on a laptop the map starts right under the title: the body is seen without scrolling
            map_heading()
        map_panel(alert="|".join(n.title for n in an.urgent), report_drawn=not st.session_state.get(REST_KEY))
    with cols[1], st.container(key="nm_results"):
        # Beside the map, level with its top and sticky while the map is used; on a phone (results below the map)
        # the bar fixed at the bottom of the screen carries it while tapping.
        urgent_banner(an)
        if not phone():  # the notice and the intro sit above the results, not above the map
            furniture(intro())
        st.header(t("What may explain it") if consult() else t("2. What may explain it"), anchor="results")
        if an.urgent:
            st.caption(t("Because of the warning sign, please get checked urgently first. "
                         "The explanations below are for learning only."))
        if an.problem:
            st.warning(an.problem)
        headline(an)
        if consult():
            st.button(t("Start again"), key="nm_reset", on_click=reset, icon=":material/restart_alt:")
        next_question(an)
        warning_questions()
        explanations(an)
        if v.zones and st.session_state.get(REST_KEY):
            # Not in a first run that holds the rest: the two runs that follow it would replace the button's file
            # while a quick click was fetching it (the download then silently fails)
            handout_button(an)
        if not consult() and v.zones:
            st.button(t("Clear everything and start again"), key="nm_reset", on_click=reset)
    if phone():
        result_bar(an)
    if not st.session_state.get(FULL_KEY):
        timing.stop("fragment")


def _below_the_map() -> None:
    zone_list()
    if phone():
        furniture(intro())
        other_pages()
    st.divider()
    details()
    footer()
    warm_geometry()


def where_page() -> None:
    header(t("Where do you feel it?"), with_furniture=False)
    st.markdown(LAYOUT_CSS, unsafe_allow_html=True)
    if phone():
        map_heading()
    if not browser():
        st.session_state[REST_KEY] = True  # nothing draws the map, so nothing to wait for
    st.session_state[FULL_KEY] = True
    live()
    st.session_state[FULL_KEY] = False
    if st.session_state.get(REST_KEY):
        _below_the_map()
    # While the rest is held, the signature stored here still says so: the map's "drawn" answer (or any later run)
    # finds it changed and brings the rest.
    st.session_state[SIG_KEY] = _signature()
    st.session_state[REST_KEY] = True
    timing.stop("page")
