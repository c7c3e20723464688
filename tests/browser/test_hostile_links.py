"""The nastiest links in a real browser: nothing they carry is interpreted, run, fetched or shown.

For each link: no dialog, no page error, no request leaving the machine, the note says parts were left out, the
address bar is rewritten clean, and no link, image, heading or coloured text is made from the link's text (none of
it reaches the page at all). The AppTest property test (tests/ui/test_hostile_links.py) covers many more links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import pytest

from tests.browser.conftest import Traffic

pytestmark = pytest.mark.browser

MARK = "qzxv"
NASTIEST: dict[str, str] = {
    "heading via newlines": "zones=" + quote(f"x\n\n# You have MS {MARK}"),
    "outside link": "zones=" + quote(f"[Open your results {MARK}](https://ev.il/r)"),
    "outside image": "zones=" + quote(f"![{MARK}](http://203.0.113.5/p.png)") + "&other=" + quote(
        f"<img src=http://203.0.113.5/{MARK}.png onerror=alert(1)>"),
    "coloured text and icons": "zones=" + quote(f":red[**Probable tumour {MARK}**]") + "&mode=" + quote(
        f":material/warning: {MARK}") + "&root=" + quote(f"$$\\color{{red}}{{{MARK}}}$$"),
    "script, traversal and RTL": "page=learn&article=" + quote(f"../../etc/passwd<script>alert('{MARK}')</script>")
                                 + "&nerve=" + quote(f"\u202e{MARK}\u202c") + "&check=" + quote(f"x:{MARK}\x1b[31m"),
    "repeated and unknown keys": "zones=foot_dorsum_right&zones=" + quote(f"[x](https://ev.il/{MARK})")
                                 + f"&page=where&page={MARK}&utm_{MARK}=1&" + quote(f"<b>{MARK}</b>") + "=2",
    "over 20,000 characters": "zones=" + ",".join(["foot_dorsum_right"] * 1_200 + [quote(f"[{MARK}](https://ev.il)")]),
    "more than 1,000 parts": "&".join(f"k{i}={quote(f'[{MARK}](https://ev.il)')}" for i in range(1_001)),
}
NEVER_SHOWN = (MARK, "You have MS", "Probable tumour", "ev.il", "203.0.113.5", "passwd")
# Anything the page draws from link text would match one of these.
MADE_FROM_LINK = """(mark) => ({
  links: [...document.querySelectorAll('a')].filter(a => (a.href + a.innerText).includes(mark)
      || a.href.includes('ev.il')).length,
  images: [...document.querySelectorAll('img')].filter(i => i.src.includes(mark) || i.src.includes('203.0.113.5')).length,
  headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.innerText.includes(mark)
      || h.innerText.includes('You have MS')).length,
  coloured: [...document.querySelectorAll('[style*="color"], [class*="olored"], .katex')]
      .filter(e => e.innerText.includes(mark) || e.innerText.includes('Probable tumour')).length,
})"""


def _local(url: str, app_url: str) -> bool:
    parsed, app = urlparse(url), urlparse(app_url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in (app.hostname, "127.0.0.1", "localhost")


@pytest.mark.parametrize("case", list(NASTIEST))
def test_nastiest_links_are_never_interpreted(page: Any, app_url: str, traffic: Traffic, artifacts: Path,
                                             case: str) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{app_url}/?{NASTIEST[case]}")
    if case == "more than 1,000 parts":  # Streamlit drops such a query string before the app runs: it opens fresh
        page.get_by_text("Where do you feel it?").first.wait_for()
    else:
        page.get_by_text("could not be used").first.wait_for()
    page.wait_for_function(f"() => !window.location.search.includes('{MARK}')", timeout=15_000)
    page.wait_for_timeout(1_000)  # let late images, fonts and scripts ask for whatever they would
    assert not dialogs and not errors, (dialogs, errors)
    assert all(_local(u, app_url) for u in traffic.urls), [u for u in traffic.urls if not _local(u, app_url)]
    assert page.evaluate(MADE_FROM_LINK, MARK) == {"links": 0, "images": 0, "headings": 0, "coloured": 0}
    body = page.locator("body").inner_text()
    assert not [bad for bad in NEVER_SHOWN if bad in body], body[:2000]
    assert not page.locator("[data-testid=stException]").count()
    if case == "over 20,000 characters":
        assert "longer than 20,000 characters" in body
    if case == "outside image":
        artifacts.mkdir(exist_ok=True)
        page.screenshot(path=str(artifacts / "hostile-link-note.png"))
