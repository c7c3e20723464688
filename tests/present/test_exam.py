"""The examination panel's pure side: rows for the marked limbs, cells in and out of the state, the engine's exam."""

from __future__ import annotations

from explainer.anatomy import Atlas
from explainer.engine import localise, make_findings
from explainer.present.exam import (
    SIGN_TESTS,
    cell_text,
    cell_value,
    engine_exam,
    exam_rows,
    sign_findings,
    with_cell,
    with_sign,
)
from explainer.present.examlink import SIGN_IDS, UNSIDED_SIGNS
from explainer.present.extras import Extras
from explainer.present.findings import engine_inputs
from explainer.viewstate import ViewState, parse_query, to_query

L5 = ViewState(mode="consult", zones=("foot_dorsum_right", "great_toe_dorsal_right"), symptoms=("tingling",))


def test_every_link_test_maps_onto_known_findings(atlas: Atlas) -> None:
    assert tuple(t.id for t in SIGN_TESTS) == SIGN_IDS
    assert {t.id for t in SIGN_TESTS if not t.sided} == UNSIDED_SIGNS
    for t in SIGN_TESTS:
        assert t.positive in atlas.findings and (t.negative is None or t.negative in atlas.findings), t.id


def test_rows_follow_the_marked_limb_and_keep_filled_rows(atlas: Atlas) -> None:
    moves, reflexes, tests = exam_rows(atlas, L5)
    assert "ankle_dorsiflexion" in moves and "elbow_flexion" not in moves
    assert "achilles" in reflexes and "biceps" not in reflexes
    ids = {t.id for t in tests}
    assert {"slr", "heel_walk", "romberg"} <= ids and "phalen" not in ids
    filled = with_sign(with_cell(atlas, L5, "biceps", "left", "1"), "phalen", "L")
    moves, reflexes, tests = exam_rows(atlas, filled)
    assert "biceps" in reflexes and "phalen" in {t.id for t in tests}


def test_a_cell_goes_in_and_out_and_replaces_the_side_less_entry(atlas: Atlas) -> None:
    state = ViewState(weak=("ankle_dorsiflexion",), reflexes=(("achilles", "reduced"),))
    state = with_cell(atlas, state, "ankle_dorsiflexion", "right", "4-")
    state = with_cell(atlas, state, "achilles", "left", "4c")
    assert cell_value(state, "ankle_dorsiflexion", "right") == "4-" and cell_value(state, "achilles", "left") == "4c"
    assert cell_value(state, "ankle_dorsiflexion", "left") == ""
    assert state.weak == () and state.reflexes == ()
    assert to_query(state)["exam"] == "achilles:L4c,ankle_dorsiflexion:R4-"
    assert parse_query(to_query(state), atlas=atlas) == state
    cleared = with_cell(atlas, state, "achilles", "left", "")
    assert cell_value(cleared, "achilles", "left") == "" and len(cleared.exam) == 1
    # A value the item cannot take clears the cell rather than storing something the link would not read back.
    assert with_cell(atlas, state, "achilles", "left", "4+").exam == cleared.exam
    assert [m.item for m in with_cell(atlas, state, "ankle_dorsiflexion", "right", "3c").exam] == ["achilles"]


def test_special_tests_add_their_findings_and_take_over_from_other(atlas: Atlas) -> None:
    state = ViewState(other=("positive_straight_leg_raise", "back_pain"))
    state = with_sign(state, "slr", "n")
    assert state.other == ("back_pain",) and state.signs == (("slr", "n"),)
    state = with_sign(with_sign(state, "romberg", "y"), "spurling", "L")
    assert state.signs == (("spurling", "L"), ("slr", "n"), ("romberg", "y"))
    assert sign_findings(state) == ("spurling_positive", "negative_straight_leg_raise", "romberg_positive")
    assert with_sign(state, "romberg", "L").signs == (("spurling", "L"), ("slr", "n"))  # no side for Romberg
    assert with_sign(state, "spurling", None).signs == (("slr", "n"), ("romberg", "y"))
    assert sign_findings(with_sign(ViewState(), "phalen", "n")) == ()  # no negative finding: recorded, not weighed


def test_the_engine_gets_the_graded_two_sided_exam(atlas: Atlas) -> None:
    state = with_cell(atlas, with_cell(atlas, L5, "ankle_dorsiflexion", "right", "2"), "ankle_dorsiflexion", "left", "5")
    state = with_cell(atlas, state, "patellar", "left", "3c")
    exam = engine_exam(atlas, state)
    assert exam == {"weak": [{"movement": "ankle_dorsiflexion", "side": "right", "mrc": "2"}],
                    "normal": [{"movement": "ankle_dorsiflexion", "side": "left", "mrc": "5"}],
                    "reflexes": [{"reflex": "patellar", "side": "left", "grade": "3", "clonus": "sustained"}]}
    inputs = engine_inputs(atlas, state, Extras(), tags={})
    assert inputs["exam"] == exam and "clonus" in inputs["other"]  # type: ignore[operator]
    assert engine_exam(atlas, L5) is None and "exam" not in engine_inputs(atlas, L5, Extras(), tags={})


def test_a_grade_entered_moves_the_ranking(atlas: Atlas) -> None:
    def top(state: ViewState) -> list[tuple[str, float]]:
        result = localise(make_findings(**engine_inputs(atlas, state, Extras(), tags={}), atlas=atlas))  # type: ignore[arg-type]
        return [(c.label, c.score) for c in result.candidates[:3]]

    before = top(L5)
    after = top(with_cell(atlas, L5, "ankle_dorsiflexion", "right", "2"))
    assert before != after
    # Weakness on the unmarked side argues against a one-sided answer on the marked side; the grade side matters.
    assert top(with_cell(atlas, L5, "ankle_dorsiflexion", "left", "2")) != after


def test_cell_text_says_side_and_grade(atlas: Atlas) -> None:
    state = with_cell(atlas, with_cell(atlas, ViewState(), "ankle_dorsiflexion", "right", "4+"), "achilles", "left", "0")
    texts = [cell_text(atlas, m) for m in state.exam]
    assert texts == ["ankle jerk (Achilles reflex) L 0 (absent)", "ankle dorsiflexion R 4+/5"]
