"""Real taps on the in-browser body map: points far from a zone's centre mark exactly that zone and a second tap
clears it; rapid taps are never lost; box and lasso mark what they enclose; a root picked on the spine lights its
dermatome; a hand tapped on the whole body opens the hand view."""

from __future__ import annotations

import re
from typing import Any

import pytest
from shapely.geometry import Polygon
from shapely.ops import unary_union

from explainer.anatomy import load_atlas
from explainer.bodymap.spine_geometry import spine_geometry
from explainer.bodymap.style import SELECTED_FILL
from explainer.present import palette
from tests.browser.helpers import (
    centre_point,
    distance_from_centre_px,
    marked_zones,
    off_centre_point,
    screen_xy,
    wait_for_chart,
    zone_colour,
    zone_shape,
    zones_in_url,
)

pytestmark = pytest.mark.browser

VIEW_BUTTON = {"front": "Front", "back": "Back", "hand_palm": "Hand: palm", "foot_top": "Foot: top", "foot_sole": "Foot: sole"}
TARGETS = [  # (view, zone): a finger, a toe, the lateral foot, the sole, and two on the whole-body views
    ("hand_palm", "index_palmar_right"),
    ("foot_top", "great_toe_dorsal_left"),
    ("foot_top", "foot_lateral_border_right"),
    ("foot_sole", "sole_lateral_right"),
    ("front", "thigh_lateral_left"),
    ("back", "leg_posterior_upper_right"),
]
AMBER = SELECTED_FILL.lower()


def show_view(page: Any, view: str) -> None:
    page.get_by_role("radio", name=re.compile(f"^{re.escape(VIEW_BUTTON[view])}")).first.click()
    wait_for_chart(page, view)


def wait_url_zones(page: Any, expected: set[str]) -> None:
    page.wait_for_function("(want) => { const z = new URLSearchParams(location.search).get('zones');"
                           " return JSON.stringify((z ? z.split(',') : []).sort()) === JSON.stringify(want); }",
                           arg=sorted(expected), timeout=15_000)


