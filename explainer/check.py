"""``python -m explainer check``: validate content/ and assets/, print a one-screen summary."""

from __future__ import annotations

from collections.abc import Callable

from explainer.anatomy import Atlas, ContentError, ContentErrors, load_atlas_from
from explainer.paths import CONTENT_DIR


def summary_lines(atlas: Atlas) -> list[str]:
    """The counts a content author wants to see after an edit."""
    zone_count = len(atlas.zones)
    return [
        f"roots        {len(atlas.roots):4d}  ({atlas.ordered_roots[0].id}..{atlas.ordered_roots[-1].id}, anatomical order)",
        f"nerves       {len(atlas.nerves):4d}  (+{len(atlas.cutaneous_nerves)} named cutaneous branches)",
        f"zones        {zone_count:4d}  ({2 * zone_count} with left/right)",
        f"key points   {len(atlas.key_points):4d}",
        f"movements    {len(atlas.movements):4d}",
        f"reflexes     {len(atlas.reflexes):4d}",
        f"discs        {len(atlas.spine.discs):4d}",
        f"answers      {len(atlas.answers):4d}",
        f"findings     {len(atlas.findings):4d}  (+{len(atlas.symptoms)} symptoms)",
        f"red flags    {len(atlas.red_flags):4d}",
        f"other causes {len(atlas.other_causes):4d}",
        f"sources      {len(atlas.sources):4d}",
    ]


def _asset_problems(atlas: Atlas) -> list[str] | None:
    """Problems in the drawn geometry, or None when no geometry module/assets exist yet."""
    try:
        from explainer.bodymap.validate import asset_problems
    except ImportError:
        return None
    check: Callable[[Atlas], list[str]] = asset_problems
    return check(atlas)


def run_check(*, out: Callable[[str], None] = print) -> int:
    """Validate everything; return a process exit code."""
    try:
        atlas = load_atlas_from(CONTENT_DIR)
    except ContentErrors as exc:
        for err in exc.errors:
            out(f"ERROR {err}")
        out(f"content check FAILED: {len(exc.errors)} problem(s)")
        return 1
    except ContentError as exc:
        out(f"ERROR {exc}")
        out("content check FAILED: 1 problem")
        return 1
    out("Nerve Map content check")
    for line in summary_lines(atlas):
        out("  " + line)
    problems = _asset_problems(atlas)
    if problems is None:
        out("assets: no geometry module yet (skipped)")
    elif problems:
        for p in problems:
            out(f"ERROR assets: {p}")
        out(f"asset check FAILED: {len(problems)} problem(s)")
        return 1
    else:
        out("assets: geometry valid")
    out("OK")
    return 0
