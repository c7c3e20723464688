"""Consult mode: "Copy summary for the notes" - the plain-text summary in a code block (Streamlit gives it a copy
button). The text itself is explainer.present.summary (pure, tested); it holds no personal details."""

from __future__ import annotations

import streamlit as st

from explainer.i18n import t
from explainer.present.summary import notes_summary
from explainer.ui import state
from explainer.ui.analysis import Analysis
from explainer.ui.resources import atlas


def notes_summary_block(an: Analysis) -> None:
    with st.expander(t("Copy summary for the notes"), icon=":material/content_copy:", expanded=False):
        st.caption(t("Plain text for the clinical record: use the copy button at the top right of the box."))
        st.code(notes_summary(atlas(), state.view(), state.extras(), an.result), language=None, wrap_lines=True)
