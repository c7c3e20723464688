"""Display state for a body-map figure, colours and the plotly chart config (pure, no streamlit)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal
from urllib.parse import quote

DragMode = Literal["click", "lasso", "box"]
DRAG_MODES: Final[tuple[DragMode, ...]] = ("click", "lasso", "box")
# Streamlit replaces a falsy dragmode with "pan"; with "pan" a plain click selects one zone.
_PLOTLY_DRAGMODE: Final[Mapping[DragMode, str]] = {"click": "pan", "lasso": "lasso", "box": "select"}

SKIN: Final = "#f6efe8"  # unshaded zone
DECOR_FILL: Final = "#ebe4dd"  # hands/feet on whole-body views (not clickable)
ZONE_BORDER: Final = "#c9bbb0"
OUTLINE: Final = "#6f6159"
HINT_LINE: Final = "#bcaea3"
SELECTED_FILL: Final = "#ffc94a"
SELECTED_LINE: Final = "#1d1d1b"
TEXT: Final = "#2b2b2b"
NERVE_CORE: Final = "#f2c200"
NERVE_CASING: Final = "#5b4700"
KEY_POINT_FILL: Final = "#ffffff"
KEY_POINT_LINE: Final = "#b3261e"
FONT: Final = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"

_EMPTY_TOPOLOGY: Final = json.dumps({"type": "Topology", "objects": {}, "arcs": []}, separators=(",", ":"))
# plotly.js appends a file name to this URL; the trailing '#' turns it into a fragment, so no
# request ever leaves the page (an invisible geo otherwise fetches a world map from a CDN).
TOPOJSON_URL: Final = "data:application/json," + quote(_EMPTY_TOPOLOGY) + "#"


@dataclass(frozen=True)
class MapStyle:
    """What to show on a view. Keys are zone instance ids such as ``"thumb_dorsal_left"``.

    fills: background colour per zone (others stay skin coloured).
    also: zones shown as "also possible" - lighter fill, hatching and a dotted outline.
    labels: short text drawn on the zone, so colour is never the only cue.
    selected: zones the user picked - amber fill and a heavy dark outline.
    hover: tooltip text per zone (defaults to the zone's plain name).
    courses: nerve ids whose drawn course to overlay (e.g. ``("sciatic_nerve",)``).
    """

    fills: Mapping[str, str] = field(default_factory=dict)
    also: frozenset[str] = frozenset()
    labels: Mapping[str, str] = field(default_factory=dict)
    selected: frozenset[str] = frozenset()
    hover: Mapping[str, str] = field(default_factory=dict)
    courses: tuple[str, ...] = ()
    show_key_points: bool = False
    drag_mode: DragMode = "click"


def plotly_dragmode(mode: DragMode) -> str:
    """The plotly ``layout.dragmode`` for a user-facing selection mode."""
    return _PLOTLY_DRAGMODE[mode]


def plotly_config() -> dict[str, Any]:
    """Chart config: offline geo, no mode bar clutter, no scroll zoom."""
    return {
        "topojsonURL": TOPOJSON_URL,
        "displayModeBar": False,
        "displaylogo": False,
        "scrollZoom": False,
        "doubleClick": False,
        "showTips": False,
        "responsive": True,
    }


def lighten(colour: str, amount: float = 0.5) -> str:
    """Mix a #rrggbb colour with white (other colour formats are returned unchanged)."""
    if not (colour.startswith("#") and len(colour) == 7):
        return colour
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def darken(colour: str, amount: float = 0.45) -> str:
    if not (colour.startswith("#") and len(colour) == 7):
        return TEXT
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in rgb)


def nerve_title(nerve_id: str) -> str:
    """ "superficial_fibular_nerve" -> "superficial fibular"."""
    return nerve_id.removesuffix("_nerve").replace("_", " ")
