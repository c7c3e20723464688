"""Load benchmark: N people using Nerve Map at once. `python benchmarks/load.py --sessions 10 [--replicas 2]`.

Each session is a light client that speaks Streamlit's own websocket protocol (the BackMsg/ForwardMsg protobufs that
streamlit ships), not a browser: 50 Chromium tabs would measure the 2-core machine's browsers, not the server. A
session does what a person does: opens a shared link (the page, its main script and stylesheet, the websocket;
like the browser's map it then reports the map drawn, which brings the rest of a first page),
marks 20 places one by one and clears them again at a person's pace (1-3 s apart), answers a question ("what does
it feel like?") and changes page. What the client measures per tap, from sending it:
- tap_ms: until the map's element arrives again (else the first redrawn element). With the old server-drawn map
  this is when the highlight could appear; with the in-browser map the highlight does not wait for the server at
  all (benchmarks/map_latency.py measures that in Chromium), so here it is the server's echo of the tap.
- results_ms: until the server reports the run finished (the results column redrawn).
- a tap is lost when the link the server writes back afterwards does not hold exactly the marks sent.
Server memory (RSS of every Streamlit process) is sampled before (after one warm-up person per replica, once the
server has been quiet for 25 s), at peak, and --after seconds after the last session closed, then again after one new
visit (Streamlit frees the sessions of closed pages, kept 30 s for reconnecting, only when the next session is saved)
once the server is quiet again. Behind nginx it also counts sessions per replica.

    --url URL        target a running app instead (memory then needs --pid, repeatable)
    --replicas N     0 = one `streamlit run` process (default); N >= 1 = deploy/serve.sh with N replicas behind nginx
    --rounds N       the sessions N times on the same server, memory per round (a one-off high-water mark, or a leak)

Last line: sessions=<n> errors=<n> lost_taps=<n> tap_p95_ms=<n> results_p95_ms=<n> mem_growth_pct=<n>
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.asyncio.client import ClientConnection, connect  # noqa: E402

from explainer.anatomy import load_atlas  # noqa: E402
from explainer.present.zonelist import zone_label, zone_options  # noqa: E402

LINK = "zones=foot_dorsum_right&view=foot_top"
DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
ZONE_LIST_KEY, SYMPTOMS_KEY = "nm_zone_list", "nm_symptoms"
MAP_ELEMENTS = ("plotly_chart", "bidi_component")  # the map's element: the server-drawn chart, or the in-browser map


@dataclass
class Widget:
    id: str
    kind: str
    fragment_id: str


@dataclass
class Result:
    replica: str = ""
    open_ms: float = 0.0
    taps: list[tuple[float, float]] = field(default_factory=list)  # (tap_ms, results_ms)
    lost: int = 0
    errors: list[str] = field(default_factory=list)
    completed: bool = False


def http_get(url: str, cookie: str = "") -> tuple[int, dict[str, str], bytes, list[str]]:
    """GET (gzip accepted, like a browser): status, headers (lower-case), decoded body, Set-Cookie values."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "Cookie": cookie})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            body = r.read()
            if r.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            return r.status, {k.lower(): v for k, v in r.headers.items()}, body, r.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, b"", []


