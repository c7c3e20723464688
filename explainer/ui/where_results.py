"""Where page, right column: urgent care, the explanations, the next question, warning signs and the handout."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from explainer.i18n import current_lang, t, use_lang
from explainer.present.exam import exam_line
from explainer.present.extras import Extras
from explainer.present.findings import WARNING_QUESTIONS, warning_answer, warning_questions_due, warning_questions_for
from explainer.present.results import NextQuestion, ResultCard
from explainer.present.zonelist import both_legs_marked
from explainer.ui import state
from explainer.ui.analysis import Analysis
from explainer.ui.common import consult
from explainer.ui.mapview import body_map
from explainer.ui.resources import atlas, texts, ui
from explainer.ui.summary import notes_summary_block

WARN_ANSWERS = ("yes", "no", "unsure")


def warn_labels() -> dict[str, str]:
    return {"yes": t("Yes"), "no": t("No"), "unsure": t("Not sure")}


def urgent_banner(an: Analysis) -> None:
    """An unmissable urgent-care message above the map and results whenever a warning sign fires; compact and
    sticky (LAYOUT_CSS in where_layout), so it stays in view while the map is used."""
    if not an.urgent:
        return
    with st.container(key="nm_urgent"):
        for note in an.urgent:
            st.error(f"**{note.title}** {note.text}", icon=":material/warning:")


def reset() -> None:
    v = state.view()
    state.commit(replace(v, zones=(), symptoms=(), weak=(), reflexes=(), other=(), exam=(), signs=()), Extras())


def _card_body(card: ResultCard, *, full: bool, meaning: bool = True) -> None:
    every = full or consult()  # a clinician sees every finding that moved the ranking (the one just entered too)
    if card.why:
        st.markdown(t("**Why it fits**") + "\n" + "\n".join(f"- {w}" for w in card.why[: None if every else 2]))
    if card.against:
        st.markdown(t("**What argues against it**") + "\n"
                    + "\n".join(f"- {w}" for w in card.against[: None if every else 1]))
    if full and card.chart_notes:
        st.markdown(f"**{ui('charts_disagree_title', 'Where charts disagree')}**\n"
                    + "\n".join(f"- {n}" for n in card.chart_notes))
    if meaning and card.what_it_means:
        st.markdown(t("**What this means.** {text}", text=card.what_it_means))
    if full and card.what_usually_helps:
        st.markdown(t("**What usually helps.** {text}", text=card.what_usually_helps))
    if full and card.who_to_see:
        st.markdown(t("**Who to see.** {text}", text=card.who_to_see))


# Explanations that reassure ("probably not a nerve problem") are never headlined beside an urgent-care warning.
REASSURING = frozenset({"non_neural", "no_lesion"})


def shown_cards(an: Analysis) -> tuple[ResultCard, ...]:
    """The cards in the order the page shows them. With a warning sign, reassuring ones and ones that fit poorly are
    left out: beside an emergency an "unlikely" carpal tunnel is noise, and the warning is then the headline."""
    if not an.urgent:
        return an.cards
    return tuple(c for c in an.cards if c.answer not in REASSURING and c.strength != "unlikely")


def headline(an: Analysis) -> None:
    """The one headline result: name, strength word, side (and in self-guided mode what it means)."""
    if consult():
        from explainer.ui.exam_panel import hide_stale_live  # here: exam_panel imports this module

        hide_stale_live()
    cards = shown_cards(an)
    if an.urgent and not cards:
        st.markdown(f"### {an.urgent[0].title}\n" + t("**Please get checked urgently** (see the warning above)."))
        return
    if not cards:
        st.info(ui("empty_results", "Mark a place on the body to see which nerves could explain it."))
        return
    card = cards[0]
    side = f" — {card.side}" if card.side else ""
    st.markdown(f"### {card.title}\n**{card.strength_label}**{side}")
    for note in an.advice:  # "mention it soon": calm, never in the urgent banner; right under the headline, in view
        st.info(f"**{note.title}.** {note.text}", icon=":material/info:")
    if consult():
        examined = exam_line(atlas(), state.view())
        if examined:
            st.markdown(t("**Examination:** {findings}", findings=examined))
        _card_body(card, full=False, meaning=False)
    else:
        if not an.urgent:  # the strength words ("matches some of what you described") would soften the warning
            st.caption(ui(f"strength_{card.strength}", ""))
        if card.what_it_means:
            st.markdown(t("**What this means.** {text}", text=card.what_it_means))


def explanations(an: Analysis) -> None:
    """Why / against / charts / what helps / who to see, then the other explanations (collapsed)."""
    cards = shown_cards(an)
    if not cards:
        return
    head, rest = cards[0], cards[1:]
    if not consult():
        name = head.title[:1].lower() + head.title[1:]
        with st.expander(t("More about {name}", name=name), expanded=True):
            _card_body(head, full=True, meaning=False)
    if rest:
        with st.expander(t("Other explanations ({n})", n=len(rest)), expanded=False):
            for card in rest:
                st.markdown(f"#### {card.title}\n**{card.strength_label}**" + (f" — {card.side}" if card.side else ""))
                _card_body(card, full=not consult())
    if not consult():
        st.caption(ui("strength_note", "") + " " + ui("charts_disagree_pain", ""))
    else:
        notes_summary_block(an)


def _answer(q: NextQuestion, answer: str) -> None:
    v, x = state.view(), state.extras()
    if q.kind == "movement" and q.subject:
        weak = tuple(m for m in v.weak if m != q.subject) + ((q.subject,) if answer == "no" else ())
        ok = tuple(m for m in x.ok if m != q.subject) + ((q.subject,) if answer == "yes" else ())
        state.commit(replace(v, weak=weak), replace(x, ok=ok))
    elif q.kind == "reflex" and q.subject:
        reflexes = tuple(p for p in v.reflexes if p[0] != q.subject) + (((q.subject, "reduced"),) if answer == "no" else ())
        rok = tuple(r for r in x.rok if r != q.subject) + ((q.subject,) if answer == "yes" else ())
        state.commit(replace(v, reflexes=reflexes), replace(x, rok=rok))
    elif q.kind == "zone" and q.subject:
        if answer == "yes":
            state.commit(v.with_zones((*v.zones, q.subject)))
        else:
            state.commit(more=replace(x, nz=(*x.nz, q.subject)))


def next_question(an: Analysis) -> None:
    q = an.question
    if q is None or q.answered:
        return
    with st.container(border=True):
        st.markdown(t("**The one question that would help most:** {question}", question=q.text))
        if q.kind == "text":
            return
        yes, no = {"movement": (t("Yes, I can"), t("No, it is weak")), "reflex": (t("Normal"), t("Reduced or absent")),
                   "zone": (t("Yes"), t("No"))}[q.kind]
        cols = st.columns(2)
        cols[0].button(yes, key=f"nm_nq_yes_{q.subject}", on_click=_answer, args=(q, "yes"), width="stretch")
        cols[1].button(no, key=f"nm_nq_no_{q.subject}", on_click=_answer, args=(q, "no"), width="stretch")


def _set_warning(qid: str) -> None:
    q = next(w for w in WARNING_QUESTIONS if w.id == qid)
    answer = st.session_state.get(f"nm_warn_{qid}")
    v, x = state.view(), state.extras()
    other = [tag for tag in v.other if tag != q.tags[0]]
    if answer == "yes":
        other.extend(tag for tag in q.tags if tag not in other)
    state.commit(replace(v, other=tuple(other)), x.with_rf(qid, answer if answer != "yes" else None))


def warning_questions() -> None:
    """Asked once a place is marked; the saddle, bladder, bowel and both-legs questions once a leg zone is."""
    v, x = state.view(), state.extras()
    if not warning_questions_due(atlas(), v):
        return
    with st.container(border=True):
        st.markdown(t("**Warning signs.** {intro}", intro=ui("redflag_intro", "A few quick questions about warning signs.")))
        asked = warning_questions_for(atlas(), v)
        labels = warn_labels()
        for q in asked:
            key = f"nm_warn_{q.id}"
            state.sync_widget(key, warning_answer(q, v, x))
            st.radio(ui(q.text_key, q.id), list(WARN_ANSWERS), format_func=labels.__getitem__, key=key,
                     horizontal=True, on_change=_set_warning, args=(q.id,))
        both = next(q for q in WARNING_QUESTIONS if q.id == "both_legs")
        if both_legs_marked(atlas(), v.zones) and warning_answer(both, v, x) is None:
            st.caption(t("You marked places on both legs, so please look carefully at the question about both legs."))
        answers = [warning_answer(q, v, x) for q in asked]
        if all(a == "no" for a in answers):
            st.success(ui("redflag_all_no", "None of the warning signs apply right now."))


def handout_button(an: Analysis) -> None:
    """Download the one-page handout (in consult mode, optionally a second page with the examination findings)."""
    from explainer.handout.text import load_handout_text

    v, x, words = state.view(), state.extras(), load_handout_text().strings
    a, body, answers = atlas(), body_map(), texts().answers
    clinician = consult() and st.checkbox(words.clinician_option, key="nm_handout_clinician")
    base, query, lang = st.context.url, state.query_for(v, x), current_lang()

    def pdf() -> bytes:
        # Built only when the button is pressed (fpdf is imported lazily: it is slow to import), maybe outside this
        # session's run: in the page's language all the same.
        from explainer.handout.pdf import build_handout_pdf
        from explainer.present.handout_data import handout_data, reopen_link

        with use_lang(lang):
            data = handout_data(a, body=body, view=v, cards=an.cards, urgent=an.urgent, answers=answers,
                                text=load_handout_text(), link=reopen_link(base, query), today=date.today(),
                                clinician=clinician)
            return build_handout_pdf(data)

    st.download_button(words.download, data=pdf, file_name=words.file_name, mime="application/pdf", key="nm_handout",
                       on_click="ignore", icon=":material/download:", width="stretch")
    share_link()


def share_link() -> None:
    """The link that reopens this view, shown with a copy button (the caption promises one)."""
    base = st.context.url
    st.caption(ui("handout_link_note", "The link in your address bar reopens this view. It holds no personal details."))
    if base:
        query = urlencode(state.query_for(state.view(), state.extras()))
        st.code(f"{base.split('?')[0]}?{query}" if query else base, language=None, wrap_lines=True)
