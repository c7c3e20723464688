"""The browser map's pure payloads: every zone drawn once with a path inside the picture, keyboard neighbours
that go the right way, hands/feet/saddle that open their detail views, small payloads, words for left and right."""

from __future__ import annotations

import json
import re

import pytest

from explainer.anatomy import Atlas
from explainer.bodymap.geometry import VIEWS, load_body_map
from explainer.bodymap.style import MapStyle
from explainer.bodymap.svg import DIRECTIONS, neighbours, view_labels, view_payload
from explainer.present.layers import item_layer
from explainer.present.mapstyle import map_style, style_payload, zone_name

MAX_GEOMETRY = 80 * 1024


@pytest.mark.parametrize("view", VIEWS)
def test_every_zone_is_drawn_once_inside_the_picture(view: str) -> None:
    body = load_body_map()
    payload = view_payload(body, view)
    ids = [z["id"] for z in payload["zones"]]
    assert sorted(ids) == sorted(body.views[view].zones) and len(ids) == len(set(ids))
    for z in payload["zones"]:
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", z["d"])]
        xs, ys = numbers[0::2], numbers[1::2]
        assert z["d"].startswith("M") and z["d"].endswith("Z")
        assert min(xs) >= 0 and max(xs) <= payload["w"] and min(ys) >= 0 and max(ys) <= payload["h"], z["id"]
        assert min(xs) <= z["x"] <= max(xs) and min(ys) <= z["y"] <= max(ys)
    assert len(json.dumps(payload, separators=(",", ":"))) <= MAX_GEOMETRY


def test_arrow_keys_move_towards_the_neighbour_on_screen() -> None:
    anchors = {"a": (0.0, 0.0), "up": (0.0, -10.0), "right": (10.0, 1.0), "down": (1.0, 10.0), "left": (-10.0, 0.0)}
    got = neighbours(anchors)["a"]
    assert got == ["up", "right", "down", "left"]
    assert neighbours(anchors)["up"][DIRECTIONS.index("up")] is None  # nothing above the top one


def test_on_the_front_the_forehead_is_above_the_chin_and_the_left_knee_is_right_of_the_right_knee() -> None:
    payload = view_payload(load_body_map(), "front")
    nav = payload["nav"]
    pos = {z["id"]: (z["x"], z["y"]) for z in payload["zones"]}
    assert pos["knee_anterior_left"][0] > pos["knee_anterior_right"][0]  # patient's left on the viewer's right
    for zid, row in nav.items():
        down = row[DIRECTIONS.index("down")]
        if down:
            assert pos[down][1] > pos[zid][1], (zid, down)


def test_hands_feet_and_saddle_open_their_detail_views() -> None:
    body = load_body_map()
    front, back = view_payload(body, "front"), view_payload(body, "back")
    assert sorted(f["go"] for f in front["fills"]) == ["foot_top", "foot_top", "hand_palm", "hand_palm"]
    assert sorted(f["go"] for f in back["fills"]) == ["foot_sole", "foot_sole", "hand_dorsum", "hand_dorsum"]
    assert [h["go"] for h in front["hotspots"]] == ["saddle"] and [h["go"] for h in back["hotspots"]] == ["saddle"]


@pytest.mark.parametrize(("mode", "word"), [("self", "Your"), ("consult", "Patient's")])
def test_left_and_right_say_whose(mode: str, word: str) -> None:
    for view in VIEWS:
        texts = [lab["t"] for lab in view_labels(load_body_map().views[view], mode=mode)]
        sides = [t for t in texts if t.endswith((" right", " left"))]
        assert len(sides) == 2 and all(t.startswith(word) for t in sides), (view, texts)
        hands = [t for t in texts if "hand" in t or "foot" in t]
        assert all(t.startswith(word) for t in hands), (view, texts)


def test_zone_names_say_whose_side(atlas: Atlas) -> None:
    assert zone_name(atlas, "foot_dorsum_right", mode="self").endswith("(your right)")
    assert zone_name(atlas, "foot_dorsum_right", mode="consult").endswith("(patient's right)")


def test_style_payload_carries_fills_hatching_labels_and_names(atlas: Atlas) -> None:
    body = load_body_map()
    layer = item_layer(atlas, "L5")
    style = map_style(layer, courses=("sciatic_nerve",), key_points=True)
    payload = style_payload(atlas, body, "front", style, mode="self")
    drawn = set(body.views["front"].zones)
    also = {z for z, s in layer.styles.items() if s.role == "also" and z in drawn}
    primary = {z for z, s in layer.styles.items() if s.role == "primary" and z in drawn}
    assert set(payload["also"]) == also and also, "charts-disagree zones are hatched"
    assert primary <= set(payload["fill"]) and not set(payload["also"]) & primary
    assert {lab["t"] for lab in payload["labels"]} == {"L5", "L5?"}
    assert set(payload["names"]) == drawn and set(payload["tips"]) == drawn
    assert payload["courses"] == [] or all(c["d"].startswith("M") for c in payload["courses"])
    empty = style_payload(atlas, body, "front", MapStyle(), mode="self")
    assert empty["fill"] == {} and empty["also"] == [] and empty["kp"] == []
