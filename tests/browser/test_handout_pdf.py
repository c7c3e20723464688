"""The handout downloaded from the running app: in consult mode the clinician page can be added, and the printed
link and QR code carry the app's own address and the marked view."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from explainer.handout.text import load_handout_text

pytestmark = pytest.mark.browser

LINK = "/?zones=back_low_right,foot_dorsum_right&other=back_pain&mode=consult&view=foot_top"


def test_the_clinician_version_downloads_as_two_pages_with_the_apps_own_link(page: Any, app_url: str) -> None:
    words = load_handout_text().strings
    page.goto(app_url + LINK)
    page.get_by_text("Why it fits").first.wait_for()
    page.get_by_text(words.clinician_option).click()
    page.wait_for_timeout(1500)  # the tick reruns the script before the button builds the PDF
    button = page.get_by_role("button", name=words.download)
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        button.click()
    path = info.value.path()
    assert path is not None
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    first = "".join(reader.pages[0].extract_text().split())  # the link wraps over several lines
    assert len(reader.pages) == 2 and words.clinician_title in reader.pages[1].extract_text()
    assert (app_url.rstrip("/") + "/?").replace(" ", "") in first
    assert "zones=back_low_right,foot_dorsum_right" in first and "mode=consult" in first
