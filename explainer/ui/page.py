"""The script Streamlit runs for every page view (``explainer/app.py`` serves it). A thin shell over the domain
package."""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts this file's folder on sys.path, not the project: add the project root.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

# An emoji, not a Material icon: as the page icon a Material icon is fetched from fonts.gstatic.com (an outside
# request; the app must work offline and send nothing anywhere). Without a page icon here, Streamlit shows the page's
# own (Material) icon, so it cannot wait until after the page is drawn. Checking an emoji loads Streamlit's emoji
# table (~0.1 s): a new server loads it as it starts (explainer/ui/warmup.py).
st.set_page_config(page_title="Nerve Map", page_icon="🩺", layout="wide", initial_sidebar_state="collapsed")
import explainer.ui.state  # noqa: E402, F401  (first: it tells explainer.i18n where this session's language is)
from explainer.ui.reconnect import reconnect_notice  # noqa: E402

reconnect_notice()  # a calm "Reconnecting…" bar if the connection drops (pure CSS, already in the page by then)
from explainer.ui.nav import run  # noqa: E402

run()
from explainer.ui.memory import start_trimmer  # noqa: E402

start_trimmer()  # once per process: give memory back after a busy spell (explainer/ui/memory.py)
