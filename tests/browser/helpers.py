"""Geometry -> screen helpers for the browser tests: points well inside a zone, projected through the SVG map."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlparse

from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from explainer.bodymap.geometry import load_body_map
from explainer.bodymap.svg import Projection

# The body map's <svg> for a view, inside the component's shadow root.
MAP_SVG = """(view) => { for (const e of document.querySelectorAll('*')) { const r = e.shadowRoot;
  const s = r && r.querySelector(`svg[data-view="${view}"]`); if (s) return s; } return null; }"""


T = TypeVar("T")

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


def centre_point(view: str, zone: str) -> tuple[float, float]:
    return load_body_map().views[view].zones[zone].anchor  # type: ignore[index]


def distance_from_centre_px(view: str, zone: str, point: tuple[float, float]) -> float:
    v = load_body_map().views[view]  # type: ignore[index]
    return Point(point).distance(Point(v.zones[zone].anchor)) * v.px_per_unit()


def screen_xy(page: Any, view: str, point: tuple[float, float], *, scroll: bool = True) -> tuple[float, float]:
    """Where a drawing point is on screen (scrolled into the viewport first unless ``scroll`` is False)."""
    px = Projection(load_body_map().views[view]).xy(point)  # type: ignore[index]
    for _ in range(5):
        wait_for_chart(page, view)  # a page rerun can briefly replace the map
        xy = page.evaluate(
            f"""([view, pt]) => {{ const s = ({MAP_SVG})(view); const p = new DOMPoint(pt[0], pt[1])
                .matrixTransform(s.getScreenCTM()); return [p.x, p.y]; }}""", [view, list(px)])
        width, height = page.viewport_size["width"], page.viewport_size["height"]
        if not scroll or 80 < xy[1] < height - 90:
            return float(xy[0]), float(xy[1])
        page.mouse.move(width / 2, height / 2)
        page.mouse.wheel(0, xy[1] - height / 2)
        page.wait_for_timeout(200)
    raise AssertionError(f"could not scroll the {view} point into view")


def zone_colour(page: Any, view: str, zone: str) -> str | None:
    """The fill colour the browser is drawing for a zone, as #rrggbb (None when the zone is not drawn)."""
    colour = page.evaluate(
        f"""([view, zone]) => {{ const s = ({MAP_SVG})(view); const el = s && s.querySelector(`[data-id="${{zone}}"]`);
            if (!el) return null; const m = getComputedStyle(el).fill.match(/\\d+/g);
            return '#' + m.slice(0, 3).map(n => Number(n).toString(16).padStart(2, '0')).join(''); }}""",
        [view, zone],
    )
    return colour.lower() if isinstance(colour, str) else None


def query(page: Any) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def zones_in_url(page: Any) -> set[str]:
    return {z for z in query(page).get("zones", "").split(",") if z}


def wait_for_chart(page: Any, view: str) -> None:
    """Wait until the body map for ``view`` is drawn."""
    page.wait_for_function(f"(view) => {{ const s = ({MAP_SVG})(view); return !!(s && s.querySelector('.z')); }}",
                           arg=view)


def marked_zones(page: Any, view: str) -> set[str]:
    """Zones the map shows as marked (aria-checked, which is set together with the highlight)."""
    return set(page.evaluate(f"""(view) => [...(({MAP_SVG})(view)).querySelectorAll('.z[aria-checked="true"]')]
                                 .map(e => e.dataset.id)""", view))


def eventually(read: Callable[[], T], expected: T, *, page: Any, timeout_ms: int = 15_000) -> T:
    """Poll ``read()`` until it equals ``expected`` (a change that travels through the server takes a rerun);
    returns the last value read, so the caller's assert shows what the page really showed."""
    value = read()
    waited = 0
    while value != expected and waited < timeout_ms:
        page.wait_for_timeout(200)
        waited += 200
        value = read()
    return value
