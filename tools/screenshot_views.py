"""Render every body-map view (and the spine) to standalone HTML and screenshot it with Chromium.

Run:  .venv/bin/python tools/screenshot_views.py [--out /tmp/shots] [--demo]

Uses the python ``playwright`` package driving the system Chromium (never ``playwright install``).
Each view is shot at its default size in a 1366x768 window and at 390x844 phone width.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from explainer.bodymap.figure import build_view_figure
from explainer.bodymap.geometry import VIEWS, load_body_map
from explainer.bodymap.spine import build_spine_figure
from explainer.bodymap.style import MapStyle, plotly_config

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PHONE = (390, 844)
DESKTOP = (1366, 768)


def demo_state(view: str) -> MapStyle:
    """A busy state (fills, hatching, labels, selection, courses, key points) to judge legibility."""
    body = load_body_map()
    zones = list(body.views[view].zones)  # type: ignore[index]
    fills = {z: "#7fb3d5" for z in zones[::5]}
    also = frozenset(zones[2::7])
    labels = {z: "L5" for z in zones[::5][:6]}
    courses = tuple(sorted({n for n in body.views[view].courses}))  # type: ignore[index]
    return MapStyle(fills=fills, also=also, labels=labels, selected=frozenset(zones[1:2]), courses=courses, show_key_points=True)


def write_html(fig: object, path: Path) -> None:
    html = fig.to_html(include_plotlyjs=True, full_html=True, config=plotly_config())  # type: ignore[attr-defined]
    path.write_text(html.replace("<body>", '<body style="margin:0;background:#fff">', 1))


def shoot(out: Path, *, demo: bool) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    body = load_body_map()
    shots: list[Path] = []
    jobs: list[tuple[str, object, tuple[int, int]]] = []
    for view in VIEWS:
        state = demo_state(view) if demo else MapStyle(show_key_points=True)
        w, h = body.views[view].size_px
        jobs.append((f"{view}_desktop", build_view_figure(view, state=state), DESKTOP))
        pw = PHONE[0] - 16
        jobs.append((f"{view}_phone", build_view_figure(view, state=state, size_px=(pw, round(pw * h / w))), PHONE))
    jobs.append(("spine_desktop", build_spine_figure(selected=frozenset({"root:L5", "disc:L4/L5"})), DESKTOP))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for name, fig, (vw, vh) in jobs:
            html = out / f"{name}.html"
            write_html(fig, html)
            page = browser.new_page(viewport={"width": vw, "height": vh})
            page.goto(html.as_uri())
            page.wait_for_selector(".geo", timeout=20000)
            page.wait_for_timeout(300)
            png = out / f"{name}.png"
            page.screenshot(path=str(png), full_page=True)
            page.close()
            shots.append(png)
        browser.close()
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--demo", action="store_true", help="fill, hatch, label and select some zones")
    args = parser.parse_args()
    for png in shoot(args.out, demo=args.demo):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
