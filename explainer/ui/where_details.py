"""Where page, below the map: what it feels like, the guided movement check (consult: the examination panel) and
more details."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.i18n import t
from explainer.present.findings import WARNING_QUESTIONS, movement_answer, movement_checklist
from explainer.present.onset import COURSE_TAGS, ONSET_TAGS
from explainer.ui import state
from explainer.ui.common import consult
from explainer.ui.exam_panel import exam_panel
from explainer.ui.resources import atlas, ui
from explainer.ui.where_onset import onset

MOVE_ANSWERS = ("yes", "no", "untested")
SYMPTOMS_KEY = "nm_symptoms"
OTHER_KEY = "nm_other"
# Warning-sign tags are asked as plain questions beside the results, so they are left out of the "more" list.
_ASKED = {tag for q in WARNING_QUESTIONS for tag in q.tags[:1]} | ONSET_TAGS | COURSE_TAGS


def move_labels() -> dict[str, str]:
    return {"yes": t("Yes, I can"), "no": t("No, it is weak"), "untested": t("Not tried")}


def symptoms() -> None:
    a = atlas()
    state.sync_widget(SYMPTOMS_KEY, list(state.view().symptoms))

    def changed() -> None:
        chosen = st.session_state.get(SYMPTOMS_KEY) or []
        state.update(symptoms=tuple(s for s in a.symptoms if s in chosen))

    st.pills(ui("empty_symptoms", "What does it feel like?"), list(a.symptoms), selection_mode="multi",
             format_func=lambda s: a.symptoms[s].label, key=SYMPTOMS_KEY, on_change=changed, wrap=True)
    if not consult():
        with st.expander(t("What do these words mean?")):
            st.markdown("\n".join(f"- **{s.label}**: {s.plain}" for s in a.symptoms.values()))


def _set_movement(movement: str) -> None:
    answer = st.session_state.get(f"nm_move_{movement}")
    v, x = state.view(), state.extras()
    weak = tuple(m for m in v.weak if m != movement) + ((movement,) if answer == "no" else ())
    ok = tuple(m for m in x.ok if m != movement) + ((movement,) if answer == "yes" else ())
    state.commit(replace(v, weak=weak), replace(x, ok=ok))


def movements() -> None:
    a, v, x = atlas(), state.view(), state.extras()
    if not consult():
        st.caption(t("Try each one gently if it is safe for you, holding on to something steady. "
                     "Skip anything that hurts. If you are not sure, leave it as “Not tried”."))
    labels = move_labels()
    for mid in movement_checklist(a, v, consult=consult()):
        m = a.movements[mid]
        key = f"nm_move_{mid}"
        state.sync_widget(key, movement_answer(mid, v, x) or "untested")
        label = m.question if not consult() else f"{m.name} — {m.question}"
        st.radio(label, list(MOVE_ANSWERS), format_func=labels.__getitem__, key=key, horizontal=True,
                 on_change=_set_movement, args=(mid,))


def more_details() -> None:
    a, v = atlas(), state.view()
    categories = ("pattern", "history", "exam", "red_flag", "normal") if consult() else ("pattern", "history")
    options = [f.id for c in categories for f in a.findings.values() if f.category == c and f.id not in _ASKED]
    options += [tag for tag in v.other if tag not in options and tag not in _ASKED]
    state.sync_widget(OTHER_KEY, [tag for tag in v.other if tag not in _ASKED])

    def changed() -> None:
        chosen = st.session_state.get(OTHER_KEY) or []
        keep = [tag for tag in state.view().other if tag in _ASKED]
        state.update(other=tuple(dict.fromkeys([*keep, *chosen])))

    st.multiselect(t("Anything else that applies (type to search)"), options, key=OTHER_KEY, on_change=changed,
                   filter_mode="contains", select_all=False,
                   format_func=lambda f: a.findings[f].label[:1].upper() + a.findings[f].label[1:],
                   placeholder=t("e.g. back pain, worse with sitting, diabetes"))


def details() -> None:
    if consult():
        st.header(t("Findings"))
        cols = st.columns(2)
        with cols[0]:
            symptoms()
            onset()
        with cols[1]:
            more_details()
        exam_panel()  # strength and reflexes as left/right grids, special tests (explainer/ui/exam_panel.py)
        return
    st.header(t("3. What does it feel like?"))
    st.caption(t("Optional. Each answer here updates “What may explain it” above."))
    symptoms()
    onset()
    st.header(t("4. A quick movement check"))
    movements()
    st.header(t("5. Anything else?"))
    more_details()
