"""Case walkthroughs: read the story, mark the map, pick an answer, then see what the engine reasons and why."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from explainer.bodymap.style import MapStyle
from explainer.engine import Result
from explainer.engine.explain import Reason
from explainer.engine.redflags import RED_FLAG_LEVELS
from explainer.i18n import t
from explainer.present import palette, voice
from explainer.present.practice_link import Practice
from explainer.present.walkthrough import Case, case_by_id, case_view, choices, judge, load_cases, marks_score, reasoning
from explainer.ui import state
from explainer.ui.mapview import body_map, view_picker
from explainer.ui.practise_map import FOUND, MISSED, WRONG, show_practice_map, tap_list
from explainer.ui.resources import atlas, texts

CASE_KEY = "nm_pr_case"
MARKS_KEY = "nm_pr_case_marks"  # {"case": id, "zones": (...)}: marks before the answer is picked
VIEW_KEY = "nm_pr_case_view"  # {"case": id, "view": name}


def _held(key: str, case_id: str, field: str, default: object) -> object:
    held = st.session_state.get(key) or {}
    return held.get(field, default) if held.get("case") == case_id else default


def _label(answer: str, *, button: bool = False) -> str:
    """Plain names on my own, the clinical label in consult mode; on a choice button without the 'EMERGENCY' tag
    (it would give the answer away; the warning and its advice follow the answer)."""
    plain = texts().answers.get(answer)
    found = atlas().answers.get(answer)
    text = plain.plain_name if plain and state.view().mode == "self" else (found.label if found else answer)
    if not button:
        return text
    for tag in dict.fromkeys(("EMERGENCY", t("EMERGENCY"))):
        text = text.replace(f" ({tag})", "").replace(f" - {tag}", "")
    return text


def _case_picker(p: Practice, commit: Callable[..., None]) -> Case:
    cases = load_cases()
    titles = {c.id: f"{i + 1}. {c.title}" for i, c in enumerate(cases)}
    current = case_by_id(p.case) or cases[0]
    if st.session_state.get(CASE_KEY) != current.id:
        st.session_state[CASE_KEY] = current.id
    st.selectbox(t("Case"), [c.id for c in cases], format_func=titles.__getitem__, key=CASE_KEY,
                 on_change=lambda: commit(case=st.session_state.get(CASE_KEY), a=()))
    return current


def _marks_style(case: Case, marked: tuple[str, ...]) -> MapStyle:
    result = marks_score(case, marked)
    fills: dict[str, str] = {}
    labels: dict[str, str] = {}
    for z in case.zones:
        hit = z.rsplit("_", 1)[0] in result.hit
        fills[z], labels[z] = (palette.GREEN, FOUND) if hit else (palette.SKY, MISSED)
    for z in marked:
        if z.rsplit("_", 1)[0] in result.wrong:
            fills[z], labels[z] = palette.VERMILLION, WRONG
    return MapStyle(fills=fills, labels=labels)


def _map(case: Case, marked: tuple[str, ...], *, answered: bool) -> None:
    view = str(_held(VIEW_KEY, case.id, "view", case_view(case, body_map())))
    counts: dict[str, int] = {}
    for z in marked if not answered else case.zones:
        name = body_map().view_of_zone(z)
        counts[name] = counts.get(name, 0) + 1
    view_picker(current=view, key="nm_pr_case_view_pick", label=t("View"), counts=counts,
                on_change=lambda v: st.session_state.__setitem__(VIEW_KEY, {"case": case.id, "view": v}))

    def set_marks(zones: tuple[str, ...]) -> None:
        others = tuple(z for z in marked if body_map().view_of_zone(z) != view)
        st.session_state[MARKS_KEY] = {"case": case.id, "zones": tuple(sorted({*others, *zones}))}

    if answered:
        show_practice_map(view, _marks_style(case, marked), key="nm_pr_case_map", title=t("The places in the story"))
        return
    here = tuple(z for z in marked if body_map().view_of_zone(z) == view)
    show_practice_map(view, MapStyle(), key="nm_pr_case_map", title=t("Mark the places in the story"), zones=here,
                      on_change=set_marks)
    tap_list(view, here, key="nm_pr_case_list", on_change=set_marks)


def _lines(reasons: list[Reason], limit: int) -> list[str]:
    """Plain bullets on my own (explainer.present.voice), the engine's precise lines with a clinician."""
    if state.view().mode == "self":
        return list(voice.self_reasons(atlas(), reasons, words=texts().reasons, limit=limit))
    return [f"{r.text} (LR {r.lr:g})" for r in reasons[:limit]]


