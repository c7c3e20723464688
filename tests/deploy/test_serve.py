"""deploy/serve.sh, over plain HTTP and Streamlit's websocket protocol: what nginx adds and where requests go."""

from __future__ import annotations

import gzip
import os
import re
import secrets
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.load import Session
from explainer.paths import PROJECT_DIR
from tests.deploy.conftest import SERVE, Served, nginx_path, run_async, start_serve, stop_serve

LINK = "zones=foot_dorsum_right,great_toe_dorsal_right&view=foot_top&symptoms=tingling"


def get(url: str, *, cookie: str = "", gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    headers = {"Cookie": cookie} if cookie else {}
    if gzip_ok:
        headers["Accept-Encoding"] = "gzip"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, b""


def route_cookie(headers: dict[str, str]) -> str:
    match = re.search(r"nm_route=([0-9a-f]+)", headers.get("set-cookie", ""))
    assert match, f"no nm_route cookie in {headers.get('set-cookie')!r}"
    return f"nm_route={match.group(1)}"


def cookie_for_other_replica(url: str, replica: str) -> str:
    for _ in range(200):
        cookie = f"nm_route={secrets.token_hex(16)}"
        if get(url + "/_stcore/health", cookie=cookie)[1].get("x-nerve-map-replica") != replica:
            return cookie
    raise AssertionError("200 random cookies all went to one replica")


def test_health_passes_through(served: Served) -> None:
    status, headers, body = get(served.url + "/_stcore/health")
    assert (status, body) == (200, b"ok")
    assert headers.get("x-nerve-map-replica") in {"1", "2"}


def test_security_headers_on_the_page_and_its_scripts(served: Served) -> None:
    status, _, html = get(served.url + "/")
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', html)
    assert status == 200 and script
    for url in (served.url + "/", f"{served.url}/{script.group(1).decode()}", served.url + "/_stcore/health"):
        h = get(url)[1]
        csp = h.get("content-security-policy", "")
        assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp and "object-src 'none'" in csp, url
        scripts = csp.split("script-src", 1)[1].split(";")[0]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, scripts
        assert h.get("x-content-type-options") == "nosniff"
        assert h.get("referrer-policy") == "no-referrer"
        assert "server" not in h or "nginx/" not in h["server"], "nginx must not announce its version"


def test_javascript_css_and_text_are_gzipped(served: Served) -> None:
    html = get(served.url + "/")[2]
    sizes = {"plain": 0, "packed": 0}
    assets = re.findall(rb'(?:src|href)="\./(static/[^"]+\.(?:js|css))"', html)
    assert any(a.endswith(b".js") for a in assets) and any(a.endswith(b".css") for a in assets)
    for asset in assets:
        url = f"{served.url}/{asset.decode()}"
        plain = get(url)
        packed = get(url, gzip_ok=True)
        assert "content-encoding" not in plain[1], "no gzip for a client that did not ask for it"
        if len(plain[2]) < 1024:  # too small to be worth it
            continue
        assert packed[1].get("content-encoding") == "gzip", url
        assert gzip.decompress(packed[2]) == plain[2]
        sizes["plain"] += len(plain[2])
        sizes["packed"] += len(packed[2])
    assert sizes["packed"] < 0.4 * sizes["plain"], sizes


def test_nginx_serves_streamlits_bundles_itself(served: Served) -> None:
    html = get(served.url + "/")[2]
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', html)
    assert script
    path = "/" + script.group(1).decode()
    status, headers, body = get(served.url + path)
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert "x-nerve-map-replica" not in headers, "no replica was asked"
    assert "immutable" in headers["cache-control"]
    assert headers["x-content-type-options"] == "nosniff" and "content-security-policy" in headers
    replica = _replica_ports(served)[0]
    assert get(f"http://127.0.0.1:{replica}{path}")[2] == body, "the same file a replica would send"
    assert get(served.url + "/static/js/no-such-file.js")[1].get("x-nerve-map-replica"), "unknown files go to a replica"


def test_the_route_cookie_is_set_once_and_keeps_a_browser_on_one_replica(served: Served) -> None:
    first = get(served.url + "/")[1]
    cookie = route_cookie(first)
    assert "HttpOnly" in first["set-cookie"] and "Path=/" in first["set-cookie"]
    replicas = set()
    for _ in range(12):
        status, headers, _ = get(served.url + "/_stcore/health", cookie=cookie)
        assert status == 200 and "nm_route" not in headers.get("set-cookie", ""), "a known browser gets no new cookie"
        replicas.add(headers["x-nerve-map-replica"])
    assert replicas == {first["x-nerve-map-replica"]}
    # ... while new browsers (from the same address) are spread over both replicas.
    spread = {get(served.url + "/_stcore/health")[1]["x-nerve-map-replica"] for _ in range(40)}
    assert spread == {"1", "2"}


def test_websocket_upgrade_reaches_the_same_replica_and_runs_the_app(served: Served) -> None:
    async def visit() -> tuple[str, str, set[str], str]:
        s = Session(served.url)
        await s.open(LINK)
        assert s.ws is not None
        ws_replica = s.ws.response.headers.get("X-Nerve-Map-Replica", "") if s.ws.response else ""
        await s.close()
        return s.replica, ws_replica, s.zones(), s.session_id

    page_replica, ws_replica, zones, session_id = run_async(visit())
    assert session_id, "the server opened a session over the websocket"
    assert zones == {"foot_dorsum_right", "great_toe_dorsal_right"}
    assert ws_replica == page_replica


def test_the_handout_download_reaches_the_replica_that_made_it(served: Served) -> None:
    async def handout() -> tuple[Session, str, int, bytes, str]:
        s = Session(served.url)
        await s.open(LINK)
        url, status, body, replica = await s.handout()
        await s.close()
        return s, url, status, body, replica

    s, url, status, body, replica = run_async(handout())
    assert url.startswith("/media/")
    assert status == 200 and body.startswith(b"%PDF") and replica == s.replica
    # The file lives only in the replica that made it: the cookie is what gets the browser there.
    other = cookie_for_other_replica(served.url, s.replica)
    assert get(served.url + url, cookie=other)[0] == 404


@pytest.mark.parametrize("query", [
    "&".join(f"zones=z{i}" for i in range(1_001)),  # more than 1,000 parts
    "zones=" + "a" * 20_001,  # more than 20,000 characters
    "zones=" + "b" * 40_000,  # beyond what nginx reads at all
])
def test_a_link_too_long_to_open_gets_a_clear_page(served: Served, query: str) -> None:
    try:
        with urllib.request.urlopen(f"{served.url}/?{query}", timeout=30) as r:
            status, headers, body = r.status, dict(r.headers.items()), r.read()
    except urllib.error.HTTPError as e:
        status, headers, body = e.code, dict(e.headers.items()), e.read()
    assert status == 414
    text = body.decode()
    assert "This link is too long to open" in text and 'href="/"' in text
    assert "zones" not in text and "aaaa" not in text  # nothing from the link is shown
    assert "content-security-policy" in {k.lower() for k in headers}
    assert get(f"{served.url}/?{LINK}")[0] == 200  # an ordinary link still opens


def test_streamlit_internals_are_not_exposed(served: Served) -> None:
    assert get(served.url + "/_stcore/metrics")[0] == 404
    ports = _replica_ports(served)
    assert len(ports) == 2
    listening = _listening()
    for port in ports:
        assert listening.get(port) == {"127.0.0.1"}, f"replica port {port} listens on {listening.get(port)}"


def test_stops_cleanly_on_sigterm_and_lets_the_clinic_choose_frame_ancestors() -> None:
    s = start_serve("--replicas", "1", "--frame-ancestors", "'self' https://records.example.org",
                    log_name="serve-1-replica.log")
    children = [p for p in Path("/proc").glob("[0-9]*") if _ppid(p) == s.proc.pid]
    csp = get(s.url + "/")[1]["content-security-policy"]
    assert "frame-ancestors 'self' https://records.example.org" in csp
    assert stop_serve(s.proc) == 143  # bash: 128 + SIGTERM, after stopping its children
    assert not [p for p in children if p.exists()], "replicas and nginx stop with serve.sh"
    with pytest.raises(OSError):
        urllib.request.urlopen(s.url + "/_stcore/health", timeout=2)


@pytest.mark.parametrize("bad", [["--frame-ancestors", "'self'\"; add_header X 1"], ["--replicas", "0"],
                                 ["--port", "http"], ["--bind", "0.0.0.0; evil"]])
def test_bad_options_are_refused_before_anything_starts(bad: list[str]) -> None:
    done = subprocess.run(["bash", str(SERVE), *bad], cwd=PROJECT_DIR, capture_output=True, timeout=30, check=False)
    assert done.returncode == 2 and b"serve.sh:" in done.stderr


def _replica_ports(served: Served) -> list[int]:
    """The ports the Streamlit replicas under serve.sh were started on (from their command lines)."""
    ports = []
    for proc in Path("/proc").glob("[0-9]*"):
        args = _read(proc / "cmdline").split(b"\0")
        if _ppid(proc) == served.proc.pid and b"streamlit" in b" ".join(args) and b"--server.port" in args:
            ports.append(int(args[args.index(b"--server.port") + 1]))
    return sorted(ports)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _ppid(proc: Path) -> int:
    stat = _read(proc / "stat").decode(errors="replace")
    return int(stat.rsplit(")", 1)[1].split()[1]) if ")" in stat else -1


def _listening() -> dict[int, set[str]]:
    """Listening TCP ports and their addresses, from /proc/net/tcp{,6}."""
    found: dict[int, set[str]] = {}
    for name in ("tcp", "tcp6"):
        for line in _read(Path("/proc/net") / name).decode().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state != "0A":  # LISTEN
                continue
            addr, port = local.split(":")
            text = ".".join(str(int(addr[i:i + 2], 16)) for i in (6, 4, 2, 0)) if len(addr) == 8 else f"v6:{addr}"
            found.setdefault(int(port, 16), set()).add(text)
    return found


def test_a_busy_port_stops_everything_with_a_clear_message() -> None:
    if nginx_path() is None:
        pytest.skip("nginx not found: install it with `apt-get install -y nginx`")
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        done = subprocess.run(["bash", str(SERVE), "--replicas", "1", "--port", str(port), "--bind", "127.0.0.1"],
                              cwd=PROJECT_DIR, capture_output=True, timeout=120, check=False,
                              env={**os.environ, "NM_PYTHON": sys.executable})
    assert done.returncode == 1
    assert f"is port {port} free?" in done.stderr.decode()


def test_replicas_run_with_the_c_allocator_so_memory_can_be_given_back(served: Served) -> None:
    """serve.sh sets PYTHONMALLOC=malloc for the replicas (explainer/ui/memory.py returns freed memory to the system
    once the server is quiet; with Python's own small-object allocator a busy spell's memory stays for good)."""
    replicas = [p for p in Path("/proc").glob("[0-9]*") if _ppid(p) == served.proc.pid
                and b"streamlit" in _read(p / "cmdline")]
    assert len(replicas) == 2
    for proc in replicas:
        env = dict(item.split(b"=", 1) for item in _read(proc / "environ").split(b"\0") if b"=" in item)
        assert env.get(b"PYTHONMALLOC") == b"malloc"