class Session:
    """One browser's worth of Streamlit protocol: open a link, change widgets, wait for the server's runs."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.cookie = ""
        self.replica = ""
        self.widgets: dict[str, Widget] = {}
        self.states: dict[str, WidgetState] = {}
        self.pages: dict[str, str] = {}
        self.page_hash = ""
        self.query = ""
        self.session_id = ""
        self.errors: list[str] = []
        self.deltas = 0
        self.seq = 0
        self.first_delta: float | None = None
        self.map_delta: float | None = None
        self.map_report = False  # the map asks to hear when it is painted (a session's first Where page)
        self.finished: asyncio.Queue[tuple[float, int]] = asyncio.Queue()
        self.responses: asyncio.Queue[ForwardMsg] = asyncio.Queue()
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None

    async def open(self, query: str) -> None:
        """What a browser does for a link: the page and its main assets, then the websocket and the first run."""
        status, headers, html, cookies = await asyncio.to_thread(http_get, f"{self.base}/?{query}")
        if status != 200:
            raise RuntimeError(f"page answered {status}")
        self.cookie = "; ".join(c.split(";")[0] for c in cookies)
        self.replica = headers.get("x-nerve-map-replica", "")
        for asset in re.findall(rb'(?:src|href)="\./(static/[^"]+\.(?:js|css))"', html):
            await asyncio.to_thread(http_get, f"{self.base}/{asset.decode()}", self.cookie)
        ws_url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await connect(ws_url, subprotocols=["streamlit"], additional_headers={"Cookie": self.cookie},  # type: ignore[list-item]
                                origin=self.base, max_size=2**26, compression=None)  # type: ignore[arg-type]
        self.reader = asyncio.create_task(self._read())
        await self.rerun(query=query)
        if self.map_report:
            await self.drawn()

    async def drawn(self) -> tuple[float, float]:
        """What the browser's map sends once it is painted, when asked: its ``drawn`` trigger (the page then sends the
        part below the map)."""
        comp = self.widgets["nm_map"]
        event = WidgetState(id=f"{comp.id}__events", json_trigger_value=json.dumps([{"event": "drawn", "value": True}]))
        return await self.rerun(fragment_id=comp.fragment_id, triggers=(event,))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)

    async def _read(self) -> None:
        assert self.ws is not None
        async for raw in self.ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
            now, kind = time.perf_counter(), msg.WhichOneof("type")
            if kind == "delta":
                self.deltas += 1
                self._element(msg)
                if self.first_delta is None:
                    self.first_delta = now
                if self.map_delta is None and msg.delta.new_element.WhichOneof("type") in MAP_ELEMENTS:
                    self.map_delta = now
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
                self.page_hash = msg.new_session.page_script_hash
            elif kind == "navigation":
                self.pages = {p.url_pathname or p.page_name: p.page_script_hash for p in msg.navigation.app_pages}
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "script_finished":
                await self.finished.put((now, msg.script_finished))
            elif kind == "backend_operation_response":
                await self.responses.put(msg)

    def _element(self, msg: ForwardMsg) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        el = msg.delta.new_element
        kind = el.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"exception on the page: {el.exception.message[:200]}")
            return
        inner = getattr(el, kind) if kind else None
        wid = getattr(inner, "id", "") if inner is not None else ""
        if wid.startswith("$$ID-"):
            key = wid.split("-", 2)[2] if kind != "bidi_component" else "nm_map" if "nm_map" in wid else wid
            if key == "nm_map":
                with contextlib.suppress(ValueError, AttributeError):
                    comp = el.bidi_component
                    self.map_report = bool(json.loads(comp.json or comp.bytes or b"{}").get("report"))
            self.widgets[key] = Widget(wid, kind or "", msg.delta.fragment_id)
            if kind == "download_button":
                self.widgets[key + ".file"] = Widget(el.download_button.deferred_file_id, kind, "")

    async def rerun(self, *, query: str | None = None, fragment_id: str = "", page: str | None = None,
                    timeout: float = 60.0, triggers: tuple[WidgetState, ...] = ()) -> tuple[float, float]:
        """Send one run request; wait for it to finish. Returns (ms until the map's element, or else the first element,
        arrives; ms until the run finished)."""
        assert self.ws is not None
        while not self.finished.empty():
            self.finished.get_nowait()
        msg = BackMsg()
        cs = msg.rerun_script
        if query is not None:  # the address bar now holds this link (the server rewrites it only if it differs)
            self.query = query
        cs.query_string = self.query
        cs.page_script_hash = self.page_hash if page is None else page
        cs.fragment_id = fragment_id
        cs.widget_states.widgets.extend(self.states.values())
        cs.widget_states.widgets.extend(triggers)  # sent once, not kept
        self.first_delta = self.map_delta = None
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        deadline = start + timeout
        while True:
            now, status = await asyncio.wait_for(self.finished.get(), timeout=max(0.1, deadline - time.perf_counter()))
            if status in DONE:
                first = self.map_delta or self.first_delta or now
                return (first - start) * 1000, (now - start) * 1000

    def zones(self) -> set[str]:
        return {z for z in ",".join(parse_qs(self.query).get("zones", [])).split(",") if z}

    async def tap(self, marks: list[str], labels: dict[str, str]) -> tuple[float, float]:
        """THE tap path: how a changed set of marks reaches the server. Today: the in-browser map's component
        state when the page has one ({"selection": {"zones": [...], "seq": n}}), else the searchable zone list."""
        comp = self.widgets.get("nm_map")
        if comp is not None and comp.kind == "bidi_component":
            self.seq += 1
            ws = WidgetState(id=comp.id, json_value=json.dumps({"selection": {"zones": sorted(marks), "seq": self.seq}}))
            target = comp
        else:
            target = self.widgets[ZONE_LIST_KEY]
            ws = WidgetState(id=target.id)
            ws.string_array_value.data.extend(labels[z] for z in marks)
        self.states[target.id] = ws
        return await self.rerun(fragment_id=target.fragment_id)

    async def pick(self, key: str, values: list[str]) -> tuple[float, float]:
        """Choose values in a multi-choice widget (pills, multiselect) by their labels."""
        w = self.widgets[key]
        ws = WidgetState(id=w.id)
        ws.string_array_value.data.extend(values)
        self.states[w.id] = ws
        return await self.rerun(fragment_id=w.fragment_id)

    async def go(self, page: str) -> None:
        self.states.clear()
        await self.rerun(page=self.pages[page])

    async def handout(self) -> tuple[str, int, bytes, str]:
        """Ask for the handout like the download button does; fetch it: (url, status, body, replica that answered)."""
        assert self.ws is not None
        msg = BackMsg()
        req = msg.backend_operation_request
        req.request_id, req.session_id = "handout-1", self.session_id
        if "nm_handout.file" not in self.widgets:
            raise RuntimeError(f"no handout button on the page (widgets {sorted(self.widgets)}, errors {self.errors})")
        req.deferred_file.file_id = self.widgets["nm_handout.file"].id
        await self.ws.send(msg.SerializeToString())
        reply = await asyncio.wait_for(self.responses.get(), timeout=60)
        url = reply.backend_operation_response.deferred_file.url
        status, headers, body, _ = await asyncio.to_thread(http_get, self.base + url, self.cookie)
        return url, status, body, headers.get("x-nerve-map-replica", "")


async def person(base: str, zones: list[str], labels: dict[str, str], symptom: str, *, pace: tuple[float, float],
                 rng: random.Random) -> Result:
    result = Result()
    s = Session(base)
    try:
        start = time.perf_counter()
        await s.open(LINK)
        result.open_ms, result.replica = (time.perf_counter() - start) * 1000, s.replica
        marks = sorted(s.zones())
        for zone in [*zones, *zones]:  # mark each, then clear each again
            await asyncio.sleep(rng.uniform(*pace))
            marks = sorted(set(marks) ^ {zone})
            result.taps.append(await s.tap(marks, labels))
            if s.zones() != set(marks):
                result.lost += 1
                marks = sorted(s.zones())
        await asyncio.sleep(rng.uniform(*pace))
        await s.pick(SYMPTOMS_KEY, [symptom])
        if "symptoms" not in parse_qs(s.query):
            result.errors.append("the answer did not reach the link")
        await asyncio.sleep(rng.uniform(*pace))
        await s.go("spine")
        if "page=spine" not in s.query:
            result.errors.append(f"page change not in the link: {s.query}")
        result.completed = not s.errors and not result.errors
    except TimeoutError:
        result.errors.append("no answer from the server within 60 s")
    except Exception as exc:  # one failed session is a number in the report, not the end of the run
        result.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        result.errors += s.errors
        await s.close()
    return result


# --- the server under test -------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(base: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if http_get(base + "/_stcore/health")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{base} did not become healthy")


def start_server(replicas: int, log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    with log_path.open("wb") as log:
        if replicas == 0:
            cmd = [sys.executable, "-m", "streamlit", "run", "explainer/app.py", "--server.address", "127.0.0.1",
                   "--server.port", str(port), "--server.headless", "true"]
        else:
            cmd = ["bash", "deploy/serve.sh", "--replicas", str(replicas), "--port", str(port), "--bind", "127.0.0.1"]
        # PYTHONMALLOC as deploy/serve.sh sets it for a served app (a single process here is served the same way).
        env = {"PYTHONMALLOC": "malloc", **os.environ, "NM_PYTHON": sys.executable}
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base)
    return proc, base


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def streamlit_pids(parent: int) -> list[int]:
    """The Streamlit processes among ``parent`` and its children."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, ppid = int(stat.parent.name), int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if (pid == parent or ppid == parent) and b"streamlit" in cmdline:
            found.append(pid)
    return sorted(found)


def rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


async def settle(pids: list[int], *, quiet_s: float = 25.0, limit_s: float = 180.0) -> float:
    """Wait until the server has been quiet (under 2 % of a core) for quiet_s seconds; returns the seconds waited.
    Memory is compared between two quiet moments: start-up work still running in the background (drawing every
    view once) is not growth, and the app gives freed memory back once it is quiet (explainer/ui/memory.py)."""
    start = time.monotonic()
    samples = [(start, cpu_seconds(pids))]
    while time.monotonic() - start < limit_s:
        await asyncio.sleep(1.0)
        samples.append((time.monotonic(), cpu_seconds(pids)))
        window = [(t, c) for t, c in samples if t >= samples[-1][0] - quiet_s]
        if samples[-1][0] - samples[0][0] >= quiet_s and window[-1][1] - window[0][1] < 0.02 * quiet_s:
            break
    return time.monotonic() - start


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


# --- the run --------------------------------------------------------------------------------------------------------

async def warm_up(base: str, replicas: int, *, zones: list[str], labels: dict[str, str], symptom: str) -> None:
    """One quick person per replica (two places, the answer, the spine page) until every replica has served one: the
    first visit of each page loads its content and libraries once (e.g. Plotly for the spine), which is start-up,
    not growth, so memory 'before' is read after it."""
    seen: set[str] = set()
    for _ in range(10 * replicas):
        result = await person(base, zones[:2], labels, symptom, pace=(0.0, 0.0), rng=random.Random(0))
        seen.add(result.replica)
        if len(seen) >= replicas:
            return


