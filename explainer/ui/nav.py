"""Multipage navigation. The page in the link (?page=…) wins on the first run of a session."""

from __future__ import annotations

import streamlit as st

from explainer.ui import state
from explainer.ui.connected import connected_page
from explainer.ui.learn import learn_page
from explainer.ui.resources import atlas, texts
from explainer.ui.spine_page import spine_page
from explainer.ui.where import where_page

TITLES = {
    "where": "Where do you feel it?",
    "spine": "Explore the spine",
    "learn": "Learn",
    "connected": "Are my back and leg symptoms connected?",
}


def pages() -> dict[str, st.Page]:
    return {
        "where": st.Page(where_page, title=TITLES["where"], icon=":material/touch_app:", url_path="where", default=True),
        "spine": st.Page(spine_page, title=TITLES["spine"], icon=":material/account_tree:", url_path="spine"),
        "learn": st.Page(learn_page, title=TITLES["learn"], icon=":material/menu_book:", url_path="learn"),
        "connected": st.Page(connected_page, title=TITLES["connected"], icon=":material/link:", url_path="connected"),
    }


def _key_of(page: st.Page, all_pages: dict[str, st.Page]) -> str:
    return next((k for k, p in all_pages.items() if p.url_path == page.url_path), "where")


def content_ready() -> bool:
    """The content must load; if an edit broke it, say so plainly instead of showing a traceback."""
    try:
        atlas()
        texts()
    except Exception as exc:  # ContentError(s) name the file, record and field
        st.title("Nerve Map")
        st.error(f"The app's content could not be loaded, so the app cannot start.\n\n{exc}")
        return False
    return True


def run() -> None:
    if not content_ready():
        return
    state.init_state()
    all_pages = pages()
    current = st.navigation(list(all_pages.values()), position="top")
    key = _key_of(current, all_pages)
    wanted = state.view().page
    goto = st.session_state.pop(state.GOTO, None)
    if (st.session_state.pop(state.FROM_LINK, False) or goto) and wanted != key:
        st.switch_page(all_pages[wanted], query_params=state.query_for(state.view(), state.extras()))
    if wanted != key:
        state.update(page=key)
    else:
        state.write_query()
    current.run()
