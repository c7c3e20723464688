"""AppTest: the Practise page - answer right (score up), wrong (the correct area drawn), links reopen the question."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from streamlit.testing.v1 import AppTest

from explainer.present import palette
from tests.ui.conftest import texts_of

ACHILLES = {"page": "practise", "level": "student", "q": "reflex_root.achilles"}
FIBULAR = {"page": "practise", "level": "patient", "q": "trap_site.common_fibular_nerve"}


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def map_fills(at: AppTest) -> dict[str, str]:
    """The per-zone fills the practice map was last sent (the component's data, as the browser receives it)."""
    fills: dict[str, str] = {}
    for n in _nodes(at._tree):
        # The map's data travels as JSON bytes (explainer/ui/bodymap_component/component.py)
        raw = getattr(n.proto, "bytes", b"") if getattr(n, "type", "") == "bidi_component" else b""
        if raw:
            data = json.loads(raw)
            if str(data.get("id", "")).startswith("nm_pr") and "style" in data:
                fills = dict(data["style"]["fill"])
    return fills


def _button(at: AppTest, label: str) -> Any:
    return next(b for b in at.button if b.label == label)


def test_the_page_opens_from_the_navigation_link(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "practise"})
    assert at.title[0].value == "Practise" and "Education, not diagnosis" in texts_of(at)
    assert at.query_params["q"], "a first question is chosen and put in the link"
    assert at.query_params.get("score") is None


def test_right_answer_scores_and_explains_with_its_source(run_app: Callable[..., AppTest]) -> None:
    at = run_app(ACHILLES)
    assert at.subheader[0].value == "Which nerve root does the ankle jerk (Achilles reflex) mainly test?"
    assert [b.label for b in at.button if b.key and b.key.startswith("nm_pr_opt_")] == ["L4", "L5", "S1", "S3"]
    _button(at, "S1").click().run()
    assert at.query_params["score"] == "1-1" and at.query_params["a"] == "S1"
    assert at.query_params.get("missed") is None
    assert "Right." in at.success[0].value and "mainly S1" in at.success[0].value
    assert "Sources:" in texts_of(at)
    assert map_fills(at).get("heel_lateral_right") == palette.GREEN  # the S1 skin drawn on the map


def test_wrong_answer_shows_the_correct_area_and_comes_back(run_app: Callable[..., AppTest]) -> None:
    at = run_app(ACHILLES)
    _button(at, "L5").click().run()
    assert at.query_params["score"] == "0-1"
    assert at.query_params["missed"] == "reflex_root.achilles:3"
    assert "The answer is S1" in at.warning[0].value
    fills = map_fills(at)
    assert fills.get("heel_lateral_left") == fills.get("sole_lateral_right") == palette.SKY  # the correct area
    assert "blue • part of the answer" in texts_of(at)


def test_root_questions_can_be_answered_on_the_spine(run_app: Callable[..., AppTest]) -> None:
    at = run_app(ACHILLES)
    assert "Or tap the root on the spine" in texts_of(at)
    assert any(getattr(n, "type", "") == "plotly_chart" for n in _nodes(at.main))
    shared = run_app({**ACHILLES, "a": "S2", "score": "0-1"})  # what a tap on S2 leaves in the link
    assert "Partly right." in shared.warning[0].value and "S2 shares this job, but the main one is S1" in \
        shared.warning[0].value


def test_tapped_place_is_scored_on_the_map(run_app: Callable[..., AppTest]) -> None:
    at = run_app(FIBULAR)
    assert at.button(key="nm_pr_check").disabled
    at.multiselect(key="nm_pr_list").set_value(["knee_lateral_left"]).run()
    at.button(key="nm_pr_check").click().run()
    assert at.query_params["score"] == "1-1" and at.query_params["a"] == "knee_lateral_left"
    assert map_fills(at)["knee_lateral_right"] == palette.GREEN  # drawn on both sides
    at.button(key="nm_pr_next").click().run()
    assert at.query_params["q"] != FIBULAR["q"] and at.query_params.get("a") is None
    assert at.query_params["score"] == "1-1"


