"""The skin-strip layer after one classic chart, or where the charts agree and disagree: colours AND words, hatched
where they differ, a tooltip line per chart, and each chart's source, year and method in one line."""

from __future__ import annotations

import pytest

from explainer.anatomy import Atlas
from explainer.anatomy.charts import CHART_IDS, DermatomeCharts, load_charts
from explainer.present import chart_layers as cl
from explainer.present import layers as pl
from explainer.present.mapstyle import map_style
from explainer.viewstate import CHARTS


@pytest.fixture(scope="module")
def charts() -> DermatomeCharts:
    return load_charts()


def test_the_link_values_are_the_chart_ids_then_compare() -> None:
    assert (*CHART_IDS, cl.COMPARE) == CHARTS


def test_the_knee_is_l3_in_foerster_and_l4_in_keegan_garrett(atlas: Atlas, charts: DermatomeCharts) -> None:
    foerster = cl.chart_layer(atlas, charts, "foerster")
    kg = cl.chart_layer(atlas, charts, "keegan_garrett")
    for side in ("left", "right"):
        assert foerster.styles[f"knee_anterior_{side}"].label == "L3"
        assert kg.styles[f"knee_anterior_{side}"].label == "L4"
    colours = cl.root_colours(atlas)
    assert kg.styles["knee_anterior_left"].colour == colours["L4"] != colours["L3"]
    assert kg.tips["knee_anterior_left"] == "<br>Keegan & Garrett 1948: L4"


def test_a_root_keeps_its_consensus_colour_on_every_chart(atlas: Atlas, charts: DermatomeCharts) -> None:
    consensus = pl.whole_body_layer(atlas, kind="dermatomes")
    for chart_id in CHART_IDS:
        layer = cl.chart_layer(atlas, charts, chart_id)
        for zone, style in layer.styles.items():
            same = consensus.styles.get(zone)
            if same is not None and same.label == style.label:
                assert same.colour == style.colour, (chart_id, zone)


def test_lee_leaves_s3_to_s5_blank(atlas: Atlas, charts: DermatomeCharts) -> None:
    lee = cl.chart_layer(atlas, charts, "lee")
    consensus = pl.whole_body_layer(atlas, kind="dermatomes")
    for zone in ("perianal_left", "infragluteal_fold_right", "perineum_left"):
        assert zone in consensus.styles and zone not in lee.styles
        assert lee.tips[zone] == f"<br>Lee et al. 2008: {charts.text.blank}"
    assert not {"S3", "S4", "S5"} & {s.label for s in lee.styles.values()}
    assert {"S3", "S4"} <= {e.label for e in cl.chart_layer(atlas, charts, "foerster").legend}


def test_each_chart_layer_says_source_year_and_method_in_one_line(atlas: Atlas, charts: DermatomeCharts) -> None:
    for chart in charts.charts:
        layer = cl.chart_layer(atlas, charts, chart.id)
        (note,) = layer.notes
        cite = atlas.sources[chart.sources[0]].cite
        assert "\n" not in note and chart.label in note and str(chart.year) in note
        assert chart.method in note and cite in note
        assert charts.text.reconstructed in note  # the app never pretends it traced the figure
        assert charts.text.learning_only in note


def test_where_charts_disagree_the_zone_is_hatched_and_the_tooltip_names_each_chart(
        atlas: Atlas, charts: DermatomeCharts) -> None:
    layer = cl.agreement_layer(atlas, charts)
    knee = layer.styles["knee_anterior_left"]
    assert knee.role == "also" and knee.label == "L3/L4"
    assert layer.tips["knee_anterior_right"] == "<br>K&G: L4 · Foerster: L3 · Lee: L3"
    assert "knee_anterior_left" in map_style(layer).also  # the map hatches 'also' zones
    toe = layer.tips["great_toe_dorsal_left"]
    assert toe.startswith("<br>K&G: L4") and "Foerster: L5" in toe and "Lee: L5" in toe


def test_where_all_charts_agree_the_zone_is_solid_in_its_roots_colour(atlas: Atlas, charts: DermatomeCharts) -> None:
    layer = cl.agreement_layer(atlas, charts)
    colours = cl.root_colours(atlas)
    for zone, root in (("chest_nipple_level_left", "T4"), ("abdomen_umbilical_right", "T10"),
                       ("little_dorsal_left", "C8"), ("thumb_dorsal_right", "C6")):
        style = layer.styles[zone]
        assert (style.role, style.label, style.colour) == ("primary", root, colours[root])
    assert layer.tips["chest_nipple_level_left"] == "<br>K&G: T4 · Foerster: T4 · Lee: T4"


def test_a_blank_in_one_chart_counts_as_a_disagreement(atlas: Atlas, charts: DermatomeCharts) -> None:
    layer = cl.agreement_layer(atlas, charts)
    perianal = layer.styles["perianal_left"]
    assert perianal.role == "also"
    assert layer.tips["perianal_left"].endswith(f"Lee: {charts.text.blank}")


def test_every_hatched_zone_really_differs_between_charts(atlas: Atlas, charts: DermatomeCharts) -> None:
    layer = cl.agreement_layer(atlas, charts)
    hatched = {z.rsplit("_", 1)[0] for z, s in layer.styles.items() if s.role == "also"}
    solid = {z.rsplit("_", 1)[0] for z, s in layer.styles.items() if s.role == "primary"}
    assert hatched and solid and not hatched & solid
    for zone in hatched:
        assert len({charts.roots(c, zone) for c in CHART_IDS}) > 1, zone
    for zone in solid:
        assert len({charts.roots(c, zone) for c in CHART_IDS}) == 1, zone


def test_the_comparison_note_carries_every_charts_line(atlas: Atlas, charts: DermatomeCharts) -> None:
    (note,) = cl.agreement_layer(atlas, charts).notes
    assert "\n" not in note and note.startswith(charts.text.compare_note)
    for chart in charts.charts:
        assert cl.source_line(atlas, charts, chart.id, caveat=False) in note
    assert note.count(charts.text.reconstructed_all) == 1 and charts.text.reconstructed not in note


def test_the_charts_words_are_plain(charts: DermatomeCharts) -> None:
    """Shown in self mode: each method and every picker/comparison string reads at grade 7 or below (the source's
    citation is a title, not running text, and is not graded)."""
    from tests.test_readability import problems

    texts = [c.method for c in charts.charts] + [v for v in charts.text.model_dump().values() if v]
    bad = {t: p for t in texts if (p := problems(t))}
    assert not bad, bad


def test_the_consensus_is_the_default(atlas: Atlas, charts: DermatomeCharts) -> None:
    assert cl.dermatome_layer(atlas, charts, None) == pl.whole_body_layer(atlas, kind="dermatomes")
    assert cl.dermatome_layer(atlas, charts, "compare").title == charts.text.compare_title
    assert cl.dermatome_layer(atlas, charts, "lee").title.endswith("Lee et al. 2008")
    assert list(cl.picker_options(charts)) == ["consensus", *CHART_IDS, "compare"]


def test_long_runs_of_roots_are_written_as_a_range() -> None:
    assert cl.roots_label(("L5",)) == "L5"
    assert cl.roots_label(("L4", "L5")) == "L4/L5"
    assert cl.roots_label(("C5", "C6", "C7", "C8")) == "C5–C8"
