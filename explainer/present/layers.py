"""Layer colouring: which zones light up for a root, a nerve, a disc or a comparison, with words.

Each highlighted zone gets a colour *and* a short text label, and every layer carries a legend in words,
so colour is never the only cue. Zones are returned per side ('..._left', '..._right').
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from explainer.anatomy import SIDES, Atlas
from explainer.i18n import t
from explainer.present import palette

Role = Literal["primary", "also", "first", "second", "both", "marked"]


@dataclass(frozen=True)
class ZoneStyle:
    colour: str
    role: Role
    label: str


@dataclass(frozen=True)
class LegendEntry:
    colour: str
    text: str
    label: str = ""  # the on-map label this entry explains, when it explains one


@dataclass(frozen=True)
class Layer:
    title: str
    styles: Mapping[str, ZoneStyle] = field(default_factory=dict)
    legend: tuple[LegendEntry, ...] = ()
    notes: tuple[str, ...] = ()
    tips: Mapping[str, str] = field(default_factory=dict)  # per zone: more hover text, each line after "<br>"

    @property
    def zones(self) -> tuple[str, ...]:
        return tuple(self.styles)


def both_sides(zones: Iterable[str]) -> tuple[str, ...]:
    return tuple(f"{z}_{s}" for z in zones for s in SIDES)


def item_name(atlas: Atlas, item: str) -> str:
    """A plain name for a root ('the L5 root') or nerve ('the sciatic nerve')."""
    if item in atlas.roots:
        return t("the {root} root", root=item)
    nerve = atlas.nerves.get(item)
    return t("the {nerve}", nerve=nerve.name[:1].lower() + nerve.name[1:]) if nerve else item


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def item_zones(atlas: Atlas, item: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(primary, also) base zone ids for a root, or (territory, ()) for a nerve."""
    if item in atlas.roots:
        return atlas.root_zones(item), atlas.root_also_zones(item)
    if item in atlas.nerves:
        return atlas.nerve_zones(item), ()
    return (), ()


_SMALL_WORDS = {"nerve", "of", "the", "and", "to", "nervio", "de", "del", "la", "el", "los", "las", "y"}  # en, es
# Where the generic rule would give two nerves the same on-map label ("Ili", "LP"), a distinct one.
_SHORT_OVERRIDES = {"iliohypogastric_nerve": "IH", "ilioinguinal_nerve": "IIn", "lumbosacral_plexus": "LSP"}


def short(atlas: Atlas, item: str) -> str:
    """A short on-map label: 'L5' for a root; for a nerve its initials ('CF') or first letters ('Sci')."""
    if item in atlas.roots:
        return item
    nerve = atlas.nerves.get(item)
    if nerve is None:
        return item
    if item in _SHORT_OVERRIDES:
        return _SHORT_OVERRIDES[item]
    words = [w for w in nerve.name.split("(")[0].replace("-", " ").split() if w.lower() not in _SMALL_WORDS]
    if len(words) == 1:
        return words[0][:3].capitalize()
    return "".join(w[0].upper() for w in words)


def item_layer(atlas: Atlas, item: str, *, colour: str = palette.FIRST) -> Layer:
    """One root's dermatome (primary + 'also' zones) or one nerve's skin territory."""
    primary, also = item_zones(atlas, item)
    name, label = item_name(atlas, item), short(atlas, item)
    styles: dict[str, ZoneStyle] = {z: ZoneStyle(colour, "primary", label) for z in both_sides(primary)}
    also_only = [z for z in both_sides(also) if z not in styles]
    styles.update({z: ZoneStyle(colour, "also", f"{label}?") for z in also_only})
    legend = [LegendEntry(colour, t("Solid, labelled “{label}”: skin {name} commonly supplies", label=label, name=name))]
    notes: list[str] = []
    if also_only:
        legend.append(LegendEntry(palette.tint(colour), t(
            "Pale and hatched, labelled “{label}?”: some charts also give this skin to {name}", label=label, name=name)))
        notes.append(t("Charts disagree about the pale areas: some dermatome charts give them to {name}, others do not.",
                       name=name))
    title = (t("Skin strip (dermatome) of {name}", name=name) if item in atlas.roots
             else t("Skin supplied by {name}", name=name))
    return Layer(title=title, styles=styles, legend=tuple(legend), notes=tuple(notes))


