"""JSON Schema for every content file, generated from the models (committed under content/schema/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

from explainer.anatomy import models as m
from explainer.anatomy.charts import CHARTS_FILE, DermatomeCharts
from explainer.anatomy.files import LIST_FILES, SPINE_FILE, ZONE_TEXT_FILE


def _wrapper(key: str, model: type[BaseModel]) -> type[BaseModel]:
    fields: dict[str, Any] = {key: (tuple[model, ...], ...)}  # type: ignore[valid-type]
    wrapper: type[BaseModel] = create_model(f"{model.__name__}File", __config__=ConfigDict(extra="forbid"), **fields)
    return wrapper


def build_schemas() -> dict[str, dict[str, Any]]:
    """schema file name -> JSON Schema, one per content file."""
    schemas: dict[str, dict[str, Any]] = {}
    for file, (key, model) in LIST_FILES.items():
        schemas[file.replace(".yaml", ".schema.json")] = _wrapper(key, model).model_json_schema()
    schemas[SPINE_FILE.replace(".yaml", ".schema.json")] = m.Spine.model_json_schema()
    text_fields: dict[str, Any] = {"zones": (dict[str, m.ZoneText], ...)}
    text_model: type[BaseModel] = create_model("ZoneTextFile", __config__=ConfigDict(extra="forbid"), **text_fields)
    schemas[ZONE_TEXT_FILE.replace("/", "_").replace(".yaml", ".schema.json")] = text_model.model_json_schema()
    schemas[CHARTS_FILE.replace(".yaml", ".schema.json")] = DermatomeCharts.model_json_schema()
    return schemas


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
