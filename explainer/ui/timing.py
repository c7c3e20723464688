"""Opt-in server-side timing for the benchmark: with NERVE_MAP_TIMING=1 the app prints how long each map click took
to handle (callback start -> last element sent). Only durations are printed, never what was marked."""

from __future__ import annotations

import os
import sys
import time

import streamlit as st

ENV = "NERVE_MAP_TIMING"
_KEY = "nm_timing_t0"


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


def start() -> None:
    if enabled():
        st.session_state[_KEY] = time.perf_counter()


def stop(label: str) -> None:
    t0 = st.session_state.pop(_KEY, None) if enabled() else None
    if t0 is not None:
        print(f"NERVE_MAP_RERUN_MS {label} {(time.perf_counter() - t0) * 1000:.1f}", file=sys.stderr, flush=True)
