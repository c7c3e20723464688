"""Warm a new server while the first browser is still loading Streamlit's front end.

A new server's first page used to wait ~0.7 s for its first run: importing the app, reading and validating all content,
Streamlit's emoji table (the page icon) and drawing the default view. The browser spends about as long loading
Streamlit's own front end before it asks for that run, so the server does this work then, as it starts
(``explainer/app.py``'s lifespan hook). The thread runs at the lowest CPU priority: on a small machine the browser and
the server's own event loop need the cores more (at normal priority it slowed the front end's load by ~0.2 s).
Everything here is cached for the process anyway (loaders and ``st.cache_resource``), so a page that arrives first
simply finds part of it done.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time

_LOGGER = logging.getLogger(__name__)
_STARTED = threading.Lock()
SWITCH_S = 0.0002  # while warming: Python's default is 0.005 s


def _lowest_priority() -> None:
    """On Linux a thread's nice value is its own: lower only this one."""
    with contextlib.suppress(AttributeError, OSError):  # another system, or not allowed: it competes normally
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def warm_up() -> float:
    """Import and load what a first Where page needs, in the default language; returns the seconds it took."""
    start = time.perf_counter()
    from streamlit.emojis import ALL_EMOJIS  # noqa: F401  (the page icon is checked against it)

    from explainer.i18n import DEFAULT_LANG, use_lang

    with use_lang(DEFAULT_LANG):  # no session here to say which language
        import explainer.ui.memory
        import explainer.ui.reconnect
        import explainer.ui.state  # noqa: F401
        from explainer.ui import nav, where, where_map  # noqa: F401  (where: the default page)

        nav.load_everything()
        where_map.warm_default_view()
    return time.perf_counter() - start


def _run() -> None:
    _lowest_priority()
    switch = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_S)  # hand the interpreter back to the server's event loop sooner while warming
    try:
        _LOGGER.debug("warm-up took %.2f s", warm_up())
    except Exception:  # a warm-up is an optimisation: the page itself reports any real error
        _LOGGER.warning("warm-up failed", exc_info=True)
    finally:
        sys.setswitchinterval(switch)


def start_warm_up() -> None:
    """Once per process, in a daemon thread."""
    if _STARTED.acquire(blocking=False):
        threading.Thread(target=_run, name="nm-warm-up", daemon=True).start()
