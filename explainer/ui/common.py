"""Shared page furniture: title, mode switch, education notice, link notes, consult-mode styling."""

from __future__ import annotations

import streamlit as st

from explainer.i18n import t
from explainer.ui import state
from explainer.ui.resources import ui
from explainer.viewstate import plain_note

MODE_KEY = "nm_mode_switch"
# Streamlit's default caption grey is below WCAG AA contrast on white: darken it (and disabled-looking text).
_BASE_CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #4a4f5c !important; opacity: 1 !important; }
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }
</style>
"""
_CONSULT_CSS = """
<style>
.stApp [data-testid="stMarkdownContainer"] p, .stApp [data-testid="stMarkdownContainer"] li,
.stApp label p, .stApp button p { font-size: 1.2rem; }
.stApp h1 { font-size: 2.1rem; }
.stApp h2 { font-size: 2.0rem; }
.stApp h3 { font-size: 1.6rem; }
</style>
"""


def consult() -> bool:
    return state.view().mode == "consult"


def _user_agent() -> str:
    try:
        return st.context.headers.get("User-Agent") or ""
    except Exception:  # no browser (e.g. AppTest)
        return ""


def browser() -> bool:
    """A browser is on the other end of this session (AppTest has none: nothing there draws the page)."""
    return bool(_user_agent())


def phone() -> bool:
    """A phone browser ("Mobi" in its user agent). Charts keep their drawn height whatever their width, so a map
    drawn for a laptop column leaves a screenful of blank space above and below the body on a phone."""
    return "Mobi" in _user_agent()


def mode_label(mode: str) -> str:
    if mode == "consult":
        return ui("mode_consult_title", "With a clinician")
    return ui("mode_self_title", "On my own")


def _on_mode() -> None:
    value = st.session_state.get(MODE_KEY)
    if value in ("consult", "self"):
        state.update(mode=value)


def mode_switch() -> None:
    state.sync_widget(MODE_KEY, state.view().mode)
    labels = {mode: mode_label(mode) for mode in ("self", "consult")}  # worded now: a format_func may run later
    st.segmented_control(
        t("Mode"), options=list(labels), format_func=labels.__getitem__, key=MODE_KEY, on_change=_on_mode,
        required=True, help=f"{mode_label('self')}: {ui('mode_self_description')}\n\n"
                            f"{mode_label('consult')}: {ui('mode_consult_description')}",
    )


def notice() -> None:
    """Education, not diagnosis — on every page."""
    head = t("Education, not diagnosis.")
    if consult():
        st.caption(f":material/info: **{head}** {ui('education_notice_short', 'For learning only.')}")
    else:
        text = ui("education_notice", "Nerve Map is for learning only.")
        st.info(f"**{head}** {text}", icon=":material/info:")


def link_notes() -> None:
    """What the link carried that could not be used. The notes are worded by the app and never repeat link text
    (explainer.viewstate); plain_note() strips anything Markdown could act on all the same, as a second lock."""
    notes = [plain_note(n) for n in state.link_notes()]
    if not notes:
        return
    with st.container(border=True):
        st.warning(t("Some parts of the link could not be used, so they were left out:") + "\n\n"
                   + "\n".join(f"- {n}" for n in notes[:8]) + ("\n- …" if len(notes) > 8 else ""), icon=":material/warning:")
        st.button(t("OK, hide this note"), key="nm_dismiss_notes", on_click=state.dismiss_notes)


def furniture(intro: str = "") -> None:
    """Link notes, the education notice and the intro (self-guided mode)."""
    link_notes()
    notice()
    if intro and not consult():
        st.write(intro)


def header(title: str, *, intro: str = "", with_furniture: bool = True) -> None:
    """The title, then the mode switch and the language control side by side (a row that wraps, never stacks)."""
    from explainer.ui.nav import language_control  # nav draws the pages, which import this module

    st.markdown(_BASE_CSS + (_CONSULT_CSS if consult() else ""), unsafe_allow_html=True)
    top = st.columns([3, 2], vertical_alignment="bottom")
    with top[0]:
        st.title(title)
    with top[1], st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        mode_switch()
        language_control()
    if with_furniture:
        furniture(intro)


def footer() -> None:
    st.divider()
    head = t("Education, not diagnosis.")
    st.caption(f"**{head}** {ui('privacy_note', 'Nothing you mark is saved or sent anywhere.')}")
