"""The handout button on the Where page: its words come from content/text/handout.yaml, and the clinician page is
offered only in consult mode."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from explainer.handout.text import load_handout_text

CASE = {"zones": "foot_dorsum_right,great_toe_dorsal_right", "other": "back_pain"}


def test_consult_mode_offers_the_clinician_page(run_app: Callable[..., AppTest]) -> None:
    words = load_handout_text().strings
    at = run_app({**CASE, "mode": "consult"})
    box = at.checkbox(key="nm_handout_clinician")
    assert box.label == words.clinician_option and box.value is False
    assert [d.proto.label for d in at.get("download_button")] == [words.download]


def test_self_guided_mode_has_the_one_page_handout_only(run_app: Callable[..., AppTest]) -> None:
    at = run_app({**CASE, "mode": "self"})
    assert not [c for c in at.checkbox if c.key == "nm_handout_clinician"]
    assert [d.proto.label for d in at.get("download_button")] == [load_handout_text().strings.download]
