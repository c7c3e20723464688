"""AppTest smoke tests: every page renders without an exception and says 'education, not diagnosis'."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import texts_of


@pytest.mark.parametrize(("page", "title"), [
    ("where", "Where do you feel it?"),
    ("spine", "Explore the spine"),
    ("learn", "Learn"),
    ("connected", "Are my back and leg symptoms connected?"),
])
@pytest.mark.parametrize("mode", ["self", "consult"])
def test_every_page_renders_in_both_modes(run_app: Callable[..., AppTest], page: str, title: str, mode: str) -> None:
    at = run_app({"page": page, "mode": mode})
    assert at.title[0].value == title
    assert "Education, not diagnosis" in texts_of(at)
    assert at.query_params.get("mode") == ("consult" if mode == "consult" else None)


def test_no_link_opens_the_where_page_with_an_empty_state(run_app: Callable[..., AppTest]) -> None:
    at = run_app()
    assert at.title[0].value == "Where do you feel it?"
    assert "Nothing to show yet" in texts_of(at)
    assert not at.error


def test_mode_switch_is_remembered_in_the_link(run_app: Callable[..., AppTest]) -> None:
    at = run_app()
    at.segmented_control(key="nm_mode_switch").set_value("consult").run()
    assert not at.exception
    assert at.query_params["mode"] == "consult"
    assert any(b.label == "Start again" for b in at.button)


def test_spine_page_shows_root_card_from_a_link(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "spine", "root": "S1"})
    text = texts_of(at)
    assert "The S1 nerve root" in text and "Key muscles" in text and "Discs that commonly press on it" in text
    assert "L5/S1" in text


def test_spine_page_root_picker_updates_the_link(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "spine"})
    at.selectbox(key="nm_pick_root").set_value("C6").run()
    assert at.query_params["root"] == "C6"
    assert "The C6 nerve root" in texts_of(at)


def test_nerve_list_starts_with_sciatic_and_shows_course(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "spine"})
    box = at.selectbox(key="nm_pick_nerve")
    assert box.options[1] == "Sciatic nerve"
    box.set_value("sciatic_nerve").run()
    text = texts_of(at)
    assert "Its course" in text and "Branches" in text and "entrapment" in text.lower()


def test_compare_shows_both_with_a_legend(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "spine", "root": "L5", "compare": "common_fibular_nerve"})
    text = texts_of(at)
    assert "Comparing the L5 root and" in text and "Blue" in text and "Orange" in text and "Purple" in text


def test_disc_shows_posterolateral_and_far_lateral(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "spine", "disc": "L4/L5"})
    text = texts_of(at)
    assert "The L4/L5 disc" in text and "far out to the side" in text


def test_learn_link_opens_the_map_in_that_state(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "learn"})
    link = next(b for b in at.button if "L5 root" in b.label)
    link.click().run()
    assert not at.exception
    assert at.title[0].value == "Explore the spine"
    assert at.query_params["root"] == "L5" and at.query_params["page"] == "spine"


def test_connected_self_check_gives_a_hedged_summary(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "connected"})
    at.radio(key="nm_check_back_worse_posture_flares_leg").set_value("yes").run()
    at.radio(key="nm_check_back_relief_eases_leg").set_value("yes").run()
    at.radio(key="nm_check_strip_below_knee").set_value("yes").run()
    text = texts_of(at)
    assert "may well be connected" in text
    assert "check=" not in str(at.query_params) and at.query_params["check"]


def test_self_check_leads_on_to_the_map(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "connected", "check": "back_worse_posture_flares_leg:yes"})
    at.button(key="nm_check_to_map").click().run()
    assert not at.exception and at.title[0].value == "Where do you feel it?"
    assert at.query_params["check"] == "back_worse_posture_flares_leg:yes"


def test_learn_with_an_unknown_article_shows_a_note(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "learn", "article": "no-such-article"})
    assert any("was not found" in w.value for w in at.warning)


def test_learn_article_choice_is_in_the_link(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"page": "learn"})
    radio = at.radio(key="nm_article")
    radio.set_value(radio.options and "sciatica-and-the-sciatic-nerve").run()
    assert at.query_params["article"] == "sciatica-and-the-sciatic-nerve"
    assert any("sciatic" in h.value.lower() for h in at.header)
