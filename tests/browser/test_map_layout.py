"""Where the eye is: in consult mode the whole body, the headline and any warning are on screen together; on my own
the body fits one screen; on a phone the map is on the first screen with a result bar, detail views give 44 px
targets; a warning fired by a tap is on screen (role=alert) with nothing reassuring beside it; every mark is
confirmed with an undo; the keyboard reaches and marks zones."""

from __future__ import annotations

from typing import Any

import pytest
import shapely
from shapely.geometry import Polygon
from shapely.ops import unary_union

from explainer.bodymap.geometry import load_body_map
from tests.browser.helpers import MAP_SVG, centre_point, marked_zones, screen_xy, wait_for_chart, zones_in_url

pytestmark = pytest.mark.browser

PHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.0 Mobile/15E148 Safari/604.1")
REASSURING = "Probably not a nerve problem"


def _box(page: Any, view: str) -> dict[str, float]:
    return dict(page.evaluate(f"(v) => {{ const r = ({MAP_SVG})(v).getBoundingClientRect();"
                              " return {top: r.top, bottom: r.bottom, width: r.width, height: r.height}; }", view))


def _on_screen(page: Any, selector: str) -> bool:
    return bool(page.evaluate("""(sel) => [...document.querySelectorAll(sel)].some(e => { const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1; })""", selector))


def _visible_text(page: Any) -> str:
    """Text of every element currently inside the viewport."""
    return str(page.evaluate("""() => [...document.querySelectorAll('h1,h2,h3,p,li,span')].filter(e => {
        const r = e.getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < innerHeight; })
        .map(e => e.innerText).join('\\n')"""))


@pytest.mark.parametrize("size", [(1366, 768), (1440, 900)])
def test_consult_shows_whole_body_headline_and_warning_together(browser: Any, app_url: str, size: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?mode=consult&view=front&zones=thigh_lateral_left,leg_anterolateral_lower_left"
                  "&symptoms=numbness&other=bladder_dysfunction")
        wait_for_chart(page, "front")
        page.locator(".st-key-nm_urgent [role=alert]").first.wait_for()
        page.wait_for_timeout(800)
        box = _box(page, "front")
        assert box["top"] >= 0 and box["bottom"] <= size[1], box  # the whole body
        assert box["height"] > 0.45 * size[1], box  # and not a thumbnail
        assert _on_screen(page, ".st-key-nm_urgent [role=alert]")
        assert _on_screen(page, ".st-key-nm_results h3")
    finally:
        context.close()


@pytest.mark.parametrize("mode", ["consult", "self"])
def test_side_labels_never_overlap_and_zone_labels_are_readable_or_hidden(page: Any, app_url: str, mode: str) -> None:
    page.goto(f"{app_url}/?mode={mode}&view=front&layer=dermatomes")
    wait_for_chart(page, "front")
    page.wait_for_timeout(500)
    sides, labels = page.evaluate(f"""() => {{ const s = ({MAP_SVG})('front');
        const box = (e) => {{ const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }};
        return [[...s.querySelectorAll('text.side')].map(box),
                [...s.querySelectorAll('text.zl')].map(e => [e.getClientRects().length > 0,
                                                          e.getBoundingClientRect().height])]; }}""")
    assert len(sides) == 2
    (_, t1, r1, b1), (l2, t2, _, b2) = sorted(sides)
    assert r1 <= l2 or b1 <= t2 or b2 <= t1, sides  # "Patient's right" and "Patient's left" do not touch
    shown = [h for visible, h in labels if visible]
    assert all(h >= 8 for h in shown), min(shown)  # every root label drawn is big enough to read ...
    if mode == "self":
        assert shown  # ... and on a body one screen tall they are drawn


def test_on_my_own_the_whole_body_and_the_result_are_on_the_first_screen(page: Any, app_url: str) -> None:
    """On a 1366x768 laptop, without scrolling: the whole body (not a thumbnail) and, beside it, the headline."""
    page.goto(f"{app_url}/?view=back&zones=leg_posterior_upper_right")
    wait_for_chart(page, "back")
    page.locator(".st-key-nm_results h3").first.wait_for()
    page.wait_for_timeout(500)
    box = _box(page, "back")
    assert box["top"] >= 0 and box["bottom"] <= 768 and box["height"] > 0.5 * 768, box
    assert _on_screen(page, ".st-key-nm_results h3")


def _phone(browser: Any) -> Any:
    return browser.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE_UA, is_mobile=True,
                               has_touch=True)


