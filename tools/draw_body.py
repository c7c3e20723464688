"""Generate the body-map geometry (assets/body_map.json) from the landmarks in assets/body_landmarks.yaml.

Run (from any directory):  .venv/bin/python tools/draw_body.py   [--landmarks FILE] [--out FILE]

The landmark file holds every number (see its header for units and conventions); the algorithm lives in
tools/bodydraw/. The output records the landmark file's SHA-256 so `python -m explainer check` can tell
when body_map.json is older than the landmarks. Exit code 1 (no traceback) for a broken landmark file or
a drawing that does not match the zone vocabulary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT)]

from bodydraw.model import load_landmarks  # noqa: E402
from bodydraw.output import check_vocabulary, write  # noqa: E402
from bodydraw.views import build_views  # noqa: E402

from explainer.anatomy.errors import ContentError  # noqa: E402
from explainer.bodymap.freshness import landmark_digest  # noqa: E402

LANDMARKS = ROOT / "assets" / "body_landmarks.yaml"
OUT = ROOT / "assets" / "body_map.json"
VOCAB = ROOT / "assets" / "zone_vocabulary.json"


def _name(path: Path) -> str:
    """The file as the project names it (relative to the repository when inside it)."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def generate(*, landmarks: Path, out: Path) -> list[str]:
    """Draw every view from the landmark file into ``out``; returns vocabulary problems (empty when fine)."""
    name = _name(landmarks)
    views = build_views(load_landmarks(landmarks, name=name), file=name)
    problems = check_vocabulary(views, vocabulary=VOCAB)
    write(views, out, source=name, sha256=landmark_digest(landmarks))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--landmarks", type=Path, default=LANDMARKS, help="landmark file (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="output file (default: %(default)s)")
    args = parser.parse_args(argv)
    landmarks, out = args.landmarks.resolve(), args.out.resolve()
    try:
        problems = generate(landmarks=landmarks, out=out)
    except ContentError as err:
        print(f"ERROR {err}\n      what to do: correct that field in {err.file} and re-run", file=sys.stderr)
        return 1
    for p in problems:
        print("PROBLEM:", p)
    data = json.loads(out.read_text(encoding="utf-8"))
    for view, v in data["views"].items():
        print(f"{view:12s} size {v['size_px']} scale {v['px_per_unit']} zones {len(v['zones'])}")
    print(f"wrote {_name(out)} ({out.stat().st_size // 1024} KiB) from {_name(landmarks)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
