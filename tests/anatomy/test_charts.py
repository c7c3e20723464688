"""The classic dermatome charts (content/dermatome_charts.yaml): loaded, cross-checked, and a broken file names the
file, the chart and the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.anatomy import Atlas, ContentError, ContentErrors
from explainer.anatomy.charts import CHART_IDS, CHARTS_FILE, load_charts, load_charts_from
from explainer.anatomy.order import DERMATOMAL_ROOTS, in_order
from tests.anatomy.conftest import edit_text


def _errors(content: Path, atlas: Atlas) -> list[ContentError]:
    with pytest.raises((ContentError, ContentErrors)) as info:
        load_charts_from(content, atlas=atlas)
    exc = info.value
    return list(exc.errors) if isinstance(exc, ContentErrors) else [exc]


def test_loader_is_cached_and_holds_the_three_charts_in_order() -> None:
    charts = load_charts()
    assert load_charts() is charts
    assert tuple(c.id for c in charts.charts) == CHART_IDS == ("keegan_garrett", "foerster", "lee")
    assert [c.year for c in charts.charts] == [1948, 1933, 2008]


def test_every_chart_covers_every_zone_with_known_roots_in_order(atlas: Atlas) -> None:
    for chart in load_charts().charts:
        assert set(chart.zones) == set(atlas.zones), chart.id
        for zone_id, roots in chart.zones.items():
            assert set(roots) <= set(DERMATOMAL_ROOTS) and in_order(roots), (chart.id, zone_id)
        assert set(chart.sources) <= set(atlas.sources) and "\n" not in chart.method


def test_the_documented_disagreements_are_in_the_data() -> None:
    charts = load_charts()
    assert charts.roots("keegan_garrett", "knee_anterior") == ("L4",)
    assert charts.roots("foerster", "knee_anterior") == ("L3",)
    assert "L4" in charts.roots("keegan_garrett", "thigh_lateral")  # the L4 band from the outer thigh
    assert "L4" not in charts.roots("foerster", "thigh_lateral") and "L4" not in charts.roots("lee", "thigh_lateral")
    assert "L4" in charts.roots("keegan_garrett", "great_toe_dorsal")
    assert charts.roots("foerster", "great_toe_dorsal") == charts.roots("lee", "great_toe_dorsal") == ("L5",)
    assert charts.roots("foerster", "leg_posterior_upper") == ("S2",) != charts.roots("keegan_garrett", "leg_posterior_upper")
    assert charts.roots("keegan_garrett", "ring_palmar_radial") == ("C8",) != charts.roots("foerster", "ring_palmar_radial")
    assert charts.roots("keegan_garrett", "index_dorsal") != charts.roots("foerster", "index_dorsal")


def test_lee_leaves_s3_to_s5_blank_and_the_older_charts_show_them() -> None:
    charts = load_charts()
    lee = charts.chart("lee")
    assert not {"S3", "S4", "S5"} & {r for roots in lee.zones.values() for r in roots}
    assert lee.zones["perianal"] == () and lee.zones["infragluteal_fold"] == ()
    assert charts.roots("foerster", "perianal") == ("S4", "S5")


def test_a_zone_that_departs_from_the_consensus_says_why(atlas: Atlas) -> None:
    for chart in load_charts().charts:
        assert chart.confidence == "reconstructed"  # no figure was traced: the app says so
        for zone_id, roots in chart.zones.items():
            if roots != atlas.zones[zone_id].dermatomes.primary:
                assert zone_id in {*chart.described, *chart.inferred}, (chart.id, zone_id)


BROKEN: dict[str, tuple[str, str, str, Callable[[Path], None]]] = {
    "unknown root": ("foerster", "zones.knee_anterior.0", "expected one of",
                     lambda c: edit_text(c / CHARTS_FILE, "    knee_anterior: [L3]", "    knee_anterior: [L9]")),
    "unknown zone": ("keegan_garrett", "zones.kneecap", "unknown zone",
                     lambda c: edit_text(c / CHARTS_FILE, "    occiput: [C2]", "    occiput: [C2]\n    kneecap: [L4]")),
    "roots out of order": ("keegan_garrett", "zones.thigh_lateral", "head-to-tail",
                           lambda c: edit_text(c / CHARTS_FILE, "thigh_lateral: [L4, L5]", "thigh_lateral: [L5, L4]")),
    "zone left out": ("keegan_garrett", "zones.occiput", "zone is missing",
                      lambda c: edit_text(c / CHARTS_FILE, "    occiput: [C2]\n", "")),
    "root without skin": ("lee", "zones.occiput", "have no charted skin",
                          lambda c: _edit_last(c / CHARTS_FILE, "    occiput: [C2]", "    occiput: [C1, C2]")),
    "unknown source": ("foerster", "sources", "unknown source key",
                       lambda c: edit_text(c / CHARTS_FILE, "sources: [FOERSTER1933,", "sources: [FOERSTER1934,")),
    "unmarked difference": ("lee", "zones.knee_anterior", "differs from the consensus",
                            lambda c: _edit_last(c / CHARTS_FILE, "    knee_anterior: [L3]", "    knee_anterior: [L4]")),
    "year not a number": ("foerster", "year", "valid integer",
                          lambda c: edit_text(c / CHARTS_FILE, "  year: 1933", "  year: early thirties")),
    "chart missing": ("foerster", "id", "chart is missing",
                      lambda c: edit_text(c / CHARTS_FILE, "- id: foerster", "- id: lee")),
}


def _edit_last(path: Path, old: str, new: str) -> None:
    """Replace the last occurrence (the Lee chart comes last in the file)."""
    text = path.read_text(encoding="utf-8")
    head, found, tail = text.rpartition(old)
    assert found, f"fixture text {old!r} not found in {path.name}"
    path.write_text(head + new + tail, encoding="utf-8")


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_chart_file_names_file_chart_and_field(case: str, content_copy: Path, atlas: Atlas) -> None:
    record, field, words, breaker = BROKEN[case]
    breaker(content_copy)
    errors = _errors(content_copy, atlas)
    hit = [e for e in errors if e.record == record and e.field == field]
    assert hit, [str(e) for e in errors]
    assert any(words in e.problem for e in hit), [e.problem for e in hit]
    assert hit[0].file == CHARTS_FILE and hit[0].path == f"content/{CHARTS_FILE}"


def test_check_command_reports_a_broken_chart_file(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import explainer.check as check

    edit_text(content_copy / CHARTS_FILE, "    knee_anterior: [L3]", "    knee_anterior: [L9]")
    monkeypatch.setattr(check, "CONTENT_DIR", content_copy)
    lines: list[str] = []
    assert check.run_check(out=lines.append) == 1
    assert any(f"content/{CHARTS_FILE}: record 'foerster', field 'zones.knee_anterior.0'" in line for line in lines)


def test_check_command_passes_on_the_real_file() -> None:
    import explainer.check as check

    lines: list[str] = []
    assert check.run_check(out=lines.append) == 0, lines
