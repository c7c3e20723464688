"""Nerve Map: an interactive, sourced explainer of nerve roots, dermatomes and peripheral nerves.

The domain core (``anatomy``, ``engine``, ``bodymap``, ``handout``) never imports streamlit;
``explainer/app.py`` (the server's entry point), ``explainer/page.py`` (the script run for each page view) and
``explainer/ui/`` are the thin Streamlit shell.
"""

__version__ = "0.1.0"
