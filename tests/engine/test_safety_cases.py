"""Safety golden cases (tests/engine/safety_cases.yaml): each emergency and look-alike from the clinical review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.anatomy import load_atlas
from explainer.engine import localise, make_findings
from explainer.engine.redflags import RED_FLAG_LEVELS

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "safety_cases.yaml").read_text(encoding="utf-8"))["cases"]


def _run(case: dict[str, Any]) -> Any:
    findings = make_findings(zones=case.get("zones", ()), symptoms=case.get("symptoms", ()),
                             weak=case.get("weak_movements", ()), reflexes=case.get("reflexes") or {},
                             other=case.get("other", ()))
    return localise(findings)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_safety_case(case: dict[str, Any]) -> None:
    result = _run(case)
    fired = {f.id: f.level for f in result.red_flags}
    expect = case["expect"]
    for flag, level in expect.get("flags", {}).items():
        assert fired.get(flag) == level, f"{case['id']}: expected {flag} at level {level}, fired {fired}"
    if expect.get("calm"):  # no warning sign; a "soon" note (mention it to a doctor) is allowed
        warnings = {f: level for f, level in fired.items() if level in RED_FLAG_LEVELS}
        assert not warnings, f"{case['id']}: a look-alike must stay calm, fired {warnings}"
    for flag in expect.get("absent", ()):
        assert flag not in fired, f"{case['id']}: {flag} must not fire, fired {fired}"
    best = result.candidates[0].id
    assert best not in expect.get("not_best", ()), f"{case['id']}: ranked {best} first"


def test_every_case_names_a_known_source() -> None:
    sources = set(load_atlas().sources)
    for case in CASES:
        assert case["source"] in sources, case["id"]
        assert len(case["cite"]) > 20 and len(case["summary"]) > 20, case["id"]


def test_every_emergency_from_the_review_has_a_case() -> None:
    fired = {flag for c in CASES for flag in c["expect"].get("flags", {})}
    assert {"stroke", "guillain_barre", "cauda_equina", "carotid_dissection", "limb_ischaemia",
            "progressive_motor_deficit"} <= fired
    assert sum(1 for c in CASES if c["id"].startswith("lookalike_")) >= 6


def test_both_hands_do_not_count_as_uncommon_for_the_median_nerve() -> None:
    zones = [f"{z}_{side}" for z in ("thumb_palmar", "index_palmar", "middle_palmar") for side in ("left", "right")]
    result = localise(make_findings(zones=zones, symptoms=["tingling", "numbness"], other=["night_symptoms", "both_hands"]))
    median = next(c for c in result.candidates if c.id == "median_nerve")
    assert median.side == "both"
    assert not any("uncommon" in r.text for r in median.against), [r.text for r in median.against]
    assert any("common for this nerve" in r.text for r in median.against + median.supporting)
    ulnar = localise(make_findings(zones=[f"little_palmar_{s}" for s in ("left", "right")], symptoms=["tingling"]))
    both_ulnar = [c for c in ulnar.candidates if c.id == "ulnar_nerve" and c.side == "both"]
    assert not both_ulnar or any("uncommon" in r.text for r in both_ulnar[0].against)
