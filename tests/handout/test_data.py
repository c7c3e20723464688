"""State + results -> what the handout prints: every view with marks, this case's warning signs, one name for one
emergency, readable source names, and a link that reopens the same view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from explainer.anatomy import Atlas
from explainer.bodymap.geometry import load_body_map
from explainer.handout.text import load_handout_text
from explainer.present.handout_data import reopen_link, source_name, watch_for
from explainer.present.results import UrgentNote
from explainer.viewstate import ViewState, parse_query, to_query
from tests.handout.cases import CASES, case_data


def _groups(atlas: Atlas, name: str) -> set[str]:
    return {w.flag for w in case_data(atlas, name).watch}


def test_every_view_holding_a_mark_is_drawn(atlas: Atlas) -> None:
    body = load_body_map()
    for name, view in CASES.items():
        drawn = [p.view for p in case_data(atlas, name).panels]
        assert set(drawn) == ({body.view_of_zone(z) for z in view.zones} or {"front", "back"}), name
    c6 = case_data(atlas, "c6")
    assert [p.view for p in c6.panels] == ["front", "back", "hand_palm", "hand_dorsum"]  # the forearm is on both sides
    assert all(p.marked for p in c6.panels)


def test_each_picture_names_the_patients_sides_as_that_view_shows_them(atlas: Atlas) -> None:
    text, body = load_handout_text(), load_body_map()
    both_hands = [p for name in ("carpal_tunnel", "l5", "cauda_equina") for p in case_data(atlas, name).panels
                  if any(lab.kind == "side" for lab in p.labels)]
    assert {p.view for p in both_hands} == {"hand_palm", "front", "back", "saddle"}
    for p in both_hands:
        first = next(lab.text for lab in p.labels if lab.kind == "side" and lab.align == "left")
        faces_front = body.views[p.view].faces == "front"  # type: ignore[index]
        assert first == text.labels["patient_s_right" if faces_front else "patient_s_left"], p.view
    back = next(p for p in case_data(atlas, "l5").panels if p.view == "back")
    assert next(lab.text for lab in back.labels if lab.kind == "side" and lab.align == "left") == "Patient's left"


def test_one_hand_or_foot_marked_is_drawn_alone_and_named(atlas: Atlas) -> None:
    panels = {p.view: p for p in case_data(atlas, "c6").panels}
    palm, dorsum = panels["hand_palm"], panels["hand_dorsum"]
    assert (palm.title, dorsum.title) == ("Right hand (palm)", "Right hand (back)")
    full = load_body_map().views["hand_palm"]
    assert palm.size[0] < 0.6 * (full.bounds[2] - full.bounds[0])  # half the drawing: the right hand only
    xs = [x for ring in palm.skin for x, _ in ring]
    assert palm.bounds[0] <= min(xs) and max(xs) <= palm.bounds[2]
    assert not any(lab.kind == "side" for lab in palm.labels)  # no "patient's left" beside a single right hand
    assert {p.view for p in case_data(atlas, "carpal_tunnel").panels} == {"hand_palm"}
    both = case_data(atlas, "carpal_tunnel").panels[0]
    assert both.size == (full.bounds[2] - full.bounds[0], full.bounds[3] - full.bounds[1])  # both hands marked: both drawn


def test_warning_signs_follow_the_marked_region(atlas: Atlas) -> None:
    assert {"cauda_equina", "progressive_motor_deficit"} <= _groups(atlas, "l5")
    assert not {"stroke", "myelopathy"} & _groups(atlas, "l5")
    assert {"stroke", "myelopathy", "progressive_motor_deficit"} <= _groups(atlas, "c6")
    assert "cauda_equina" not in _groups(atlas, "c6")
    neck = watch_for(atlas, ("neck_posterior_right",), top=None, text=load_handout_text())
    assert {"stroke", "myelopathy"} <= {w.flag for w in neck}
    levels = [w.level for w in case_data(atlas, "c6").watch]
    assert levels == sorted(levels, key=["emergency", "same_day", "urgent"].index)  # most urgent first


def test_nothing_marked_prints_no_warning_list_and_front_and_back(atlas: Atlas) -> None:
    data = case_data(atlas, "nothing")
    assert data.watch == () and data.urgent == () and data.headline == load_handout_text().strings.nothing_marked
    assert [p.view for p in data.panels] == ["front", "back"] and not any(p.marked for p in data.panels)


def test_one_emergency_has_one_name_in_the_headline_and_the_urgent_block(atlas: Atlas) -> None:
    data = case_data(atlas, "cauda_equina")
    same = load_handout_text().same_emergency[0]
    assert data.urgent, "the saddle, bladder and bowel case must warn"
    assert data.headline == same.headline and data.urgent[0].title == same.urgent
    assert sum(b.title == same.urgent for b in data.urgent) == 1  # cauda + conus warnings merged into one block


def test_a_warning_naming_its_own_answer_is_not_renamed(atlas: Atlas) -> None:
    from explainer.present.handout_data import _shared

    text = load_handout_text()
    assert _shared(text, "cauda_equina", ["cauda_equina"]) is None
    assert _shared(text, "conus_medullaris", ["cauda_equina"]) is text.same_emergency[0]
    assert _shared(text, "L5", ["cauda_equina"]) is None


def test_the_stroke_case_puts_the_emergency_first(atlas: Atlas) -> None:
    data = case_data(atlas, "stroke")
    assert data.urgent and data.urgent[0].level == "emergency" and "stroke" in data.urgent[0].title.lower()
    assert data.watch[0].flag == "stroke"


def test_sources_are_short_readable_names(atlas: Atlas) -> None:
    for name in CASES:
        for source in case_data(atlas, name).sources:
            assert len(source) <= 48 and "copy" not in source and "http" not in source, source
    assert "NICE CKS: Sciatica" in case_data(atlas, "l5").sources
    assert source_name(atlas, "GIRFT_CES") == "GIRFT: cauda equina pathway"


def test_every_source_a_handout_can_print_has_a_label(atlas: Atlas) -> None:
    from explainer.texts import load_texts

    keys = {k for a in load_texts().answers.values() for k in a.sources}
    keys |= {k for g in load_handout_text().watch_for for k in atlas.red_flags[g.flag].sources}
    keys |= {k for f in atlas.red_flags.values() for k in f.sources}
    assert not sorted(k for k in keys if not atlas.sources[k].label)


@pytest.mark.parametrize("name", ["l5", "c6", "carpal_tunnel"])
def test_the_link_reopens_the_same_view(atlas: Atlas, name: str) -> None:
    link = case_data(atlas, name).link
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "localhost:8501", "/")
    again = parse_query({k: v for k, v in parse_qs(parts.query).items()}, atlas=atlas)
    assert again.zones == CASES[name].zones and again.other == CASES[name].other


def test_the_link_base_comes_from_the_request_without_its_old_query() -> None:
    query = to_query(ViewState(zones=("foot_dorsum_right",)))
    assert reopen_link("https://nerves.example.org/app?zones=x#top", query) == (
        "https://nerves.example.org/app?zones=foot_dorsum_right")
    assert reopen_link(None, query).startswith("http://localhost:8501/?")
    assert reopen_link("javascript:alert(1)", {}) == "http://localhost:8501/"


def test_the_clinician_page_lists_the_findings(atlas: Atlas) -> None:
    assert case_data(atlas, "l5").clinician is None
    page = case_data(atlas, "l5", clinician=True).clinician
    assert page is not None
    found, words = dict(page.findings), load_handout_text().strings
    assert found[words.found_other] == (atlas.findings["back_pain"].label,)
    assert found[words.found_symptoms] == (atlas.symptoms["tingling"].label, atlas.symptoms["pain"].label)
    assert page.explanations and page.explanations[0].title.startswith("The L5")


def test_unknown_urgent_notes_pass_through(atlas: Atlas) -> None:
    from explainer.present.handout_data import urgent_blocks

    notes = [UrgentNote("Not sure about a warning sign?", "Get checked today.", "same_day"),
             UrgentNote("Please get medical help today", "See a doctor today.", "emergency")]
    blocks = urgent_blocks(atlas, notes, shared=None)
    assert [b.level for b in blocks] == ["emergency", "same_day"]
