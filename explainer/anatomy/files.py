"""Reading content files into typed records, with errors that name file, record and field."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from explainer.anatomy import models as m
from explainer.anatomy.errors import ContentError
from explainer.i18n import DEFAULT_LANG, current_lang, merge_overlay, overlay_path, record_id

R = TypeVar("R", bound=BaseModel)
# libyaml's parser when PyYAML was built with it (the wheels are): about 10x faster than the pure-Python one, which
# took about a second of the app's first page on a 2-core machine. Same safe subset of YAML, same errors.
SAFE_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """yaml.safe_load with the fast loader (raises yaml.YAMLError like safe_load)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # SAFE_LOADER is a safe loader

# file name -> (top-level key, record model). The single list of what content/ holds.
LIST_FILES: Final[dict[str, tuple[str, type[BaseModel]]]] = {
    "sources.yaml": ("sources", m.Source),
    "zones.yaml": ("zones", m.Zone),
    "cutaneous_nerves.yaml": ("cutaneous_nerves", m.CutaneousNerve),
    "key_points.yaml": ("key_sensory_points", m.KeyPoint),
    "vocab_symptoms.yaml": ("symptoms", m.Symptom),
    "vocab_findings.yaml": ("findings", m.Finding),
    "vocab_answers.yaml": ("answers", m.Answer),
    "movements.yaml": ("movements", m.Movement),
    "reflexes.yaml": ("reflexes", m.Reflex),
    "roots.yaml": ("roots", m.Root),
    "nerves.yaml": ("nerves", m.Nerve),
    "red_flags.yaml": ("red_flags", m.RedFlag),
    "other_causes.yaml": ("other_causes", m.OtherCause),
}
SPINE_FILE: Final = "spine.yaml"
ZONE_TEXT_FILE: Final = "text/zones.yaml"


def read_text(path: Path, *, name: str) -> str:
    """A file's text; a missing, empty or non-UTF-8 file becomes a ContentError naming it as ``name``."""
    if not path.is_file():
        raise ContentError(file=name, record="-", field="-", problem="file is missing", kind="missing")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(file=name, record="-", field="-", problem=f"not UTF-8 text (byte {exc.start})",
                           kind="unreadable") from exc
    except OSError as exc:
        raise ContentError(file=name, record="-", field="-", problem=f"cannot be read ({exc.strerror})",
                           kind="missing") from exc
    if not text.strip():
        raise ContentError(file=name, record="-", field="-", problem="file is empty", kind="empty")
    return text


def read_yaml(path: Path, *, content_dir: Path) -> Any:
    """Parse one YAML file, with this run's translation laid over it (explainer.i18n); a missing, empty or unparsable
    file becomes a ContentError."""
    name = path.relative_to(content_dir).as_posix()
    data = _parse_file(path, name=name)
    lang = current_lang()
    if lang != DEFAULT_LANG:
        translated = overlay_path(content_dir, name, lang)
        if translated.is_file():
            overlay_name = translated.relative_to(content_dir).as_posix()
            data = merge_overlay(data, _parse_file(translated, name=overlay_name), file=overlay_name)
    return data


def _parse_file(path: Path, *, name: str) -> Any:
    text = read_text(path, name=name)
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise ContentError(file=name, record="-", field="-", problem=f"not valid YAML ({exc})", kind="unreadable") from exc
    if data is None:
        raise ContentError(file=name, record="-", field="-", problem="file is empty (only comments or blank lines)",
                           kind="empty")
    return data


def read_json(path: Path, *, name: str) -> Any:
    """Parse one JSON file (assets/); a missing, empty, truncated or unparsable file becomes a ContentError."""
    text = read_text(path, name=name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        cut = " - the file looks cut short" if text.rstrip()[-1] not in "}]" else ""
        raise ContentError(file=name, record="-", field="-", kind="unreadable",
                           problem=f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}){cut}") from exc


def _record_label(raw: Any, index: int) -> str:
    return record_id(raw) or f"#{index + 1}"


def _explain(error: Mapping[str, Any]) -> tuple[str, str]:
    field = ".".join(str(p) for p in error["loc"]) or "-"
    kind = error["type"]
    if kind == "extra_forbidden":
        return field, "unknown key (not part of the schema)"
    if kind == "missing":
        return field, "required field is missing"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return field, f"got {error.get('input')!r}, expected one of {expected}"
    return field, f"{error['msg']} (got {error.get('input')!r})"


def parse_record(model: type[R], raw: Any, *, file: str, index: int) -> R:
    """Validate one record; on failure raise a ContentError for its first problem."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        field, problem = _explain(exc.errors()[0])
        raise ContentError(file=file, record=_record_label(raw, index), field=field, problem=problem) from exc


def parse_list(model: type[R], raw: Any, *, file: str, key: str) -> tuple[R, ...]:
    """Validate the list under ``key``; ids must be unique."""
    if not isinstance(raw, Mapping) or key not in raw:
        raise ContentError(file=file, record="-", field=key, problem=f"expected a top-level '{key}:' list")
    items = raw[key]
    extra = sorted(set(raw) - {key})
    if extra:
        raise ContentError(file=file, record="-", field=extra[0], problem="unknown top-level key")
    if not isinstance(items, Sequence) or isinstance(items, str):
        raise ContentError(file=file, record="-", field=key, problem="expected a list of records")
    records = tuple(parse_record(model, item, file=file, index=i) for i, item in enumerate(items))
    seen: set[str] = set()
    for i, rec in enumerate(records):
        rid = str(getattr(rec, "id", getattr(rec, "root", i)))
        if rid in seen:
            raise ContentError(file=file, record=rid, field="id", problem="duplicate id")
        seen.add(rid)
    return records
