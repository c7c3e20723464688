"""The body map as a Streamlit v2 component: plain SVG drawn and toggled in the browser (map.js, map.css).

What crosses the wire:
- the view's geometry and the layer's styles, once per browser page (the browser caches them by key; if it ever
  lacks one it asks for it again through the ``missing`` trigger);
- per tap, browser -> Python: the selection (``{"zones": [...], "seq": n}``) as the component's state;
- Python -> browser: the marks only when they changed somewhere else (zone list, reset, a link), as ``sync`` with a
  new revision number. A tap leaves the component's data unchanged, so Streamlit re-sends nothing for it.
- browser -> Python, once: ``drawn`` after the first paint, when asked (``report_drawn``), so a page can send what
  sits below the map only once the map is on screen.
- Ordering: each selection carries a number (``seq``). The server applies only a number newer than the last it applied
  and reports that one back (``ack``); the browser adopts a ``sync`` only when the server has seen its latest
  selection, and resends one not applied in time. So late, repeated or crossing messages cannot leave the map and the
  link disagreeing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import streamlit as st

from explainer.i18n import t

_DIR = Path(__file__).parent
_MAP = st.components.v2.component(
    "nerve_map_body_map",
    html="",
    css=(_DIR / "map.css").read_text(encoding="utf-8"),
    js=(_DIR / "map.js").read_text(encoding="utf-8"),
)
SENT_KEY = "nm_map_sent"  # geometry/style keys this browser page already holds
BELIEF_KEY = "nm_map_belief"  # the marks the browser is showing, as far as the server knows
SYNC_KEY = "nm_map_sync"  # {"rev": n, "zones": [...]}: the last marks pushed to the browser
ACK_KEY = "nm_map_ack"  # the number of the last selection the server applied (the browser resends a newer one)


def map_words() -> dict[str, str]:
    """The words map.js shows or announces, in the page's language."""
    return {"marked": t("Marked"), "cleared": t("Cleared"), "undo": t("Undo"), "undone": t("Undone."),
            "places": t("places"), "role": t("body map")}


def content_key(prefix: str, payload: Mapping[str, Any]) -> str:
    """A short stable key for a payload (the browser caches payloads under it)."""
    digest = hashlib.sha1(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()).hexdigest()[:12]
    return f"{prefix}:{digest}"


def _sent() -> set[str]:
    return st.session_state.setdefault(SENT_KEY, set())  # type: ignore[no-any-return]


def _sync(zones: tuple[str, ...]) -> dict[str, Any]:
    """The marks to push: unchanged (same revision) unless the server's marks differ from what the browser shows."""
    sync = st.session_state.get(SYNC_KEY)
    if sync is None or st.session_state.get(BELIEF_KEY) != zones:
        sync = {"rev": (sync or {"rev": 0})["rev"] + 1, "zones": list(zones)}
        st.session_state[SYNC_KEY] = sync
        st.session_state[BELIEF_KEY] = zones
    return sync


def apply_selection(store: MutableMapping[str, Any], *, key: str,
                    on_change: Callable[[tuple[str, ...]], None] | None) -> None:
    """Apply the selection the browser sent under ``key`` (the map's callback).

    Streamlit may stop a callback at any read or write of st.session_state when a newer request is waiting. So the
    number reported back (``ack``) is written last: a selection counts as applied only once the marks and the
    server's picture of the browser are stored, and one stopped half-way is resent by the browser with a new number."""
    value = (store.get(key) or {}).get("selection") or {}
    marks = tuple(sorted(str(z) for z in value.get("zones", ())))
    seq = value.get("seq")
    if isinstance(seq, int) and seq <= store.get(f"{ACK_KEY}:{key}", 0):
        return  # an older selection arriving late (or a resend of one applied): already done
    if on_change:
        on_change(marks)
    store[BELIEF_KEY] = marks
    if isinstance(seq, int):
        store[f"{ACK_KEY}:{key}"] = seq


def body_map(*, key: str, geo: Mapping[str, Any], geo_key: str, style: Mapping[str, Any], style_key: str,
             zones: tuple[str, ...], mode: str, title: str, max_height: str = "", zoom: float = 1.0,
             on_change: Callable[[tuple[str, ...]], None] | None = None,
             on_open: Callable[[str], None] | None = None, alert: str = "", report_drawn: bool = False) -> None:
    """Mount the map. ``on_change`` gets the new marks after a tap, lasso or key press; ``on_open`` a view name
    when a hand, foot or the saddle is tapped on a whole-body picture. Without ``on_change`` the map only shows.
    A new non-empty ``alert`` (a warning sign fired) makes the browser scroll the urgent banner into view. With
    ``report_drawn`` the browser answers once the map is painted (a rerun of the map's fragment)."""
    sent = _sent()

    def changed() -> None:
        apply_selection(st.session_state, key=key, on_change=on_change)  # type: ignore[arg-type]  # a MutableMapping at run time

    def missing() -> None:
        value = (st.session_state.get(key) or {}).get("missing") or {}
        sent.difference_update(str(k) for k in value.values() if k)

    def opened() -> None:
        view = (st.session_state.get(key) or {}).get("open")
        if on_open and isinstance(view, str):
            on_open(view)

    data: dict[str, Any] = {
        "id": key, "key": geo_key, "skey": style_key, "mode": mode if on_change else "none", "maxh": max_height, "zoom": zoom,
        "text": {**map_words(), "title": title}, "alert": alert, "ack": st.session_state.get(f"{ACK_KEY}:{key}", 0),
        "sync": _sync(zones) if on_change else {"rev": 0, "zones": list(zones)}, "report": report_drawn,
    }
    if geo_key not in sent:
        data["geo"] = geo
        sent.add(geo_key)
    if style_key not in sent:
        data["style"] = style
        sent.add(style_key)
    # Sent as JSON bytes: Streamlit forwards bytes as they are, while a dict is first scanned for dataframes (which
    # imports pandas: about a second of the first page on a 2-core machine, and a scan on every rerun).
    _MAP(key=key, data=json.dumps(data, separators=(",", ":")).encode(), default={"selection": None},
         on_selection_change=changed, on_missing_change=missing,
         on_open_change=opened, on_drawn_change=_nothing, width="stretch", height="content")


def _nothing() -> None:
    """The ``drawn`` answer needs no handling: its rerun is the point (see explainer/ui/where.py)."""
