"""How many bytes a first visit transfers: open a link in a fresh headless Chromium and add up the network.

    .venv/bin/python deploy/first_visit.py http://localhost:8501 http://localhost:8080

Prints, per URL, the bytes on the wire (compressed where the server compressed) and the decoded size, from
Chromium's own network events (CDP Network.loadingFinished / dataReceived), after the first results show.
"""

from __future__ import annotations

import sys
from typing import Any

from playwright.sync_api import sync_playwright

LINK = "/?zones=foot_dorsum_right,great_toe_dorsal_right&symptoms=tingling"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def first_visit(browser: Any, url: str) -> tuple[int, int, int]:
    """(bytes on the wire, decoded bytes, responses) for one first visit to ``url``."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    wire: dict[str, int] = {}
    decoded: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    cdp.on("Network.dataReceived",
           lambda e: decoded.__setitem__(e["requestId"], decoded.get(e["requestId"], 0) + int(e["dataLength"])))
    page.goto(url + LINK)
    page.locator("[data-testid=stMarkdownContainer] h3").first.wait_for(timeout=60_000)  # the first result
    page.wait_for_timeout(2000)
    context.close()
    return sum(wire.values()), sum(decoded.values()), len(wire)


def main(urls: list[str]) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for url in urls:
            on_wire, plain, count = first_visit(browser, url)
            print(f"{url}: {count} responses, {on_wire / 2**20:.2f} MiB on the wire, {plain / 2**20:.2f} MiB decoded")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["http://localhost:8501"])
