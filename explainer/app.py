"""Streamlit entry point: ``streamlit run explainer/app.py``. A thin shell over the domain package."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts this file's folder on sys.path, not the project: add the project root.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

st.set_page_config(page_title="Nerve Map", page_icon="🩺", layout="wide", initial_sidebar_state="collapsed")
# A tiny chart first thing: the browser starts fetching its (large) chart code while the server loads the content.
_warm = st.empty()
if "nm_warm" not in st.session_state:
    st.session_state["nm_warm"] = True
    _warm.plotly_chart({"data": [{"type": "scatter", "x": [0], "y": [0], "mode": "markers", "marker": {"opacity": 0}}],
                        "layout": {"height": 10, "width": 10, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}}},
                       config={"staticPlot": True}, width="content")

from explainer.ui.nav import run  # noqa: E402

run()
_warm.empty()
