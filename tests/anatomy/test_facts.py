"""Named tests for the anatomy facts a careless implementation gets wrong."""

from __future__ import annotations

import pytest

from explainer.anatomy import DERMATOMAL_ROOTS, Atlas
from explainer.anatomy.order import sort_segments


def test_anatomical_order_is_not_string_order() -> None:
    assert sort_segments(["L1", "T10", "C8", "T2", "S1"]) == ("C8", "T2", "T10", "L1", "S1")
    assert DERMATOMAL_ROOTS[0] == "C2" and DERMATOMAL_ROOTS[-1] == "S5" and len(DERMATOMAL_ROOTS) == 29


def test_roots_listed_c2_to_s5_in_order(atlas: Atlas) -> None:
    assert [r.id for r in atlas.ordered_roots] == list(DERMATOMAL_ROOTS)
    assert list(atlas.roots) == list(DERMATOMAL_ROOTS)


def test_every_root_has_a_key_sensory_point_in_a_zone_where_it_is_primary(atlas: Atlas) -> None:
    for root in DERMATOMAL_ROOTS:
        if root == "S5":  # S4-5 is one ISNCSCI point
            root = "S4"
        point = atlas.key_point_for(root)
        assert point is not None, root
        assert root in atlas.zones[point.zone].dermatomes.primary, (root, point.zone)


@pytest.mark.parametrize(
    ("root", "zone"),
    [("C6", "thumb_dorsal"), ("C7", "middle_dorsal"), ("C8", "little_dorsal"), ("T4", "chest_nipple_level"),
     ("T10", "abdomen_umbilical"), ("L4", "ankle_medial"), ("L5", "foot_dorsum"), ("S1", "heel_lateral")],
)
def test_classic_key_points(atlas: Atlas, root: str, zone: str) -> None:
    point = atlas.key_point_for(root)
    assert point is not None and point.zone == zone


def test_nipple_is_t4_and_umbilicus_is_t10(atlas: Atlas) -> None:
    assert atlas.zones["chest_nipple_level"].dermatomes.primary == ("T4",)
    assert atlas.zones["abdomen_umbilical"].dermatomes.primary == ("T10",)


def test_anterior_genital_skin_is_l1_and_the_saddle_is_sacral(atlas: Atlas) -> None:
    assert atlas.zones["genitals_anterior"].dermatomes.primary == ("L1",)
    sacral = {"S2", "S3", "S4", "S5"}
    for zone in ("perianal", "perineum", "genitals_posterior"):
        assert set(atlas.zones[zone].dermatomes.primary) <= sacral, zone


@pytest.mark.parametrize(
    ("disc", "posterolateral", "far_lateral"),
    [("L4/L5", "L5", "L4"), ("L5/S1", "S1", "L5"), ("L3/L4", "L4", "L3"), ("C5/C6", "C6", "C6"),
     ("C6/C7", "C7", "C7"), ("C7/T1", "C8", "C8"), ("C4/C5", "C5", "C5")],
)
def test_disc_to_root_rules(atlas: Atlas, disc: str, posterolateral: str, far_lateral: str) -> None:
    record = {d.id: d for d in atlas.spine.discs}[disc]
    assert record.posterolateral == (posterolateral,)
    assert record.far_lateral == (far_lateral,)


def test_every_lumbar_disc_follows_traversing_and_exiting_rule(atlas: Atlas) -> None:
    for d in atlas.spine.discs:
        if d.upper.startswith("L"):
            assert d.exiting_root == d.upper
            assert d.posterolateral == (d.traversing_root,)
            assert d.far_lateral == (d.exiting_root,)


@pytest.mark.parametrize(
    ("root", "foramen"),
    [("C2", "C1/C2"), ("C5", "C4/C5"), ("C7", "C6/C7"), ("C8", "C7/T1"), ("T1", "T1/T2"), ("L4", "L4/L5"), ("L5", "L5/S1")],
)
def test_where_roots_exit(atlas: Atlas, root: str, foramen: str) -> None:
    assert atlas.roots[root].foramen == foramen


@pytest.mark.parametrize("movement", ["hip_abduction", "ankle_inversion"])
def test_l5_movements_outside_the_common_fibular_nerve(atlas: Atlas, movement: str) -> None:
    assert "L5" in atlas.movements[movement].roots
    assert movement in atlas.root_movements("L5")
    assert movement not in atlas.nerve_movements("common_fibular_nerve")
    assert "common_fibular_nerve" not in atlas.movement_nerves(movement)


def test_hip_abduction_is_superior_gluteal_and_inversion_is_tibial(atlas: Atlas) -> None:
    assert atlas.movements["hip_abduction"].nerve == "superior_gluteal_nerve"
    assert atlas.movements["ankle_inversion"].nerve == "tibial_nerve"


def test_sciatic_nerve_has_no_cutaneous_branch_in_the_thigh(atlas: Atlas) -> None:
    assert atlas.nerve_own_zones("sciatic_nerve") == ()
    thigh = {z for z in atlas.nerve_zones("sciatic_nerve") if atlas.zones[z].region == "thigh"}
    assert thigh == set()
    assert atlas.nerves["sciatic_nerve"].roots == ("L4", "L5", "S1", "S2", "S3")


def test_sciatic_branch_hierarchy(atlas: Atlas) -> None:
    assert atlas.nerve_ancestors("deep_fibular_nerve")[:2] == ("common_fibular_nerve", "sciatic_nerve")
    assert "deep_fibular_nerve" in atlas.nerve_descendants("sciatic_nerve")
    assert "first_web_space" in atlas.nerve_zones("sciatic_nerve")


def test_ulnar_nerve_supplies_no_forearm_skin(atlas: Atlas) -> None:
    regions = {atlas.zones[z].region for z in atlas.nerve_zones("ulnar_nerve")}
    assert "forearm" not in regions
    assert {"hand_palmar", "hand_dorsal"} <= regions


def test_median_palmar_cutaneous_branch_bypasses_the_carpal_tunnel(atlas: Atlas) -> None:
    branch = atlas.cutaneous_nerves["palmar_cutaneous_branch_of_median_nerve"]
    assert branch.answer_parent == "median_nerve"
    assert "carpal_tunnel" in branch.leaves_before
    assert any(n.id == branch.id for n in atlas.zones["thenar_eminence"].nerves)


def test_femoral_nerve_does_not_adduct_the_hip(atlas: Atlas) -> None:
    assert "hip_adduction" not in atlas.nerve_movements("femoral_nerve")
    assert "hip_adduction" in atlas.nerve_movements("obturator_nerve")


def test_l5_has_no_dependable_standard_reflex(atlas: Atlas) -> None:
    assert [r for r in atlas.root_reflexes("L5")] == ["medial_hamstring"]
    assert atlas.reflexes["achilles"].main_root == "S1"


def test_lateral_femoral_cutaneous_nerve_is_purely_sensory(atlas: Atlas) -> None:
    assert atlas.nerve_movements("lateral_femoral_cutaneous_nerve") == ()
    assert atlas.nerves["lateral_femoral_cutaneous_nerve"].roots == ("L2", "L3")


def test_every_answer_resolves(atlas: Atlas) -> None:
    for answer in atlas.answers.values():
        if answer.kind == "root":
            assert answer.id in atlas.roots
        elif answer.kind in ("nerve", "plexus"):
            assert answer.id in atlas.nerves


def test_every_zone_has_text_and_both_sides(atlas: Atlas) -> None:
    assert len(atlas.zone_instances) == 2 * len(atlas.zones) == 216
    assert set(atlas.zone_text) == set(atlas.zones)
