"""Reading content files into typed records, with errors that name file, record and field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from explainer.anatomy import models as m
from explainer.anatomy.errors import ContentError

R = TypeVar("R", bound=BaseModel)

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


def read_yaml(path: Path, *, content_dir: Path) -> Any:
    """Parse one YAML file; a missing or unparsable file becomes a ContentError."""
    name = path.relative_to(content_dir).as_posix()
    if not path.is_file():
        raise ContentError(file=name, record="-", field="-", problem="file is missing")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(file=name, record="-", field="-", problem=f"not valid YAML ({exc})") from exc


def _record_label(raw: Any, index: int) -> str:
    if isinstance(raw, Mapping):
        for key in ("id", "root"):
            if key in raw:
                return str(raw[key])
    return f"#{index + 1}"


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
