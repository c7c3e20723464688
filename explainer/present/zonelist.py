"""Plain zone labels and the keyboard-friendly zone list, grouped by body region head to toe."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from explainer.anatomy import Atlas, split_instance
from explainer.i18n import t, tc
from explainer.present.lazy import LazyLabels


def _region_labels() -> dict[str, str]:
    return {
        "head_neck": t("Head and neck"),
        "trunk_front": t("Chest and belly"),
        "trunk_back": tc("body region", "Back"),
        "arm": t("Upper arm"),
        "elbow": t("Elbow"),
        "forearm": t("Forearm"),
        "wrist": t("Wrist"),
        "hand_palmar": t("Hand, palm side"),
        "hand_dorsal": t("Hand, back"),
        "buttock": t("Buttock and hip"),
        "perineum_saddle": t("Saddle area (between the legs)"),
        "thigh": t("Thigh"),
        "knee": t("Knee"),
        "leg": t("Lower leg"),
        "ankle": t("Ankle"),
        "foot_dorsum": t("Foot, top"),
        "foot_sole": t("Foot, sole"),
    }


# Body regions head to toe, with plain names (in the page's language whenever read).
REGION_LABELS: Final[LazyLabels] = LazyLabels(_region_labels)
REGION_ORDER: Final[tuple[str, ...]] = tuple(REGION_LABELS)
# Regions that count as "the legs" for the warning-sign questions (saddle included).
LEG_REGIONS: Final[frozenset[str]] = frozenset(
    {"buttock", "perineum_saddle", "thigh", "knee", "leg", "ankle", "foot_dorsum", "foot_sole"}
)


def sided(place: str, side: str) -> str:
    """'Top of the foot' + 'right' -> 'Top of the foot (right)'."""
    return t("{place} (right)", place=place) if side == "right" else t("{place} (left)", place=place)


@dataclass(frozen=True)
class ZoneOption:
    """One entry of the zone list: the id the app uses and the label people read."""

    zone: str
    label: str
    region: str
    region_label: str


def zone_label(atlas: Atlas, zone_instance: str) -> str:
    """'foot_dorsum_right' -> 'Top of the foot (right)'; unknown ids are returned unchanged."""
    try:
        base, side = split_instance(zone_instance)
    except ValueError:
        return zone_instance
    zone = atlas.zones.get(base)
    return sided(zone.name, side) if zone else zone_instance


def region_of(atlas: Atlas, zone_instance: str) -> str | None:
    try:
        base, _ = split_instance(zone_instance)
    except ValueError:
        return None
    zone = atlas.zones.get(base)
    return zone.region if zone else None


def zone_options(atlas: Atlas, *, region: str | None = None) -> tuple[ZoneOption, ...]:
    """Every zone on both sides, grouped by region head to toe, right before left within a region."""
    out: list[ZoneOption] = []
    region_labels = _region_labels()
    for reg in REGION_ORDER:
        if region is not None and reg != region:
            continue
        for zone in atlas.zones.values():
            if zone.region != reg:
                continue
            for side in ("right", "left"):
                zid = f"{zone.id}_{side}"
                out.append(ZoneOption(zone=zid, label=zone_label(atlas, zid), region=reg, region_label=region_labels[reg]))
    return tuple(out)


def grouped_labels(atlas: Atlas, zones: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Marked zones as (region label, zone labels) pairs, head to toe, for a plain summary."""
    chosen = set(zones)
    groups: list[tuple[str, tuple[str, ...]]] = []
    for reg in REGION_ORDER:
        labels = tuple(o.label for o in zone_options(atlas, region=reg) if o.zone in chosen)
        if labels:
            groups.append((REGION_LABELS[reg], labels))
    return tuple(groups)


def legs_marked(atlas: Atlas, zones: Iterable[str]) -> bool:
    """True once any zone on a leg, buttock or the saddle is marked."""
    return any(region_of(atlas, z) in LEG_REGIONS for z in zones)


def both_legs_marked(atlas: Atlas, zones: Iterable[str]) -> bool:
    """True when zones on the left and the right leg (buttock to toes, not the saddle) are both marked."""
    sides = {split_instance(z)[1] for z in zones
             if region_of(atlas, z) in LEG_REGIONS - {"perineum_saddle"}}
    return {"left", "right"} <= sides
