"""PURE helpers turning Streamlit plotly selection events into zone ids and new selections.

A Streamlit plotly selection event looks like::

    {"selection": {"points": [{"customdata": "thumb_dorsal_left", "location": "thumb_dorsal_left"}],
                   "box": [], "lasso": []}}

For geo charts only ``points`` is filled. ``customdata`` may arrive as a string or a one-item list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

SelectMode = Literal["click", "lasso", "box"]
_SIDES = ("_left", "_right")


def _point_id(point: Mapping[str, Any]) -> str | None:
    raw = point.get("customdata")
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else None
    if raw is None:
        raw = point.get("location")
    return raw if isinstance(raw, str) and raw else None


def ids_from_event(event: Mapping[str, Any] | None) -> list[str]:
    """Every clicked/lassoed id in the event (zones, "root:L5", "disc:L4/L5"), first-seen order."""
    if not event:
        return []
    selection = event.get("selection") or {}
    points = selection.get("points") or [] if isinstance(selection, Mapping) else []
    out: list[str] = []
    for point in points:
        if isinstance(point, Mapping):
            pid = _point_id(point)
            if pid is not None and pid not in out:
                out.append(pid)
    return out


def zones_from_event(event: Mapping[str, Any] | None) -> list[str]:
    """Zone instance ids (``<zone>_left``/``<zone>_right``) in the event; other ids are ignored."""
    return [i for i in ids_from_event(event) if ":" not in i and i.endswith(_SIDES)]


def toggle_selection(current: frozenset[str], event_zones: Iterable[str], *, mode: SelectMode) -> frozenset[str]:
    """New selection: a click toggles the one zone clicked; lasso/box adds every zone caught."""
    zones = list(dict.fromkeys(event_zones))
    if not zones:
        return current
    if mode == "click":
        first = zones[0]
        return current - {first} if first in current else current | {first}
    return current | frozenset(zones)