def compare_layer(atlas: Atlas, first: str, second: str) -> Layer:
    """Two roots or a root and a nerve together: first, second and overlap, each with its own colour and word."""
    a, b = set(both_sides(item_zones(atlas, first)[0])), set(both_sides(item_zones(atlas, second)[0]))
    la, lb = short(atlas, first), short(atlas, second)
    styles: dict[str, ZoneStyle] = {}
    for z in sorted(a | b):
        if z in a and z in b:
            styles[z] = ZoneStyle(palette.BOTH, "both", f"{la}+{lb}")
        elif z in a:
            styles[z] = ZoneStyle(palette.FIRST, "first", la)
        else:
            styles[z] = ZoneStyle(palette.SECOND, "second", lb)
    na, nb = item_name(atlas, first), item_name(atlas, second)
    legend = (
        LegendEntry(palette.FIRST, t("Blue, labelled “{label}”: only {name}", label=la, name=na)),
        LegendEntry(palette.SECOND, t("Orange, labelled “{label}”: only {name}", label=lb, name=nb)),
        LegendEntry(palette.BOTH, t("Purple, labelled “{label}”: both", label=la + "+" + lb)),
    )
    title = t("Comparing {first} and {second}", first=na, second=nb)
    return Layer(title=title, styles=styles, legend=legend, notes=(_overlap_note(na, nb, a & b),))


def _overlap_note(na: str, nb: str, overlap: set[str]) -> str:
    if not overlap:
        return _cap(t("{first} and {second} share no skin on this chart: where the symptoms are can help tell them "
                      "apart.", first=na, second=nb))
    return _cap(t("{first} and {second} share some skin, so skin alone may not tell them apart; muscle strength and "
                  "reflexes usually help.", first=na, second=nb))


def disc_layer(atlas: Atlas, disc_id: str) -> Layer:
    """The roots a typical posterolateral (blue) and far-lateral (orange) herniation at a disc press on."""
    disc = next((d for d in atlas.spine.discs if d.id == disc_id), None)
    if disc is None:
        return Layer(title=t("Unknown disc"))
    styles: dict[str, ZoneStyle] = {}
    far = [r for r in disc.far_lateral if r not in disc.posterolateral]
    for root in disc.posterolateral:
        styles.update({z: ZoneStyle(palette.FIRST, "first", root) for z in both_sides(atlas.root_zones(root))})
    for root in far:
        styles.update({z: ZoneStyle(palette.SECOND, "second", root) for z in both_sides(atlas.root_zones(root))
                       if z not in styles})
    pl, fl = ", ".join(disc.posterolateral), ", ".join(far)
    legend = [LegendEntry(palette.FIRST, t("Blue, labelled {roots}: a common (back-and-to-the-side) bulge usually "
                                           "presses here", roots=pl))]
    if far:
        legend.append(LegendEntry(palette.SECOND, t("Orange, labelled {roots}: a less common bulge far out to the side",
                                                    roots=fl)))
    return Layer(title=t("Disc {disc}", disc=disc_label(disc_id)), styles=styles, legend=tuple(legend),
                 notes=(disc.note,) if disc.note else ())


def disc_label(disc_id: str) -> str:
    """'L4-L5' or 'L4_L5' -> 'L4/L5' for reading."""
    return disc_id.replace("-", "/").replace("_", "/")


def marked_layer(zones: Iterable[str], *, labels: Mapping[str, str] | None = None) -> Layer:
    """The plain symptom layer: marked zones in one strong colour, each labelled."""
    lab = labels or {}
    styles = {z: ZoneStyle(palette.MARKED, "marked", lab.get(z, "")) for z in zones}
    return Layer(title=t("Where you feel it"), styles=styles,
                 legend=(LegendEntry(palette.MARKED, t("Amber with a heavy dark outline: areas you marked")),) if styles
                 else ())


def whole_body_layer(atlas: Atlas, *, kind: Literal["dermatomes", "nerves"]) -> Layer:
    """Every zone coloured by its first root (dermatomes) or first nerve (nerves), labelled with it."""
    owners: list[str] = []
    colours: dict[str, str] = {}
    styles: dict[str, ZoneStyle] = {}
    for zone in atlas.zones.values():
        owner = _owner(atlas, zone.id, kind=kind)
        if owner is None:
            continue
        if owner not in owners:
            owners.append(owner)
        colour = colours.setdefault(owner, palette.cycle(owners.index(owner)))
        for z in both_sides((zone.id,)):
            styles[z] = ZoneStyle(colour, "primary", short(atlas, owner))
    title = t("Skin strips (dermatomes)") if kind == "dermatomes" else t("Skin supplied by each nerve")
    note = (t("Each area is labelled with the root most charts give it; neighbouring strips overlap and charts disagree "
              "at the edges.") if kind == "dermatomes" else t("Each area is labelled with the nerve that most often "
                                                              "supplies it."))
    legend = tuple(LegendEntry(colours[o], t("“{label}”: {name}", label=short(atlas, o), name=item_name(atlas, o)),
                               label=short(atlas, o)) for o in owners)
    return Layer(title=title, styles=styles, legend=legend, notes=(note,))


def _owner(atlas: Atlas, zone_id: str, *, kind: str) -> str | None:
    zone = atlas.zones[zone_id]
    if kind == "dermatomes":
        return zone.dermatomes.primary[0] if zone.dermatomes.primary else None
    nerves = atlas.zone_answer_nerves(zone_id)
    return nerves[0] if nerves else None
