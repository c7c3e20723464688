"""Shared by the content tests: a writable copy of content/ and an exact one-place edit of a file in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.paths import CONTENT_DIR


@pytest.fixture()
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
