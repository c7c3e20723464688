"""Body-map speed benchmark: `python benchmarks/map_latency.py [--background-sessions N]` (a script, not a test).

Starts the app on a free port and drives Debian's headless Chromium (playwright) like a person would:
- tap -> drawn: from the pointerdown event (its timeStamp) to the first animation frame in which the zone under the
  finger is drawn marked (checked every requestAnimationFrame), desktop (1366x768, mouse) and phone (390x844, touch),
  at least 30 taps each over all seven views;
- results updated: from the tap to the later of the last server message (the rerun's end) and the last change of
  the results column;
- first paint: process start -> the map drawn in the browser; first-load bytes (every HTTP body, uncompressed, plus
  websocket frames until the map is drawn); bytes per tap: what a tap puts on the wire, browser -> server, counted by
  a TCP proxy the measured pages go through (websocket frames as sent, compressed when the server enables
  permessage-deflate; bytes_per_tap on the last line), and the websocket payload both ways until its results show;
- with --background-sessions N, N other sessions tap the front view meanwhile, each every --background-every
  seconds (default 3). By default they are light clients that speak Streamlit's own protocol (benchmarks/load.py's
  client): the server gets exactly the messages N people's taps send, but their N browsers do not run on this
  machine (they would be on the other people's devices). --background-kind browser runs them as N headless Chromium
  pages here instead: that adds N browsers' work to the same two cores as the measured page.
Last line: tap_median_ms=<n> tap_p95_ms=<n> phone_tap_median_ms=<n> phone_tap_p95_ms=<n> results_p95_ms=<n>
first_paint_s=<n> bytes_per_tap=<n>
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shapely.geometry import Polygon  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

from explainer.bodymap.geometry import VIEWS, load_body_map  # noqa: E402
from explainer.bodymap.svg import Projection  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
LABELS = {"front": "Front", "back": "Back", "hand_palm": "Hand: palm", "hand_dorsum": "Hand: back",
          "foot_top": "Foot: top", "foot_sole": "Foot: sole", "saddle": "Saddle area"}
PHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.0 Mobile/15E148 Safari/604.1")
SVG = """(view) => { for (const e of document.querySelectorAll('*')) { const r = e.shadowRoot;
  const s = r && r.querySelector(`svg[data-view="${view}"]`); if (s) return s; } return null; }"""
# Installed in every page: on each pointerdown, check every animation frame whether the zone under the pointer is
# drawn marked (amber fill); record pointerdown.timeStamp -> that frame. Also watch the results column.
PROBE = """
window.__taps = []; window.__resultsAt = 0; window.__wsAt = 0;
const NativeWS = window.WebSocket;  // note when the server's messages arrive (the last one ends a rerun)
window.WebSocket = class extends NativeWS { constructor(...a) { super(...a);
  this.addEventListener('message', () => { window.__wsAt = performance.now(); }); } };
window.addEventListener('pointerdown', (e) => {
  const t0 = e.timeStamp;
  const el = e.composedPath()[0];
  const zone = el && el.closest && el.closest('.z');
  if (!zone) return;
  const before = zone.classList.contains('on');
  const rec = {zone: zone.dataset.id, ms: null};
  window.__taps.push(rec);
  const check = () => {
    const on = getComputedStyle(zone).fill.replace(/\\s/g, '') === 'rgb(255,201,74)';
    if (on !== before) { rec.ms = performance.now() - t0; return; }
    if (performance.now() - t0 < 5000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}, true);
const watch = () => { const r = document.querySelector('.st-key-nm_results');
  if (!r) { setTimeout(watch, 100); return; }
  new MutationObserver(() => { window.__resultsAt = performance.now(); })
    .observe(r, {childList: true, subtree: true, characterData: true, attributes: true}); };
watch();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(port: int, log: Any) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "streamlit", "run", "explainer/app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.fileWatcherType", "none"]  # others may be editing the checkout
    return subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ})


def wait_healthy(port: int, *, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("app did not become healthy")


class CountingProxy:
    """127.0.0.1:<port> -> the app, counting the TCP bytes each way: what a tap really puts on the wire (websocket
    frames as sent, so with permessage-deflate compressed; HTTP headers included)."""

    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.server.getsockname()[1])
        self.up = 0  # browser -> server
        self.down = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return
            threading.Thread(target=self._pipe, args=(client, upstream, "up"), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, "down"), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, way: str) -> None:
        try:
            while data := src.recv(65536):
                with self.lock:
                    setattr(self, way, getattr(self, way) + len(data))
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class Wire:
    """Counts bytes: HTTP bodies (uncompressed, read after the fact) and websocket frames both ways."""

    def __init__(self) -> None:
        self.responses: list[Any] = []
        self.ws_in = 0
        self.ws_out = 0

    @property
    def ws(self) -> int:
        return self.ws_in + self.ws_out

    def attach(self, page: Any) -> None:
        page.on("response", lambda r: self.responses.append(r))
        page.on("websocket", lambda ws: (ws.on("framereceived", self._in), ws.on("framesent", self._out)))

    def http(self) -> int:
        total = 0
        for response in self.responses:
            with contextlib.suppress(Exception):  # redirects and aborted requests have no body
                total += len(response.body())
        return total

    @staticmethod
    def _size(payload: Any) -> int:
        return len(payload) if isinstance(payload, bytes | bytearray) else len(str(payload).encode())

    def _in(self, payload: Any) -> None:
        self.ws_in += self._size(payload)

    def _out(self, payload: Any) -> None:
        self.ws_out += self._size(payload)


