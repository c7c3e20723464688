"""Stop-gap until explainer.bodymap.events exists: selection event -> zone ids, and toggling."""

from __future__ import annotations

from typing import Any


def zones_from_event(event: Any) -> frozenset[str]:
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return frozenset()
    out = set()
    for p in points or []:
        cd = p.get("customdata")
        if isinstance(cd, list):
            cd = cd[0] if cd else None
        if isinstance(cd, str):
            out.add(cd)
    return frozenset(out)


def toggle_selection(current: frozenset[str], zones: frozenset[str], *, mode: str = "click") -> frozenset[str]:
    if mode == "click":
        return current ^ zones
    return current | zones
