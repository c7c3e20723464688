"""Real clicks on the map: points far from a zone's centre select exactly that zone; a second click clears it;
a root picked on the spine lights up its dermatome."""

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
    distance_from_centre_px,
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


def show_view(page: Any, view: str) -> None:
    if not page.evaluate("(v) => !!document.querySelector('.js-plotly-plot') && "
                         "[...document.querySelectorAll('.js-plotly-plot')].some(g => g.layout.meta.view === v)", view):
        page.get_by_role("radio", name=re.compile(f"^{re.escape(VIEW_BUTTON[view])}")).first.click()
    wait_for_chart(page, view)
    page.wait_for_timeout(300)


def click_zone(page: Any, view: str, zone: str, *, expect_selected: bool) -> None:
    point = off_centre_point(view, zone)
    assert distance_from_centre_px(view, zone, point) > 20, "the click must land well away from the zone centre"
    page.mouse.click(*screen_xy(page, view, point))
    page.wait_for_function("([z, want]) => new URLSearchParams(location.search).get('zones')?.split(',').includes(z) === want"
                           " || (!want && !new URLSearchParams(location.search).get('zones'))", arg=[zone, expect_selected])
    wait_for_chart(page, view)
    wanted = SELECTED_FILL.lower()
    page.wait_for_function("""([view, zone, wanted, want]) => {
        const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g.layout.meta.view === view);
        if (!gd) return false; const t = gd.data.find(d => d.type === 'choropleth');
        const i = Array.from(t.locations).indexOf(zone); const frac = t.zmax ? t.z[i] / t.zmax : 0;
        const c = t.colorscale.reduce((b, e) => Math.abs(e[0] - frac) < Math.abs(b[0] - frac) ? e : b)[1].toLowerCase();
        return (c === wanted) === want; }""", arg=[view, zone, wanted, expect_selected])
    page.wait_for_timeout(250)  # let the chart settle: a second click within ~100 ms of a redraw can be lost


def test_clicks_far_from_zone_centres_select_exactly_those_zones_and_clear_them(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=hand_palm")
    wait_for_chart(page, "hand_palm")
    expected: set[str] = set()
    for view, zone in TARGETS:
        show_view(page, view)
        click_zone(page, view, zone, expect_selected=True)
        expected.add(zone)
        assert zones_in_url(page) == expected
    assert zone_colour(page, "back", "leg_posterior_upper_right") == SELECTED_FILL.lower()
    for view, zone in TARGETS:
        show_view(page, view)
        click_zone(page, view, zone, expect_selected=False)
        expected.discard(zone)
        assert zones_in_url(page) == expected
    assert expected == set()


def test_picking_a_root_on_the_spine_highlights_its_dermatome(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?page=spine")
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].some(g => g.layout.meta.view === 'spine')")
    page.wait_for_timeout(500)
    ring = Polygon(spine_geometry().roots["L5"][0])
    inside = ring.representative_point()
    xy = screen_xy(page, "spine", (inside.x, inside.y))
    page.mouse.click(*xy)
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


def test_box_select_marks_every_zone_inside_the_box(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=foot_top")
    wait_for_chart(page, "foot_top")
    page.get_by_role("radio", name="Drag a box").click()
    page.wait_for_timeout(800)
    wait_for_chart(page, "foot_top")
    toes = ("great_toe_dorsal_left", "toes_2_4_dorsal_left", "little_toe_dorsal_left")
    x0, y0, x1, y1 = unary_union([zone_shape("foot_top", z) for z in toes]).bounds
    pad = 0.02 * (x1 - x0)
    a = screen_xy(page, "foot_top", (x0 - pad, y1 + pad))
    b = screen_xy(page, "foot_top", (x1 + pad, y0 - pad))
    page.mouse.move(*a)
    page.mouse.down()
    page.mouse.move((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, steps=5)
    page.mouse.move(*b, steps=5)
    page.mouse.up()
    page.wait_for_function("() => (new URLSearchParams(location.search).get('zones') || '').split(',').length >= 3")
    chosen = zones_in_url(page)
    assert set(toes) <= chosen
    assert all(z.endswith("_left") for z in chosen), chosen


PHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.0 Mobile/15E148 Safari/604.1")


def test_phone_map_fits_the_body_and_still_clicks(browser: Any, app_url: str) -> None:
    """On a phone the figure is drawn phone-sized: no screenful of blank space above and below the body."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE_UA)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{app_url}/?view=back")
        wait_for_chart(page, "back")
        height = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')]"
                               ".find(g => g.layout.meta.view === 'back').getBoundingClientRect().height")
        assert height < 900, f"the back view is {height} px tall on a 390 px phone"
        click_zone(page, "back", "leg_posterolateral_lower_left", expect_selected=True)
    finally:
        context.close()
