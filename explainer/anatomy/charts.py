"""The classic dermatome charts side by side (content/dermatome_charts.yaml): typed, loaded once, cross-checked.

For learning only: the engine keeps using the project's own consensus (content/zones.yaml). Each chart gives every
zone of the 108-zone vocabulary the roots that chart assigns to it; an empty list means the chart leaves that skin
blank (Lee et al. do not show S3-S5, for example). A broken file gives an error naming file, record and field.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal, get_args

from pydantic import Field, field_validator

from explainer.anatomy.atlas import Atlas
from explainer.anatomy.errors import ContentError, ContentErrors
from explainer.anatomy.files import parse_record, read_yaml
from explainer.anatomy.loader import load_atlas
from explainer.anatomy.models import Id, Record, SourceKeys
from explainer.anatomy.order import DERMATOMAL_ROOTS, SegmentId, in_order
from explainer.i18n import per_language
from explainer.paths import CONTENT_DIR

CHARTS_FILE: Final = "dermatome_charts.yaml"
ChartId = Literal["keegan_garrett", "foerster", "lee"]
CHART_IDS: Final[tuple[ChartId, ...]] = get_args(ChartId)  # oldest mapping method first, as the picker lists them
# How the per-zone entries were made: traced from the published figure, or fitted from written descriptions of it.
Confidence = Literal["read_from_figure", "reconstructed"]


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be one line")
    return value


class DermatomeChart(Record):
    id: ChartId
    label: str = Field(min_length=4, max_length=40)  # "Foerster 1933"
    short: str = Field(min_length=2, max_length=12)  # the tooltip's name for it: "K&G"
    authors: str
    year: int = Field(ge=1850, le=2100)
    method: str = Field(min_length=20, max_length=240)  # one plain line: how the chart was made
    confidence: Confidence
    basis: str  # for maintainers: what the zone entries rest on, and what was not seen
    sources: SourceKeys = Field(min_length=1)
    described: tuple[Id, ...] = ()  # zones whose entry follows a cited description of the chart
    inferred: tuple[Id, ...] = ()  # zones whose entry is the maintainers' reading of such a description
    # Every other zone carries the consensus (zones.yaml primary) over unchanged: chart_problems checks it.
    zones: dict[Id, tuple[SegmentId, ...]]

    @field_validator("method")
    @classmethod
    def _method_is_one_line(cls, value: str) -> str:
        return _one_line(value)


class ChartText(Record):
    """The picker's and the comparison's words (shown to everyone: plain, no citations)."""

    picker_label: str
    consensus_label: str
    compare_label: str
    compare_title: str
    compare_note: str
    blank: str  # a zone a chart leaves blank, in a tooltip: "not shown"
    method_label: str  # before a chart's method: "How it was made"
    reconstructed: str  # said after the method of a chart whose zones were reconstructed
    reconstructed_all: str  # the same, once, after the comparison's lines
    learning_only: str  # the engine keeps its consensus

    @field_validator("compare_note", "reconstructed", "reconstructed_all", "learning_only")
    @classmethod
    def _is_one_line(cls, value: str) -> str:
        return _one_line(value)


class DermatomeCharts(Record):
    charts: tuple[DermatomeChart, ...]
    text: ChartText

    def chart(self, chart_id: str) -> DermatomeChart:
        return next(c for c in self.charts if c.id == chart_id)

    def roots(self, chart_id: str, zone_id: str) -> tuple[str, ...]:
        """The roots a chart gives a side-neutral zone; () where it leaves the skin blank."""
        return self.chart(chart_id).zones.get(zone_id, ())


def _problem(record: str, field: str, problem: str) -> ContentError:
    return ContentError(file=CHARTS_FILE, record=record, field=field, problem=problem)


def _zone_problems(chart: DermatomeChart, atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for zone_id, roots in chart.zones.items():
        where = f"zones.{zone_id}"
        if zone_id not in atlas.zones:
            errs.append(_problem(chart.id, where, f"unknown zone {zone_id!r} (expected a side-neutral id in zones.yaml)"))
        outside = [r for r in roots if r not in DERMATOMAL_ROOTS]
        if outside:
            errs.append(_problem(chart.id, where, f"{outside} have no charted skin (expected roots C2..S5)"))
        if len(set(roots)) != len(roots) or not in_order(roots):
            errs.append(_problem(chart.id, where, f"roots {list(roots)} are not in head-to-tail order"))
    errs += [_problem(chart.id, f"zones.{z}", "zone is missing: list its roots, or [] where the chart leaves it blank")
             for z in atlas.zones if z not in chart.zones]
    return errs


def chart_problems(charts: DermatomeCharts, atlas: Atlas) -> list[ContentError]:
    """Every chart present once, every zone covered (or left blank on purpose), known roots in order, known sources."""
    errs: list[ContentError] = []
    present = [c.id for c in charts.charts]
    errs += [_problem(c, "id", "chart is missing from the file") for c in CHART_IDS if c not in present]
    errs += [_problem(c, "id", "chart is listed twice") for c in dict.fromkeys(present) if present.count(c) > 1]
    for chart in charts.charts:
        errs += _zone_problems(chart, atlas)
        errs += [_problem(chart.id, "sources", f"unknown source key {k!r} (add it to sources.yaml)")
                 for k in chart.sources if k not in atlas.sources]
        errs += _basis_problems(chart, atlas)
    return errs


def _basis_problems(chart: DermatomeChart, atlas: Atlas) -> list[ContentError]:
    """'described' and 'inferred' name known zones, never the same one; any zone that departs from the consensus
    says which it is (an unmarked difference would pass a guess off as the chart)."""
    errs = [_problem(chart.id, fld, f"unknown zone {z!r}")
            for fld in ("described", "inferred") for z in getattr(chart, fld) if z not in atlas.zones]
    errs += [_problem(chart.id, "inferred", f"zone {z!r} is also listed under 'described'")
             for z in chart.inferred if z in chart.described]
    marked = {*chart.described, *chart.inferred}
    for zone_id, roots in chart.zones.items():
        zone = atlas.zones.get(zone_id)
        if zone is not None and roots != zone.dermatomes.primary and zone_id not in marked:
            errs.append(_problem(chart.id, f"zones.{zone_id}",
                                 f"differs from the consensus {list(zone.dermatomes.primary)}: list the zone under "
                                 "'described' (a cited description says so) or 'inferred' (your reading of one)"))
    return errs


def _parse(raw: Any) -> DermatomeCharts:
    if not isinstance(raw, Mapping) or set(raw) != {"charts", "text"}:
        raise _problem("-", "-", "expected exactly two top-level keys: 'charts:' (a list) and 'text:' (a mapping)")
    items = raw["charts"]
    if not isinstance(items, list):
        raise _problem("-", "charts", "expected a list of charts")
    charts = tuple(parse_record(DermatomeChart, item, file=CHARTS_FILE, index=i) for i, item in enumerate(items))
    try:
        text = parse_record(ChartText, raw["text"], file=CHARTS_FILE, index=0)
    except ContentError as exc:
        raise _problem("text", exc.field, exc.problem) from exc
    return DermatomeCharts(charts=charts, text=text)


def load_charts_from(content_dir: Path, *, atlas: Atlas) -> DermatomeCharts:
    """Read and cross-check the charts file (not cached; ``python -m explainer check`` and tests use it)."""
    charts = _parse(read_yaml(content_dir / CHARTS_FILE, content_dir=content_dir))
    problems = chart_problems(charts, atlas)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ContentErrors(problems)
    return charts


@per_language
def load_charts() -> DermatomeCharts:
    """The project's dermatome charts, loaded once per process."""
    return load_charts_from(CONTENT_DIR, atlas=load_atlas())
