"""Info cards and the keyboard-friendly zone list."""

from __future__ import annotations

from explainer.anatomy import Atlas
from explainer.present import cards as pc
from explainer.present.zonelist import (
    REGION_ORDER,
    grouped_labels,
    legs_marked,
    zone_label,
    zone_options,
)


def test_zone_labels_are_plain_names_with_the_side(atlas: Atlas) -> None:
    name = atlas.zones["foot_dorsum"].name
    assert zone_label(atlas, "foot_dorsum_right") == f"{name} (right)"
    assert zone_label(atlas, "not_a_zone") == "not_a_zone"


def test_zone_list_has_every_zone_on_both_sides_grouped_head_to_toe(atlas: Atlas) -> None:
    options = zone_options(atlas)
    assert {o.zone for o in options} == set(atlas.zone_instances)
    ranks = [REGION_ORDER.index(o.region) for o in options]
    assert ranks == sorted(ranks)
    assert all(o.label.endswith(("(left)", "(right)")) for o in options)
    feet = zone_options(atlas, region="foot_sole")
    assert feet and all(o.region == "foot_sole" for o in feet)


def test_grouped_labels_and_leg_detection(atlas: Atlas) -> None:
    groups = grouped_labels(atlas, ["foot_dorsum_right", "thumb_palmar_left"])
    assert [g for g, _ in groups] == ["Hand, palm side", "Foot, top"]
    assert legs_marked(atlas, ["foot_dorsum_right"]) and not legs_marked(atlas, ["thumb_palmar_left"])


def test_root_card_has_key_point_muscles_reflex_and_discs(atlas: Atlas) -> None:
    card = pc.root_card(atlas, "S1")
    assert card.key_point and card.key_muscles
    assert any("Ankle" in r or "Achilles" in r for r in card.reflexes)
    assert any(d.startswith("L5/S1") for d in card.discs)
    l5 = pc.root_card(atlas, "L5")
    assert any(d.startswith("L4/L5") for d in l5.discs)


def test_nerve_list_starts_with_the_sciatic_nerve_and_cards_show_course(atlas: Atlas) -> None:
    order = pc.nerve_order(atlas)
    assert order[0] == "sciatic_nerve" and set(order) == set(atlas.nerves)
    card = pc.nerve_card(atlas, "sciatic_nerve")
    assert card.course and card.branches and card.territory
    assert "Tibial nerve" in card.branches or any("ibial" in b for b in card.branches)


def test_disc_card_names_both_herniation_types(atlas: Atlas) -> None:
    card = pc.disc_card(atlas, "L4/L5")
    assert card is not None and card.posterolateral == ("L5",) and card.far_lateral == ("L4",)
    assert "L5" in card.text and "far out to the side" in card.text
    assert pc.disc_card(atlas, "X9/X10") is None


def test_root_labels_say_where_they_are() -> None:
    assert pc.root_label("L5") == "L5 — low back (lumbar)"
    assert pc.root_label("C6").startswith("C6 — neck")


def test_both_legs_marked_needs_a_leg_zone_on_each_side(atlas: Atlas) -> None:
    from explainer.present.zonelist import both_legs_marked

    assert both_legs_marked(atlas, ("thigh_posterior_left", "foot_dorsum_right"))
    assert not both_legs_marked(atlas, ("thigh_posterior_left", "leg_posterolateral_lower_left"))
    assert not both_legs_marked(atlas, ("perineum_left", "perineum_right"))  # the saddle is asked about on its own
    assert not both_legs_marked(atlas, ("thigh_posterior_left", "arm_posterior_right"))


def test_nerve_card_lists_movements_it_supplies_in_part(atlas: Atlas) -> None:
    from explainer.present.cards import nerve_card

    moves = nerve_card(atlas, "ulnar_nerve").movements
    assert any(m.endswith("(in part)") and "grip" in m.lower() for m in moves), moves