def targets(view: str, n: int) -> list[tuple[str, tuple[float, float]]]:
    """``n`` zones spread over a view, each with a point well inside it (in the SVG's own pixels)."""
    v = load_body_map().views[view]  # type: ignore[index]
    proj = Projection(v)
    ids = sorted(v.zones)
    out = []
    for zid in ids[:: max(len(ids) // n, 1)][:n]:
        shape = unary_union([Polygon(p[0], p[1:]) for p in v.zones[zid].polygons])
        inner = shape.buffer(-4 / v.px_per_unit())
        point = (inner if not inner.is_empty else shape).representative_point()
        out.append((zid, proj.xy((point.x, point.y))))
    return out


def screen_xy(page: Any, view: str, zone: str, point: tuple[float, float]) -> tuple[float, float]:
    """Scroll the zone to the middle of the screen (and of a zoomed box) and return the point's screen position."""
    xy = page.evaluate(f"""([view, zone, pt]) => {{ const s = ({SVG})(view);
        s.querySelector(`[data-id="${{zone}}"]`).scrollIntoView({{block: 'center', inline: 'center'}});
        const p = new DOMPoint(pt[0], pt[1]).matrixTransform(s.getScreenCTM()); return [p.x, p.y]; }}""",
                       [view, zone, list(point)])
    page.wait_for_timeout(150)
    xy = page.evaluate(f"""([view, pt]) => {{ const s = ({SVG})(view);
        const p = new DOMPoint(pt[0], pt[1]).matrixTransform(s.getScreenCTM()); return [p.x, p.y]; }}""",
                       [view, list(point)])
    return float(xy[0]), float(xy[1])


def show(page: Any, view: str) -> None:
    if not page.evaluate(f"(view) => !!({SVG})(view)", view):
        page.get_by_role("radio", name=LABELS[view]).first.click()
    try:
        page.wait_for_function(f"(view) => {{ const s = ({SVG})(view); return !!(s && s.querySelector('.z')); }}",
                               arg=view, timeout=180_000)  # a busy server (background sessions) can take a while
    except Exception:
        page.screenshot(path=str(Path(tempfile.gettempdir()) / f"map-latency-{view}.png"), full_page=True)
        print(f"the {view} picture did not appear (screenshot in {tempfile.gettempdir()})")
        raise
    page.wait_for_timeout(500)


def settle(page: Any, *, quiet_ms: int = 400, timeout_ms: int = 180_000) -> None:
    """Wait until neither the results column nor the server's messages have changed for ``quiet_ms``."""
    page.wait_for_function(f"""() => performance.now() - Math.max(window.__resultsAt, window.__wsAt) > {quiet_ms}""",
                           timeout=timeout_ms, polling=50)


Taps = tuple[list[float], list[float], list[int], list[int]]


def tap_views(page: Any, wire: Wire, proxy: CountingProxy, *, per_view: int, touch: bool,
              views: tuple[str, ...] = VIEWS) -> Taps:
    """Tap ``per_view`` zones on every view; returns tap->drawn ms, tap->results ms, bytes each tap put on the wire
    (browser -> server, TCP) and websocket payload bytes both ways until its results were shown."""
    drawn: list[float] = []
    results: list[float] = []
    sent: list[int] = []
    sizes: list[int] = []
    for view in views:
        show(page, view)
        print(f"  {'phone' if touch else 'desktop'}: tapping {view}", file=sys.stderr, flush=True)
        for zone, point in targets(view, per_view):
            xy = screen_xy(page, view, zone, point)
            settle(page)
            before, out, count = wire.ws, proxy.up, page.evaluate("() => window.__taps.length")
            t_tap = page.evaluate("() => performance.now()")
            if touch:
                page.touchscreen.tap(*xy)
            else:
                page.mouse.click(*xy)
            page.wait_for_function("(n) => window.__taps.length > n && window.__taps[n].ms !== null", arg=count,
                                   timeout=10000, polling=20)
            rec = page.evaluate("(n) => window.__taps[n]", count)
            if rec["zone"] != zone:
                print(f"  note: aimed at {zone}, hit {rec['zone']}")
            drawn.append(float(rec["ms"]))
            page.wait_for_timeout(50)
            settle(page)
            results.append(float(page.evaluate("() => Math.max(window.__resultsAt, window.__wsAt)")) - t_tap)
            sizes.append(wire.ws - before)
            sent.append(proxy.up - out)
    return drawn, results, sent, sizes


def background(browser: Any, url: str, n: int, *, every_s: float) -> list[Any]:
    """N other sessions, each tapping a front-view zone every ``every_s`` seconds (in-page timers)."""
    pages = []
    for _ in range(n):  # open them all first (in parallel), then start each one tapping
        pg = browser.new_page(viewport={"width": 1000, "height": 700})
        pg.set_default_timeout(300_000)  # twenty pages opening at once on two cores take a while
        pg.goto(f"{url}/?view=front&mode=consult", wait_until="commit")
        pages.append(pg)
    for i, pg in enumerate(pages):
        pg.wait_for_function(f"() => !!({SVG})('front')")
        pg.evaluate("""([seed, ms]) => { const svg = (""" + SVG + """)('front'); const zones = [...svg.querySelectorAll('.z')];
            let k = seed; setInterval(() => { k = (k * 7 + 3) % zones.length; const z = zones[k];
              const b = z.getBoundingClientRect(); const o = {bubbles: true, composed: true, clientX: b.x + b.width / 2,
              clientY: b.y + b.height / 2, pointerId: 1, isPrimary: true, button: 0};
              z.dispatchEvent(new PointerEvent('pointerdown', o)); z.dispatchEvent(new PointerEvent('pointerup', o));
            }, ms + (seed % 5) * 50); }""", [i, int(every_s * 1000)])
    return pages


class LightSessions:
    """N protocol-level sessions (benchmarks/load.py's client), each marking or clearing a front-view zone every
    ``every_s`` seconds: the server's side of N people tapping, in a thread with its own event loop."""

    def __init__(self, url: str, n: int, *, every_s: float) -> None:
        self.taps = 0
        self.errors: list[str] = []
        self.stopping = False
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.ready = threading.Event()
        self.done = asyncio.run_coroutine_threadsafe(self._run(url, n, every_s), self.loop)
        if not self.ready.wait(timeout=300):
            raise RuntimeError("the background sessions did not open within 300 s")

    async def _run(self, url: str, n: int, every_s: float) -> None:
        from benchmarks.load import Session

        zones = sorted(load_body_map().views["front"].zones)  # type: ignore[index]
        sessions = [Session(url) for _ in range(n)]
        try:
            await asyncio.gather(*(s.open("view=front&mode=consult") for s in sessions))
            self.ready.set()
            await asyncio.gather(*(self._tapping(i, s, zones, every_s / n, every_s) for i, s in enumerate(sessions)))
        except Exception as exc:
            self.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            self.ready.set()
            await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)

    async def _tapping(self, i: int, session: Any, zones: list[str], stagger: float, every_s: float) -> None:
        await asyncio.sleep(i * stagger)
        marks: set[str] = set()
        k, due = i, time.perf_counter()
        while not self.stopping:
            k = (k * 7 + 3) % len(zones)
            marks ^= {zones[k]}
            await session.tap(sorted(marks), {})
            self.taps += 1
            due += every_s
            await asyncio.sleep(max(0.0, due - time.perf_counter()))

    def close(self) -> None:
        self.stopping = True
        with contextlib.suppress(Exception):
            self.done.result(timeout=120)
        self.loop.call_soon_threadsafe(self.loop.stop)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def machine_speed() -> float:
    """Seconds for a 10-million-step Python loop: a yardstick to compare runs on different machines (or on one
    machine on a slow day), since every number here scales with it."""
    t0 = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - t0


def main() -> int:
    speed = machine_speed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background-sessions", type=int, default=0, metavar="N")
    parser.add_argument("--background-every", type=float, default=3.0, metavar="S",
                        help="seconds between two taps of one background session (default 3)")
    parser.add_argument("--background-kind", choices=("light", "browser"), default="light",
                        help="light: protocol clients (the server's load only; default); browser: headless Chromium "
                             "pages on this machine")
    parser.add_argument("--per-view", type=int, default=5, help="taps per view (7 views)")
    parser.add_argument("--views", default=",".join(VIEWS), help="comma-separated views to tap (default: all seven)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://localhost:{port}"
    proxy = CountingProxy(port)  # the measured desktop and phone pages go through it (background sessions do not)
    measured = f"http://localhost:{proxy.port}"
    with sync_playwright() as p, tempfile.NamedTemporaryFile(prefix="nerve-map-bench-", suffix=".log", delete=False) as log:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        in_browsers = args.background_sessions and args.background_kind == "browser"
        others = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS) if in_browsers else None
        desktop = browser.new_context(viewport={"width": 1366, "height": 768})
        desktop.add_init_script(PROBE)
        page = desktop.new_page()
        wire = Wire()
        wire.attach(page)
        t0 = time.perf_counter()
        proc = start_app(port, log)
        try:
            wait_healthy(port)
            healthy = time.perf_counter() - t0
            page.goto(measured + "/")
            page.wait_for_function(f"() => {{ const s = ({SVG})('front'); return !!(s && s.querySelector('.z')); }}",
                                   timeout=30000, polling="raf")
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            first_paint = time.perf_counter() - t0
            page.wait_for_load_state("networkidle")
            first_load_http = wire.http()
            first_load = first_load_http + wire.ws
            bg = background(others, url, args.background_sessions, every_s=args.background_every) if others else []
            light = (LightSessions(url, args.background_sessions, every_s=args.background_every)
                     if args.background_sessions and not others else None)
            views = tuple(v for v in args.views.split(",") if v in VIEWS)
            drawn, results, sent, sizes = tap_views(page, wire, proxy, per_view=args.per_view, touch=False, views=views)
            phone_drawn: list[float] = []
            phone_results: list[float] = []
            phone_sent: list[int] = []
            phone_sizes: list[int] = []
            try:
                phone_ctx = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE_UA,
                                                is_mobile=True, has_touch=True, device_scale_factor=2)
                phone_ctx.add_init_script(PROBE)
                phone = phone_ctx.new_page()
                phone_wire = Wire()
                phone_wire.attach(phone)
                phone.set_default_timeout(150_000)
                phone.goto(measured + "/")
                phone_drawn, phone_results, phone_sent, phone_sizes = tap_views(
                    phone, phone_wire, proxy, per_view=args.per_view, touch=True, views=views)
            except Exception as exc:  # e.g. a server saturated by background sessions never serves the page
                print(f"phone run stopped: {type(exc).__name__}: {str(exc).splitlines()[0]}")
            for pg in bg:
                pg.close()
            if light is not None:
                light.close()
                print(f"background: {light.taps} taps by {args.background_sessions} light sessions"
                      + (f"; errors: {light.errors}" if light.errors else ""))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            browser.close()
            if others:
                others.close()
    every_result = results + phone_results
    every_size = sizes + phone_sizes
    every_sent = sent + phone_sent
    kind = "" if not args.background_sessions else (
        ", as headless Chromium pages on this machine" if args.background_kind == "browser"
        else ", as light protocol clients, no browser")
    print(f"background sessions tapping: {args.background_sessions} (each every {args.background_every:g} s{kind})")
    print("desktop taps in order (ms): " + " ".join(f"{ms:.0f}" for ms in drawn))
    print(f"desktop taps: {len(drawn)} on {len(views)} views; tap -> drawn median {statistics.median(drawn):.0f} ms, "
          f"p95 {pct(drawn, 0.95):.0f} ms, max {max(drawn):.0f} ms")
    if phone_drawn:
        print(f"phone taps: {len(phone_drawn)}; tap -> drawn median {statistics.median(phone_drawn):.0f} ms, "
              f"p95 {pct(phone_drawn, 0.95):.0f} ms, max {max(phone_drawn):.0f} ms")
        print("phone taps in order (ms): " + " ".join(f"{ms:.0f}" for ms in phone_drawn))
    phone_drawn = phone_drawn or [float("nan")]
    print(f"tap -> results updated: median {statistics.median(every_result):.0f} ms, p95 {pct(every_result, 0.95):.0f} ms")
    print(f"bytes a tap puts on the wire (browser -> server, TCP): median {statistics.median(every_sent):.0f}, "
          f"max {max(every_sent)}")
    print(f"websocket payload per tap both ways incl. the updated results: median {statistics.median(every_size):.0f}, "
          f"max {max(every_size)}")
    print(f"first load: {first_load / 1e6:.2f} MB ({first_load_http / 1e6:.2f} MB HTTP bodies uncompressed)")
    print(f"process start -> map drawn: {first_paint:.2f} s (server healthy after {healthy:.2f} s)")
    print(f"machine yardstick: a 10-million-step Python loop took {speed:.2f} s")
    print(f"tap_median_ms={statistics.median(drawn):.0f} tap_p95_ms={pct(drawn, 0.95):.0f} "
          f"phone_tap_median_ms={statistics.median(phone_drawn):.0f} phone_tap_p95_ms={pct(phone_drawn, 0.95):.0f} "
          f"results_p95_ms={pct(every_result, 0.95):.0f} first_paint_s={first_paint:.2f} "
          f"bytes_per_tap={statistics.median(every_sent):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
