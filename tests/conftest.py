"""Shared fixtures. The browser fixtures live here (not in tests/browser/) so that every folder that drives
Chromium shares ONE session-wide playwright: a second sync_playwright in the same process fails."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from explainer.anatomy import Atlas, load_atlas


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    return load_atlas()


@pytest.fixture(scope="session")
def chromium() -> str:
    from tests.browser.conftest import chromium_path

    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium not found in CI: install it with `apt-get install -y chromium`")
        pytest.skip("Chromium not found: install it with `apt-get install -y chromium` to run browser tests")
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
