"""Consult mode's examination panel (AppTest): a grade entered reaches the link, moves the ranking, shows on the card
and in the notes summary; special tests one tap each; self mode keeps its plain questions."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import texts_of

L5 = {"mode": "consult", "zones": "foot_dorsum_right,great_toe_dorsal_right", "symptoms": "tingling"}


def _ranking(at: AppTest) -> str:
    return " | ".join(m.value for m in at.markdown if m.value.startswith(("### ", "#### ")))


def _live(at: AppTest) -> str:
    """The ranking line kept in view above the grid."""
    return next(m.value for m in at.markdown if m.value.startswith("Now: "))


def _summary(at: AppTest) -> str:
    return next(c.value for c in at.code if c.value.startswith("Nerve Map summary"))


def test_a_grade_entered_updates_link_ranking_card_and_summary(run_app: Callable[..., AppTest]) -> None:
    at = run_app(L5)
    ranking, summary, live = _ranking(at), _summary(at), _live(at)
    assert "Strength (MRC" not in summary and live.startswith("Now: 1. **")
    cell = at.selectbox(key="nm_exam_ankle_dorsiflexion_R")
    assert cell.value == "" and {"0", "4-", "4+", "5-", "5"} <= set(cell.options)
    cell.set_value("2").run()
    assert not at.exception
    assert at.query_params["exam"] == "ankle_dorsiflexion:R2"
    assert _ranking(at) != ranking and _live(at) != live  # the card at the top and the line beside the grid
    assert "**Examination:** ankle dorsiflexion R 2/5" in texts_of(at)
    assert "Strength (MRC 0-5, L/R): ankle dorsiflexion R 2/5" in _summary(at)
    assert _summary(at) != summary


def test_the_reflex_just_entered_is_on_the_card(run_app: Callable[..., AppTest]) -> None:
    at = run_app(L5)
    assert "Ankle jerk (Achilles reflex) absent" not in texts_of(at)
    at.selectbox(key="nm_exam_achilles_R").set_value("0").run()
    assert at.query_params["exam"] == "achilles:R0"
    text = texts_of(at)
    assert "ankle jerk (Achilles reflex) R 0 (absent)" in text  # what was entered
    assert "Ankle jerk (Achilles reflex) absent" in text  # and what it did to the ranking (a reason on the card)
    at.selectbox(key="nm_exam_achilles_L").set_value("4c").run()
    assert at.query_params["exam"] == "achilles:L4c,achilles:R0"
    assert "with clonus" in _summary(at)


def test_special_tests_one_tap_each_and_back_to_not_done(run_app: Callable[..., AppTest]) -> None:
    at = run_app(L5)
    assert "straight-leg raise reproduces leg pain" not in texts_of(at)
    at.segmented_control(key="nm_sign_slr").set_value("R").run()
    assert at.query_params["signs"] == "slr:R"
    assert "straight-leg raise reproduces leg pain" in texts_of(at)  # the finding moved the ranking: on the card
    assert "Straight-leg raise positive (right)" in _summary(at)
    at.segmented_control(key="nm_sign_romberg").set_value("n").run()
    assert at.query_params["signs"] == "slr:R,romberg:n"
    at.segmented_control(key="nm_sign_slr").set_value(None).run()
    assert at.query_params["signs"] == "romberg:n"


def test_a_link_reopens_the_filled_panel(run_app: Callable[..., AppTest]) -> None:
    at = run_app({**L5, "exam": "ankle_dorsiflexion:B4+,patellar:L3c", "signs": "slr:n"})
    assert at.selectbox(key="nm_exam_ankle_dorsiflexion_L").value == "4+"
    assert at.selectbox(key="nm_exam_ankle_dorsiflexion_R").value == "4+"
    assert at.selectbox(key="nm_exam_patellar_L").value == "3c"
    assert at.segmented_control(key="nm_sign_slr").value == "n"
    # Clearing a cell takes it out of the link; "Start again" clears the examination too.
    at.selectbox(key="nm_exam_ankle_dorsiflexion_L").set_value("").run()
    assert at.query_params["exam"] == "ankle_dorsiflexion:R4+,patellar:L3c"
    at.button(key="nm_exam_clear").click().run()  # the examination alone ...
    assert "exam" not in at.query_params and "signs" not in at.query_params and "zones" in at.query_params
    assert at.button(key="nm_exam_clear").disabled
    at.selectbox(key="nm_exam_patellar_L").set_value("1").run()
    at.button(key="nm_reset").click().run()  # ... or everything
    assert "exam" not in at.query_params and "zones" not in at.query_params


def test_the_rows_follow_the_marked_limb(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"mode": "consult", "zones": "thumb_palmar_left"})
    keys = {w.key for w in at.selectbox if w.key}
    assert "nm_exam_thumb_abduction_L" in keys and "nm_exam_biceps_R" in keys
    assert "nm_exam_ankle_dorsiflexion_L" not in keys
    assert "nm_sign_phalen" in {w.key for w in at.segmented_control}


def test_self_mode_keeps_its_plain_questions(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"zones": "foot_dorsum_right"})
    assert not [w for w in at.selectbox if w.key and w.key.startswith("nm_exam_")]
    assert not at.code or not any(c.value.startswith("Nerve Map summary") for c in at.code)
    assert at.radio(key="nm_move_ankle_dorsiflexion").value == "untested"
