"""body_map.json records the landmark file it was drawn from; the check refuses a stale one (and never needs tools/)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.bodymap.freshness import freshness_problems, landmark_digest
from explainer.bodymap.geometry import load_body_map_from
from explainer.paths import ASSETS_DIR, CONTENT_DIR, PACKAGE_DIR

STALE = "assets/body_map.json is older than assets/body_landmarks.yaml — run `.venv/bin/python tools/draw_body.py`"


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    """A copy of assets/ (the landmark file is found next to body_map.json)."""
    shutil.copytree(ASSETS_DIR, tmp_path / "assets")
    return tmp_path / "assets"


def test_the_committed_body_map_is_drawn_from_the_committed_landmarks() -> None:
    recorded = json.loads((ASSETS_DIR / "body_map.json").read_text(encoding="utf-8"))["generated_from"]
    assert recorded == {"file": "assets/body_landmarks.yaml", "sha256": landmark_digest(ASSETS_DIR / "body_landmarks.yaml")}
    assert freshness_problems() == []


def test_an_edited_landmark_file_makes_the_body_map_stale(assets: Path) -> None:
    landmarks = assets / "body_landmarks.yaml"
    landmarks.write_text(landmarks.read_text(encoding="utf-8").replace("[0.33, 2.05, 0.25, 0.27]", "[0.33, 2.05, 0.3, 0.27]"),
                         encoding="utf-8")
    assert freshness_problems(body_path=assets / "body_map.json") == [STALE]


def test_a_windows_checkout_of_the_same_file_is_not_stale(assets: Path) -> None:
    landmarks = assets / "body_landmarks.yaml"
    landmarks.write_bytes(landmarks.read_bytes().replace(b"\n", b"\r\n"))
    assert freshness_problems(body_path=assets / "body_map.json") == []


def test_a_missing_record_or_landmark_file_is_reported(assets: Path) -> None:
    body = assets / "body_map.json"
    (assets / "body_landmarks.yaml").unlink()
    [missing] = freshness_problems(body_path=body)
    assert "assets/body_landmarks.yaml" in missing and "missing" in missing
    data = json.loads(body.read_text(encoding="utf-8"))
    del data["generated_from"]
    body.write_text(json.dumps(data), encoding="utf-8")
    [unrecorded] = freshness_problems(body_path=body)
    assert "generated_from" in unrecorded and "tools/draw_body.py" in unrecorded


def test_the_app_reads_the_body_map_without_the_landmark_file(assets: Path) -> None:
    (assets / "body_landmarks.yaml").unlink()
    body = load_body_map_from(assets / "body_map.json", assets / "zone_vocabulary.json")
    assert "knee_lateral_right" in body.views["front"].zones


def test_check_command_refuses_a_stale_body_map(tmp_path: Path) -> None:
    """`python -m explainer check` on a copy of the project (package, content, assets; no tools/): exit 1, no traceback."""
    shutil.copytree(PACKAGE_DIR, tmp_path / "explainer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    shutil.copytree(ASSETS_DIR, tmp_path / "assets")
    landmarks = tmp_path / "assets" / "body_landmarks.yaml"
    landmarks.write_text(landmarks.read_text(encoding="utf-8") + "# nudged\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "explainer", "check"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert f"ERROR assets: {STALE}" in run.stdout