def test_taps_far_from_zone_centres_mark_exactly_those_zones_and_clear_them(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=hand_palm")
    wait_for_chart(page, "hand_palm")
    expected: set[str] = set()
    for view, zone in TARGETS:
        show_view(page, view)
        point = off_centre_point(view, zone)
        assert distance_from_centre_px(view, zone, point) > 20, "the tap must land well away from the zone centre"
        page.mouse.click(*screen_xy(page, view, point))
        assert zone_colour(page, view, zone) == AMBER  # drawn at once, before the server answers
        expected.add(zone)
        wait_url_zones(page, expected)
    for view, zone in TARGETS:
        show_view(page, view)
        assert zone_colour(page, view, zone) == AMBER, f"{zone} is still drawn marked after changing views"
        page.mouse.click(*screen_xy(page, view, off_centre_point(view, zone)))
        assert zone_colour(page, view, zone) != AMBER
        expected.discard(zone)
        wait_url_zones(page, expected)
    assert expected == set()


def _ten_rapid_taps(page: Any, app_url: str) -> tuple[list[str], list[tuple[float, float]]]:
    """Ten taps 100 ms apart on different front-view zones; all ten must stay marked, in the map and in the link."""
    page.goto(f"{app_url}/?view=front&mode=consult")  # consult mode: the whole body is on screen
    wait_for_chart(page, "front")
    zones = ["thigh_lateral_left", "thigh_anterior_mid_right", "leg_anterolateral_lower_left", "abdomen_lower_right",
             "chest_upper_left", "forearm_anterior_lateral_right", "arm_anterior_left", "knee_anterior_right",
             "groin_left", "face_right"]
    drawn = set(load_atlas_front_zones())
    zones = [z for z in zones if z in drawn][:10]
    assert len(zones) == 10, zones
    page.wait_for_timeout(1000)
    # map.js records pointer events, sends and server pushes; the link's changes are added to the same log
    page.evaluate("""() => { window.__nmLog = [];
      for (const f of ['pushState', 'replaceState']) {
        const original = history[f].bind(history);
        history[f] = (state, title, url) => {
          window.__nmLog.push([Math.round(performance.now()), f, String(url).split('zones=')[1]]);
          return original(state, title, url);
        };
      } }""")
    points = []
    for z in zones:  # each point is looked up just before its tap (a few ms), then 100 ms to the next tap
        points.append(screen_xy(page, "front", centre_point("front", z), scroll=False))
        page.mouse.click(*points[-1])
        page.wait_for_timeout(100)
    assert marked_zones(page, "front") == set(zones)
    wait_url_zones(page, set(zones))
    page.wait_for_timeout(1500)  # late server answers must not undo any mark
    assert marked_zones(page, "front") == set(zones)
    return zones, points


def test_ten_rapid_taps_are_all_kept(page: Any, app_url: str) -> None:
    _ten_rapid_taps(page, app_url)


def test_a_double_tap_leaves_each_zone_as_it_was(page: Any, app_url: str) -> None:
    zones, points = _ten_rapid_taps(page, app_url)
    for point in points[:2]:  # tap-tap on one zone, then on the next: each ends as it was (marked)
        page.mouse.click(*point)
        page.wait_for_timeout(60)
        page.mouse.click(*point)
        page.wait_for_timeout(60)
    try:
        wait_url_zones(page, set(zones))
        page.wait_for_timeout(800)
        assert marked_zones(page, "front") == set(zones)
    except Exception as exc:
        events = "\n".join(map(str, page.evaluate("() => window.__nmLog || []")))
        raise AssertionError(f"{exc}\nmarked: {sorted(marked_zones(page, 'front'))}\nmap log:\n{events}") from exc


def load_atlas_front_zones() -> list[str]:
    from explainer.bodymap.geometry import load_body_map

    return list(load_body_map().views["front"].zones)


SPINE = "[...document.querySelectorAll('.js-plotly-plot')].find(g => g.layout && g.layout.meta && g.layout.meta.view === 'spine')"


def _spine_xy(page: Any, point: tuple[float, float]) -> tuple[float, float]:
    chart = SPINE
    page.evaluate(f"() => ({chart}).scrollIntoView({{block: 'center'}})")
    xy = page.evaluate(f"""(pt) => {{ const gd = {chart}; const r = gd.getBoundingClientRect();
        const q = gd._fullLayout.geo._subplot.projection(pt); return [r.x + q[0], r.y + q[1]]; }}""", list(point))
    return float(xy[0]), float(xy[1])


def test_picking_a_root_on_the_spine_highlights_its_dermatome(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?page=spine")
    page.wait_for_function(f"() => !!({SPINE})")
    page.wait_for_timeout(500)
    inside = Polygon(spine_geometry().roots["L5"][0]).representative_point()
    page.mouse.click(*_spine_xy(page, (inside.x, inside.y)))
    page.wait_for_function("() => new URLSearchParams(location.search).get('root') === 'L5'")
    page.get_by_text("The L5 nerve root").first.wait_for()
    wait_for_chart(page, "front")
    page.wait_for_timeout(500)
    atlas = load_atlas()
    primary = [f"{z}_left" for z in atlas.root_zones("L5")]
    on_front = [z for z in primary if zone_colour(page, "front", z) is not None]
    assert on_front, "some of the L5 dermatome is on the front view"
    assert all(zone_colour(page, "front", z) == palette.FIRST.lower() for z in on_front)
    assert zone_colour(page, "front", "thumb_palmar_left") != palette.FIRST.lower()


def _drag(page: Any, view: str, a: tuple[float, float], b: tuple[float, float], *, lasso: bool) -> None:
    pa, pb = screen_xy(page, view, a), screen_xy(page, view, b)
    page.mouse.move(*pa)
    page.mouse.down()
    if lasso:  # round the box's corners the long way: a closed loop
        for corner in ((pb[0], pa[1]), pb, (pa[0], pb[1]), pa):
            page.mouse.move(*corner, steps=6)
    else:
        page.mouse.move(*pb, steps=10)
    page.mouse.up()


@pytest.mark.parametrize("how", ["Drag a box", "Draw round (lasso)"])
def test_box_and_lasso_mark_every_zone_inside(page: Any, app_url: str, how: str) -> None:
    page.goto(f"{app_url}/?view=foot_top")
    wait_for_chart(page, "foot_top")
    page.get_by_role("radio", name=how).click()
    page.wait_for_function("() => [...document.querySelectorAll('*')].some(e => e.shadowRoot &&"
                           " e.shadowRoot.querySelector('.nm-map[data-mode=\"box\"], .nm-map[data-mode=\"lasso\"]'))")
    toes = ("great_toe_dorsal_left", "toes_2_4_dorsal_left", "little_toe_dorsal_left")
    x0, y0, x1, y1 = unary_union([zone_shape("foot_top", z) for z in toes]).bounds
    pad = 0.02 * (x1 - x0)
    _drag(page, "foot_top", (x0 - pad, y1 + pad), (x1 + pad, y0 - pad), lasso="lasso" in how)
    page.wait_for_function("() => (new URLSearchParams(location.search).get('zones') || '').split(',').length >= 3")
    chosen = zones_in_url(page)
    assert set(toes) <= chosen
    assert all(z.endswith("_left") for z in chosen), chosen
    assert set(toes) <= marked_zones(page, "foot_top")


def test_tapping_a_hand_on_the_whole_body_opens_the_hand_view(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=front")
    wait_for_chart(page, "front")
    hand = page.evaluate("""() => { for (const e of document.querySelectorAll('*')) { const r = e.shadowRoot;
        const g = r && r.querySelector('svg[data-view="front"] .go[data-go="hand_palm"]');
        if (g) { g.scrollIntoView({block: 'center'}); const b = g.getBoundingClientRect();
                 return [b.x + b.width / 2, b.y + b.height / 2]; } } return null; }""")
    assert hand, "the hands on the front picture are tappable"
    page.mouse.click(*hand)
    wait_for_chart(page, "hand_palm")
    page.wait_for_function("() => new URLSearchParams(location.search).get('view') === 'hand_palm'")
