"""Engine behaviour: errors, output fields, red flags, open questions, next question, CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from explainer.anatomy import ContentError
from explainer.engine import UnknownIdError, localise, make_findings
from explainer.engine.cli import bench_main, explain_main
from explainer.engine.config import parse_config

HERE = Path(__file__).parent
FOOT_DROP = {"zones": ["foot_dorsum_right", "great_toe_dorsal_right", "leg_anterolateral_lower_right"],
             "symptoms": ["numbness", "weakness"], "weak": ["great_toe_extension", "ankle_dorsiflexion"]}


@pytest.mark.parametrize(("field", "value"), [("zones", ["elbow_nowhere_left"]), ("zones", ["foot_dorsum"]),
                                              ("symptoms", ["itch"]), ("weak", ["wiggle_ears"]), ("other", ["unicorn"])])
def test_unknown_ids_raise_a_clear_error(field: str, value: list[str]) -> None:
    with pytest.raises(UnknownIdError, match=re.escape(value[0])):
        make_findings(**{field: value})  # type: ignore[arg-type]


def test_unknown_reflex_is_named() -> None:
    with pytest.raises(UnknownIdError, match="knee_wobble"):
        make_findings(reflexes={"knee_wobble": "reduced"})


def test_candidate_carries_every_field() -> None:
    result = localise(make_findings(**FOOT_DROP))  # type: ignore[arg-type]
    top = result.candidates[0]
    assert top.strength in ("strong", "possible", "unlikely")
    assert 0 <= top.score <= 1
    assert top.explained_zones and top.supporting
    assert all(r.lr > 1 for r in top.supporting) and all(r.lr < 1 for r in top.against)
    assert top.next_question and "→" in top.next_question
    assert any(c.chart_notes for c in result.candidates)


def test_hip_abduction_separates_l5_from_fibular() -> None:
    result = localise(make_findings(**FOOT_DROP))  # type: ignore[arg-type]
    ids = [c.id for c in result.candidates[:2]]
    assert set(ids) == {"L5", "common_fibular_nerve"}
    question = result.candidates[0].next_question or ""
    assert "Weak →" in question and "normal →" in question


def test_leg_zones_without_saddle_questions_leave_them_open() -> None:
    result = localise(make_findings(**FOOT_DROP))  # type: ignore[arg-type]
    assert result.open_questions
    answered = localise(make_findings(**FOOT_DROP, other=["normal_bladder_bowel"]))  # type: ignore[arg-type]
    assert answered.open_questions == []


def test_red_flag_fires_whatever_the_ranking() -> None:
    findings = make_findings(zones=["thumb_palmar_right"], symptoms=["tingling"], other=["flick_sign", "saddle_sensory_change"])
    result = localise(findings)
    assert result.candidates[0].id == "median_nerve"
    assert "cauda_equina" in [f.id for f in result.red_flags]
    assert all(f.advice and f.reason for f in result.red_flags)


def test_bench_last_line_is_machine_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main([str(HERE / "extra_cases.json")]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"top1=\d+\.\d top3=\d+\.\d redflag_recall=\d+\.\d false_alarms=\d+ cases=\d+", last)


def test_bench_meets_targets_on_golden_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import yaml

    cases = yaml.safe_load((HERE / "golden_cases.yaml").read_text(encoding="utf-8"))["cases"]
    path = tmp_path / "golden.json"
    path.write_text(json.dumps({"meta": {}, "vignettes": cases}), encoding="utf-8")
    bench_main([str(path)])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    values = dict(kv.split("=") for kv in last.split())
    assert float(values["top1"]) >= 90 and float(values["top3"]) >= 97
    assert float(values["redflag_recall"]) == 100 and int(values["false_alarms"]) <= 1


def test_explain_cli_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = explain_main(["--zones", "foot_dorsum_right,great_toe_dorsal_right", "--weak", "great_toe_extension", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["candidates"][0]["id"] in ("L5", "deep_fibular_nerve", "common_fibular_nerve")
    assert {"candidates", "red_flags", "open_questions"} <= set(data)


def test_explain_cli_reports_unknown_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert explain_main(["--zones", "nowhere_left"]) == 2
    assert "nowhere_left" in capsys.readouterr().err


def test_bad_engine_file_names_record_and_field() -> None:
    with pytest.raises(ContentError) as info:
        parse_config({"thresholds": {"strong": 0.5, "possible": 0.1}, "weights": {}, "priors": []})
    assert "engine.yaml" in str(info.value) and "weights" in str(info.value)
