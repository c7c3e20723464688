"""Learn: short articles from content/articles, each with buttons that open the map in the state it describes."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

import streamlit as st

from explainer.i18n import t
from explainer.present.extras import Extras
from explainer.texts import Article
from explainer.ui import state
from explainer.ui.common import footer, header
from explainer.ui.resources import atlas, texts
from explainer.viewstate import ViewState, parse_query

ARTICLE_KEY = "nm_article"


def open_link(query: str) -> None:
    """Apply an article's map link to the app state and go to its page (unknown parts become a visible note)."""
    params = {k: ",".join(v) for k, v in parse_qs(query, keep_blank_values=False).items()}
    target = parse_query(params, atlas=atlas())
    new = replace(target, mode=state.view().mode, notes=())
    state.commit(new, Extras())
    if target.notes:
        st.session_state[state.NOTES] = target.notes
    st.session_state[state.GOTO] = True


def article(a: Article) -> None:
    st.header(a.title)
    st.caption(a.summary)
    if a.map_links:
        st.markdown(t("**See it on the map:**"))
        for i, link in enumerate(a.map_links):
            st.button(link.label, key=f"nm_link_{a.id}_{i}", on_click=open_link, args=(link.query,), icon=":material/map:")
    st.markdown(a.body)
    cites = [atlas().sources[k].cite for k in a.sources if k in atlas().sources]
    with st.expander(t("Sources ({n})", n=len(cites))):
        st.markdown("\n".join(f"- {c}" for c in cites))


def learn_page() -> None:
    header(t("Learn"), intro=t("Short, plain-language articles. Each one can open the map to show what it describes."))
    arts = texts().articles
    if not arts:
        st.info(t("No articles yet."))
        footer()
        return
    ids = [a.id for a in arts]
    v: ViewState = state.view()
    if v.article and v.article not in ids:
        st.warning(t("The article named in the link was not found, so the first article is shown."))  # never echo link text
    state.sync_widget(ARTICLE_KEY, v.article if v.article in ids else ids[0])
    titles = {a.id: a.title for a in arts}
    chosen: str = st.radio(t("Choose an article"), ids, key=ARTICLE_KEY, format_func=lambda i: titles.get(i, i),
                           on_change=lambda: state.update(article=st.session_state.get(ARTICLE_KEY))) or ids[0]
    selected = texts().article(chosen)
    if selected:
        article(selected)
    footer()
