"""Shared fixtures."""

from __future__ import annotations

import pytest

from explainer.anatomy import Atlas, load_atlas


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    return load_atlas()
