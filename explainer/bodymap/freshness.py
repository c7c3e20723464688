"""Is assets/body_map.json drawn from the current assets/body_landmarks.yaml? (``python -m explainer check``)

``tools/draw_body.py`` records the landmark file's name and SHA-256 in body_map.json (``generated_from``);
the check recomputes it. The app itself only reads body_map.json and never needs the landmark file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from explainer.anatomy.files import read_json
from explainer.bodymap import geometry

LANDMARKS_NAME: Final = "body_landmarks.yaml"
REDRAW: Final = "run `.venv/bin/python tools/draw_body.py`"


def landmark_digest(path: Path) -> str:
    """SHA-256 of the landmark file's text (line endings normalised, so a Windows checkout agrees)."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def freshness_problems(*, body_path: Path | None = None) -> list[str]:
    """Empty when body_map.json records the current landmark file's digest; otherwise what is wrong and what to do.

    The landmark file is looked up next to body_map.json (by name only), so a copied project checks its own copy.
    """
    body_path = body_path or geometry.BODY_MAP_PATH
    body_name = f"assets/{body_path.name}"
    source = read_json(body_path, name=body_name).get("generated_from")
    if not isinstance(source, Mapping) or not isinstance(source.get("file"), str) or not isinstance(source.get("sha256"), str):
        return [f"{body_name} does not record the landmark file it was drawn from (generated_from) — {REDRAW}"]
    landmarks = body_path.parent / Path(source["file"]).name
    landmark_name = f"assets/{landmarks.name}"
    if not landmarks.is_file():
        return [f"{landmark_name}, which {body_name} is drawn from, is missing — restore it with "
                f"`git checkout -- {landmark_name}`"]
    if landmark_digest(landmarks) != source["sha256"]:
        return [f"{body_name} is older than {landmark_name} — {REDRAW}"]
    return []
