"""Saddle, bladder and bowel signs are neurological: 'not a nerve problem' never leads when they are present."""

from __future__ import annotations

import pytest

from explainer.engine import Findings, localise

CASES = {
    "saddle half and outer sole": dict(zones=("perineum_right", "sole_lateral_right"), other=("saddle_sensory_change",)),
    "one calf with new bladder trouble": dict(zones=("leg_posterolateral_lower_left",), other=("bladder_dysfunction",)),
    "one buttock with bowel change": dict(zones=("buttock_central_left",), other=("bowel_dysfunction",)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_sphincter_or_saddle_signs_are_never_explained_away(case: str) -> None:
    result = localise(Findings(**CASES[case]))  # type: ignore[arg-type]
    assert result.candidates[0].id not in ("non_neural", "no_lesion")
    assert result.red_flags
