"""Where page furniture that keeps the eye on the right thing: the sticky urgent banner, the phone's result bar and
labelled links to the other pages (the top navigation collapses to an unlabelled menu on a phone)."""

from __future__ import annotations

import streamlit as st

from explainer.i18n import t
from explainer.ui import state
from explainer.ui.analysis import Analysis

LAYOUT_CSS = """
<style>
.st-key-nm_urgent { position: sticky; top: 3.75rem; z-index: 990; background: #fff; scroll-margin-top: 4.5rem; }
.stApp .st-key-nm_urgent [data-testid="stAlert"] p { margin-bottom: 0.2rem; font-size: 1rem; line-height: 1.4; }
.st-key-nm_resultbar { position: fixed; left: 0; right: 0; bottom: 0; z-index: 995; background: #fff;
  border-top: 2px solid #1f5fa8; box-shadow: 0 -2px 8px rgba(0,0,0,.15); padding: 0.35rem 0.9rem 0.7rem; gap: 0.2rem;
  min-height: 3.9rem; justify-content: center; }
.st-key-nm_resultbar p { margin: 0; font-size: 0.98rem; line-height: 1.3; }
.st-key-nm_resultbar a { font-weight: 600; }
/* seven pictures on one row, in both modes and languages */
.st-key-nm_where_view button p { font-size: 1rem !important; }
.stApp h1 { font-size: 2.1rem; }  /* a smaller title on the map page: more body on the first screen */
.st-key-nm_where_view button { padding-left: 0.65rem; padding-right: 0.65rem; }
@media (max-width: 640px) {
  .stApp h1 { font-size: 1.9rem; }
  .st-key-nm_urgent { position: static; }
  [data-testid="stMainBlockContainer"] { padding-bottom: 7rem; padding-left: 0.6rem; padding-right: 0.6rem; }
}
@media (min-width: 641px) { .st-key-nm_resultbar { display: none; } }
</style>
"""


def page_labels() -> dict[str, str]:
    return {"spine": t("Explore the spine"), "learn": t("Learn"), "connected": t("Self-check: back and leg connected?")}


def result_bar(an: Analysis) -> None:
    """Phone: a compact bar fixed at the bottom while tapping: the headline, how strong, and a link to the details;
    when a warning sign fires, the urgent message instead (nothing beside it says otherwise)."""
    with st.container(key="nm_resultbar"):
        if an.urgent:
            st.error(t("**{title}** — please get help now. [What to do](#results)", title=an.urgent[0].title),
                     icon=":material/warning:")
        elif an.cards:
            card = an.cards[0]
            side = f" — {card.side}" if card.side else ""
            details = t("Details")
            st.markdown(f"**{card.title}**  \n{card.strength_label}{side} · [{details}](#results)")
        else:
            st.markdown(t("Tap the places where you feel it. [How it works](#results)"))


def other_pages() -> None:
    """Labelled buttons to the other pages (on a phone the top navigation is a bare menu icon)."""
    st.markdown(t("**More in Nerve Map**"))
    pages = page_labels()
    cols = st.columns(len(pages))
    for col, (page, label) in zip(cols, pages.items(), strict=True):
        col.button(label, key=f"nm_goto_{page}", on_click=state.go, args=(page,), width="stretch")
