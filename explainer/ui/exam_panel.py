"""Consult mode: the examination panel - strength and reflexes as left/right grids, special tests as one tap each.

Every cell is a widget with a stable key (nm_exam_<item>_<L|R>, nm_sign_<test>) whose value comes from the view
state (explainer.ui.state) before it is drawn; a change goes through state.commit, so the link and the result card
follow at once. The pure side (rows, cells, the engine's exam) is explainer.present.exam.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.i18n import t
from explainer.present.exam import (
    MOVEMENT_OPTIONS,
    REFLEX_OPTIONS,
    SIDES,
    SignTest,
    cell_value,
    clinical_name,
    exam_rows,
    sign_value,
    with_cell,
    with_sign,
)
from explainer.present.examlink import SIDE_LETTER, ExamSide
from explainer.ui import state
from explainer.ui.analysis import analyse
from explainer.ui.resources import atlas
from explainer.ui.sensation_panel import sensation_section
from explainer.ui.where_results import shown_cards

PANEL_CSS = """
<style>
.st-key-nm_exam [data-testid="stVerticalBlock"] { gap: 0.3rem; }
.st-key-nm_exam_live { position: sticky; top: 3.75rem; z-index: 980; background: #fff; padding: 0.3rem 0;
  border-bottom: 1px solid #d0d7de; }
.st-key-nm_exam_live [data-testid="stMarkdownContainer"] p { margin-bottom: 0; font-size: 0.95rem; }
.st-key-nm_exam [data-testid="stColumn"] [data-testid="stHorizontalBlock"] { gap: 0.5rem; }
.st-key-nm_exam [data-testid="stColumn"] [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
.st-key-nm_exam [data-testid="stColumn"] [data-testid="stMarkdownContainer"] p { margin-bottom: 0; font-size: 0.92rem;
  line-height: 1.25; }
@media (max-width: 640px) {  /* a phone stacks columns: keep each row's name, left and right cells on one line */
  .st-key-nm_exam [data-testid="stColumn"] [data-testid="stHorizontalBlock"] { flex-wrap: nowrap; }
  .st-key-nm_exam [data-testid="stColumn"] [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] { min-width: 0; }
}
.st-key-nm_exam [data-testid="stButtonGroup"] button { min-height: 2.1rem; padding: 0 0.6rem; }
</style>
"""
SHOWN = {"": "–", "3c": "3c", "4c": "4c"}
LIVE_FOR = "nm_exam_live_for"  # the (view, extras) the ranking line above the grid was drawn for
FULL_RUN = "nm_where_full_run"  # explainer.ui.where: True while the whole Where page is being drawn


def side_words() -> dict[str, str]:
    return {"left": t("left"), "right": t("right")}


def value_words() -> dict[str, str]:
    """A side-less reflex value from an older link (explainer.viewstate.REFLEX_VALUES), as shown."""
    return {"reduced": t("reduced"), "absent": t("absent"), "brisk": t("brisk")}


def cell_key(item: str, side: ExamSide) -> str:
    return f"nm_exam_{item}_{SIDE_LETTER[side]}"


def sign_key(test: str) -> str:
    return f"nm_sign_{test}"


def _set_cell(item: str, side: ExamSide) -> None:
    value = st.session_state.get(cell_key(item, side))
    x = state.extras()
    x = replace(x, ok=tuple(m for m in x.ok if m != item), rok=tuple(r for r in x.rok if r != item))
    state.commit(with_cell(atlas(), state.view(), item, side, value), x)


def _clear() -> None:
    state.commit(replace(state.view(), exam=(), signs=(), sens=()))


def _set_sign(test: str) -> None:
    state.commit(with_sign(state.view(), test, st.session_state.get(sign_key(test))))


def _grid(items: tuple[str, ...], *, options: tuple[str, ...], title: str, names: dict[str, str],
          notes: dict[str, str]) -> None:
    """One row per item: its name (with `notes`, e.g. the roots, in grey), then a left and a right cell."""
    v = state.view()
    head = st.columns([2.2, 1, 1], vertical_alignment="bottom")
    head[0].markdown(f"**{title}**")
    head[1].markdown(t("**Left**"))
    head[2].markdown(t("**Right**"))
    sides = side_words()
    for item in items:
        row = st.columns([2.2, 1, 1], vertical_alignment="center")
        row[0].markdown(f"{names[item]} :gray[{notes[item]}]" if notes.get(item) else names[item])
        for col, side in zip(row[1:], SIDES, strict=True):
            key = cell_key(item, side)
            state.sync_widget(key, cell_value(v, item, side))
            col.selectbox(t("{name} ({side})", name=names[item], side=sides[side]), options, key=key,
                          label_visibility="collapsed", format_func=lambda g: SHOWN.get(g, g), on_change=_set_cell,
                          args=(item, side))


def _options(test: SignTest) -> dict[str, str]:
    neg = test.neg.capitalize() if len(test.neg) <= 8 else t("No")
    if test.sided:  # the letters for left and right, as a clinician writes them in this language
        return {"n": neg, "L": t("L"), "R": t("R"), "B": t("Both")}
    return {"n": neg, "y": test.pos.capitalize() if len(test.pos) <= 9 else t("Yes")}


def _tests(tests: tuple[SignTest, ...]) -> None:
    v = state.view()
    st.markdown(t("**Special tests**"))
    st.caption(t("Tap the side it is positive on; tap again to clear (not done)."))
    for test in tests:
        row = st.columns([1.35, 1.65], vertical_alignment="center")
        row[0].markdown(test.label)
        key, labels = sign_key(test.id), _options(test)
        state.sync_widget(key, sign_value(v, test.id))
        row[1].segmented_control(test.label, list(labels), key=key, label_visibility="collapsed",
                                 format_func=labels.__getitem__, on_change=_set_sign, args=(test.id,))


def _sideless_note() -> None:
    """Side-less entries from an older link: said once, replaced as soon as the row is graded."""
    a, v, x = atlas(), state.view(), state.extras()
    values = value_words()
    words = [t("weak: {movement}", movement=clinical_name(m).lower()) for m in v.weak]
    words += [f"{a.reflexes[r].name}: {values.get(val, val)}" for r, val in v.reflexes if r in a.reflexes]
    words += [t("normal: {movement}", movement=clinical_name(m).lower()) for m in x.ok]
    words += [t("{reflex}: normal", reflex=a.reflexes[r].name) for r in x.rok if r in a.reflexes]
    if words:
        st.caption(t("Recorded without a side (a grade replaces it): {items}.", items="; ".join(words)))


def _live() -> None:
    """The ranking as it stands, kept in view while the grid is filled (the full card is at the top of the page)."""
    an = analyse(state.view(), state.extras())
    st.session_state[LIVE_FOR] = (state.view(), state.extras())
    with st.container(key="nm_exam_live"):
        if an.urgent:
            st.markdown(t(":red[**{title}**] (see the warning at the top)", title=an.urgent[0].title))
        cards = shown_cards(an)
        ranked = " · ".join(f"{i}. **{c.title.split(' (')[0]}** ({c.strength_label.lower()}{', ' + c.side if c.side else ''})"
                            for i, c in enumerate(cards, start=1))
        st.markdown(t("Now: {ranked} · [full card](#results)", ranked=ranked) if ranked else t("Now: nothing ranked yet."))


def hide_stale_live() -> None:
    """Called inside the map-and-results fragment: a rerun of the fragment alone (a tap on the map) that changed the
    findings leaves the ranking line above the grid (outside the fragment) out of date, so it is hidden until the
    next full run draws it again (the style element lives in the fragment and is gone on that run)."""
    if st.session_state.get(FULL_RUN) or st.session_state.get(LIVE_FOR) in (None, (state.view(), state.extras())):
        return
    st.markdown("<style>.st-key-nm_exam_live { display: none; }</style>", unsafe_allow_html=True)


def exam_panel() -> None:
    """The examination grid for the marked limbs (all limbs when none is marked)."""
    a, v = atlas(), state.view()
    movements, reflexes, tests = exam_rows(a, v)
    st.markdown(PANEL_CSS, unsafe_allow_html=True)
    with st.container(key="nm_exam"):
        head = st.columns([5, 1], vertical_alignment="bottom")
        head[0].subheader(t("Examination"))
        head[1].button(t("Clear examination"), key="nm_exam_clear", on_click=_clear, disabled=not (v.exam or v.signs or v.sens),
                       icon=":material/backspace:", width="stretch")
        st.caption(t("MRC 0-5 (4-, 4+, 5- allowed) and reflexes 0-4 (c = sustained clonus); “–” = not tested. "
                     "A cell also takes typing: a grade, then Enter. The results update with each entry."))
        _sideless_note()
        _live()
        cols = st.columns([1.1, 1, 1.15], gap="medium")
        with cols[0]:
            _grid(movements, options=MOVEMENT_OPTIONS, title=t("Strength (MRC)"),
                  names={m: clinical_name(m) for m in movements},
                  notes={m: ", ".join(a.movements[m].roots) for m in movements})
        with cols[1]:
            names = {r: a.reflexes[r].name.split(" (")[0] for r in reflexes}
            _grid(reflexes, options=REFLEX_OPTIONS, title=t("Reflexes"), names=names, notes={})
        with cols[2]:
            _tests(tests)
        sensation_section()
