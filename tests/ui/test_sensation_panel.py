"""Consult mode's sensation rows (AppTest): a modality chosen for a marked zone reaches the link, the card line and the
notes summary with its side, and the engine's reason; self mode shows no such controls."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import texts_of

FEET = ",".join(f"{z}_{s}" for z in ("foot_dorsum", "sole_medial") for s in ("left", "right"))
CONSULT = {"mode": "consult", "zones": FEET, "symptoms": "numbness"}


def _summary(at: AppTest) -> str:
    return next(c.value for c in at.code if c.value.startswith("Nerve Map summary"))


def test_a_modality_chosen_writes_the_link_and_the_summary(run_app: Callable[..., AppTest]) -> None:
    at = run_app(CONSULT)
    assert "sens" not in at.query_params and "Sensation by modality" not in _summary(at)
    at.button_group(key="nm_sens_foot_dorsum_right").set_value(["vibration ↓", "position ↓"]).run()
    assert not at.exception
    assert at.query_params["sens"] == "foot_dorsum_right:vibration-reduced+position-reduced"
    summary = _summary(at)
    assert "Sensation by modality: " in summary and "(right): vibration reduced, position sense reduced" in summary
    assert "Sensation: Vibration and position sense lost" in summary  # the reason it moved the ranking
    assert "vibration reduced, position sense reduced" in texts_of(at)  # the card's examination line


def test_a_link_with_sensation_fills_the_row_and_clear_empties_it(run_app: Callable[..., AppTest]) -> None:
    at = run_app({**CONSULT, "sens": "sole_medial_left:pinprick-absent"})
    assert at.button_group(key="nm_sens_sole_medial_left").value == ["pin ↓", "absent"]
    at.button(key="nm_exam_clear").click().run()
    assert "sens" not in at.query_params
    assert at.button_group(key="nm_sens_sole_medial_left").value == []


def test_self_mode_has_no_sensation_controls(run_app: Callable[..., AppTest]) -> None:
    at = run_app({**CONSULT, "mode": "self"})
    assert not [w for w in at.button_group if str(w.key).startswith("nm_sens_")]
