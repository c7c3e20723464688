"""The drawn body map: complete, valid, non-overlapping, big enough to click."""

from __future__ import annotations

import json
import re

import pytest
import shapely

from explainer.bodymap.geometry import SIDES, VIEWS, BodyMap, expected_view, load_body_map
from explainer.bodymap.validate import (
    MIN_ZONE_PX,
    inscribed_diameter_px,
    shape_of,
    validate_geometry,
)
from explainer.paths import ASSETS_DIR


@pytest.fixture(scope="module")
def body() -> BodyMap:
    return load_body_map()


def test_validation_passes(body: BodyMap) -> None:
    assert validate_geometry(body) == []


def test_every_zone_drawn_once_on_both_sides(body: BodyMap) -> None:
    drawn = [zid for v in body.views.values() for zid in v.zones]
    assert len(drawn) == len(set(drawn))
    assert set(drawn) == {f"{z}_{s}" for z in body.zone_ids for s in SIDES}
    assert len(body.zone_ids) == 108


def test_zones_sit_in_their_natural_view(body: BodyMap) -> None:
    for zone_id in body.zone_ids:
        for side in SIDES:
            assert body.view_of_zone(f"{zone_id}_{side}") == expected_view(body, zone_id)
    assert body.view_of_zone("thumb_palmar_left") == "hand_palm"
    assert body.view_of_zone("fingertips_dorsal_right") == "hand_dorsum"
    assert body.view_of_zone("heel_lateral_left") == "foot_sole"
    assert body.view_of_zone("first_web_space_right") == "foot_top"
    assert body.view_of_zone("perianal_left") == "saddle"
    assert body.view_of_zone("thigh_posteromedial_upper_left") == "back"


@pytest.mark.parametrize("view", VIEWS)
def test_smallest_zone_is_clickable_at_default_size(body: BodyMap, view: str) -> None:
    v = body.views[view]  # type: ignore[index]
    smallest = min(inscribed_diameter_px(v, z) for z in v.zones)
    assert smallest >= MIN_ZONE_PX, f"{view}: {smallest:.1f} px"


@pytest.mark.parametrize("view", VIEWS)
def test_default_size_fits_a_laptop_width(body: BodyMap, view: str) -> None:
    width, height = body.views[view].size_px  # type: ignore[index]
    assert width <= 1366 - 2 * 48
    assert height <= 1300


@pytest.mark.parametrize("view", VIEWS)
def test_no_overlaps_and_valid_polygons(body: BodyMap, view: str) -> None:
    v = body.views[view]  # type: ignore[index]
    shapes = {z: shape_of(zone.polygons) for z, zone in v.zones.items()}
    assert all(s.is_valid for s in shapes.values())
    union_area = shapely.union_all(list(shapes.values())).area
    assert sum(s.area for s in shapes.values()) == pytest.approx(union_area, rel=1e-4)


def test_key_sensory_points_inside_their_zones(body: BodyMap) -> None:
    seen = set()
    for v in body.views.values():
        for kp in v.key_points:
            assert shape_of(v.zones[kp.zone].polygons).contains(shapely.Point(kp.x, kp.y)), kp
            seen.add((kp.root, kp.zone))
    for root, zone in body.key_sensory_points:
        for side in SIDES:
            assert (root, f"{zone}_{side}") in seen


def test_every_view_names_the_patients_sides(body: BodyMap) -> None:
    for v in body.views.values():
        texts = [lab.text for lab in v.labels if lab.kind == "side"]
        left_first = v.faces == "back"
        assert texts == (["Patient's left", "Patient's right"] if left_first else ["Patient's right", "Patient's left"]), v.name


def test_front_view_puts_patients_right_on_viewers_left(body: BodyMap) -> None:
    front, back = body.views["front"], body.views["back"]
    assert front.zones["face_right"].anchor[0] < 0 < front.zones["face_left"].anchor[0]
    assert back.zones["occiput_left"].anchor[0] < 0 < back.zones["occiput_right"].anchor[0]
    palm = body.views["hand_palm"]
    assert palm.zones["thumb_palmar_right"].anchor[0] < palm.zones["thumb_palmar_left"].anchor[0]


def test_nerve_courses_drawn(body: BodyMap) -> None:
    drawn = {n for v in body.views.values() for n in v.courses}
    assert {
        "sciatic_nerve",
        "tibial_nerve",
        "common_fibular_nerve",
        "saphenous_nerve",
        "median_nerve",
        "ulnar_nerve",
        "radial_nerve",
        "superficial_radial_nerve",
    } <= drawn
    assert set(body.views["back"].courses) >= {"sciatic_nerve", "sural_nerve"}


def test_asset_is_plain_json_with_rounded_coordinates() -> None:
    raw = (ASSETS_DIR / "body_map.json").read_text()
    data = json.loads(raw)
    assert set(data["views"]) == set(VIEWS)
    assert not re.search(r"\d\.\d{4,}", raw), "coordinates should be rounded to 3 decimals"


def test_no_shared_reference_paths_in_package() -> None:
    from pathlib import Path

    import explainer.bodymap as pkg

    for path in Path(pkg.__file__).parent.glob("*.py"):
        assert "/work/shared" not in path.read_text()
