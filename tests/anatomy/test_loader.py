"""The loader: one cached, immutable atlas resolved from the package, not the working directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from explainer.anatomy import Atlas, load_atlas


def test_loader_is_cached(atlas: Atlas) -> None:
    assert load_atlas() is atlas


def test_atlas_is_immutable(atlas: Atlas) -> None:
    with pytest.raises(TypeError):
        atlas.zones["x"] = atlas.zones["face"]  # type: ignore[index]
    with pytest.raises(ValidationError):
        atlas.zones["face"].name = "changed"  # type: ignore[misc]


def test_loading_does_not_depend_on_working_directory(tmp_path: Path) -> None:
    from explainer.anatomy import load_atlas_from
    from explainer.paths import CONTENT_DIR

    here = Path.cwd()
    try:
        os.chdir(tmp_path)
        assert len(load_atlas_from(CONTENT_DIR).roots) == 29
    finally:
        os.chdir(here)


def test_check_command_summary(capsys: pytest.CaptureFixture[str]) -> None:
    from explainer.cli import main

    assert main(["check"]) == 0
    out = capsys.readouterr().out
    for word in ("roots", "nerves", "zones", "movements", "reflexes", "sources", "OK"):
        assert word in out
