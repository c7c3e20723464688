"""The Learn article on why dermatome charts differ: cites the three charts, explains the causes, is honest about
the app's reconstructed copies, and its map links open each chart (and the comparison) without a note."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from explainer.anatomy import Atlas
from explainer.anatomy.charts import CHART_IDS, load_charts
from explainer.texts import load_texts
from explainer.viewstate import parse_query

ARTICLE = "why-dermatome-charts-differ"


def test_the_article_cites_every_charts_sources() -> None:
    article = load_texts().article(ARTICLE)
    assert article is not None
    for chart in load_charts().charts:
        assert chart.sources[0] in article.sources, chart.id
        assert str(chart.year) in article.body


def test_the_article_explains_the_causes_and_the_foot_question() -> None:
    article = load_texts().article(ARTICLE)
    assert article is not None
    body = " ".join(article.body.lower().split())
    for phrase in ("overlap", "pin", "touch", "blank", "s3 to s5", "big toe", "inner ankle", "l4", "l5",
                   "always use this chart", "written descriptions, not by tracing"):
        assert phrase in body, phrase
    assert re.search(r"\b(usually|often|may|probably)\b", body)


def test_the_map_links_open_each_chart_and_the_comparison(atlas: Atlas) -> None:
    article = load_texts().article(ARTICLE)
    assert article is not None
    opened = set()
    for link in article.map_links:
        state = parse_query({k: ",".join(v) for k, v in parse_qs(link.query).items()}, atlas=atlas)
        assert state.notes == () and state.layer == "dermatomes", link.query
        opened.add(state.chart)
    assert opened == {*CHART_IDS, "compare"}
