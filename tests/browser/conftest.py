"""Browser tests: start the real app on a free port and drive Debian's headless Chromium through playwright.

Without Chromium the tests are skipped with instructions (and fail in CI, where CI=true).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from explainer.paths import PROJECT_DIR

ARTIFACTS = PROJECT_DIR / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(port: int) -> subprocess.Popen[bytes]:
    """`streamlit run explainer/app.py` on ``port``; returns once the health check answers."""
    cmd = [sys.executable, "-m", "streamlit", "run", "explainer/app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.fileWatcherType", "none"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n", encoding="utf-8")
    with (ARTIFACTS / "app-server.log").open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    stop_app(proc)
    raise RuntimeError("the app did not start within 30 s")


def stop_app(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


@pytest.fixture(scope="session")
def app_url(chromium: str) -> Iterator[str]:
    port = free_port()
    proc = start_app(port)
    try:
        yield f"http://localhost:{port}"
    finally:
        stop_app(proc)


@dataclass
class Traffic:
    """Every request (and websocket) the page made."""

    urls: list[str] = field(default_factory=list)


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Any, traffic: Traffic) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    pg = context.new_page()
    pg.on("request", lambda r: traffic.urls.append(r.url))
    pg.on("websocket", lambda ws: traffic.urls.append(ws.url))
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n", encoding="utf-8")
    return ARTIFACTS
