"""AppTest helpers: run the real app script with a query string or seeded app-owned state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from explainer.paths import PACKAGE_DIR

APP = str(PACKAGE_DIR / "ui" / "page.py")


def texts_of(at: AppTest) -> str:
    """Every piece of visible text (markdown, alerts, captions, headings) joined for searching."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    return "\n".join(parts)


@pytest.fixture
def run_app() -> Callable[..., AppTest]:
    def run(query: dict[str, str] | None = None, *, seed: dict[str, object] | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for k, v in (query or {}).items():
            at.query_params[k] = v
        for k, v in (seed or {}).items():
            at.session_state[k] = v
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run
