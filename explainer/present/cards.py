"""Info cards for a root, a nerve or a disc: plain display data for the spine page."""

from __future__ import annotations

from dataclasses import dataclass

from explainer.anatomy import Atlas
from explainer.i18n import t
from explainer.present.layers import both_sides, disc_label
from explainer.present.zonelist import zone_label


def root_groups() -> tuple[tuple[str, str], ...]:
    """(first letter, plain name) of each part of the spine, head to tail."""
    return (("C", t("Neck (cervical)")), ("T", t("Chest (thoracic)")), ("L", t("Low back (lumbar)")),
            ("S", t("Base of the spine (sacral)")))


@dataclass(frozen=True)
class RootCard:
    root: str
    summary: str
    area: str
    exit_text: str
    key_point: str
    key_muscles: tuple[str, ...]
    reflexes: tuple[str, ...]
    discs: tuple[str, ...]
    chart_note: str


@dataclass(frozen=True)
class NerveCard:
    nerve: str
    name: str
    summary: str
    roots: str
    course: tuple[str, ...]
    branches: tuple[str, ...]
    territory: tuple[str, ...]
    entrapment: tuple[str, ...]
    movements: tuple[str, ...]
    part_of: tuple[str, ...]


@dataclass(frozen=True)
class DiscCard:
    disc: str
    label: str
    posterolateral: tuple[str, ...]
    far_lateral: tuple[str, ...]
    text: str
    note: str


def root_label(root: str) -> str:
    """'L5' -> 'L5 — low back (lumbar)' for lists."""
    group = next((name for prefix, name in root_groups() if root.startswith(prefix)), "")
    return f"{root} — {group.lower()}" if group else root


def _muscle(atlas: Atlas, muscle: str, movement: str | None, *, isncsci: bool) -> str:
    text = muscle
    if movement and movement in atlas.movements:
        text += f" — {atlas.movements[movement].name.lower()}"
    return t("{muscle} (key muscle on the standard exam chart)", muscle=text) if isncsci else text


def root_card(atlas: Atlas, root: str, *, clinician: bool = False) -> RootCard:
    """A root's card; the key test point in the standard wording for a clinician, in everyday words otherwise."""
    r = atlas.roots[root]
    point = atlas.key_point_for("S4" if root == "S5" else root)
    muscles = tuple(_muscle(atlas, k.muscle, k.movement, isncsci=k.isncsci) for k in r.key_muscles)
    reflexes = tuple(atlas.reflexes[x].name for x in atlas.root_reflexes(root))
    discs = tuple(
        t("{disc} disc — a common bulge (back and to the side)", disc=disc_label(d)) if kind == "posterolateral"
        else t("{disc} disc — a less common bulge far out to the side", disc=disc_label(d))
        for d, kind in atlas.discs_pressing_on(root)
    )
    where = f" ({zone_label(atlas, point.zone + '_right').rsplit(' (', 1)[0]})" if point else ""
    spot = "" if point is None else f"{point.wording}{where}" if clinician else point.plain  # plain words name the place
    return RootCard(
        root=root, summary=r.summary, area=r.area, exit_text=f"{r.foramen}. {r.exit_rule}".strip(), key_point=spot,
        key_muscles=muscles, reflexes=reflexes, discs=discs, chart_note=r.chart_disagreement,
    )


def nerve_card(atlas: Atlas, nerve: str) -> NerveCard:
    n = atlas.nerves[nerve]
    territory = tuple(zone_label(atlas, z).rsplit(" (", 1)[0] for z in both_sides(atlas.nerve_zones(nerve))[::2])
    return NerveCard(
        nerve=nerve, name=n.name, summary=n.summary, roots=", ".join(n.roots), course=n.course,
        branches=tuple(atlas.nerves[c].name for c in atlas.nerve_children(nerve)),
        territory=territory, entrapment=n.entrapment,
        movements=tuple(atlas.movements[m].name for m in atlas.nerve_movements(nerve))
        + tuple(t("{movement} (in part)", movement=atlas.movements[m].name) for m in atlas.nerve_minor_movements(nerve)),
        part_of=tuple(atlas.nerves[p].name for p in n.parents if p in atlas.nerves),
    )


def disc_card(atlas: Atlas, disc_id: str) -> DiscCard | None:
    disc = next((d for d in atlas.spine.discs if d.id == disc_id), None)
    if disc is None:
        return None
    far = tuple(r for r in disc.far_lateral if r not in disc.posterolateral)
    pl = ", ".join(disc.posterolateral)
    text = t("A bulge at the {disc} disc usually presses on the {roots} root.", disc=disc_label(disc_id), roots=pl)
    if far:
        text += " " + t("A less common bulge far out to the side may press on {roots} instead.", roots=", ".join(far))
    return DiscCard(disc=disc_id, label=disc_label(disc_id), posterolateral=tuple(disc.posterolateral),
                    far_lateral=far, text=text, note=disc.note)


def nerve_order(atlas: Atlas) -> tuple[str, ...]:
    """Nerves for the picker: the sciatic nerve first, then lower limb, upper limb, the rest, by name."""
    limb_rank = {"lower": 0, "pelvis": 1, "upper": 2, "trunk": 3}
    rest = sorted((n for n in atlas.nerves.values() if n.id != "sciatic_nerve"),
                  key=lambda n: (limb_rank.get(n.limb, 9), n.name))
    first = ("sciatic_nerve",) if "sciatic_nerve" in atlas.nerves else ()
    return first + tuple(n.id for n in rest)