async def run(args: argparse.Namespace, base: str, pids: list[int]) -> list[Result]:
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=args.sessions + 8))
    atlas = load_atlas()
    every = [o.zone for o in zone_options(atlas)]  # every place, each side
    labels = {z: zone_label(atlas, z) for z in every}
    symptom = next(iter(atlas.symptoms))
    await warm_up(base, max(1, args.replicas, len(pids)), zones=every, labels=labels, symptom=symptom)  # --url: one per --pid
    waited = await settle(pids)
    print(f"server quiet after the warm-up ({waited:.0f} s); memory 'before' read now", flush=True)
    args.load_before = os.getloadavg()[0]
    cpu_start = cpu_seconds(pids)
    mem = {"before": rss_mib(pids), "peak": rss_mib(pids)}

    async def sample() -> None:
        while True:
            mem["peak"] = max(mem["peak"], rss_mib(pids))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    rng = random.Random(args.seed)

    async def one(i: int) -> Result:
        mine = random.Random(rng.random())
        await asyncio.sleep(mine.uniform(0, args.ramp))
        return await person(base, mine.sample(every, args.zones), labels, atlas.symptoms[symptom].label,
                            pace=(args.min_pace, args.max_pace), rng=mine)

    results = await asyncio.gather(*(one(i) for i in range(args.sessions)))
    args.load_during = os.getloadavg()[1]  # 5-minute average: mostly the sessions' time
    args.cpu = cpu_seconds(pids) - cpu_start
    print(f"sessions closed; waiting {args.after:.0f} s for memory to settle", flush=True)
    await asyncio.sleep(args.after)
    mem["idle"] = rss_mib(pids)
    # Streamlit keeps a closed page's session for server.disconnectedSessionTTL (30 s here) so it can reconnect, and
    # only reaps expired ones when a session is next saved: the next visit. Read memory after one short visit, once
    # the server is quiet again (as 'before' was read).
    for _ in range(max(1, args.replicas, len(pids))):
        visit = Session(base)
        await visit.open(LINK)
        await visit.close()
    await settle(pids)
    sampler.cancel()
    mem["after"] = rss_mib(pids)
    args.mem = mem
    return list(results)


