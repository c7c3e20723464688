"""The view as a shareable link: pure conversion between a ViewState and a URL query string.

Stable parameter names: zones, symptoms, weak, reflexes (name:reduced|absent|brisk), other, mode
(consult|self), plus page, layer, view, root, nerve, disc and compare. Unknown or malformed values are
dropped with a note; nothing here raises on user input. Links carry no personal data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Final, Literal, get_args

from explainer.anatomy import Atlas

Page = Literal["where", "spine", "learn", "connected"]
Mode = Literal["consult", "self"]
Layer = Literal["plain", "dermatomes", "nerves"]
MapView = Literal["front", "back", "hand_palm", "hand_dorsum", "foot_top", "foot_sole", "saddle"]
ReflexValue = Literal["reduced", "absent", "brisk"]

PAGES: Final[tuple[Page, ...]] = get_args(Page)
MODES: Final[tuple[Mode, ...]] = get_args(Mode)
LAYERS: Final[tuple[Layer, ...]] = get_args(Layer)
MAP_VIEWS: Final[tuple[MapView, ...]] = get_args(MapView)
REFLEX_VALUES: Final[tuple[ReflexValue, ...]] = get_args(ReflexValue)


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the app shows."""

    page: Page = "where"
    mode: Mode = "self"
    layer: Layer = "plain"
    view: MapView = "front"
    zones: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    reflexes: tuple[tuple[str, ReflexValue], ...] = ()
    other: tuple[str, ...] = ()
    root: str | None = None
    nerve: str | None = None
    disc: str | None = None
    compare: str | None = None
    article: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    def with_zones(self, zones: frozenset[str] | set[str] | tuple[str, ...]) -> ViewState:
        return replace(self, zones=tuple(sorted(zones)))


def split_values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    """The comma-separated values of one query parameter, trimmed, empty ones dropped."""
    raw = params.get(key, "")
    joined = ",".join(raw) if isinstance(raw, list) else raw
    return [v.strip() for v in joined.split(",") if v.strip()]


def _keep(values: list[str], allowed: Mapping[str, object] | tuple[str, ...] | set[str], what: str,
          notes: list[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for v in values:
        if v in allowed:
            if v not in kept:
                kept.append(v)
        else:
            notes.append(f"Ignored unknown {what} '{v[:40]}' in the link.")
    return tuple(kept)


def _one(params: Mapping[str, str | list[str]], key: str, allowed: tuple[str, ...] | Mapping[str, object] | set[str],
         notes: list[str]) -> str | None:
    values = split_values(params, key)
    if not values:
        return None
    if values[0] in allowed:
        return values[0]
    notes.append(f"Ignored unknown {key} '{values[0][:40]}' in the link.")
    return None


def _reflexes(values: list[str], atlas: Atlas, notes: list[str]) -> tuple[tuple[str, ReflexValue], ...]:
    out: dict[str, ReflexValue] = {}
    for item in values:
        name, _, value = item.partition(":")
        if name in atlas.reflexes and value in REFLEX_VALUES:
            out[name] = value  # type: ignore[assignment,unused-ignore]
        else:
            notes.append(f"Ignored reflex '{item[:40]}' in the link (expected name:reduced|absent|brisk).")
    return tuple(out.items())


def parse_query(params: Mapping[str, str | list[str]], *, atlas: Atlas) -> ViewState:
    """Read a query string into a ViewState; anything unknown is dropped with a note."""
    notes: list[str] = []
    zones = _keep(split_values(params, "zones"), set(atlas.zone_instances), "zone", notes)
    page = _one(params, "page", PAGES, notes) or ("where" if zones else None)
    state = ViewState(
        page=page or "where",  # type: ignore[arg-type]
        mode=_one(params, "mode", MODES, notes) or "self",  # type: ignore[arg-type]
        layer=_one(params, "layer", LAYERS, notes) or "plain",  # type: ignore[arg-type]
        view=_one(params, "view", MAP_VIEWS, notes) or "front",  # type: ignore[arg-type]
        zones=zones,
        symptoms=_keep(split_values(params, "symptoms"), atlas.symptoms, "symptom", notes),
        weak=_keep(split_values(params, "weak"), atlas.movements, "movement", notes),
        reflexes=_reflexes(split_values(params, "reflexes"), atlas, notes),
        other=_keep(split_values(params, "other"), atlas.findings, "finding", notes),
        root=_one(params, "root", atlas.roots, notes),
        nerve=_one(params, "nerve", atlas.nerves, notes),
        disc=_one(params, "disc", {d.id for d in atlas.spine.discs}, notes),
        compare=_one(params, "compare", {**atlas.roots, **atlas.nerves}, notes),
        article=split_values(params, "article")[0] if split_values(params, "article") else None,
    )
    return replace(state, notes=tuple(notes))


def to_query(state: ViewState) -> dict[str, str]:
    """The query parameters for a state; defaults are left out to keep links short."""
    default = ViewState()
    out: dict[str, str] = {}
    for key in ("page", "mode", "layer", "view", "root", "nerve", "disc", "compare", "article"):
        value = getattr(state, key)
        if value is not None and value != getattr(default, key):
            out[key] = str(value)
    for key in ("zones", "symptoms", "weak", "other"):
        values = getattr(state, key)
        if values:
            out[key] = ",".join(values)
    if state.reflexes:
        out["reflexes"] = ",".join(f"{name}:{value}" for name, value in state.reflexes)
    return out
