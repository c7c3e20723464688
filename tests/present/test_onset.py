"""How it started / whether it has gone: answers are finding tags in the view (so in the link), both ways."""

from __future__ import annotations

from explainer.anatomy import Atlas
from explainer.present.findings import warning_questions_for
from explainer.present.onset import course_answer, onset_answer, with_course, with_onset
from explainer.viewstate import ViewState


def test_onset_answer_round_trips_through_the_findings() -> None:
    state = with_onset(ViewState(other=("back_pain",)), "sudden")
    assert state.other == ("back_pain", "sudden_onset") and onset_answer(state) == "sudden"
    state = with_onset(state, "slow")
    assert "sudden_onset" not in state.other and "gradual_onset" in state.other and "back_pain" in state.other
    assert onset_answer(with_onset(state, None)) is None


def test_pressure_course_is_positional_and_resolved_and_still_clears_both() -> None:
    state = with_course(ViewState(), "pressure")
    assert set(state.other) == {"positional_transient", "resolved_quickly"}
    assert course_answer(state) == "pressure"  # not "gone", though resolved_quickly is present too
    assert course_answer(with_course(state, "gone")) == "gone"
    assert with_course(state, "still").other == ()


def test_general_warning_questions_are_asked_for_an_arm_leg_ones_only_for_a_leg(atlas: Atlas) -> None:
    arm = {q.id for q in warning_questions_for(atlas, ViewState(zones=("thumb_palmar_left",)))}
    assert {"fast", "weakness", "spreading", "cold_limb"} <= arm
    assert not arm & {"saddle", "bladder", "bowel", "both_legs", "breathing"}
    leg = {q.id for q in warning_questions_for(atlas, ViewState(zones=("heel_plantar_left",)))}
    assert {"saddle", "bladder", "bowel", "both_legs", "fast"} <= leg
    spreading = {q.id for q in warning_questions_for(atlas, ViewState(zones=("heel_plantar_left",),
                                                                      other=("ascending_spread",)))}
    assert "breathing" in spreading
    assert warning_questions_for(atlas, ViewState()) == ()