def report(args: argparse.Namespace, results: list[Result]) -> None:
    taps = [t for r in results for t in r.taps]
    tap_ms, res_ms = [t[0] for t in taps], [t[1] for t in taps]
    opens = [r.open_ms for r in results if r.open_ms]
    errors = [e for r in results for e in r.errors]
    lost = sum(r.lost for r in results)
    done = sum(r.completed for r in results)
    mem = getattr(args, "mem", {})
    growth = 100 * (mem["after"] - mem["before"]) / mem["before"] if mem.get("before") else float("nan")
    where = f"{args.replicas} replica(s) behind nginx" if args.replicas else "one Streamlit process"
    print(f"\n{args.sessions} sessions against {args.url or where}; client: Streamlit websocket protocol (no browser)")
    print(f"machine load average (this machine has {os.cpu_count()} cores): {args.load_before:.1f} before, "
          f"{args.load_during:.1f} over the last 5 min when the sessions ended (other work on the machine counts too)")
    print(f"sessions completed: {done}/{len(results)}; errors: {len(errors)}; lost taps: {lost} of {len(taps)}")
    for e in Counter(errors).most_common(5):
        print(f"  error x{e[1]}: {e[0]}")
    print(f"page open (link -> page, assets, websocket, first run): median {pct(opens, 50):.0f} ms, p95 {pct(opens, 95):.0f} ms")
    print(f"tap -> map element redrawn by the server: median {pct(tap_ms, 50):.0f} ms, p95 {pct(tap_ms, 95):.0f} ms")
    print(f"tap -> results updated (run finished): median {pct(res_ms, 50):.0f} ms, p95 {pct(res_ms, 95):.0f} ms")
    if mem.get("before") and taps:
        print(f"server CPU during the sessions: {args.cpu:.0f} s, about {1000 * args.cpu / len(taps):.0f} ms per tap "
              "(everything the server did, divided by the taps)")
    if mem.get("before"):
        print(f"server memory (RSS, all Streamlit processes): before {mem['before']:.0f} MiB, peak {mem['peak']:.0f} MiB, "
              f"{args.after:.0f} s after {mem['idle']:.0f} MiB, then after one new visit {mem['after']:.0f} MiB "
              f"({growth:+.1f} %)")
    replicas = Counter(r.replica for r in results if r.replica)
    if replicas:
        print("sessions per replica: " + ", ".join(f"replica {k}: {v} ({100 * v / len(results):.0f} %)"
                                                  for k, v in sorted(replicas.items())))
    print(f"sessions={done} errors={len(errors)} lost_taps={lost} tap_p95_ms={pct(tap_ms, 95):.0f} "
          f"results_p95_ms={pct(res_ms, 95):.0f} mem_growth_pct={growth:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--replicas", type=int, default=0)
    ap.add_argument("--url", default="")
    ap.add_argument("--pid", type=int, action="append", default=[])
    ap.add_argument("--zones", type=int, default=20, help="places each session marks and clears again")
    ap.add_argument("--min-pace", type=float, default=1.0)
    ap.add_argument("--max-pace", type=float, default=3.0)
    ap.add_argument("--ramp", type=float, default=5.0, help="sessions start spread over this many seconds")
    ap.add_argument("--after", type=float, default=60.0, help="seconds to wait before the last memory reading")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1, help="run the sessions this many times on the same server "
                    "(memory per round shows whether growth is a one-off high-water mark or keeps rising)")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the server we started on the way out
    proc = None
    if args.url:
        base, pids = args.url.rstrip("/"), args.pid
    else:
        log = ROOT / "test-artifacts" / "load-server.log"
        log.parent.mkdir(exist_ok=True)
        proc, base = start_server(args.replicas, log)
        pids = streamlit_pids(proc.pid)
        print(f"started {base} (Streamlit pids {pids}; log {log.relative_to(ROOT)})", flush=True)
    rounds = []
    try:
        for _ in range(args.rounds):  # the same server, one group of people after another
            results = asyncio.run(run(args, base, pids))
            rounds.append((results, dict(args.mem), args.cpu, args.load_during))
    finally:
        if proc is not None:
            stop_server(proc)
    for k, (_, mem, _, _) in enumerate(rounds, 1):
        if len(rounds) > 1 and mem.get("before"):
            print(f"round {k}: memory before {mem['before']:.0f} MiB, peak {mem['peak']:.0f} MiB, after "
                  f"{mem['after']:.0f} MiB ({100 * (mem['after'] - mem['before']) / mem['before']:+.1f} %)")
    # Times, errors and lost taps over every round; memory growth (last line) from the first round, against the
    # server as it was before anyone used it.
    args.mem, args.cpu, args.load_during = rounds[0][1], sum(r[2] for r in rounds), rounds[-1][3]
    report(args, [r for results, *_ in rounds for r in results])


if __name__ == "__main__":
    main()
