"""The skin-strip layer drawn after one classic chart, or as "where the charts agree and disagree".

For learning only: the engine keeps the project's consensus. Colours follow the consensus layer's colour for each
root, so switching charts shows what moved; every area also carries its root as a word, and a tooltip line says
what the chart (or each chart) gives that skin. Zones are returned per side ('..._left', '..._right').
"""

from __future__ import annotations

from typing import Final

from explainer.anatomy import DERMATOMAL_ROOTS, Atlas
from explainer.anatomy.charts import CHART_IDS, DermatomeChart, DermatomeCharts
from explainer.anatomy.order import sort_segments
from explainer.i18n import t
from explainer.present import layers as pl
from explainer.present import palette

COMPARE: Final = "compare"  # the link's chart=compare (explainer.viewstate.CHARTS: the chart ids, then this)
MAX_JOINED: Final = 3  # more roots than this in one area are written as a range, "C5–T6"


def root_colours(atlas: Atlas) -> dict[str, str]:
    """Each root's colour on the consensus skin-strip layer (roots it does not colour get one from the cycle)."""
    consensus = {e.label: e.colour for e in pl.whole_body_layer(atlas, kind="dermatomes").legend}
    return {r: consensus.get(r, palette.cycle(i)) for i, r in enumerate(DERMATOMAL_ROOTS)}


def roots_label(roots: tuple[str, ...]) -> str:
    """'L5', 'L4/L5' or, for a long run, 'C5–T6' (roots in head-to-tail order)."""
    return "/".join(roots) if len(roots) <= MAX_JOINED else f"{roots[0]}–{roots[-1]}"


def _roots_text(roots: tuple[str, ...], *, blank: str) -> str:
    return ", ".join(roots) if roots else blank


def source_line(atlas: Atlas, charts: DermatomeCharts, chart_id: str, *, caveat: bool = True) -> str:
    """One line: the chart, how it was made, its source (authors, title, year) and how sure the app's copy is."""
    chart = charts.chart(chart_id)
    first = chart.sources[0]
    cite = atlas.sources[first].cite if first in atlas.sources else first
    tail = f" {charts.text.reconstructed}" if caveat and chart.confidence == "reconstructed" else ""
    return t("{chart}. {method_label}: {method} Source: {cite}", chart=chart.label, method_label=charts.text.method_label,
             method=chart.method, cite=cite) + tail


def picker_options(charts: DermatomeCharts) -> dict[str, str]:
    """Widget value -> label: the consensus ('consensus', never put in a link), each chart, then the comparison."""
    return {"consensus": charts.text.consensus_label, **{c.id: c.label for c in charts.charts},
            COMPARE: charts.text.compare_label}


def chart_layer(atlas: Atlas, charts: DermatomeCharts, chart_id: str) -> pl.Layer:
    """Every zone coloured by the first root this chart gives it; zones it leaves blank stay uncoloured."""
    chart = charts.chart(chart_id)
    colours = root_colours(atlas)
    styles: dict[str, pl.ZoneStyle] = {}
    tips: dict[str, str] = {}
    for zone_id in atlas.zones:
        roots = chart.zones.get(zone_id, ())
        for z in pl.both_sides((zone_id,)):
            tips[z] = f"<br>{chart.label}: {_roots_text(roots, blank=charts.text.blank)}"
            if roots:
                styles[z] = pl.ZoneStyle(colours[roots[0]], "primary", roots[0])
    owners = sort_segments({s.label for s in styles.values()})
    legend = tuple(pl.LegendEntry(colours[r], t("“{label}”: {name}", label=r, name=pl.item_name(atlas, r)), label=r)
                   for r in owners)
    note = f"{source_line(atlas, charts, chart_id)} {charts.text.learning_only}"
    return pl.Layer(title=t("Skin strips (dermatomes): {chart}", chart=chart.label), styles=styles, legend=legend,
                    notes=(note,), tips=tips)


def _per_chart(charts: DermatomeCharts, zone_id: str) -> list[tuple[DermatomeChart, tuple[str, ...]]]:
    return [(c, c.zones.get(zone_id, ())) for c in charts.charts]


def agreement_layer(atlas: Atlas, charts: DermatomeCharts) -> pl.Layer:
    """Solid where all the charts give a zone the same roots; pale and hatched ('also') where they differ or one
    leaves it blank, with a tooltip line saying what each chart gives it: 'K&G: L4 · Foerster: L3 · Lee: L3'."""
    colours = root_colours(atlas)
    styles: dict[str, pl.ZoneStyle] = {}
    tips: dict[str, str] = {}
    legend: dict[str, pl.LegendEntry] = {}
    for zone_id in atlas.zones:
        per = _per_chart(charts, zone_id)
        union = sort_segments({r for _, roots in per for r in roots})
        if not union:
            continue
        agree = all(roots == per[0][1] for _, roots in per)
        label = roots_label(union)
        colour = colours[union[0]]
        line = " · ".join(f"{c.short}: {_roots_text(roots, blank=charts.text.blank)}" for c, roots in per)
        for z in pl.both_sides((zone_id,)):
            styles[z] = pl.ZoneStyle(colour, "primary" if agree else "also", label)
            tips[z] = f"<br>{line}"
        key = f"{'same' if agree else 'differ'}:{label}"
        text = t("“{label}”: all agree", label=label) if agree else t("“{label}”, hatched: the charts differ", label=label)
        legend.setdefault(key, pl.LegendEntry(colour if agree else palette.tint(colour), text, label=label))
    lines = " ".join(source_line(atlas, charts, c.id, caveat=False) for c in charts.charts)
    caveat = charts.text.reconstructed_all if any(c.confidence == "reconstructed" for c in charts.charts) else ""
    note = " ".join(x for x in (charts.text.compare_note, lines, caveat, charts.text.learning_only) if x)
    return pl.Layer(title=charts.text.compare_title, styles=styles, legend=tuple(legend.values()), notes=(note,),
                    tips=tips)


def dermatome_layer(atlas: Atlas, charts: DermatomeCharts, choice: str | None) -> pl.Layer:
    """The skin-strip layer for a link's ``chart``: one chart, the comparison, or (None) the project's consensus."""
    if choice == COMPARE:
        return agreement_layer(atlas, charts)
    if choice in CHART_IDS:
        return chart_layer(atlas, charts, choice)
    return pl.whole_body_layer(atlas, kind="dermatomes")