def test_a_wrong_tap_is_crossed_and_the_place_shown(run_app: Callable[..., AppTest]) -> None:
    at = run_app(FIBULAR)
    at.multiselect(key="nm_pr_list").set_value(["knee_medial_right"]).run()
    at.button(key="nm_pr_check").click().run()
    fills = map_fills(at)
    assert fills["knee_medial_right"] == palette.VERMILLION and fills["knee_lateral_left"] == palette.SKY
    assert "outside the area" in at.warning[0].value


def test_link_reopens_the_same_question_and_its_feedback(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "practise", "level": "student", "q": "root_skin.L5", "score": "2-3", "seed": "41"})
    assert at.subheader[0].value == "Tap where the L5 root supplies the skin."
    assert at.query_params["q"] == "root_skin.L5" and at.query_params["seed"] == "41"
    assert "Score: 2 of 3 right" in texts_of(at)
    again = run_app({"page": "practise", "level": "student", "q": "root_skin.L5", "score": "1-1",
                     "a": "foot_dorsum_right,great_toe_dorsal_right,foot_medial_border_right"})
    assert "Right." in again.success[0].value and "only some charts give" in again.success[0].value
    assert map_fills(again)["foot_medial_border_left"]  # the 'also' place drawn (hatched)


def test_new_round_restarts_the_score_in_a_new_order(run_app: Callable[..., AppTest]) -> None:
    at = run_app({**ACHILLES, "score": "3-4", "missed": "reflex_root.patellar:5", "a": "S1"})
    at.button(key="nm_pr_new").click().run()
    assert at.query_params.get("score") is None and at.query_params.get("missed") is None
    assert at.query_params["level"] == "student" and 1 <= int(at.query_params["seed"]) <= 999_999


def test_level_change_starts_a_new_run(run_app: Callable[..., AppTest]) -> None:
    at = run_app({**ACHILLES, "score": "3-4", "missed": "reflex_root.patellar:5"})
    at.segmented_control(key="nm_pr_level").set_value("clinician").run()
    assert at.query_params["level"] == "clinician" and at.query_params.get("score") is None
    assert at.query_params["q"].split(".")[0] in {"branch_skin", "branch_site", "overlap_root", "root_skin_charts"}


def test_unknown_question_in_the_link_is_counted_not_echoed(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "practise", "q": "<b>zz9evil</b>", "score": "zz9evil", "level": "expert"})
    text = texts_of(at)
    assert "zz9evil" not in text and "practice question named in the link was not found" in text
    assert at.query_params["q"] and "zz9evil" not in str(dict(at.query_params))


def test_case_walkthrough_story_answer_and_engine_reasons(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "practise", "case": "pub_02"})
    assert "rise onto her toes" in texts_of(at)
    at.multiselect(key="nm_pr_case_list").set_value(["thigh_posterior_left"]).run()  # on the back view
    _button(at, "The S1 nerve root (low back)").click().run()
    assert at.query_params["a"] == "thigh_posterior_left,S1"
    text = texts_of(at)
    assert "Right." in at.success[0].value and "What fits:" in text and "The engine's first answer" in text
    assert "You marked 1 of the 7 places" in text


def test_red_flag_case_warns_first(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "practise", "case": "pub_12", "a": "cauda_equina"})
    assert at.error and "A warning sign in this story" in at.error[0].value
    kinds = [getattr(n, "type", "") for n in _nodes(at.main)]
    assert kinds.index("error") < kinds.index("success")


def test_case_reasons_plain_on_my_own_precise_with_a_clinician(run_app: Callable[..., AppTest]) -> None:
    own = texts_of(run_app({"page": "practise", "case": "pub_02", "a": "S1"}))
    consult = texts_of(run_app({"page": "practise", "case": "pub_02", "a": "S1", "mode": "consult"}))
    assert "What fits:" in own and "(LR " not in own
    assert "What fits:" in consult and "(LR " in consult and "Spinal nerve root S1" in consult
