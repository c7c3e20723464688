"""Geometry -> screen helpers for the browser tests: points well inside a zone, projected through plotly."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from explainer.bodymap.geometry import load_body_map

_CHART = """(view) => [...document.querySelectorAll('.js-plotly-plot')]
  .find(g => g.layout && g.layout.meta && g.layout.meta.view === view)"""


def zone_shape(view: str, zone: str) -> Any:
    z = load_body_map().views[view].zones[zone]  # type: ignore[index]
    return unary_union([Polygon(poly[0], poly[1:]) for poly in z.polygons])


def off_centre_point(view: str, zone: str, *, margin_px: float = 5.0) -> tuple[float, float]:
    """A point inside the zone (at least ``margin_px`` from its border) as far as possible from its centre."""
    v = load_body_map().views[view]  # type: ignore[index]
    anchor = Point(v.zones[zone].anchor)
    inner = zone_shape(view, zone).buffer(-margin_px / v.px_per_unit())
    candidates = []
    for poly in getattr(inner, "geoms", [inner]):
        for x, y in poly.exterior.coords:
            p = Point(x + (anchor.x - x) * 0.1, y + (anchor.y - y) * 0.1)
            if inner.contains(p):
                candidates.append((p.distance(anchor), (p.x, p.y)))
    assert candidates, f"no interior point for {zone}"
    return max(candidates)[1]


def distance_from_centre_px(view: str, zone: str, point: tuple[float, float]) -> float:
    v = load_body_map().views[view]  # type: ignore[index]
    return Point(point).distance(Point(v.zones[zone].anchor)) * v.px_per_unit()


def screen_xy(page: Any, view: str, point: tuple[float, float]) -> tuple[float, float]:
    """Where a drawing point is on screen, scrolling it into the viewport first."""
    page.evaluate(f"(view) => ({_CHART})(view).scrollIntoView({{block: 'center'}})", view)
    for _ in range(5):
        xy = page.evaluate(
            f"""([view, pt]) => {{ const gd = ({_CHART})(view); const r = gd.getBoundingClientRect();
                const q = gd._fullLayout.geo._subplot.projection(pt); return [r.x + q[0], r.y + q[1]]; }}""",
            [view, list(point)],
        )
        width, height = page.viewport_size["width"], page.viewport_size["height"]
        if 80 < xy[1] < height - 40:
            return float(xy[0]), float(xy[1])
        page.mouse.move(width / 2, height / 2)
        page.mouse.wheel(0, xy[1] - height / 2)
        page.wait_for_timeout(200)
    raise AssertionError(f"could not scroll the {view} point into view")


def zone_colour(page: Any, view: str, zone: str) -> str | None:
    """The fill colour plotly is drawing for a zone (from the chart's data), lower case."""
    colour = page.evaluate(
        f"""([view, zone]) => {{ const gd = ({_CHART})(view); if (!gd) return null;
            const t = gd.data.find(d => d.type === 'choropleth'); const i = Array.from(t.locations).indexOf(zone);
            if (i < 0) return null; const frac = t.zmax ? t.z[i] / t.zmax : 0;
            let best = t.colorscale[0][1], gap = 9;
            for (const [v, c] of t.colorscale) {{ if (Math.abs(v - frac) < gap) {{ gap = Math.abs(v - frac); best = c; }} }}
            return best; }}""",
        [view, zone],
    )
    return colour.lower() if isinstance(colour, str) else None


def query(page: Any) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def zones_in_url(page: Any) -> set[str]:
    return {z for z in query(page).get("zones", "").split(",") if z}


def wait_for_chart(page: Any, view: str) -> None:
    page.wait_for_function(f"(view) => {{ const g = ({_CHART})(view); return g && g._fullLayout && g._fullLayout.geo; }}",
                           arg=view)
