"""Run the engine on the current state and turn its output into display data (cached per state)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from explainer.engine import Result, default_model, localise, make_findings
from explainer.engine.validate import InvalidFindingsError
from explainer.i18n import t
from explainer.present import results as pr
from explainer.present.extras import Extras
from explainer.present.findings import engine_inputs
from explainer.ui.resources import atlas, texts, ui_strings
from explainer.viewstate import ViewState


@dataclass(frozen=True)
class Analysis:
    result: Result | None
    cards: tuple[pr.ResultCard, ...]
    urgent: tuple[pr.UrgentNote, ...]
    question: pr.NextQuestion | None
    open_questions: tuple[str, ...]
    problem: str = ""
    advice: tuple[pr.UrgentNote, ...] = ()  # "mention it to a doctor soon": calm, beside the results


@st.cache_resource(show_spinner=False)
def normal_tags() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {t.finding: (tuple(t.movements), tuple(t.reflexes)) for t in default_model().config.normal_tags}


def analyse(view: ViewState, extras: Extras) -> Analysis:
    a = atlas()
    if not (view.zones or view.weak or view.reflexes or view.other or view.exam or view.signs or extras.rf):
        return Analysis(None, (), (), None, ())
    try:
        findings = make_findings(**engine_inputs(a, view, extras, tags=normal_tags()), atlas=a)  # type: ignore[arg-type]
        result = localise(findings) if (view.zones or view.weak or view.reflexes or view.other or view.exam
                                        or view.signs) else None
        flags = result.red_flags if result else []
    except InvalidFindingsError as exc:  # said plainly; the invalid values themselves are not shown
        return Analysis(None, (), (), None, (), problem=t("{n} of the things marked could not be used, so no explanation "
                                                          "is shown. Clear everything and mark again.", n=len(exc.problems)))
    except Exception as exc:  # never let a bad combination take the page down
        return Analysis(None, (), (), None, (), problem=t("The explanation could not be worked out ({error}).",
                                                          error=type(exc).__name__))
    urgent = pr.urgent_notes(flags, extras=extras, other=view.other, ui=ui_strings())
    if result is None:
        return Analysis(None, (), urgent, None, ())
    self_guided = view.mode == "self"  # the "On my own" voice: plain reasons, questions a person can answer alone
    cards = pr.cards(a, result.candidates, texts=texts().answers, plain_words=texts().reasons if self_guided else None)
    top = result.candidates[0] if result.candidates else None
    question = pr.next_question(a, pr.question_for(top, self_guided=self_guided) if top else None, extras=extras,
                                zones=view.zones,
                                weak=view.weak, reflexes=dict(view.reflexes))
    return Analysis(result, cards, urgent, question, tuple(result.open_questions), advice=pr.advice_notes(flags))
