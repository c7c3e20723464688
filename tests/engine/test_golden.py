"""Each golden case (public set, structured fields only) and each extra case runs as a named test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.engine.bench import CaseResult, run_case
from explainer.engine.ranking import default_model

HERE = Path(__file__).parent
GOLDEN: list[dict[str, Any]] = yaml.safe_load((HERE / "golden_cases.yaml").read_text(encoding="utf-8"))["cases"]
EXTRA: list[dict[str, Any]] = json.loads((HERE / "extra_cases.json").read_text(encoding="utf-8"))["vignettes"]


def _check(case: dict[str, Any]) -> CaseResult:
    result = run_case(case, model=default_model())
    assert result.flag_given or not result.flag_expected, f"missed red flag: {result}"
    return result


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden_case_first_answer(case: dict[str, Any]) -> None:
    result = _check(case)
    assert result.top1_ok, f"{case['id']}: expected {case['expected']}, got {result.top3}"
    assert result.flag_given == result.flag_expected


@pytest.mark.parametrize("case", EXTRA, ids=[c["id"] for c in EXTRA])
def test_extra_case_within_top_three(case: dict[str, Any]) -> None:
    """Our own cases measure generalisation: red flags must never be missed; the answer must be in the top three."""
    result = _check(case)
    assert result.top3_ok, f"{case['id']}: expected {case['expected']}, got {result.top3}"


def test_golden_file_holds_no_story_text() -> None:
    for case in GOLDEN:
        assert set(case) == {"id", "zones", "symptoms", "weak_movements", "reflexes", "other", "expected"}
