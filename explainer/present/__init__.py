"""Presenters: pure functions that turn app state into plain display data (no streamlit import)."""
