"""The immutable atlas: every content record, indexed by id, plus derived anatomical queries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal

from explainer.anatomy import models as m
from explainer.anatomy.order import DERMATOMAL_ROOTS

Side = Literal["left", "right"]
SIDES: Final[tuple[Side, Side]] = ("left", "right")


def split_instance(zone_instance: str) -> tuple[str, Side]:
    """'foot_dorsum_right' -> ('foot_dorsum', 'right'); raises ValueError without a side suffix."""
    for side in SIDES:
        suffix = f"_{side}"
        if zone_instance.endswith(suffix):
            return zone_instance[: -len(suffix)], side
    raise ValueError(f"zone id {zone_instance!r} has no _left/_right suffix")


@dataclass(frozen=True)
class Atlas:
    """All of content/, validated and cross-checked. Build it with ``load_atlas()``."""

    sources: Mapping[str, m.Source]
    zones: Mapping[str, m.Zone]
    cutaneous_nerves: Mapping[str, m.CutaneousNerve]
    key_points: Mapping[str, m.KeyPoint]
    symptoms: Mapping[str, m.Symptom]
    findings: Mapping[str, m.Finding]
    answers: Mapping[str, m.Answer]
    movements: Mapping[str, m.Movement]
    reflexes: Mapping[str, m.Reflex]
    roots: Mapping[str, m.Root]
    nerves: Mapping[str, m.Nerve]
    spine: m.Spine
    red_flags: Mapping[str, m.RedFlag]
    other_causes: Mapping[str, m.OtherCause]
    zone_text: Mapping[str, m.ZoneText]

    # ---- zones -------------------------------------------------------------------------
    @cached_property
    def zone_instances(self) -> tuple[str, ...]:
        """Every usable zone id with its side, e.g. 'foot_dorsum_left'."""
        return tuple(f"{z}_{s}" for z in self.zones for s in SIDES)

    def zone_of(self, zone_instance: str) -> m.Zone:
        base, _ = split_instance(zone_instance)
        return self.zones[base]

    def zone_answer_nerves(self, zone_id: str) -> tuple[str, ...]:
        """Answer-vocabulary nerves whose own skin includes this zone (branches, not trunks)."""
        out: list[str] = []
        for zn in self.zones[zone_id].nerves:
            cut = self.cutaneous_nerves[zn.id]
            target = cut.answer_parent or (zn.id if zn.id in self.nerves else None)
            if target and target not in out:
                out.append(target)
        return tuple(out)

    # ---- roots -------------------------------------------------------------------------
    def root_zones(self, root: str, *, include_also: bool = False) -> tuple[str, ...]:
        """Zones whose primary dermatomes include the root (and 'also' zones when asked)."""
        return tuple(
            z.id
            for z in self.zones.values()
            if root in z.dermatomes.primary or (include_also and root in z.dermatomes.also)
        )

    def root_also_zones(self, root: str) -> tuple[str, ...]:
        return tuple(z.id for z in self.zones.values() if root in z.dermatomes.also)

    def root_movements(self, root: str, *, include_minor: bool = False) -> tuple[str, ...]:
        return tuple(
            mv.id
            for mv in self.movements.values()
            if root in mv.roots or (include_minor and root in mv.minor_roots)
        )

    def root_reflexes(self, root: str) -> tuple[str, ...]:
        return tuple(r.id for r in self.reflexes.values() if root in r.roots)

    def key_point_for(self, root: str) -> m.KeyPoint | None:
        """The ISNCSCI key sensory point; S4 and S5 share one (perianal) point."""
        return self.key_points.get("S4" if root == "S5" else root)

    def discs_pressing_on(self, root: str) -> tuple[tuple[str, str], ...]:
        """(disc id, 'posterolateral' | 'far-lateral') pairs whose typical herniation presses on root."""
        out: list[tuple[str, str]] = []
        for d in self.spine.discs:
            if root in d.posterolateral:
                out.append((d.id, "posterolateral"))
            if root in d.far_lateral and root not in d.posterolateral:
                out.append((d.id, "far-lateral"))
        return tuple(out)

    @property
    def ordered_roots(self) -> tuple[m.Root, ...]:
        return tuple(self.roots[r] for r in DERMATOMAL_ROOTS if r in self.roots)

    # ---- nerves ------------------------------------------------------------------------
    def nerve_children(self, nerve: str) -> tuple[str, ...]:
        return tuple(n.id for n in self.nerves.values() if nerve in n.parents)

    def nerve_descendants(self, nerve: str) -> tuple[str, ...]:
        """The nerve and every branch below it, depth first."""
        out = [nerve]
        for child in self.nerve_children(nerve):
            out.extend(d for d in self.nerve_descendants(child) if d not in out)
        return tuple(out)

    def nerve_ancestors(self, nerve: str) -> tuple[str, ...]:
        out: list[str] = []
        for parent in self.nerves[nerve].parents:
            for a in (parent, *self.nerve_ancestors(parent)):
                if a not in out:
                    out.append(a)
        return tuple(out)

    def nerve_own_zones(self, nerve: str) -> tuple[str, ...]:
        return tuple(z for z in self.zones if nerve in self.zone_answer_nerves(z))

    def nerve_zones(self, nerve: str) -> tuple[str, ...]:
        """Skin a lesion of this nerve may affect: its own zones and those of every branch."""
        out: list[str] = []
        for n in self.nerve_descendants(nerve):
            out.extend(z for z in self.nerve_own_zones(n) if z not in out)
        return tuple(out)

    def nerve_movements(self, nerve: str) -> tuple[str, ...]:
        """Movements weakened by a lesion of this nerve (its own and its branches')."""
        below = set(self.nerve_descendants(nerve))
        return tuple(mv.id for mv in self.movements.values() if mv.nerve in below)

    def nerve_minor_movements(self, nerve: str) -> tuple[str, ...]:
        """Movements a lesion of this nerve weakens only in part: another nerve supplies the rest."""
        below = set(self.nerve_descendants(nerve))
        major = set(self.nerve_movements(nerve))
        return tuple(
            mv.id for mv in self.movements.values() if mv.id not in major and below.intersection(mv.also_nerves)
        )

    def movement_nerves(self, movement: str) -> tuple[str, ...]:
        """The nerve that supplies a movement and every trunk above it."""
        nerve = self.movements[movement].nerve
        return (nerve, *self.nerve_ancestors(nerve)) if nerve in self.nerves else (nerve,)

    def movement_minor_nerves(self, movement: str) -> tuple[str, ...]:
        """Nerves (and the trunks above them) that supply part of a movement, not already its main supply."""
        major = set(self.movement_nerves(movement))
        out: list[str] = []
        for nerve in self.movements[movement].also_nerves:
            chain = (nerve, *self.nerve_ancestors(nerve)) if nerve in self.nerves else (nerve,)
            out.extend(n for n in chain if n not in major and n not in out)
        return tuple(out)
