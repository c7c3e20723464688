"""The "Which chart" picker on the Where page (AppTest): shown only with the skin-strip layer, read from and written to
the link, and the chosen chart's source, year and method shown in one line under the map."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from explainer.anatomy import load_atlas
from explainer.anatomy.charts import load_charts
from explainer.present.chart_layers import source_line
from tests.ui.conftest import texts_of

PICKER = load_charts().text.picker_label


def _picker(at: AppTest) -> list:  # type: ignore[type-arg]
    return [s for s in at.selectbox if s.label == PICKER]


def _captions(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.caption)


def test_a_chart_link_shows_the_picker_and_the_charts_one_line_source(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"layer": "dermatomes", "chart": "foerster"})
    (picker,) = _picker(at)
    assert picker.value == "foerster"
    charts = load_charts()
    assert picker.options == [charts.text.consensus_label, *(c.label for c in charts.charts), charts.text.compare_label]
    line = source_line(load_atlas(), charts, "foerster")
    assert line in _captions(at)
    assert "Foerster O. The dermatomes in man. Brain 1933" in line and "1933" in line


def test_no_picker_without_the_skin_strip_layer(run_app: Callable[..., AppTest]) -> None:
    for layer in ("plain", "nerves"):
        at = run_app({"layer": layer, "chart": "lee"})
        assert not _picker(at), layer
        assert "Lee et al. 2008:" not in _captions(at)


def test_choosing_a_chart_writes_the_link_and_consensus_clears_it(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"layer": "dermatomes"})
    (picker,) = _picker(at)
    assert picker.value == "consensus"
    picker.set_value("compare").run()
    assert not at.exception
    assert at.query_params["chart"] == "compare"
    assert load_charts().text.compare_note in _captions(at)
    _picker(at)[0].set_value("consensus").run()
    assert "chart" not in at.query_params
    assert load_charts().text.compare_note not in _captions(at)


def test_an_unknown_chart_is_noted_never_echoed_and_the_consensus_shown(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"layer": "dermatomes", "chart": "[qzxv](https://ev.il)"})
    (picker,) = _picker(at)
    assert picker.value == "consensus"
    shown = texts_of(at)
    assert "qzxv" not in shown and "ev.il" not in shown
    assert "The chart named in the link was not found, so it was left out." in shown


def test_the_maps_style_payload_hatches_and_explains_disagreement_per_chart() -> None:
    """where_map._style (cached per view, layer, mode AND chart): the comparison's payload hatches the kneecap and its
    tooltip names each chart; the consensus payload for the same view is a different one."""
    from explainer.ui import where_map

    compare, compare_key = where_map._style("front", "dermatomes", "self", "compare")
    consensus, consensus_key = where_map._style("front", "dermatomes", "self", None)
    assert "knee_anterior_left" in compare["also"]
    assert compare["tips"]["knee_anterior_left"].endswith("\nK&G: L4 · Foerster: L3 · Lee: L3")
    assert "K&G" not in consensus["tips"]["knee_anterior_left"] and compare_key != consensus_key
    foerster, _ = where_map._style("front", "dermatomes", "self", "foerster")
    assert foerster["tips"]["knee_anterior_left"].endswith("\nFoerster 1933: L3")
    nerves, _ = where_map._style("front", "nerves", "self", "foerster")  # the chart only changes the skin strips
    assert "Foerster" not in nerves["tips"]["knee_anterior_left"]


def test_leaving_the_skin_strip_layer_takes_the_chart_out_of_the_link(run_app: Callable[..., AppTest]) -> None:
    at = run_app({"layer": "dermatomes", "chart": "lee"})
    assert "chart" in at.query_params
    at.button_group(key="nm_where_layer").set_value("nerves").run()
    assert "chart" not in at.query_params and at.session_state["nm_view"].chart is None
    at.button_group(key="nm_where_layer").set_value("dermatomes").run()
    assert not at.exception and "chart" not in at.query_params  # back to the consensus, not a chart nobody picked
