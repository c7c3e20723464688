"""Invalid findings raise one clear error listing every invalid part (the app's message: tests/ui/test_hostile_links.py)."""

from __future__ import annotations

import pytest

from explainer.anatomy import Atlas
from explainer.engine import UnknownIdError, localise, make_findings, parse_findings
from explainer.engine.validate import InvalidFindingsError, findings_problems


def test_every_invalid_part_is_listed(atlas: Atlas) -> None:
    raw = {"zones": ["foot_dorsum_right", "nowhere_left", "foot_dorsum", 7], "symptoms": "tingling",
           "weak_movements": ["wiggle_ears"], "reflexes": {"achilles": "gone", "knee_wobble": "reduced"},
           "other": ["back_pain", "unicorn"], "colour": "red"}
    with pytest.raises(InvalidFindingsError) as info:
        parse_findings(raw, atlas=atlas)
    problems = {(p.field, p.kind, p.value) for p in info.value.problems}
    assert problems == {
        ("colour", "field", "colour"), ("zones", "zone", "nowhere_left"), ("zones", "zone", "foot_dorsum"),
        ("zones", "type", "7"), ("symptoms", "type", "tingling"), ("weak_movements", "movement", "wiggle_ears"),
        ("reflexes", "reflex result", "gone"), ("reflexes", "reflex", "knee_wobble"), ("other", "finding", "unicorn"),
    }
    message = str(info.value)
    assert message.startswith("9 invalid part(s) in the findings") and "'unicorn'" in message and "wiggle_ears" in message
    assert isinstance(info.value, UnknownIdError) and isinstance(info.value, ValueError)  # old callers still catch it


def test_valid_findings_have_no_problems(atlas: Atlas) -> None:
    raw = {"zones": ["foot_dorsum_right"], "symptoms": ["numbness"], "weak_movements": ["ankle_dorsiflexion"],
           "reflexes": {"achilles": "reduced"}, "other": ["back_pain"]}
    assert findings_problems(raw, atlas=atlas) == []
    assert parse_findings(raw, atlas=atlas).zones == ("foot_dorsum_right",)


@pytest.mark.parametrize("raw", [None, "foot_dorsum_right", ["foot_dorsum_right"], 3, {"zones": None}])
def test_wrong_types_are_named(atlas: Atlas, raw: object) -> None:
    with pytest.raises(InvalidFindingsError, match=r"expected|must be"):
        parse_findings(raw, atlas=atlas)


def test_localise_checks_what_it_is_given(atlas: Atlas) -> None:
    with pytest.raises(InvalidFindingsError, match="nowhere_left"):
        localise({"zones": ["nowhere_left"]})  # type: ignore[arg-type]
    with pytest.raises(InvalidFindingsError, match="must be a mapping"):
        localise("L5")  # type: ignore[arg-type]
    raw = {"zones": ["foot_dorsum_right"]}
    assert localise(raw).candidates[0].id == localise(make_findings(zones=["foot_dorsum_right"])).candidates[0].id  # type: ignore[arg-type]
