"""Practise page in a real browser: tap the answer on the map, check it, see the feedback drawn on the map
(and axe-core finds no serious problem); the same link on a phone reopens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.helpers import centre_point, eventually, query, screen_xy, wait_for_chart, zone_colour
from tests.browser.test_audit import axe_violations

GREEN = "#009e73"  # explainer.present.palette.GREEN: a right place


def test_tapping_the_fibular_neck_scores_and_draws_the_answer(page: Any, app_url: str, artifacts: Path) -> None:
    page.goto(f"{app_url}/practise?level=patient&q=trap_site.common_fibular_nerve")
    page.get_by_text("Where is the common fibular (peroneal) nerve most often pressed on").wait_for()
    wait_for_chart(page, "front")
    page.wait_for_timeout(500)
    x, y = screen_xy(page, "front", centre_point("front", "knee_lateral_right"))
    page.mouse.click(x, y)
    check = page.get_by_role("button", name="Check my answer")
    page.wait_for_function("() => [...document.querySelectorAll('button')].some(b => b.innerText.includes("
                           "'Check my answer') && !b.disabled)")
    check.click()
    page.get_by_text("Right.").first.wait_for()
    page.wait_for_function("() => location.search.includes('score=1-1')")
    assert query(page)["a"] == "knee_lateral_right"
    wait_for_chart(page, "front")
    page.get_by_role("button", name="Next question").wait_for()
    colour = eventually(lambda: zone_colour(page, "front", "knee_lateral_left"), GREEN, page=page)
    assert colour == GREEN  # the answer is drawn on both sides
    page.screenshot(path=str(artifacts / "practise-feedback-1366x768.png"))
    assert not axe_violations(page), "no serious or critical accessibility problem on the feedback"
    phone = page.context.browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        small = phone.new_page()
        small.goto(page.url)  # the same link reopens the same question with its feedback
        small.get_by_text("Right.").first.wait_for(timeout=30_000)
        wait_for_chart(small, "front")
        small.screenshot(path=str(artifacts / "practise-feedback-390x844.png"))
    finally:
        phone.close()
