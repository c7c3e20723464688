"""Case walkthroughs: the copied structured findings, our own stories, fair choices and the engine's reasons."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import textstat
import yaml

from explainer.anatomy import ContentError, load_atlas
from explainer.bodymap.geometry import load_body_map
from explainer.engine.redflags import RED_FLAG_LEVELS
from explainer.paths import CONTENT_DIR
from explainer.present.walkthrough import (
    Case,
    _check,
    case_view,
    choices,
    judge,
    load_cases,
    marks_score,
    reasoning,
    validate_practice_content,
)

ATLAS = load_atlas()
CASES = load_cases()
GOLDEN = Path(__file__).parents[1] / "engine" / "golden_cases.yaml"
STRUCTURED = ("zones", "symptoms", "weak_movements", "reflexes", "other")


def _golden() -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["cases"]}


def test_every_public_case_is_there_with_the_same_structured_findings() -> None:
    """The engine's golden set holds the same public vignettes (structured fields only): they must agree."""
    golden = _golden()
    assert {c.id for c in CASES} == set(golden) and len(CASES) == 31
    for case in CASES:
        g = golden[case.id]
        for key in STRUCTURED:
            assert list(getattr(case, key)) == list(g[key]) if key != "reflexes" else case.reflexes == g[key], key
        assert case.expected.best == g["expected"]["best"]
        assert case.expected.red_flag == g["expected"]["red_flag"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_story_is_ours_and_plain(case: Case) -> None:
    """Rewritten in the third person (the shared stories speak as 'I'), short sentences, about grade 7."""
    words = case.story.replace(".", " ").replace(",", " ").split()
    assert not {"I", "I'm", "I've", "my", "My"} & set(words), case.story
    assert textstat.flesch_kincaid_grade(case.story) <= 7.0
    assert case.source in ATLAS.sources


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_choices_are_fair_and_the_engine_explains_itself(case: Case) -> None:
    result = reasoning(case.id)
    options = choices(case, result, atlas=ATLAS)
    assert len(options) == len(set(options)) == 4 and case.expected.best in options
    assert not set(options) & set(case.expected.acceptable), "an accepted answer is never offered as a wrong one"
    assert all(o in ATLAS.answers for o in options)
    assert options == choices(case, result, atlas=ATLAS)  # stable for a link
    top = result.candidates[0]
    assert top.supporting, "the walkthrough shows why the engine ranks its first answer"
    assert judge(case, case.expected.best, result).verdict == "best"
    assert judge(case, next(o for o in options if o != case.expected.best), result).verdict == "other"


def test_red_flag_cases_raise_an_urgent_warning() -> None:
    for case in CASES:
        if case.expected.red_flag:
            assert any(f.level in RED_FLAG_LEVELS for f in reasoning(case.id).red_flags), case.id


def test_marks_are_compared_side_free_with_the_story() -> None:
    case = next(c for c in CASES if c.id == "pub_01")
    right_side = marks_score(case, ["foot_dorsum_right", "great_toe_dorsal_left", "sole_lateral_right"])
    assert right_side.hit == ("foot_dorsum", "great_toe_dorsal") and right_side.wrong == ("sole_lateral",)
    assert case_view(case, load_body_map()) in ("front", "foot_top")


def test_a_broken_case_names_file_record_and_field() -> None:
    case = CASES[0].model_copy(update={"zones": ("nowhere_left",)})
    with pytest.raises(ContentError) as err:
        _check(case, ATLAS)
    assert (err.value.file, err.value.record) == ("cases/walkthroughs.yaml", "pub_01") and "nowhere" in err.value.problem
    with pytest.raises(ContentError, match=r"sources\.yaml"):
        _check(CASES[0].model_copy(update={"source": "NOT_A_SOURCE"}), ATLAS)


@pytest.mark.parametrize(("file", "breaker", "record", "field"), [
    ("text/practice.yaml", lambda t: t.replace("subjects: [C5, C6, C7, C8, T1, L2", "subjects: [C5, C6, C7, C8, X1, L2"),
     "root_skin", "subjects"),
    ("text/practice.yaml", lambda t: t.replace("  kind: tap\n", "  kind: drag\n", 1), "#1", "templates.0.kind"),
    ("cases/walkthroughs.yaml", lambda t: t.replace("source: UPSTATE_ROOTS", "source: NOWHERE", 1), "pub_02", "source"),
    ("cases/walkthroughs.yaml", lambda t: t.replace("  story:", "  tale:", 1), "pub_01", "story"),
])
def test_check_names_the_broken_practice_file(tmp_path: Path, file: str, breaker: Any, record: str,
                                              field: str) -> None:
    """What `python -m explainer check` (and the app's start-up) report for a broken practice or case file."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    target = content / file
    target.write_text(breaker(target.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        validate_practice_content(content, atlas=ATLAS)
    assert (err.value.file, err.value.record, err.value.field) == (file, record, field)
