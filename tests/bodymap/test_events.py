"""Selection events -> zone ids -> new selection (pure)."""

from __future__ import annotations

from explainer.bodymap.events import ids_from_event, toggle_selection, zones_from_event


def _event(*points: dict[str, object]) -> dict[str, object]:
    return {"selection": {"points": list(points), "box": [], "lasso": []}}


def test_zones_from_click_event() -> None:
    ev = _event({"customdata": "thumb_dorsal_left", "location": "thumb_dorsal_left", "pointIndex": 3})
    assert zones_from_event(ev) == ["thumb_dorsal_left"]


def test_customdata_as_list_and_location_fallback() -> None:
    ev = _event({"customdata": ["face_right"]}, {"location": "occiput_left"}, {"customdata": None})
    assert zones_from_event(ev) == ["face_right", "occiput_left"]


def test_duplicates_and_foreign_points_dropped() -> None:
    ev = _event(
        {"customdata": "face_right"}, {"customdata": "face_right"}, {"x": 1, "y": 2}, {"customdata": "root:L5"}, {"customdata": 7}
    )
    assert zones_from_event(ev) == ["face_right"]
    assert ids_from_event(ev) == ["face_right", "root:L5"]


def test_empty_events() -> None:
    assert zones_from_event(None) == []
    assert zones_from_event({}) == []
    assert zones_from_event({"selection": {"points": [], "box": [], "lasso": []}}) == []


def test_click_toggles_one_zone() -> None:
    current = frozenset({"face_left"})
    assert toggle_selection(current, ["face_right"], mode="click") == {"face_left", "face_right"}
    assert toggle_selection(current, ["face_left"], mode="click") == frozenset()
    assert toggle_selection(current, ["face_right", "face_left"], mode="click") == {"face_left", "face_right"}
    assert toggle_selection(current, [], mode="click") == current


def test_lasso_and_box_add_all() -> None:
    current = frozenset({"face_left"})
    assert toggle_selection(current, ["face_left", "occiput_left"], mode="lasso") == {"face_left", "occiput_left"}
    assert toggle_selection(current, ["neck_anterior_right"], mode="box") == {"face_left", "neck_anterior_right"}
