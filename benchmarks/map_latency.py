"""Body-map speed benchmark: `python benchmarks/map_latency.py` (a script, not a timed test).

Starts the app on a free port, drives Debian's headless Chromium (playwright), and prints:
click -> highlighted-figure latency (median, p95 over >= 30 clicks on different zones), server-side rerun time
(the map callback -> the last element sent, printed by the app under NERVE_MAP_TIMING=1), figure payload bytes
per view (the plotly
spec the server sends), and cold start (process start -> first painted map). Stops the app. The last line is:
click_median_ms=<n> click_p95_ms=<n> payload_kib=<largest view> first_paint_s=<n>
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shapely.geometry import Polygon  # noqa: E402
from shapely.ops import unary_union  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from explainer.bodymap.geometry import load_body_map  # noqa: E402
from explainer.bodymap.style import SELECTED_FILL  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
VIEWS = {"front": "Front", "back": "Back", "hand_palm": "Hand: palm", "hand_dorsum": "Hand: back",
         "foot_top": "Foot: top", "foot_sole": "Foot: sole", "saddle": "Saddle area"}
PER_VIEW = 6
CHART = "[...document.querySelectorAll('.js-plotly-plot')].find(g => g.layout && g.layout.meta && g.layout.meta.view === VIEW)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(port: int, log: Any) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "streamlit", "run", "explainer/app.py", "--server.port", str(port),
           "--server.headless", "true"]
    env = {**os.environ, "NERVE_MAP_TIMING": "1"}
    return subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)


def wait_healthy(port: int, *, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("app did not become healthy")


class Wire:
    """Reads the plotly spec the server sends for each view (its size is the figure payload)."""

    def __init__(self) -> None:
        self.spec_bytes: dict[str, int] = {}

    def attach(self, ws: Any) -> None:
        ws.on("framereceived", self._received)

    def _received(self, payload: Any) -> None:
        if not isinstance(payload, bytes | bytearray):
            return
        msg = ForwardMsg()
        msg.ParseFromString(bytes(payload))
        if msg.WhichOneof("type") == "delta" and msg.delta.new_element.WhichOneof("type") == "plotly_chart":
            spec = msg.delta.new_element.plotly_chart.spec
            view = str(json.loads(spec).get("layout", {}).get("meta", {}).get("view", "?"))
            if view in VIEWS:
                self.spec_bytes[view] = max(self.spec_bytes.get(view, 0), len(spec.encode()))


def server_reruns(log: Path) -> list[float]:
    """Per-click server time printed by the app under NERVE_MAP_TIMING=1 (map callback -> last element sent)."""
    return [float(line.split()[-1]) for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.startswith("NERVE_MAP_RERUN_MS")]


def targets(view: str) -> list[tuple[str, tuple[float, float]]]:
    """PER_VIEW zones of a view, spread over the view, each with a point well inside it."""
    v = load_body_map().views[view]  # type: ignore[index]
    ids = sorted(v.zones)
    step = max(len(ids) // PER_VIEW, 1)
    out = []
    for zid in ids[::step][:PER_VIEW]:
        shape = unary_union([Polygon(p[0], p[1:]) for p in v.zones[zid].polygons])
        inner = shape.buffer(-4 / v.px_per_unit())
        point = (inner if not inner.is_empty else shape).representative_point()
        out.append((zid, (point.x, point.y)))
    return out


def screen_xy(page: Any, view: str, point: tuple[float, float]) -> tuple[float, float]:
    """Where a drawing point is on screen, scrolling it into the viewport first."""
    for _ in range(5):
        xy = page.evaluate(f"""([VIEW, pt]) => {{ const gd = {CHART}; const r = gd.getBoundingClientRect();
            const q = gd._fullLayout.geo._subplot.projection(pt); return [r.x + q[0], r.y + q[1]]; }}""",
                           [view, list(point)])
        height = page.viewport_size["height"]
        if 80 < xy[1] < height - 40:
            return float(xy[0]), float(xy[1])
        page.mouse.move(page.viewport_size["width"] / 2, height / 2)
        page.mouse.wheel(0, xy[1] - height / 2)
        page.wait_for_timeout(200)
    raise RuntimeError(f"could not scroll {view} point into view")


def click_and_time(page: Any, view: str, zone: str, point: tuple[float, float]) -> float:
    xy = screen_xy(page, view, point)
    page.evaluate("() => { window.__t0 = performance.now(); }")
    page.mouse.click(*xy)
    handle = page.wait_for_function(f"""([VIEW, zone, colour]) => {{ const gd = {CHART}; if (!gd || !gd.data) return false;
        const t = gd.data.find(d => d.type === 'choropleth'); const i = Array.from(t.locations).indexOf(zone);
        const frac = t.zmax ? t.z[i] / t.zmax : 0;
        const c = t.colorscale.reduce((b, e) => Math.abs(e[0] - frac) < Math.abs(b[0] - frac) ? e : b)[1];
        return c.toLowerCase() === colour ? performance.now() - window.__t0 : false; }}""",
                                    arg=[view, zone, SELECTED_FILL.lower()], polling="raf", timeout=15000)
    return float(handle.json_value())


def show(page: Any, view: str) -> None:
    page.get_by_role("radio", name=VIEWS[view]).first.click() if not page.evaluate(
        f"(VIEW) => !!({CHART})", view) else None
    page.wait_for_function(f"(VIEW) => {{ const g = {CHART}; return g && g._fullLayout && g._fullLayout.geo; }}", arg=view)
    page.evaluate(f"(VIEW) => ({CHART}).scrollIntoView({{block: 'center'}})", view)
    page.wait_for_timeout(400)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    from playwright.sync_api import sync_playwright

    port = free_port()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        wire = Wire()
        page.on("websocket", wire.attach)
        log_file = tempfile.NamedTemporaryFile(prefix="nerve-map-bench-", suffix=".log", delete=False)  # noqa: SIM115
        log = Path(log_file.name)
        t0 = time.perf_counter()
        proc = start_app(port, log_file)
        try:
            wait_healthy(port)
            healthy = time.perf_counter() - t0
            page.goto(f"http://localhost:{port}/")
            page.wait_for_selector(".js-plotly-plot path.choroplethlocation", state="attached", timeout=30000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            first_paint = time.perf_counter() - t0
            latencies: list[float] = []
            for view in VIEWS:
                show(page, view)
                for zone, point in targets(view):
                    latencies.append(click_and_time(page, view, zone, point))
                    page.wait_for_timeout(250)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log_file.close()
            browser.close()
    reruns = server_reruns(log)
    log.unlink(missing_ok=True)
    print(f"clicks: {len(latencies)} on {len(VIEWS)} views")
    print(f"click -> highlighted figure: median {statistics.median(latencies):.0f} ms, p95 {pct(latencies, 0.95):.0f} ms, "
          f"max {max(latencies):.0f} ms")
    if reruns:
        print(f"server rerun (click callback -> last element sent): median {statistics.median(reruns):.0f} ms, "
              f"p95 {pct(reruns, 0.95):.0f} ms over {len(reruns)} clicks")
    for view, size in sorted(wire.spec_bytes.items(), key=lambda kv: -kv[1]):
        print(f"figure payload {view}: {size} bytes ({size / 1024:.1f} KiB)")
    largest = max(wire.spec_bytes.values(), default=0) / 1024
    print(f"cold start -> first painted map: {first_paint:.2f} s (server healthy after {healthy:.2f} s)")
    print(f"click_median_ms={statistics.median(latencies):.0f} click_p95_ms={pct(latencies, 0.95):.0f} "
          f"payload_kib={largest:.0f} first_paint_s={first_paint:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
