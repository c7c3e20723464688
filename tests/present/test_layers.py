"""Layer colouring: roots, nerves, discs and comparisons get colours AND words; 'also' zones are distinct."""

from __future__ import annotations

from explainer.anatomy import Atlas
from explainer.present import layers as pl
from explainer.present import palette


def test_root_layer_colours_primary_zones_on_both_sides_with_text_labels(atlas: Atlas) -> None:
    layer = pl.item_layer(atlas, "L5")
    for zone in atlas.root_zones("L5"):
        for side in ("left", "right"):
            style = layer.styles[f"{zone}_{side}"]
            assert style.role == "primary" and style.label == "L5" and style.colour == palette.FIRST


def test_also_zones_are_distinct_and_carry_a_charts_disagree_note(atlas: Atlas) -> None:
    layer = pl.item_layer(atlas, "L5")
    also = [z for z, s in layer.styles.items() if s.role == "also"]
    assert also, "L5 has zones that only some charts give it"
    assert all(layer.styles[z].label == "L5?" for z in also)
    assert any("disagree" in n for n in layer.notes)
    assert any("Pale" in e.text for e in layer.legend)


def test_nerve_layer_covers_its_branches(atlas: Atlas) -> None:
    layer = pl.item_layer(atlas, "sciatic_nerve")
    fibular = set(pl.both_sides(atlas.nerve_zones("common_fibular_nerve")))
    assert fibular and fibular <= set(layer.styles)


def test_compare_marks_first_second_and_overlap_in_words(atlas: Atlas) -> None:
    layer = pl.compare_layer(atlas, "L5", "common_fibular_nerve")
    roles = {s.role for s in layer.styles.values()}
    assert roles <= {"first", "second", "both"} and "both" in roles
    both = next(s for s in layer.styles.values() if s.role == "both")
    assert both.label == "L5+Common fibular (peroneal)" or "+" in both.label
    assert [e.colour for e in layer.legend] == [palette.FIRST, palette.SECOND, palette.BOTH]
    assert all(e.text for e in layer.legend)


def test_disc_layer_shows_posterolateral_and_far_lateral_roots(atlas: Atlas) -> None:
    layer = pl.disc_layer(atlas, "L4/L5")
    labels = {s.label for s in layer.styles.values()}
    assert labels == {"L5", "L4"}
    assert layer.styles[f"{atlas.root_zones('L5')[0]}_left"].role == "first"
    assert "L4/L5" in layer.title
    assert pl.disc_layer(atlas, "nope").styles == {}


def test_whole_body_layers_label_every_coloured_zone(atlas: Atlas) -> None:
    for kind in ("dermatomes", "nerves"):
        layer = pl.whole_body_layer(atlas, kind=kind)  # type: ignore[arg-type]
        assert len(layer.styles) > 150
        assert all(s.label for s in layer.styles.values())


def test_palette_is_the_okabe_ito_set() -> None:
    assert set(palette.CYCLE) == {"#0072B2", "#E69F00", "#009E73", "#56B4E9", "#D55E00", "#F0E442", "#CC79A7"}
    assert palette.tint(palette.BLUE) != palette.BLUE


def test_whole_body_nerve_layer_explains_its_abbreviations(atlas: Atlas) -> None:
    layer = pl.whole_body_layer(atlas, kind="nerves")
    labels = {s.label for s in layer.styles.values()}
    explained = {e.label for e in layer.legend}
    assert labels <= explained
    median = next(e for e in layer.legend if e.label == "Med")
    assert "median" in median.text


def test_short_labels_for_roots_and_nerves(atlas: Atlas) -> None:
    assert pl.short(atlas, "L5") == "L5"
    assert pl.short(atlas, "sciatic_nerve") == "Sci"
    assert pl.short(atlas, "common_fibular_nerve") == "CF"
    assert pl.item_name(atlas, "sciatic_nerve") == "the sciatic nerve"


def test_short_labels_are_unique(atlas: Atlas) -> None:
    """Two nerves sharing an on-map label (e.g. 'Ili' for iliohypogastric and ilioinguinal) make the legend ambiguous."""
    labels = [pl.short(atlas, i) for i in [*atlas.roots, *atlas.nerves]]
    assert len(labels) == len(set(labels)), sorted(x for x in labels if labels.count(x) > 1)
