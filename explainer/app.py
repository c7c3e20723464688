"""Streamlit entry point: ``streamlit run explainer/app.py``. Serves ``explainer/ui/page.py`` (the script run for every
page view) and, as the server starts, warms what the first page needs (``explainer/ui/warmup.py``)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

# Streamlit puts this file's folder on sys.path, not the project: add the project root.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from explainer.ui.warmup import start_warm_up  # noqa: E402


@asynccontextmanager
async def _lifespan(_app: Any) -> AsyncIterator[None]:
    start_warm_up()  # in a thread: the server answers at once
    yield


app = st.App("ui/page.py", lifespan=_lifespan)
