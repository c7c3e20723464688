"""One cached loader that turns content/ into an immutable, cross-checked Atlas."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from explainer.anatomy import models as m
from explainer.anatomy.atlas import Atlas
from explainer.anatomy.crossrefs import all_problems
from explainer.anatomy.errors import ContentError, ContentErrors
from explainer.anatomy.files import (
    LIST_FILES,
    SPINE_FILE,
    ZONE_TEXT_FILE,
    parse_list,
    parse_record,
    read_yaml,
)
from explainer.i18n import per_language
from explainer.paths import CONTENT_DIR


def _by_id(records: tuple[BaseModel, ...]) -> MappingProxyType[str, Any]:
    return MappingProxyType({str(getattr(r, "id", getattr(r, "root", ""))): r for r in records})


def _zone_text(content_dir: Path) -> MappingProxyType[str, m.ZoneText]:
    raw = read_yaml(content_dir / ZONE_TEXT_FILE, content_dir=content_dir)
    if not isinstance(raw, dict) or not isinstance(raw.get("zones"), dict):
        raise ContentError(file=ZONE_TEXT_FILE, record="-", field="zones", problem="expected a 'zones:' mapping of id -> text")
    return MappingProxyType(
        {zid: parse_record(m.ZoneText, body, file=ZONE_TEXT_FILE, index=i) for i, (zid, body) in enumerate(raw["zones"].items())}
    )


def load_atlas_from(content_dir: Path) -> Atlas:
    """Load and cross-check every content file in ``content_dir`` (not cached; used by tests)."""
    lists: dict[str, tuple[BaseModel, ...]] = {}
    for file, (key, model) in LIST_FILES.items():
        lists[key] = parse_list(model, read_yaml(content_dir / file, content_dir=content_dir), file=file, key=key)
    spine = parse_record(m.Spine, read_yaml(content_dir / SPINE_FILE, content_dir=content_dir), file=SPINE_FILE, index=0)
    atlas = Atlas(
        sources=_by_id(lists["sources"]),
        zones=_by_id(lists["zones"]),
        cutaneous_nerves=_by_id(lists["cutaneous_nerves"]),
        key_points=_by_id(lists["key_sensory_points"]),
        symptoms=_by_id(lists["symptoms"]),
        findings=_by_id(lists["findings"]),
        answers=_by_id(lists["answers"]),
        movements=_by_id(lists["movements"]),
        reflexes=_by_id(lists["reflexes"]),
        roots=_by_id(lists["roots"]),
        nerves=_by_id(lists["nerves"]),
        spine=spine,
        red_flags=_by_id(lists["red_flags"]),
        other_causes=_by_id(lists["other_causes"]),
        zone_text=_zone_text(content_dir),
    )
    problems = all_problems(atlas, root_order=[str(r.model_dump()["id"]) for r in lists["roots"]])
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ContentErrors(problems)
    return atlas


@per_language
def load_atlas() -> Atlas:
    """The project's atlas, loaded once per process."""
    return load_atlas_from(CONTENT_DIR)
