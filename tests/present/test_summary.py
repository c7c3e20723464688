"""'Copy summary for the notes': findings with sides and grades, the ranked differential with strength and reasons,
warning signs screened (asked / answered / positive) and the next step - plain text, nothing personal."""

from __future__ import annotations

import re

from explainer.anatomy import Atlas
from explainer.engine import Result, localise, make_findings
from explainer.present.exam import with_cell, with_sign
from explainer.present.extras import Extras
from explainer.present.findings import engine_inputs
from explainer.present.summary import notes_summary
from explainer.viewstate import ViewState

L5 = ViewState(mode="consult", zones=("foot_dorsum_right", "great_toe_dorsal_right"), symptoms=("tingling",),
               other=("back_pain",))


def _result(atlas: Atlas, state: ViewState, extras: Extras) -> Result:
    return localise(make_findings(**engine_inputs(atlas, state, extras, tags={}), atlas=atlas))  # type: ignore[arg-type]


def _summary(atlas: Atlas, state: ViewState, extras: Extras | None = None) -> str:
    extras = extras or Extras()
    return notes_summary(atlas, state, extras, _result(atlas, state, extras))


def test_findings_carry_sides_and_grades(atlas: Atlas) -> None:
    state = with_cell(atlas, with_cell(atlas, L5, "great_toe_extension", "right", "3"), "great_toe_extension", "left", "5")
    state = with_sign(with_cell(atlas, state, "achilles", "right", "1"), "slr", "R")
    text = _summary(atlas, state)
    assert "Strength (MRC 0-5, L/R): great toe extension L 5/5; great toe extension R 3/5" in text
    assert "Reflexes (0-4, L/R): ankle jerk (Achilles reflex) R 1 (reduced)" in text
    assert "Special tests: Straight-leg raise positive (right)" in text
    assert "Symptoms: Tingling" in text and "(right)" in text.split("Areas marked:")[1].split("\n")[0]
    assert "Other findings: low back pain present" in text
    assert "positive_straight_leg_raise" not in text and "great_toe_extension" not in text  # no internal ids


def test_the_differential_is_ranked_with_strength_score_and_reasons(atlas: Atlas) -> None:
    state = with_cell(atlas, L5, "great_toe_extension", "right", "3")
    result = _result(atlas, state, Extras())
    text = notes_summary(atlas, state, Extras(), result)
    block = text.split("DIFFERENTIAL (ranked)\n")[1].split("\n\n")[0]
    top = result.candidates[0]
    assert block.startswith(f"1. {top.label}, {top.side}: ")
    assert re.search(r"^2\. .+ \(\d+%\)$", block, re.M) and "   for: " in block
    assert "Weakness (lift the big toe)" in block  # the graded weakness is a key reason
    assert f"({round(top.score * 100)}%)" in block.splitlines()[0]


def test_warning_signs_screened_say_asked_answered_and_positive(atlas: Atlas) -> None:
    extras = Extras(rf=(("saddle", "no"), ("bladder", "no")))
    text = _summary(atlas, L5, extras)
    line = next(s for s in text.splitlines() if s.startswith("Warning signs screened"))
    asked = int(re.search(r"(\d+) asked", line).group(1))  # type: ignore[union-attr]
    assert asked >= 8 and ", 2 answered, positive: none" in line
    assert "numbness/altered sensation of buttocks, perineum or genitals: no" in text
    assert "not asked yet" in text
    positive = _summary(atlas, ViewState(**{**L5.__dict__, "other": ("back_pain", "bladder_dysfunction")}), extras)
    assert "positive: new urinary retention" in positive
    assert "Warning raised [" in positive  # the engine's warning, with its level


def test_next_step_separates_the_top_two(atlas: Atlas) -> None:
    result = _result(atlas, L5, Extras())
    text = notes_summary(atlas, L5, Extras(), result)
    assert result.candidates[0].next_question
    assert f"Suggested next step (separates the top two): {result.candidates[0].next_question}" in text
    changed = _summary(atlas, with_cell(atlas, L5, "hip_abduction", "right", "4"))
    assert changed.split("NEXT STEPS")[1] != text.split("NEXT STEPS")[1]  # a new finding, a new question


def test_plain_text_and_nothing_marked(atlas: Atlas) -> None:
    text = notes_summary(atlas, ViewState(mode="consult"), Extras(), None)
    assert "Nothing marked or examined yet." in text and "No explanation ranked yet." in text
    full = _summary(atlas, with_sign(L5, "romberg", "y"))
    assert not re.search(r"\*\*|^#|<[a-z]", full, re.M)  # no Markdown or HTML to paste into notes
