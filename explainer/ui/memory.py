"""Give memory back to the system when the server goes quiet.

A busy period (many people tapping at once) raises the process's memory high-water mark: Python and the C
allocator keep freed memory for reuse rather than returning it, so a server that served 50 people at 10:00 still
holds their peak at 11:00. A background thread looks at the process's CPU time every ``QUIET_S`` seconds. At the
first quiet look after activity (under 2 % of a core) it runs a full garbage collection and asks glibc to return free
pages (``malloc_trim``); it does so once more when the sessions of the pages that just closed have expired
(Streamlit keeps them ``server.disconnectedSessionTTL`` seconds for reconnecting, and drops expired ones only when
asked). Served replicas run with PYTHONMALLOC=malloc (deploy/serve.sh) so Python's objects live in the C heap that
the trim returns. Nothing runs while people are using the app, and nothing about any session is read or kept.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import math
import os
import sys
import threading
import time

QUIET_S = 10.0  # seconds between looks at the CPU time
IDLE_SHARE = 0.02  # a look is quiet at most this share of one core used since the last look
_STARTED = threading.Lock()


class Trimmer:
    """When to give memory back, from the CPU seconds used between looks (no clock, no threads: unit-tested)."""

    def __init__(self, *, quiet_s: float = QUIET_S, idle_share: float = IDLE_SHARE, ttl_s: float = 30.0) -> None:
        self.limit = idle_share * quiet_s
        self.follow = math.ceil(ttl_s / quiet_s) + 1  # quiet looks until the closed pages' sessions have expired
        self.busy = False
        self.left = 0

    def look(self, used_s: float) -> bool:
        """True when memory should be given back now."""
        if used_s > self.limit:
            self.busy, self.left = True, 0
            return False
        if self.busy:  # the first quiet look after activity
            self.busy, self.left = False, self.follow
            return True
        if self.left:
            self.left -= 1
            return self.left == 0
        return False


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None  # glibc only (not musl, not macOS)


def _session_ttl() -> float:
    try:
        from streamlit import config

        return float(config.get_option("server.disconnectedSessionTTL"))
    except Exception:  # outside a Streamlit server (tests)
        return 30.0


def _drop_expired_sessions() -> None:
    """Ask Streamlit's session store to drop sessions whose time to reconnect has run out, on Streamlit's own event
    loop (the store is not thread-safe), and wait for it. Internal API: if it has moved, nothing happens (they are
    then dropped when the next visitor arrives, as without this)."""
    try:
        from streamlit.runtime import Runtime

        runtime = Runtime.instance()
        cache = runtime._session_mgr._session_storage._cache  # type: ignore[attr-defined]
        done = threading.Event()

        def expire() -> None:
            try:
                cache.expire()
            finally:
                done.set()

        runtime._get_async_objs().eventloop.call_soon_threadsafe(expire)
        done.wait(timeout=5)
    except Exception:
        pass


def _rss_mib() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


def give_back(libc: ctypes.CDLL | None = None) -> None:
    """One collection and, on glibc, a trim of the C heap (returns freed pages to the system). With
    NERVE_MAP_TIMING=1 (the benchmarks' switch) it prints the process's memory before and after - numbers only."""
    before = _rss_mib()
    gc.collect()
    collected = _rss_mib()
    if libc is not None:
        libc.malloc_trim(0)
    if os.environ.get("NERVE_MAP_TIMING") == "1":
        print(f"NERVE_MAP_MEMORY rss_mib before={before:.1f} after_gc={collected:.1f} after_trim={_rss_mib():.1f} "
              f"objects={len(gc.get_objects())}", file=sys.stderr, flush=True)


def _watch(trimmer: Trimmer, quiet_s: float) -> None:
    libc = _libc()
    last = time.process_time()
    while True:
        time.sleep(quiet_s)
        if trimmer.look(time.process_time() - last):
            _drop_expired_sessions()
            give_back(libc)
        last = time.process_time()  # the trim's own time is not activity


def start_trimmer(*, quiet_s: float = QUIET_S, idle_share: float = IDLE_SHARE) -> bool:
    """Start the watcher once per process; True when this call started it."""
    if not _STARTED.acquire(blocking=False):
        return False
    trimmer = Trimmer(quiet_s=quiet_s, idle_share=idle_share, ttl_s=_session_ttl())
    threading.Thread(target=_watch, args=(trimmer, quiet_s), daemon=True, name="nm-memory").start()
    return True
