"""Give memory back to the system when the server goes quiet.

A busy period (many people tapping at once) raises the process's memory high-water mark: Python and the C
allocator keep freed memory for reuse rather than returning it, so a server that served 50 people at 10:00 still
holds their peak at 11:00. Once per quiet spell - the process used under 2 % of a core for ``QUIET_S`` seconds after
having been busy - a background thread runs a full garbage collection and asks glibc to return free pages
(``malloc_trim``). Nothing runs while people are using the app, and nothing about any session is read or kept.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
import threading
import time

QUIET_S = 10.0  # seconds of near-idle CPU that count as "quiet"
IDLE_SHARE = 0.02  # at most this share of one core in that time
_STARTED = threading.Lock()


def _libc_trim() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None  # glibc only (not musl, not macOS)


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


def step(*, used_s: float, busy: bool, quiet_s: float = QUIET_S, idle_share: float = IDLE_SHARE) -> tuple[bool, bool]:
    """One look at the CPU time used in the last ``quiet_s`` seconds: (trim now?, busy since the last trim?).
    Trim once at the first quiet spell after activity, then not again until there has been activity."""
    if used_s > idle_share * quiet_s:
        return False, True
    return busy, False


def _watch(*, quiet_s: float, idle_share: float) -> None:
    libc = _libc_trim()
    busy = False
    last = time.process_time()
    while True:
        time.sleep(quiet_s)
        now = time.process_time()
        trim, busy = step(used_s=now - last, busy=busy, quiet_s=quiet_s, idle_share=idle_share)
        if trim:
            give_back(libc)
        last = time.process_time()  # the trim's own time is not activity


def start_trimmer(*, quiet_s: float = QUIET_S, idle_share: float = IDLE_SHARE) -> bool:
    """Start the watcher once per process; True when this call started it."""
    if not _STARTED.acquire(blocking=False):
        return False
    threading.Thread(target=_watch, kwargs={"quiet_s": quiet_s, "idle_share": idle_share}, daemon=True,
                     name="nm-memory").start()
    return True