def test_phone_map_on_first_screen_with_result_bar_and_labelled_pages(browser: Any, app_url: str) -> None:
    context = _phone(browser)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?view=front")
        wait_for_chart(page, "front")
        page.wait_for_timeout(500)
        box = _box(page, "front")
        assert box["top"] < 844 * 0.6 and box["width"] >= 0.9 * 390 - 30, box
        page.touchscreen.tap(*screen_xy(page, "front", centre_point("front", "thigh_lateral_left")))
        page.wait_for_function("() => new URLSearchParams(location.search).get('zones') === 'thigh_lateral_left'")
        bar = page.locator(".st-key-nm_resultbar")
        bar.get_by_text("Details").wait_for()
        r = bar.bounding_box()
        assert r and r["y"] + r["height"] <= 845 and r["y"] > 600, r  # fixed at the bottom while tapping
        for name in ("Learn", "Explore the spine", "Self-check"):
            assert page.get_by_role("button", name=name).count() >= 1, name
    finally:
        context.close()


def _min_inscribed_px(view: str) -> float:
    v = load_body_map().views[view]  # type: ignore[index]
    smallest = min(2 * shapely.maximum_inscribed_circle(max(getattr(s, "geoms", [s]), key=lambda g: g.area)).length
                   for s in (unary_union([Polygon(p[0], p[1:]) for p in z.polygons]) for z in v.zones.values()))
    return float(smallest * v.px_per_unit())  # at the default size, in the SVG's own pixels


@pytest.mark.parametrize("view", ["hand_palm", "hand_dorsum", "foot_top", "foot_sole", "saddle"])
def test_phone_detail_views_give_44px_targets(browser: Any, app_url: str, view: str) -> None:
    context = _phone(browser)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?view={view}")
        wait_for_chart(page, view)
        page.wait_for_timeout(300)
        scale = page.evaluate(f"(v) => {{ const s = ({MAP_SVG})(v); return s.getBoundingClientRect().width /"
                              " s.viewBox.baseVal.width; }", view)
        assert _min_inscribed_px(view) * scale >= 44, f"smallest place {_min_inscribed_px(view) * scale:.0f} px"
    finally:
        context.close()


@pytest.mark.parametrize("phone", [False, True])
def test_a_warning_fired_by_a_tap_is_on_screen_with_nothing_reassuring(browser: Any, app_url: str, phone: bool) -> None:
    context = _phone(browser) if phone else browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?view=saddle")
        wait_for_chart(page, "saddle")
        xy = screen_xy(page, "saddle", centre_point("saddle", "perianal_right"))
        page.touchscreen.tap(*xy) if phone else page.mouse.click(*xy)
        page.wait_for_function("() => [...document.querySelectorAll('[role=alert]')].some(e => { const r ="
                               " e.getBoundingClientRect();"
                               " return r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1; })", timeout=15_000)
        page.wait_for_timeout(800)
        assert _on_screen(page, "[role=alert]")
        assert REASSURING not in _visible_text(page)
        assert "matches some of what you described" not in _visible_text(page)
    finally:
        context.close()


