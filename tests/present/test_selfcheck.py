"""Self-check scoring follows the rules written in content/connected.yaml."""

from __future__ import annotations

import pytest

from explainer.present.selfcheck import score, summarise
from explainer.texts import Outcome, Question, SelfCheck


def _check() -> SelfCheck:
    return SelfCheck(
        intro="i", safety="Go to an emergency department for saddle numbness.", sources=("X",),
        questions=(
            Question(id="core", text="?", options=("yes", "sometimes", "no", "not_sure"), weight_yes=2),
            Question(id="feet", text="?", options=("yes", "sometimes", "no", "not_sure"), weight_yes=-2),
        ),
        outcomes=(
            Outcome(id="connected", title="Connected", text="t", min_score=2),
            Outcome(id="unclear", title="Unclear", text="t", min_score=-1),
            Outcome(id="separate", title="Separate", text="t", min_score=-10),
            Outcome(id="feet_note", title="Both feet", text="t", when={"feet": "yes"}),
        ),
    )


@pytest.mark.parametrize(("answers", "expected"), [
    ({"core": "yes"}, 2.0), ({"core": "sometimes"}, 1.0), ({"core": "no"}, -1.0), ({"core": "not_sure"}, 0.0),
    ({"feet": "yes"}, -2.0), ({"feet": "no"}, 1.0), ({"core": "yes", "feet": "yes"}, 0.0),
])
def test_score_rules(answers: dict[str, str], expected: float) -> None:
    assert score(_check(), answers) == expected


def test_outcome_is_the_highest_threshold_reached_and_notes_are_added() -> None:
    assert summarise(_check(), {"core": "yes"}).outcome.id == "connected"  # type: ignore[union-attr]
    s = summarise(_check(), {"core": "no", "feet": "yes"})
    assert s.outcome is not None and s.outcome.id == "separate"
    assert [n.id for n in s.notes] == ["feet_note"]


def test_no_answers_no_outcome_and_junk_is_ignored() -> None:
    s = summarise(_check(), {"bogus": "yes", "core": "maybe"})
    assert s.outcome is None and s.answered == 0 and s.total == 2 and not s.complete
    assert "emergency" in s.safety


def test_real_selfcheck_typical_sciatica_reads_connected() -> None:
    from explainer.texts import load_texts

    check = load_texts().selfcheck
    answers = {"back_worse_posture_flares_leg": "yes", "back_relief_eases_leg": "yes", "strip_below_knee": "yes"}
    outcome = summarise(check, answers).outcome
    assert outcome is not None and outcome.id == "likely_connected"
    both_feet = summarise(check, {"both_feet_evenly": "yes", "back_worse_posture_flares_leg": "no"})
    assert both_feet.outcome is not None and both_feet.outcome.id == "probably_separate"
    assert any(n.id == "pattern_both_feet" for n in both_feet.notes)
