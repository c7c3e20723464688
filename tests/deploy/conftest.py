"""deploy/serve.sh under test: 2 Streamlit replicas behind Debian's nginx on free ports.

Without nginx the tests skip with instructions; in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from explainer.paths import PROJECT_DIR
from tests.browser.conftest import free_port

T = TypeVar("T")

SERVE = PROJECT_DIR / "deploy" / "serve.sh"
ARTIFACTS = PROJECT_DIR / "test-artifacts"


def nginx_path() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@dataclass
class Served:
    url: str
    proc: subprocess.Popen[bytes]
    log: Path


def start_serve(*args: str, log_name: str) -> Served:
    if nginx_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx not found in CI: install it with `apt-get install -y nginx`")
        pytest.skip("nginx not found: install it with `apt-get install -y nginx` to test deploy/serve.sh")
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n", encoding="utf-8")
    log = ARTIFACTS / log_name
    with log.open("wb") as out:
        proc = subprocess.Popen(["bash", str(SERVE), "--port", str(port), "--bind", "127.0.0.1", *args],
                                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NM_PYTHON": sys.executable})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve.sh exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return Served(url, proc, log)
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.3)
    stop_serve(proc)
    raise RuntimeError("serve.sh did not become healthy within 90 s")


def stop_serve(proc: subprocess.Popen[bytes]) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
        raise


@pytest.fixture(scope="session")
def served() -> Iterator[Served]:
    s = start_serve("--replicas", "2", log_name="serve-2-replicas.log")
    try:
        yield s
    finally:
        stop_serve(s.proc)


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a worker thread: the session's playwright (browser tests) keeps an event loop running in
    the main thread, where asyncio.run would refuse to start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
