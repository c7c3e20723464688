"""Heavy, static things loaded once per process (st.cache_resource)."""

from __future__ import annotations

import streamlit as st

from explainer.anatomy import Atlas, load_atlas
from explainer.texts import Texts, load_texts


@st.cache_resource(show_spinner=False)
def atlas() -> Atlas:
    return load_atlas()


@st.cache_resource(show_spinner=False)
def texts() -> Texts:
    return load_texts()


def ui(key: str, default: str = "") -> str:
    """A UI string from content/text/ui.yaml, or the default when it is missing."""
    return texts().ui_text(key) or default


def ui_strings() -> dict[str, str]:
    return {k: v for k, v in texts().ui.items() if isinstance(v, str)}
