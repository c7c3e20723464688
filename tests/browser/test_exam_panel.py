"""Consult screen (1366x768): fill a few cells of the examination panel in a real browser and see the link and the
result card follow (AppTests cover the rest: tests/ui/test_exam_panel.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import centre_point, query, screen_xy, wait_for_chart, zones_in_url

pytestmark = pytest.mark.browser

LINK = "/?mode=consult&zones=foot_dorsum_right,great_toe_dorsal_right&symptoms=tingling&view=foot_top"


def _grade(page: Any, key: str, grade: str) -> None:
    cell = page.locator(f".st-key-{key}")
    cell.scroll_into_view_if_needed()
    cell.get_by_role("button", name="Open").click()
    page.get_by_role("option", name=grade, exact=True).click()


def _card(page: Any) -> str:
    return str(page.locator(".st-key-nm_results").inner_text())


def test_cells_filled_on_the_consult_screen_update_link_and_card(page: Any, app_url: str) -> None:
    page.goto(app_url + LINK)
    wait_for_chart(page, "foot_top")
    panel = page.locator(".st-key-nm_exam")
    panel.wait_for()
    before = _card(page)
    assert "Examination:" not in before
    cell = page.locator(".st-key-nm_exam_ankle_dorsiflexion_R")
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    assert box and box["x"] + box["width"] <= 1366 and box["height"] >= 30  # on screen and big enough to tap
    _grade(page, "nm_exam_ankle_dorsiflexion_R", "2")
    page.wait_for_function("() => location.search.includes('exam=ankle_dorsiflexion')")
    _grade(page, "nm_exam_achilles_R", "0")
    page.wait_for_function("() => decodeURIComponent(location.search).includes('achilles:R0')")
    page.locator(".st-key-nm_sign_slr button").filter(has_text="R").first.click()
    page.wait_for_function("() => decodeURIComponent(location.search).includes('slr:R')")
    assert query(page)["exam"] == "achilles:R0,ankle_dorsiflexion:R2" and query(page)["signs"] == "slr:R"
    # The card is redrawn on each entry: wait until it shows the last one (null-safe while it is replaced).
    page.wait_for_function("() => { const e = document.querySelector('.st-key-nm_results'); "
                           "return !!e && e.innerText.includes('Straight-leg raise positive (right)'); }",
                           timeout=90_000)  # a shared 2-core machine can take long over one run
    card = _card(page)
    assert "ankle dorsiflexion R 2/5" in card and "ankle jerk (Achilles reflex) R 0 (absent)" in card
    assert "Ankle jerk (Achilles reflex) absent" in card  # the reflex just entered, as a reason on the card
    assert card != before
    page.locator(".st-key-nm_exam_hip_flexion_L").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "exam-panel-1366.png"))  # the panel as the clinician left it
    page.locator(".st-key-nm_results h3").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "exam-card-1366.png"))
    assert not page.locator("[data-testid=stException]").count()


def test_the_ranking_line_above_the_grid_is_never_out_of_date(page: Any, app_url: str) -> None:
    """A tap on the map reruns only the map and results; the line above the grid cannot follow, so it hides until
    the next entry in the panel draws it again."""
    page.goto(app_url + LINK)
    wait_for_chart(page, "foot_top")
    live = page.locator(".st-key-nm_exam_live")
    live.wait_for()
    assert live.is_visible()
    page.mouse.click(*screen_xy(page, "foot_top", centre_point("foot_top", "foot_lateral_border_right")))
    page.wait_for_function("() => location.search.includes('foot_lateral_border_right')")
    assert "foot_lateral_border_right" in zones_in_url(page)
    live.wait_for(state="hidden")
    _grade(page, "nm_exam_ankle_plantarflexion_R", "3")
    live.wait_for(state="visible")
    assert "Now: 1." in live.inner_text()
