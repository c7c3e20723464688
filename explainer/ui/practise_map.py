"""The Practise page's map: the Where page's browser component (explainer.ui.mapview.show_view) mounted with its own
key and per-zone styles for the question and the feedback. Colour is never the only cue: every style has a symbol
on the zone and a word in the legend below the map."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st

from explainer.bodymap.style import MapStyle
from explainer.i18n import t
from explainer.present import palette
from explainer.present.mapstyle import zone_name
from explainer.present.practice import Question
from explainer.present.practice_score import score_taps
from explainer.ui import state
from explainer.ui.mapview import body_map, show_view
from explainer.ui.resources import atlas

FOUND, MISSED, WRONG, SOME = "+", "•", "×", "~"


def legend_words() -> dict[str, str]:
    """What each symbol on the map means (colour is never the only cue), in this page's language."""
    return {
        FOUND: t("green + a right place you tapped"),
        MISSED: t("blue • part of the answer"),
        WRONG: t("orange × outside the area"),
        SOME: t("hatched ~ only some charts give it (neither right nor wrong)"),
    }


def _both(bases: Iterable[str]) -> list[str]:
    return [f"{b}_{side}" for b in bases for side in ("left", "right")]


def question_style(q: Question) -> MapStyle:
    """Before the answer: only the shaded area a 'which nerve / which root' question shows."""
    shaded = _both(q.shaded)
    return MapStyle(fills={z: palette.PURPLE for z in shaded}, labels={z: "?" for z in shaded})


def feedback_style(q: Question, given: tuple[str, ...]) -> MapStyle:
    """After the answer: right places, missed places, wrong taps and 'only some charts' places."""
    fills: dict[str, str] = {}
    labels: dict[str, str] = {}
    also: set[str] = set()
    if q.kind == "tap":
        result = score_taps(given, required=q.required, also=q.also)
        for z in _both(q.also):
            fills[z] = palette.tint(palette.SKY)
            also.add(z)
            if z.rsplit("_", 1)[0] in result.neutral:
                labels[z] = SOME
        for z in _both(result.missed):
            fills[z], labels[z] = palette.SKY, MISSED
        for z in _both(result.hit):
            fills[z], labels[z] = palette.GREEN, FOUND
        for z in given:
            if z.rsplit("_", 1)[0] in result.wrong:
                fills[z], labels[z] = palette.VERMILLION, WRONG
    else:
        mark = FOUND if given and given[0] == q.answer else MISSED
        for z in _both(q.required):
            fills[z], labels[z] = (palette.GREEN if mark == FOUND else palette.SKY), mark
    return MapStyle(fills=fills, labels=labels, also=frozenset(also))


def legend(style: MapStyle) -> None:
    used = set(style.labels.values()) | ({SOME} if style.also else set())
    words = [text for sym, text in legend_words().items() if sym in used]
    if words:
        st.caption(t("On the map: {items}.", items="; ".join(words)))


def show_practice_map(view: str, style: MapStyle, *, key: str, title: str, zones: tuple[str, ...] = (),
                      on_change: Callable[[tuple[str, ...]], None] | None = None) -> None:
    """The body map for one view. With ``on_change`` taps mark places (amber); without it the map only shows."""
    show_view(view, style, key=key, title=title, zones=zones, on_change=on_change,
              max_height="62vh" if on_change else "58vh")
    legend(style)


def tap_list(view: str, marks: tuple[str, ...], *, key: str, on_change: Callable[[tuple[str, ...]], None]) -> None:
    """The same answer by list, for keyboards and screen readers (and tests): the places of this view."""
    options = sorted(body_map().views[view].zones)  # type: ignore[index]
    mode, a = state.view().mode, atlas()
    names = {z: zone_name(a, z, mode=mode) for z in options}  # worded now, in this page's language

    def changed() -> None:
        on_change(tuple(z for z in st.session_state.get(key) or () if z in options))

    state.sync_widget(key, [z for z in marks if z in options])
    st.multiselect(t("Or choose places from a list"), options, key=key, on_change=changed,
                   format_func=lambda z: names.get(z, z), placeholder=t("Type to search places"))