def test_every_mark_is_confirmed_with_an_undo(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=hand_palm")
    wait_for_chart(page, "hand_palm")
    page.mouse.click(*screen_xy(page, "hand_palm", centre_point("hand_palm", "index_palmar_right")))
    status = page.locator(".nm-confirm[role=status]").first
    assert "Marked: Index finger" in status.inner_text() and "your right" in status.inner_text()
    # Undo at once, before the tap's own rerun has finished on the server: the undo must win.
    page.get_by_role("button", name="Undo").click()
    assert marked_zones(page, "hand_palm") == set()
    page.wait_for_timeout(2500)
    assert zones_in_url(page) == set()
    assert marked_zones(page, "hand_palm") == set()


def test_keyboard_reaches_moves_between_and_marks_zones(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=front&mode=consult")
    wait_for_chart(page, "front")
    first = page.evaluate(f"() => {{ const z = ({MAP_SVG})('front').querySelector('.z[tabindex=\"0\"]');"
                          " z.focus(); return z.dataset.id; }")
    page.keyboard.press("ArrowDown")
    now = page.evaluate("() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement)"
                        " a = a.shadowRoot.activeElement; return [a.dataset.id, a.getAttribute('aria-label')]; }")
    assert now[0] and now[0] != first and now[1]
    page.keyboard.press("Enter")
    assert marked_zones(page, "front") == {now[0]}
    page.wait_for_function("(z) => new URLSearchParams(location.search).get('zones') === z", arg=now[0])
    page.keyboard.press(" ")
    assert marked_zones(page, "front") == set()


def test_a_warning_fired_by_an_answer_is_on_screen(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?view=front&zones=thigh_lateral_left,leg_anterolateral_lower_left")
    wait_for_chart(page, "front")
    yes = page.locator(".st-key-nm_results").get_by_role("radio", name="Yes").first
    yes.scroll_into_view_if_needed()
    yes.click(force=True)
    page.wait_for_function("() => [...document.querySelectorAll('[role=alert]')].some(e => { const r ="
                           " e.getBoundingClientRect();"
                           " return r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1; })", timeout=20_000)
    assert REASSURING not in _visible_text(page)


def test_the_map_speaks_spanish_on_a_spanish_page(page: Any, app_url: str) -> None:
    """lang=es: the map's own words (confirmation, undo, role, zone names, sides) come in Spanish, and a tap keeps
    the language in the link."""
    from explainer.i18n import use_lang
    from explainer.ui.bodymap_component.component import map_words

    with use_lang("es"):
        words = map_words()
    page.goto(f"{app_url}/?lang=es&view=hand_palm")
    wait_for_chart(page, "hand_palm")
    svg = f"({MAP_SVG})('hand_palm')"
    assert page.evaluate(f"() => {svg}.getAttribute('aria-roledescription')") == words["role"] != "body map"
    page.mouse.click(*screen_xy(page, "hand_palm", centre_point("hand_palm", "index_palmar_right")))
    status = page.locator(".nm-confirm[role=status]").first.inner_text()
    assert status.startswith(f"{words['marked']}: ") and "Index" not in status, status
    assert page.get_by_role("button", name=words["undo"]).is_visible()
    page.wait_for_function("() => new URLSearchParams(location.search).get('zones') === 'index_palmar_right'")
    assert "lang=es" in page.url
    sides = page.evaluate(f"() => [...{svg}.querySelectorAll('text.side')].map(e => e.textContent)")
    assert sides and not any("right" in s.lower() or "left" in s.lower() for s in sides), sides


def test_the_map_is_drawn_before_what_sits_below_it_arrives(browser: Any, app_url: str) -> None:
    """A first visit: the browser draws a batch of elements all at once, so the zone list and the findings (about 25
    widgets) come only after the map is painted; then they come without anything else being touched."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.add_init_script("""window.__nmLog = []; window.__below = 0; window.__handout = 0;
      new MutationObserver(() => {
        if (!window.__below && [...document.querySelectorAll('h2, h3')]
            .some(h => h.innerText.includes('What does it feel like'))) window.__below = performance.now();
        if (!window.__handout && [...document.querySelectorAll('button')]
            .some(b => b.innerText.includes('Download handout'))) window.__handout = performance.now(); })
        .observe(document, {subtree: true, childList: true});""")
    page.goto(f"{app_url}/?view=front&zones=thumb_palmar_left")
    wait_for_chart(page, "front")
    page.get_by_text("Or pick places from a list").wait_for(timeout=15000)
    page.wait_for_function("() => window.__below > 0", timeout=15000)
    log = page.evaluate("() => window.__nmLog")
    drawn = [entry[0] for entry in log if entry[1] == "drawn"]
    first_update = min(entry[0] for entry in log if entry[1] == "update")
    assert len(drawn) == 1, log  # asked once, answered once
    assert first_update <= drawn[0] < page.evaluate("() => window.__below"), log
    # The handout button waits too: the runs that bring the rest would replace its file under a quick click
    page.wait_for_function("() => window.__handout > 0", timeout=15000)
    assert drawn[0] < page.evaluate("() => window.__handout"), log
    context.close()


@pytest.mark.parametrize(("phone", "mode"), [(True, "self"), (False, "self"), (True, "consult"), (False, "consult")])
def test_marking_a_leg_or_an_arm_keeps_the_same_map_on_screen(browser: Any, app_url: str, phone: bool,
                                                              mode: str) -> None:
    """The first mark on a leg or an arm changes what the page around the map shows (a full page run). The map must
    stay the same element: if it moved in the page, the browser would build it again, so it would blink and a tap in
    that moment would land on nothing."""
    context = _phone(browser) if phone else browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?view=front&mode={mode}")
        wait_for_chart(page, "front")
        page.get_by_text("Or pick places from a list").wait_for(timeout=15_000)  # the part below the map is in
        page.evaluate(f"() => {{ ({MAP_SVG})('front').dataset.first = 'yes'; }}")
        for zone in ("thigh_lateral_left", "antecubital_lateral_right"):
            xy = screen_xy(page, "front", centre_point("front", zone))
            page.touchscreen.tap(*xy) if phone else page.mouse.click(*xy)
            page.wait_for_function("(z) => (new URLSearchParams(location.search).get('zones') || '').includes(z)", arg=zone)
        page.wait_for_timeout(1000)
        assert page.evaluate(f"() => ({MAP_SVG})('front').dataset.first") == "yes"
    finally:
        context.close()
