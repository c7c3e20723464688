"""Are my back and leg symptoms connected? The self-check from content/connected.yaml, scored in explainer.present."""

from __future__ import annotations

import streamlit as st

from explainer.i18n import t
from explainer.present.selfcheck import OPTION_LABELS, summarise
from explainer.ui import state
from explainer.ui.common import footer, header
from explainer.ui.resources import texts, ui


def _set(qid: str) -> None:
    state.commit(more=state.extras().with_check(qid, st.session_state.get(f"nm_check_{qid}")))


def _reset() -> None:
    x = state.extras()
    from dataclasses import replace

    state.commit(more=replace(x, check=()))


def connected_page() -> None:
    check = texts().selfcheck
    header(ui("connected_title", "Are my back and leg symptoms connected?"))
    st.warning(check.safety, icon=":material/warning:")
    st.write(check.intro)
    answers = dict(state.extras().check)
    labels = dict(OPTION_LABELS)  # worded now, in this page's language
    for i, q in enumerate(check.questions, start=1):
        key = f"nm_check_{q.id}"
        state.sync_widget(key, answers.get(q.id))
        st.radio(f"{i}. {q.text}", list(q.options), format_func=lambda o: labels.get(o, o), key=key,
                 horizontal=True, on_change=_set, args=(q.id,))
    summary = summarise(check, answers)
    st.divider()
    st.header(t("What your answers suggest"))
    if summary.outcome is None:
        st.info(t("Answer a question or two to see a summary. “Not sure” is fine."))
    else:
        st.caption(t("You answered {answered} of {total} questions.", answered=summary.answered, total=summary.total))
        with st.container(border=True):
            st.markdown(f"### {summary.outcome.title}\n{summary.outcome.text}")
        for note in summary.notes:
            st.info(f"**{note.title}**\n\n{note.text}")
        cols = st.columns(2)
        cols[0].button(t("Mark where I feel it on the map"), key="nm_check_to_map", on_click=state.go, args=("where",),
                       icon=":material/touch_app:", width="stretch")
        cols[1].button(t("Clear my answers"), key="nm_check_reset", on_click=_reset, width="stretch")
    st.caption(t("This check is a rough guide for learning. It cannot tell for certain where symptoms come from; "
                 "a health professional who examines you can."))
    footer()
