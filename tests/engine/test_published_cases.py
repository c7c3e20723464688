"""Cases translated from published reports (tests/engine/published_cases.json, issue 11), each a named test.

What is asserted is only what the engine must already guarantee: it runs every case, a red flag is never
missed when the case expects one (warning recall 100 % is a hard rule), the result lines keep their
format, and the top-1 / top-3 targets are met (numbers and history in tests/engine/CASES.md).
If a red flag is ever missed, do not weaken the test: mark that case xfail(strict=True) with the reason
in XFAIL_MISSED_FLAG and tell the lead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from explainer.anatomy import load_atlas
from explainer.engine import localise, parse_findings
from explainer.engine.bench import CaseResult, case_line, load_cases, run_bench, run_case, summary_line
from explainer.engine.ranking import default_model

HERE = Path(__file__).parent
PATH = HERE / "published_cases.json"
CASES: list[dict[str, Any]] = json.loads(PATH.read_text(encoding="utf-8"))["vignettes"]
FLAGGED = [c for c in CASES if c["expected"]["red_flag"]]

# Targets from issue 11: top-1 >= 90 %, top-3 >= 98 %, at most 1 false warning per 40 cases (all asserted since the
# general rules landed). First run and now: see CASES.md.
TARGETS = {"top1": 90.0, "top3": 98.0, "false_alarms_per_40": 1}

# Red-flag cases the engine misses today, with the reason (none on the first run).
XFAIL_MISSED_FLAG: dict[str, str] = {}

LINE = re.compile(r"[a-z0-9_]+: expected \S+( \(or [^)]+\))? \| top3 [^|]+ \| (OK|top3|MISS) \| "
                  r"red flag expected=(True|False) given=(True|False)(  <-- red flag mismatch)?")
SUMMARY = re.compile(r"top1=\d+\.\d top3=\d+\.\d redflag_recall=\d+\.\d false_alarms=\d+ cases=\d+")
MRC = {"0", "1", "2", "3", "4-", "4", "4+", "5-", "5"}


def _run(case: dict[str, Any]) -> CaseResult:
    return run_case(case, model=default_model())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_published_case_runs_with_a_well_formed_line(case: dict[str, Any]) -> None:
    result = _run(case)
    assert 1 <= len(result.top3) <= 3 and len(set(result.top3)) == len(result.top3)
    assert LINE.fullmatch(case_line(result)), case_line(result)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(
    strict=True, reason=XFAIL_MISSED_FLAG[c["id"]])] if c["id"] in XFAIL_MISSED_FLAG else []) for c in FLAGGED])
def test_published_case_red_flag_is_never_missed(case: dict[str, Any]) -> None:
    result = _run(case)
    assert result.flag_given, f"{case['id']}: missed red flag ({case['why']})"


def test_summary_line_format_and_recall() -> None:
    _, results = run_bench(PATH, model=default_model())
    line = summary_line(results)
    assert SUMMARY.fullmatch(line), line
    assert line.endswith(f"cases={len(CASES)}")
    assert "redflag_recall=100.0" in line


def test_published_cases_meet_the_accuracy_targets() -> None:
    """Issue 11's targets, met by general rules (CASES.md, "Now")."""
    _, results = run_bench(PATH, model=default_model())
    top1 = 100 * sum(r.top1_ok for r in results) / len(results)
    top3 = 100 * sum(r.top3_ok for r in results) / len(results)
    false_alarms = sum(r.flag_given and not r.flag_expected for r in results)
    assert top1 >= TARGETS["top1"] and top3 >= TARGETS["top3"], summary_line(results)
    assert false_alarms * 40 <= TARGETS["false_alarms_per_40"] * len(results), summary_line(results)


def test_bench_loader_ignores_the_extended_fields_but_the_exam() -> None:
    """Extra keys (story, source object, notes...) change nothing; the graded, two-sided `exam` is read (issue 11)."""
    shared = ("id", "zones", "symptoms", "weak_movements", "reflexes", "other", "expected")
    base = {k: v for k, v in CASES[0].items() if k in shared}
    extended = {**base, "story": "x", "answer_missing": "mononeuritis_multiplex", "red_flag_note": "x", "notes": "x",
                "source": {"citation": "x", "url": "https://example.org", "kind": "case report"}}
    assert _run(extended) == _run(base)
    with_exam = {**base, "exam": {"weak": [{"movement": "elbow_extension", "side": "left", "mrc": "2"}],
                                  "reflexes": [{"reflex": "achilles", "side": "right", "value": "absent", "grade": "0"}],
                                  "unmapped": ["clonus 4 beats"]}}
    scores = {name: [(c.id, c.score) for c in localise(parse_findings(
        {k: case.get(k, []) for k in ("zones", "symptoms", "weak_movements", "other")}
        | {"reflexes": case.get("reflexes", {})} | ({"exam": case["exam"]} if "exam" in case else {})
    )).candidates[:5]] for name, case in (("base", base), ("exam", with_exam))}
    assert scores["exam"] != scores["base"]
    assert len(load_cases(PATH)) == len(CASES) >= 40


def test_cases_are_sourced_and_use_the_vocabularies() -> None:
    atlas = load_atlas()
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        expected, source = case["expected"], case["source"]
        assert source["citation"] and source["url"].startswith("http") and source["kind"], case["id"]
        assert {expected["best"], *expected["acceptable"]} <= set(atlas.answers), case["id"]
        assert expected["best"] not in expected["acceptable"], case["id"]
        exam = case.get("exam", {})
        for entry in exam.get("weak", []) + exam.get("normal", []):
            assert entry["movement"] in atlas.movements and entry["side"] in ("left", "right", "both"), case["id"]
            assert entry["mrc"] is None or entry["mrc"] in MRC, case["id"]
        for entry in exam.get("reflexes", []):
            assert entry["reflex"] in atlas.reflexes and entry.get("grade", "0") in {"0", "1", "2", "3", "4"}, case["id"]


def test_missing_answers_are_really_missing() -> None:
    """answer_missing names an answer the vocabulary lacks; once it exists, the case must be updated to use it."""
    answers = set(load_atlas().answers)
    missing = {c["id"]: c["answer_missing"] for c in CASES if "answer_missing" in c}
    # Every answer the cases once lacked (mononeuritis multiplex, Guillain-Barre) now exists; new ones may come back.
    for case_id, answer in missing.items():
        assert answer not in answers, f"{case_id}: '{answer}' now exists - set expected.best to it"
