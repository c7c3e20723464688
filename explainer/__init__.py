"""Nerve Map: an interactive, sourced explainer of nerve roots, dermatomes and peripheral nerves.

The domain core (``anatomy``, ``engine``, ``bodymap``, ``handout``) never imports streamlit;
``explainer/app.py`` (the server's entry point) and ``explainer/ui/`` (with ``ui/page.py``, the script run for each
page view) are the thin Streamlit shell.
"""

__version__ = "0.1.0"
