"""Sensation by modality in the link (sens=): round trip, only marked zones, hostile values counted never echoed."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from explainer.anatomy import load_atlas
from explainer.present.exam import engine_exam, exam_line
from explainer.present.exam_sensation import PILLS, marks_of, pills_of, with_zone_sens
from explainer.viewstate import ViewState, parse_query, screen_query_string, to_query

A = load_atlas()
Z1, Z2 = "foot_dorsum_right", "great_toe_dorsal_right"
MARKED = {"zones": f"{Z1},{Z2}", "mode": "consult"}


def _parse(**params: str) -> ViewState:
    return parse_query({**MARKED, **params}, atlas=A)


def test_round_trip_through_the_link() -> None:
    state = _parse(sens=f"{Z2}:light_touch-allodynia,{Z1}:vibration-absent+pinprick-reduced")
    assert set(state.sens) == {(Z1, "pinprick", "reduced"), (Z1, "vibration", "absent"), (Z2, "light_touch", "allodynia")}
    assert not state.notes
    query = to_query(state)
    assert query["sens"].startswith(f"{Z1}:")  # canonical: zones in marked order, modalities in vocabulary order
    again = parse_query(query, atlas=A)
    assert again.sens == state.sens and to_query(again) == query


def test_a_plus_turned_into_a_space_by_the_url_still_joins() -> None:
    screened = screen_query_string(urlencode(MARKED) + f"&sens={Z1}:pinprick-reduced+vibration-reduced")
    state = parse_query(screened.params, atlas=A)
    assert {m[1] for m in state.sens} == {"pinprick", "vibration"}


def test_unknown_or_unmarked_entries_are_counted_never_echoed() -> None:
    marker = "qzxv"
    state = _parse(sens=f"{Z1}:pinprick-reduced+{marker}-absent,heel_lateral_left:pinprick-reduced,"
                        f"<script>{marker}</script>,{Z2}:touch-{marker},{marker}:vibration-reduced")
    assert state.sens == ((Z1, "pinprick", "reduced"),)
    assert len(state.notes) == 1 and "5 sensation entries" in state.notes[0]
    assert marker not in " ".join(state.notes) and "heel" not in state.notes[0]


def test_many_entries_are_bounded() -> None:
    state = _parse(sens=",".join([f"{Z1}:pinprick-reduced"] * 2_000))
    assert state.sens == ((Z1, "pinprick", "reduced"),)
    assert state.notes and "1600 sensation entries" in state.notes[0].replace(",", "")


def test_unmarking_a_zone_drops_its_sensation() -> None:
    state = _parse(sens=f"{Z1}:pinprick-reduced,{Z2}:vibration-reduced").with_zones({Z2})
    assert state.sens == ((Z2, "vibration", "reduced"),)
    assert "pinprick" not in to_query(state)["sens"]
    assert replace(state, zones=()).sens == ()  # however the zones change (the map sets them directly)


def test_pills_and_marks_agree() -> None:
    for pills in (["pin ↓"], ["touch ↓", "vibration ↓", "absent"], ["painful to touch", "pin ↑"], PILLS):
        marks = marks_of(Z1, pills)
        assert pills_of(marks) == [p for p in PILLS if p in pills]
    assert marks_of(Z1, ["absent"]) == ()  # 'absent' alone says nothing


def test_panel_choice_reaches_the_engine_exam_and_the_card_line() -> None:
    state = with_zone_sens(_parse(), Z1, ["pin ↓", "absent"])
    assert state.sens == ((Z1, "pinprick", "absent"),)
    exam = engine_exam(A, state)
    assert exam is not None and exam["sensation"] == [{"zone": Z1, "modality": "pinprick", "change": "absent"}]
    assert "pinprick absent" in exam_line(A, state)
    assert with_zone_sens(state, Z1, None).sens == ()
    assert with_zone_sens(state, "heel_lateral_left", ["pin ↓"]) == state  # not marked: nothing to set
