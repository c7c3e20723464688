"""tools/draw_body.py: the landmark file reproduces the committed body map exactly; a broken file is named.

The generator is a developer tool (not part of the package): it is loaded from its path, as it is run.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from explainer.anatomy.errors import ContentError
from explainer.paths import ASSETS_DIR, PROJECT_DIR

SCRIPT = PROJECT_DIR / "tools" / "draw_body.py"
LANDMARKS = ASSETS_DIR / "body_landmarks.yaml"
NAME = "assets/body_landmarks.yaml"


@pytest.fixture(scope="module")
def draw_body() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_body", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = LANDMARKS.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in the landmark file"
    path = tmp_path / "body_landmarks.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_regenerating_from_another_directory_reproduces_the_committed_body_map_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "body_map.json"
    run = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "PROBLEM" not in run.stdout
    assert out.read_bytes() == (ASSETS_DIR / "body_map.json").read_bytes()


def test_a_nudged_landmark_redraws_only_its_part(tmp_path: Path, draw_body: ModuleType) -> None:
    """Widening the knee (the leg tube's knee row, lateral half-width) moves the knee, not the face."""
    landmarks = _edited(tmp_path, "[0.33, 2.05, 0.25, 0.27]", "[0.33, 2.05, 0.31, 0.27]")
    out = tmp_path / "body_map.json"
    assert draw_body.generate(landmarks=landmarks, out=out) == []
    new, old = (json.loads(p.read_text(encoding="utf-8")) for p in (out, ASSETS_DIR / "body_map.json"))
    front_new, front_old = new["views"]["front"]["zones"], old["views"]["front"]["zones"]
    assert front_new["knee_lateral_right"] != front_old["knee_lateral_right"]
    assert front_new["face_right"] == front_old["face_right"]
    assert new["views"]["hand_palm"] == old["views"]["hand_palm"]
    assert new["generated_from"]["sha256"] != old["generated_from"]["sha256"]


BROKEN = {
    "not an end offset": ("t: [end+0.11, 9]", "t: [ned+0.11, 9]", "front.cells[0] (deco:hand)",
                          "shape.intersection.1.limb_cell.t.0", "end+0.1"),
    "a required number deleted": ("  closing: 0.05  #", "  #", "body", "closing", "Field required"),
    "two tags in one shape": ("{zone: face, shape: head_cell}", "{zone: face, shape: {ref: head_cell, box: [0, 0, 1, 1]}}",
                              "front.cells[3] (face)", "shape", "exactly one of"),
    "a word for a number": ("{root: T2, zone: axilla, at: [0.72, 5.62]}", "{root: T2, zone: axilla, at: [0.72, high]}",
                            "front.key_points[4] (T2)", "at.xy.1", "valid number"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_landmark_file_names_file_record_and_field(tmp_path: Path, draw_body: ModuleType, case: str) -> None:
    old, new, record, field, words = BROKEN[case]
    with pytest.raises(ContentError) as info:
        draw_body.load_landmarks(_edited(tmp_path, old, new), name=NAME)
    err = info.value
    assert (err.file, err.record, err.field) == (NAME, record, field), str(err)
    assert words in err.problem


def test_an_unknown_name_is_reported_where_it_is_used(tmp_path: Path, draw_body: ModuleType) -> None:
    landmarks = _edited(tmp_path, "{zone: face, shape: head_cell}", "{zone: face, shape: head_cel}")
    with pytest.raises(ContentError) as info:
        draw_body.build_views(draw_body.load_landmarks(landmarks, name=NAME), file=NAME)
    err = info.value
    assert (err.record, err.field) == ("front.cells[3] (face)", "shape")
    assert "unknown shape 'head_cel'" in err.problem and "head_cell" in err.problem


def test_a_cell_left_empty_by_painting_order_is_named(tmp_path: Path, draw_body: ModuleType) -> None:
    """Moving the whole arm cell before the antecubital cells leaves those cells nothing to paint."""
    text = LANDMARKS.read_text(encoding="utf-8")
    arm = "    - {zone: arm_anterior, shape: arm_cell}\n"
    text = text.replace(arm, "").replace("    - {zone: wrist_volar,", arm + "    - {zone: wrist_volar,")
    path = tmp_path / "body_landmarks.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        draw_body.build_views(draw_body.load_landmarks(path, name=NAME), file=NAME)
    assert info.value.record == "front.cells[8] (wrist_volar)" and "empty" in info.value.problem


def test_the_command_reports_a_broken_file_without_a_traceback(tmp_path: Path) -> None:
    landmarks = _edited(tmp_path, "t: [end+0.11, 9]", "t: [ned+0.11, 9]")
    shutil.copy(ASSETS_DIR / "body_map.json", tmp_path / "before.json")
    out = tmp_path / "body_map.json"
    run = subprocess.run([sys.executable, str(SCRIPT), "--landmarks", str(landmarks), "--out", str(out)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert "record 'front.cells[0] (deco:hand)', field 'shape.intersection.1.limb_cell.t.0'" in run.stderr
    assert str(landmarks) in run.stderr
    assert not out.exists(), "nothing is written from a broken landmark file"
