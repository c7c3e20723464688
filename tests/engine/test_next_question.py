"""The next question asks about the part of the body the person marked."""

from __future__ import annotations

import pytest

from explainer.anatomy import load_atlas
from explainer.engine import Findings, localise

ARM_MOVES = ("shoulder_abduction", "shoulder_external_rotation", "elbow_flexion", "forearm_supination",
             "elbow_extension", "wrist_extension", "wrist_flexion", "finger_extension", "thumb_extension",
             "finger_flexion", "finger_abduction", "thumb_abduction", "thumb_adduction")

LEG_CASES = {
    "foot and toe": dict(zones=("foot_dorsum_right", "great_toe_dorsal_right")),
    "both soles": dict(zones=("sole_medial_left", "sole_medial_right", "sole_lateral_left", "sole_lateral_right")),
    "thigh only": dict(zones=("thigh_lateral_left",)),
    "calf with back pain": dict(zones=("leg_posterolateral_lower_left", "heel_lateral_left"), other=("back_pain",)),
    "shin and brisk knee": dict(zones=("leg_anteromedial_right",), reflexes={"patellar": "brisk"}),
}


@pytest.mark.parametrize("case", sorted(LEG_CASES))
def test_leg_only_findings_never_get_an_arm_movement_question(case: str) -> None:
    atlas = load_atlas()
    result = localise(Findings(**LEG_CASES[case]))  # type: ignore[arg-type]
    question = result.candidates[0].next_question or ""
    arm_questions = [atlas.movements[m].question for m in ARM_MOVES]
    assert not any(q in question for q in arm_questions), question
