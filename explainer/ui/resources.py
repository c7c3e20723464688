"""Heavy, static things loaded once per process and language (st.cache_resource keyed on the page's language)."""

from __future__ import annotations

import streamlit as st

from explainer.anatomy import Atlas, load_atlas
from explainer.i18n import current_lang, use_lang
from explainer.texts import Texts, load_texts


@st.cache_resource(show_spinner=False)
def _atlas(lang: str) -> Atlas:
    with use_lang(lang):
        return load_atlas()


@st.cache_resource(show_spinner=False)
def _texts(lang: str) -> Texts:
    with use_lang(lang):
        return load_texts()


def atlas() -> Atlas:
    """The anatomy in this page's language (names, details and advice come from the language's overlay)."""
    return _atlas(current_lang())


def texts() -> Texts:
    return _texts(current_lang())


def ui(key: str, default: str = "") -> str:
    """A UI string from content/text/ui.yaml, or the default when it is missing."""
    return texts().ui_text(key) or default


def ui_strings() -> dict[str, str]:
    return {k: v for k, v in texts().ui.items() if isinstance(v, str)}
