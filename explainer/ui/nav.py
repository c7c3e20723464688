"""Multipage navigation. The page in the link (?page=…) wins on the first run of a session."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from explainer.anatomy import ContentError, ContentErrors
from explainer.anatomy.errors import each_error
from explainer.i18n import DEFAULT_LANG, LANG_NAMES, LANGS, current_lang, t
from explainer.ui import state
from explainer.ui.resources import atlas, texts


def titles() -> dict[str, str]:
    return {
        "where": t("Where do you feel it?"),
        "spine": t("Explore the spine"),
        "learn": t("Learn"),
        "connected": t("Are my back and leg symptoms connected?"),
        "practise": t("Practise"),
    }


# Each page's module is imported when the page is first shown, so the first page of a new server does not wait for
# the others (the spine page's Plotly, the practice bank's code).
def where_page() -> None:
    from explainer.ui.where import where_page as page

    page()


def spine_page() -> None:
    from explainer.ui.spine_page import spine_page as page

    page()


def learn_page() -> None:
    from explainer.ui.learn import learn_page as page

    page()


def connected_page() -> None:
    from explainer.ui.connected import connected_page as page

    page()


def practise_page() -> None:
    from explainer.ui.practise import practise_page as page

    page()


def pages() -> dict[str, st.Page]:
    title = titles()
    return {
        "where": st.Page(where_page, title=title["where"], icon=":material/touch_app:", url_path="where", default=True),
        "spine": st.Page(spine_page, title=title["spine"], icon=":material/account_tree:", url_path="spine"),
        "learn": st.Page(learn_page, title=title["learn"], icon=":material/menu_book:", url_path="learn"),
        "connected": st.Page(connected_page, title=title["connected"], icon=":material/link:", url_path="connected"),
        "practise": st.Page(practise_page, title=title["practise"], icon=":material/quiz:", url_path="practise"),
    }


def _key_of(page: st.Page, all_pages: dict[str, st.Page]) -> str:
    return next((k for k, p in all_pages.items() if p.url_path == page.url_path), "where")


def load_everything() -> None:
    """Every file the app reads: content/ (anatomy, texts, engine settings, handout words, practice) and assets/."""
    from explainer.bodymap.geometry import load_body_map
    from explainer.engine import default_model
    from explainer.handout.text import load_handout_text
    from explainer.present.practice import default_bank
    from explainer.present.walkthrough import load_cases

    atlas()
    texts()
    default_model()
    load_handout_text()
    load_body_map()
    default_bank()  # the Practise page's questions (content/text/practice.yaml) and cases (content/cases/)
    load_cases()


def _english(message: str, /, **values: object) -> str:
    return message.format(**values) if values else message


def _translator() -> Callable[..., str]:
    """t() for the broken-files page, or English when the broken file is this language's own catalogue."""
    try:
        t("Nerve Map cannot open")
    except Exception:  # this page must always open
        return _english
    return t


def broken_files_page(errors: list[ContentError], *, unexpected: Exception | None = None) -> None:
    """One calm page naming each broken file (record and field where there is one) and what to do.

    Problem details come from the files themselves, so they are shown in code blocks (never read as Markdown);
    no Streamlit error box, no traceback.
    """
    t = _translator()  # named t, so the catalogue tools still find the strings below
    st.title(t("Nerve Map cannot open"))
    st.markdown(t("A file the app needs is missing or damaged, so it has stopped rather than show something wrong. "
                  "Whoever looks after this installation can fix it as described below."))
    for err in errors[:12]:
        with st.container(border=True):
            st.markdown(t("**File:** `{path}`", path=err.path.replace("`", "")))
            st.code(f"record:  {err.record}\nfield:   {err.field}\nproblem: {err.problem}", language=None, wrap_lines=True)
            st.markdown(t("**What to do:** {advice}", advice=err.advice))
    if len(errors) > 12:
        st.markdown(t("…and {n} more: run `python -m explainer check` to list them all.", n=len(errors) - 12))
    if unexpected is not None:
        with st.container(border=True):
            st.code(f"{type(unexpected).__name__}: {str(unexpected)[:500]}", language=None, wrap_lines=True)
            st.markdown(t("**What to do:** run `python -m explainer check`; if it passes, please report this problem."))
    st.caption(t("Nothing you marked is stored, so nothing was lost. Reload the page once the file is fixed."))
    if current_lang() != DEFAULT_LANG:  # a broken translation must not lock readers out: the English files may be fine
        st.button(LANG_NAMES[DEFAULT_LANG], icon=":material/language:", key="nm_broken_english",
                  on_click=lambda: st.query_params.__setitem__("lang", DEFAULT_LANG))


def content_ready() -> bool:
    """The content and assets must load; if an edit broke them, show one friendly page instead of a traceback."""
    try:
        load_everything()
    except (ContentError, ContentErrors) as exc:  # they name the file, record and field
        broken_files_page(each_error(exc))
        return False
    except Exception as exc:  # never Streamlit's error box
        broken_files_page([], unexpected=exc)
        return False
    return True


LANG_KEY = "nm_lang"
LANG_LABEL = "Language · Idioma"  # the same words in every language, so a reader of either finds the control


def _change_language() -> None:
    value = st.session_state.get(LANG_KEY)
    if value in LANGS:
        state.update(lang=value)


def language_control() -> None:
    """The page's language, named in each language (so a reader finds their own); kept in the link as ``lang=``.

    Drawn by explainer.ui.common.header beside the mode switch: a small globe-icon button naming the language,
    opening a two-choice list (one row on a laptop and on a phone, so the map is not pushed down)."""
    lang = current_lang()
    state.sync_widget(LANG_KEY, lang)
    # A Material icon (drawn with the font Streamlit serves itself), not the globe emoji: a computer without an emoji
    # font shows an empty box instead.
    with st.popover(LANG_NAMES[lang], icon=":material/language:", help=LANG_LABEL, width="content"):
        st.radio(LANG_LABEL, LANGS, format_func=lambda code: LANG_NAMES[code], key=LANG_KEY, on_change=_change_language)


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
    current.run()  # each page's header draws the language control (language_control) beside the mode switch
