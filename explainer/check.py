"""``python -m explainer check``: validate content/ and assets/, print a one-screen summary."""

from __future__ import annotations

from collections.abc import Callable

from explainer.anatomy import Atlas, ContentError, ContentErrors, load_atlas_from
from explainer.anatomy.charts import load_charts_from
from explainer.anatomy.errors import each_error
from explainer.bodymap.freshness import freshness_problems
from explainer.bodymap.geometry import load_body_map
from explainer.bodymap.validate import asset_problems, validate_geometry
from explainer.engine.config import ENGINE_FILE, load_config_from
from explainer.engine.modality import check_rules_in
from explainer.handout.text import load_handout_text_from
from explainer.paths import CONTENT_DIR
from explainer.present.walkthrough import validate_practice_content
from explainer.texts import load_texts_from


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


def _asset_problems(atlas: Atlas | None) -> list[str]:
    """Problems in the drawn geometry (a file that cannot be read raises ContentError from the loader)."""
    body = load_body_map()
    stale = freshness_problems()  # body_map.json drawn from the current assets/body_landmarks.yaml?
    if atlas is None:  # content is broken: the geometry can still be checked on its own
        return stale + validate_geometry(body)
    return stale + asset_problems(atlas)


def _report(errors: list[ContentError], out: Callable[[str], None]) -> None:
    for err in errors:
        out(f"ERROR {err.path}: record '{err.record}', field '{err.field}': {err.problem}")
        out(f"      what to do: {err.advice}")


def _content(errors: list[ContentError]) -> Atlas | None:
    """Load content/ (anatomy, texts, engine settings, handout words), collecting errors; the atlas when it loaded."""
    try:
        atlas = load_atlas_from(CONTENT_DIR)
    except (ContentError, ContentErrors) as exc:
        errors.extend(each_error(exc))
        return None
    for load in (lambda: load_texts_from(CONTENT_DIR, atlas=atlas),
                 lambda: load_charts_from(CONTENT_DIR, atlas=atlas),
                 lambda: load_config_from(CONTENT_DIR / ENGINE_FILE, atlas=atlas),
                 lambda: check_rules_in(CONTENT_DIR, atlas=atlas),  # content/sensation.yaml
                 lambda: load_handout_text_from(CONTENT_DIR, atlas=atlas),
                 lambda: validate_practice_content(CONTENT_DIR, atlas=atlas)):
        try:
            load()
        except (ContentError, ContentErrors) as exc:
            errors.extend(each_error(exc))
    return atlas


def run_check(*, out: Callable[[str], None] = print) -> int:
    """Validate content/ and assets/; print every problem with what to do; return a process exit code."""
    errors: list[ContentError] = []
    atlas = _content(errors)
    try:
        problems = _asset_problems(atlas)
    except (ContentError, ContentErrors) as exc:
        errors.extend(each_error(exc))
        problems = []
    except Exception as exc:  # e.g. a ring too short for shapely: still a report, never a traceback
        problems = [f"the drawn geometry could not be checked ({type(exc).__name__}: {str(exc)[:200]})"]
    if errors:
        _report(errors, out)
        out(f"check FAILED: {len(errors)} problem(s) in content/ or assets/")
        return 1
    assert atlas is not None
    out("Nerve Map content check")
    for line in summary_lines(atlas):
        out("  " + line)
    if problems:
        for p in problems:
            out(f"ERROR assets: {p}")
        out(f"asset check FAILED: {len(problems)} problem(s)")
        return 1
    out("assets: geometry valid")
    out("OK")
    return 0
