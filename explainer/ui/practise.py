"""Practise: questions answered on the body map, with instant feedback drawn on it, and case walkthroughs.

Everything that matters is in the link (explainer.present.practice_link): level, question, the answer given, score,
questions to revisit and the case. Only taps not yet checked live in session state. Nothing is stored or sent.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import Any

import streamlit as st

from explainer.anatomy.order import DERMATOMAL_ROOTS
from explainer.i18n import t
from explainer.present.practice import Question, bank_index, default_bank, pool
from explainer.present.practice_link import Practice
from explainer.present.practice_score import after_answer, pick_next, score_choice, score_taps
from explainer.present.practice_text import LEVELS, Level, load_practice_text
from explainer.ui import state
from explainer.ui.common import footer, header, phone
from explainer.ui.mapview import body_map
from explainer.ui.practise_cases import cases_section
from explainer.ui.practise_map import feedback_style, question_style, show_practice_map, tap_list
from explainer.ui.spineview import show_spine

TAPS_KEY = "nm_pr_taps"  # {"q": question id, "zones": (...)}: taps not yet checked
LEVEL_KEY = "nm_pr_level"
WHAT_KEY = "nm_pr_what"
WHAT = ("questions", "cases")
ROOT_IDS = frozenset(DERMATOMAL_ROOTS)


def what_labels() -> dict[str, str]:
    return {"questions": t("Questions on the map"), "cases": t("Case walkthroughs")}


def practice() -> Practice:
    return state.view().practice


def set_practice(**changes: Any) -> None:
    state.update(practice=replace(practice(), **changes))


def level_of(p: Practice) -> Level:
    return p.level or "patient"


def taps(qid: str) -> tuple[str, ...]:
    held = st.session_state.get(TAPS_KEY) or {}
    return tuple(held.get("zones", ())) if held.get("q") == qid else ()


def set_taps(qid: str, zones: tuple[str, ...]) -> None:
    st.session_state[TAPS_KEY] = {"q": qid, "zones": tuple(sorted(zones))}


def current_question() -> Question:
    """The question in the link, or (none yet, or from another level) the next one the revisit rule picks."""
    p = practice()
    ids = pool(default_bank(), level_of(p))
    if p.q in ids:
        return bank_index(default_bank())[p.q]
    qid = pick_next(ids, seed=p.seed, step=p.score.asked, missed=p.missed)
    set_practice(q=qid, a=())
    return bank_index(default_bank())[qid]


def answer(q: Question, given: tuple[str, ...]) -> None:
    """Score an answer, note a miss for revisiting, and put it all in the link (once: a second click is ignored)."""
    p = practice()
    if p.a or p.q != q.id:
        return
    if q.kind == "tap":
        verdict = score_taps(given, required=q.required, also=q.also).verdict
    else:
        verdict = score_choice(given[0] if given else "", answer=q.answer, also=q.also)
    set_practice(a=given, score=p.score.add(verdict),
                 missed=after_answer(p.missed, question=q.id, verdict=verdict, step=p.score.asked))


def next_question() -> None:
    p = practice()
    ids = pool(default_bank(), level_of(p))
    set_practice(q=pick_next(ids, seed=p.seed, step=p.score.asked, missed=p.missed, current=p.q), a=())


def new_round() -> None:
    """Score and revisits start again, in a new order (the seed goes in the link, so the round can be shared)."""
    state.update(practice=Practice(level=practice().level, seed=1 + secrets.randbelow(999_999)))


def _on_level() -> None:
    value = st.session_state.get(LEVEL_KEY)
    if value in LEVELS and value != level_of(practice()):
        state.update(practice=Practice(level=value, seed=practice().seed))  # a new run: score and revisits restart


def _level_picker() -> None:
    text = load_practice_text()
    labels = {lv.id: lv.label for lv in text.levels}
    state.sync_widget(LEVEL_KEY, level_of(practice()))
    st.segmented_control(t("Level"), options=list(LEVELS), format_func=labels.__getitem__, key=LEVEL_KEY,
                         on_change=_on_level, required=True)
    blurb = next(lv.blurb for lv in text.levels if lv.id == level_of(practice()))
    p = practice()
    score = (t("**Score: {right} of {asked} right**", right=p.score.right, asked=p.score.asked) if p.score.asked
             else t("**Score: none yet**"))
    revisit = " · " + t("{n} to come back to", n=len(p.missed)) if p.missed else ""
    st.caption(f"{blurb}  \n{score}{revisit}")
    if p.score.asked:
        st.button(t("New round"), key="nm_pr_new", on_click=new_round, icon=":material/refresh:",
                  help=t("Start the score again, with the questions in a new order."))


def _choices(q: Question) -> None:
    for row in range(0, len(q.options), 2):  # one row of two at a time, so a phone keeps the order
        cols = st.columns(2)
        for i, (oid, label) in enumerate(q.options[row: row + 2], start=row):
            cols[i - row].button(label, key=f"nm_pr_opt_{i}", on_click=answer, args=(q, (oid,)), width="stretch")


def _check(q: Question) -> None:
    """The list of places (keyboards, screen readers) and the button that scores the taps."""
    marks = taps(q.id)
    tap_list(q.view, marks, key="nm_pr_list", on_change=lambda zones: set_taps(q.id, zones))
    st.button(t("Check my answer"), key="nm_pr_check", type="primary", disabled=not marks,
              on_click=lambda: answer(q, taps(q.id)), help=t("Tap at least one place first."))
    if not marks:
        st.caption(t("Tap one or more places on the map, then check."))


def _spine(q: Question) -> None:
    """A root question can also be answered by tapping the root on the spine (any root, not only the choices)."""
    def picked(clicked: str) -> None:
        kind, _, root = clicked.partition(":")
        if kind == "root" and root in ROOT_IDS:
            answer(q, (root,))

    st.markdown(t("**Or tap the root on the spine** (seen from behind; the roots are yellow)."))
    show_spine(selected=frozenset(), fills={}, key="nm_pr_spine", on_pick=picked, size_px=(380, 820))


def _feedback(q: Question, given: tuple[str, ...]) -> None:
    fb = load_practice_text().feedback
    if q.kind == "tap":
        result = score_taps(given, required=q.required, also=q.also)
        verdict = result.verdict
        if len(q.required) == 1:
            lines = [fb["found_one"] if result.hit else fb["missed_one"]]
        else:
            lines = [fb["found"].format(hit=len(result.hit), total=len(q.required))]
        if result.wrong:
            lines.append(fb["wrong_tap"] if len(result.wrong) == 1 else fb["wrong_taps"].format(n=len(result.wrong)))
        if result.neutral:
            lines.append(fb["neutral_one"] if len(result.neutral) == 1 else fb["neutral"].format(n=len(result.neutral)))
        if verdict != "right":
            lines.append(fb["need"])
    else:
        verdict = score_choice(given[0], answer=q.answer, also=q.also)
        labels = dict(q.options)
        answer_label = labels.get(q.answer, q.answer)
        lines = [fb["shared"].format(picked=labels.get(given[0], given[0]), answer=answer_label)
                 if verdict == "partly" else fb["answer_was"].format(answer=answer_label)]
    head = fb[verdict]
    body = f"**{head}** " + " ".join(lines) + f"\n\n{q.explanation}"
    if q.details:
        body += "\n" + "".join(f"\n- {d}" for d in q.details)
    (st.success if verdict == "right" else st.warning)(body, icon=":material/check_circle:" if verdict == "right"
                                                       else ":material/info:")
    _sources(q.sources)
    st.button(t("Next question"), key="nm_pr_next", on_click=next_question, type="primary", icon=":material/arrow_forward:")


def _sources(keys: tuple[str, ...]) -> None:
    from explainer.ui.resources import atlas

    names = [atlas().sources[k].label or k for k in keys if k in atlas().sources]
    if names:
        st.caption(f"{load_practice_text().feedback['sources']}: " + "; ".join(names))


def questions_section() -> None:
    """Question and feedback beside the map on a laptop; on a phone the columns stack (question, map, answer)."""
    q = current_question()
    given = practice().a
    if q.kind == "tap":  # only places of the question's picture count (a link could name others)
        given = tuple(z for z in given if z in body_map().views[q.view].zones)
    text_col, map_col = st.columns([2, 3], gap="large")
    with text_col:
        st.subheader(q.prompt)
        if given:
            _feedback(q, given)
        elif q.kind == "choose" and not (q.shaded and phone()):  # a phone shows the shaded map first
            _choices(q)
        elif q.kind == "tap" and not phone():  # beside the map on a laptop, below it on a phone
            _check(q)
    with map_col:
        if given:
            show_practice_map(q.view, feedback_style(q, given), key="nm_pr_map", title=t("Feedback on the map"))
        elif q.kind == "tap":
            marks = taps(q.id)
            show_practice_map(q.view, question_style(q), key="nm_pr_map", title=q.prompt, zones=marks,
                              on_change=lambda zones: set_taps(q.id, zones))
            if phone():
                _check(q)
        elif q.shaded:
            show_practice_map(q.view, question_style(q), key="nm_pr_map", title=q.prompt)
            if phone():
                _choices(q)
        else:
            _spine(q)


def _on_what() -> None:
    value = st.session_state.get(WHAT_KEY)
    if value == "cases" and not practice().case:
        from explainer.present.walkthrough import load_cases

        set_practice(case=load_cases()[0].id, a=())
    elif value == "questions" and practice().case:
        set_practice(case=None, a=())


def practise_page() -> None:
    header(t("Practise"), intro=t("Answer on the body map and see at once what is right. Nothing is saved: your score is "
                                  "only in the link."))
    what = "cases" if practice().case else "questions"
    state.sync_widget(WHAT_KEY, what)
    top = st.columns([2, 3], gap="large") if what == "questions" else [st.container()]
    labels = what_labels()
    top[0].segmented_control(t("What to practise"), options=list(WHAT), format_func=labels.__getitem__, key=WHAT_KEY,
                             on_change=_on_what, required=True)
    if what == "questions":
        with top[1]:
            _level_picker()
    if what == "cases":
        cases_section(practice(), set_practice)
    else:
        questions_section()
    footer()
