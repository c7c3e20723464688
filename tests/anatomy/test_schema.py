"""The committed JSON Schemas match the models (editors get completion; drift fails CI)."""

from __future__ import annotations

import json

from explainer.anatomy.schema import build_schemas, render
from explainer.paths import SCHEMA_DIR


def test_committed_schemas_match_models() -> None:
    built = build_schemas()
    committed = {p.name for p in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == set(built), "run: python -m explainer schema"
    for name, schema in built.items():
        on_disk = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert on_disk == render(schema), f"{name} is stale; run: python -m explainer schema"


def test_schema_rejects_unknown_keys() -> None:
    zones = json.loads((SCHEMA_DIR / "zones.schema.json").read_text(encoding="utf-8"))
    assert zones["$defs"]["Zone"]["additionalProperties"] is False