def _reasons(result: Result) -> None:
    top = result.candidates[0]
    matches = {"strong": t("strong match"), "possible": t("possible match"), "unlikely": t("unlikely match")}
    st.markdown(t("**The engine's first answer: {answer}** ({strength})", answer=_label(top.id),
                  strength=matches.get(top.strength, top.strength)))
    fits, against = _lines(top.supporting, 5), _lines(top.against, 3)
    if fits:
        st.markdown(t("What fits:") + "\n" + "\n".join(f"- {line}" for line in fits))
    if against:
        st.markdown(t("What does not fit:") + "\n" + "\n".join(f"- {line}" for line in against))
    others = [c.id for c in result.candidates[1:] if c.id != top.id]
    if others:
        st.caption(t("Next in line: {answers}", answers=", ".join(_label(a) for a in dict.fromkeys(others[:6]))))


def _outcome(case: Case, picked: str, marked: tuple[str, ...], result: Result) -> None:
    for flag in [f for f in result.red_flags if f.level in RED_FLAG_LEVELS][:2]:  # the warning and its advice first
        st.error(t("**A warning sign in this story: {warning}.** In real life: {advice}", warning=flag.name,
                   advice=flag.advice), icon=":material/emergency:")
    judged = judge(case, picked, result)
    best = _label(case.expected.best)
    if judged.verdict == "best":
        st.success(t("**Right.** The expected answer is {best}.", best=best), icon=":material/check_circle:")
    elif judged.verdict == "acceptable":
        st.success(t("**Also accepted.** Your answer, {picked}, fits; the expected answer is {best}.",
                     picked=_label(picked), best=best), icon=":material/check_circle:")
    else:
        st.warning(t("**Not quite.** You picked {picked}; the expected answer is {best}.", picked=_label(picked),
                     best=best), icon=":material/info:")
    score = marks_score(case, marked)
    total = len(score.hit) + len(score.missed)
    if score.wrong:
        st.markdown(t("You marked {hit} of the {total} places the story describes, and {wrong} it does not mention.",
                      hit=len(score.hit), total=total, wrong=len(score.wrong)))
    else:
        st.markdown(t("You marked {hit} of the {total} places the story describes.", hit=len(score.hit), total=total))
    _reasons(result)
    source = atlas().sources.get(case.source)
    if source:
        st.caption(t("Case adapted from: {source}", source=source.label or source.id))


def cases_section(p: Practice, commit: Callable[..., None]) -> None:
    """Story (and, once answered, the outcome and the engine's reasons) beside the map; stacked on a phone."""
    text_col, map_col = st.columns([2, 3], gap="large")
    with text_col:
        case = _case_picker(p, commit)
        with st.container(border=True):
            st.markdown(f"**{case.title}**\n\n{case.story}")
    result = reasoning(case.id)
    picked = next((a for a in p.a if a in atlas().answers), None)
    link_marks = tuple(a for a in p.a if a in atlas().zone_instances)
    marked = link_marks if picked else tuple(_held(MARKS_KEY, case.id, "zones", ()))  # type: ignore[arg-type]
    with map_col:
        st.markdown(t("**1. Mark the places the person describes.**") if not picked else t("**The places in the story**"))
        _map(case, marked, answered=picked is not None)
        if picked is None:
            st.markdown(t("**2. Which answer fits best?**"))
            options = choices(case, result, atlas=atlas())
            for row in range(0, len(options), 2):  # rows of two, so a phone keeps the order
                cols = st.columns(2)
                for i, option in enumerate(options[row: row + 2], start=row):
                    cols[i - row].button(_label(option, button=True), key=f"nm_pr_case_opt_{i}", width="stretch",
                                         on_click=lambda o=option: commit(a=(*marked, o)))
    if picked is not None:
        with text_col:
            _outcome(case, picked, marked, result)
            st.button(t("Try this case again"), key="nm_pr_case_again", on_click=lambda: commit(a=()))
