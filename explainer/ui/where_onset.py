"""Where page: how it started and whether it has gone (both modes). The logic is in explainer.present.onset."""

from __future__ import annotations

import streamlit as st

from explainer.present.onset import COURSE, ONSET, course_answer, onset_answer, with_course, with_onset
from explainer.ui import state
from explainer.ui.resources import ui

ONSET_KEY = "nm_onset"
COURSE_KEY = "nm_course"


def _onset_changed() -> None:
    state.commit(with_onset(state.view(), st.session_state.get(ONSET_KEY)))


def _course_changed() -> None:
    state.commit(with_course(state.view(), st.session_state.get(COURSE_KEY)))


def onset() -> None:
    """Two short radio questions; the stroke warning is always shown beside them."""
    v = state.view()
    state.sync_widget(ONSET_KEY, onset_answer(v))
    state.sync_widget(COURSE_KEY, course_answer(v) or ("still" if onset_answer(v) else None))
    onset_labels = {c.id: ui(c.text_key, c.id) for c in ONSET}
    course_labels = {c.id: ui(c.text_key, c.id) for c in COURSE}
    cols = st.columns(2)
    with cols[0]:
        st.radio(ui("onset_title", "How did it start?"), list(onset_labels), format_func=onset_labels.__getitem__,
                 key=ONSET_KEY, on_change=_onset_changed)
    with cols[1]:
        st.radio(ui("onset_course", "Is it still there?"), list(course_labels), format_func=course_labels.__getitem__,
                 key=COURSE_KEY, on_change=_course_changed)
    st.caption(ui("stroke_warning", "Sudden one-sided numbness or weakness: call the emergency number."))
