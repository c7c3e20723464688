"""Two people at once on one server: neither sees the other's marks, results or handout."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from explainer.anatomy import load_atlas
from explainer.present.zonelist import zone_label
from tests.browser.helpers import zones_in_url

pytestmark = pytest.mark.browser

FOOT = "/?zones=foot_dorsum_right&view=foot_top"
HAND = "/?zones=thumb_palmar_left&view=hand_palm"
RESULT = ".st-key-nm_results [data-testid=stMarkdownContainer] h3"  # the headline result


def pick_from_list(page: Any, search: str, label: str) -> None:
    """Mark a place with the searchable zone list (keyboard-friendly; the same on every version of the map)."""
    box = page.get_by_role("combobox", name=re.compile("pick places", re.I))
    box.scroll_into_view_if_needed()
    box.click()
    box.fill(search)
    page.get_by_role("option", name=label, exact=True).click()
    page.keyboard.press("Escape")


def listed_marks(page: Any) -> list[str]:
    """The places the zone list shows as chosen."""
    box = page.get_by_role("combobox", name=re.compile("pick places", re.I))
    return list(box.evaluate("e => [...e.closest('[data-testid=stMultiSelect]').querySelectorAll('[data-tag]')]"
                             ".map(t => t.getAttribute('aria-label'))"))


def handout_text(page: Any) -> str:
    button = page.get_by_role("button", name="Download handout (PDF)")
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        button.click()
    path = info.value.path()
    assert path is not None
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_two_simultaneous_sessions_never_see_each_others_marks(browser: Any, app_url: str) -> None:
    atlas = load_atlas()
    contexts = [browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True) for _ in range(2)]
    try:
        foot, hand = (c.new_page() for c in contexts)
        for page, link in ((foot, FOOT), (hand, HAND)):
            page.set_default_timeout(30_000)
            page.goto(app_url + link)
        for page in (foot, hand):
            page.locator(RESULT).first.wait_for()
        # Both mark a second place, one right after the other, before either has settled.
        pick_from_list(foot, "big toe, top", zone_label(atlas, "great_toe_dorsal_right"))
        pick_from_list(hand, "little finger, palm", zone_label(atlas, "little_palmar_left"))
        foot_zones = {"foot_dorsum_right", "great_toe_dorsal_right"}
        hand_zones = {"thumb_palmar_left", "little_palmar_left"}
        for page, mine in ((foot, foot_zones), (hand, hand_zones)):
            page.wait_for_function("(z) => z.every(x => location.search.includes(x))", arg=sorted(mine))
            assert zones_in_url(page) == mine
        foot_text, hand_text = (p.locator("[data-testid=stMain]").inner_text() for p in (foot, hand))
        for text, others in ((foot_text, hand_zones), (hand_text, foot_zones)):
            for zone in others:
                assert zone_label(atlas, zone) not in text
        assert "Little finger" not in foot_text and "Big toe" not in hand_text
        assert foot.locator(RESULT).first.inner_text() != hand.locator(RESULT).first.inner_text()
        foot_pdf, hand_pdf = handout_text(foot), handout_text(hand)
        assert "Big toe" in foot_pdf and "Little finger" not in foot_pdf and "Thumb" not in foot_pdf
        assert "Little finger" in hand_pdf and "Thumb" in hand_pdf and "Big toe" not in hand_pdf
    finally:
        for c in contexts:
            c.close()
