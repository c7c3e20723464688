"""Candidate specifications: every answer's skin, movements, reflexes and prior, built once per atlas."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from types import MappingProxyType
from typing import Literal

from explainer.anatomy import DERMATOMAL_ROOTS, Atlas
from explainer.engine.config import resolve, resolve_all
from explainer.engine.config_model import EngineConfig, Pattern
from explainer.i18n import t

SkinTag = Literal["primary", "also", "axial"]
MoveRole = Literal["major", "minor"]
ReflexRole = Literal["main", "other"]
Family = Literal["root", "root_pair", "nerve", "plexus", "pattern", "multiplex"]
Sides = Literal["one", "both", "none"]
_TAG_RANK: dict[str, int] = {"primary": 3, "also": 2, "axial": 1}


@dataclass(frozen=True)
class Spec:
    """What one candidate predicts. `answer` is its id in the answer vocabulary."""

    key: str
    answer: str
    label: str
    kind: str
    family: Family
    members: tuple[str, ...]
    skin: Mapping[str, SkinTag]
    movements: Mapping[str, MoveRole]
    reflexes: Mapping[str, ReflexRole]
    umn: bool
    sides: Sides
    symmetric: bool
    log_prior: float
    order: int
    partial_area: bool = False  # a skin nerve: people mark the patch they feel, so unmarked skin barely counts
    side_skin: Mapping[str, Mapping[str, SkinTag]] | None = None  # per-side skin (mononeuritis multiplex only)
    length_dependent: bool = False  # a pattern that starts in the feet

    def skin_on(self, side: str) -> Mapping[str, SkinTag]:
        return self.side_skin.get(side, {}) if self.side_skin is not None else self.skin

    def primary_on(self, side: str) -> tuple[str, ...]:
        if self.side_skin is None:
            return self.primary
        return tuple(z for z, t in self.skin_on(side).items() if t == "primary")

    @cached_property
    def primary(self) -> tuple[str, ...]:
        return tuple(z for z, t in self.skin.items() if t == "primary")

    @property
    def has_major_movement(self) -> bool:
        return "major" in self.movements.values()


def _merge_skin(*parts: Mapping[str, SkinTag]) -> dict[str, SkinTag]:
    out: dict[str, SkinTag] = {}
    for part in parts:
        for z, tag in part.items():
            if z not in out or _TAG_RANK[tag] > _TAG_RANK[out[z]]:
                out[z] = tag
    return out


def priors(*, atlas: Atlas, config: EngineConfig) -> dict[str, float]:
    """Relative prior weight per answer id; later entries in engine.yaml override earlier ones."""
    weights = {a: 1.0 for a in atlas.answers}
    for p in config.priors:
        for a in resolve_all(p.targets, atlas=atlas, config=config):
            weights[a] = p.weight
    return weights


def _axial_zones(root: str, *, atlas: Atlas, config: EngineConfig) -> dict[str, SkinTag]:
    out: dict[str, SkinTag] = {}
    for rule in config.axial:
        if root in resolve_all(rule.roots, atlas=atlas, config=config):
            out.update({z: "axial" for z in rule.zones})
    return out


def root_spec(root: str, *, atlas: Atlas, config: EngineConfig, weight: float, order: int) -> Spec:
    skin = _merge_skin(
        _axial_zones(root, atlas=atlas, config=config),
        {z: "also" for z in atlas.root_also_zones(root)},
        {z: "primary" for z in atlas.root_zones(root)},
    )
    moves: dict[str, MoveRole] = {}
    for mv in atlas.movements.values():
        if root in mv.roots:
            moves[mv.id] = "major"
        elif root in mv.minor_roots:
            moves[mv.id] = "minor"
    reflexes: dict[str, ReflexRole] = {
        r.id: ("main" if r.main_root == root else "other") for r in atlas.reflexes.values() if root in r.roots
    }
    return Spec(key=root, answer=root, label=t("{root} root", root=root), kind="root", family="root", members=(root,),
                skin=MappingProxyType(skin), movements=MappingProxyType(moves), reflexes=MappingProxyType(reflexes),
                umn=False, sides="one", symmetric=False, log_prior=math.log(weight), order=order)


def pair_spec(first: Spec, second: Spec, *, config: EngineConfig, order: int) -> Spec:
    """Two adjacent roots together; its answer id is settled at ranking time (the better-scoring member)."""
    moves: dict[str, MoveRole] = dict(first.movements)
    for m, role in second.movements.items():
        if role == "major" or m not in moves:
            moves[m] = role
    reflexes: dict[str, ReflexRole] = dict(first.reflexes)
    for r, rrole in second.reflexes.items():
        if rrole == "main" or r not in reflexes:
            reflexes[r] = rrole
    log_prior = math.log(config.weights.root_pair.lr) + (first.log_prior + second.log_prior) / 2
    key = f"{first.key}-{second.key}"
    return Spec(key=key, answer=first.answer, label=t("{roots} roots", roots=key), kind="root", family="root_pair",
                members=(first.answer, second.answer), skin=MappingProxyType(_merge_skin(first.skin, second.skin)),
                movements=MappingProxyType(moves), reflexes=MappingProxyType(reflexes), umn=False, sides="one",
                symmetric=False, log_prior=log_prior, order=order)


def nerve_spec(nerve: str, *, atlas: Atlas, config: EngineConfig, weight: float, order: int) -> Spec:
    spared_moves = {m for s in config.spared if s.nerve == nerve for m in s.movements}
    spared_zones = {z for s in config.spared if s.nerve == nerve for z in s.zones}
    answer = atlas.answers[nerve]
    # A plexus lesion involves a variable part of its territory, so it predicts any one zone less sharply.
    sharp: SkinTag = "also" if answer.kind == "plexus" else "primary"
    sites: dict[str, SkinTag] = {z: "axial" for s in config.sites if s.nerve == nerve for z in s.zones}
    skin = _merge_skin(sites, {z: ("also" if z in spared_zones else sharp) for z in atlas.nerve_zones(nerve)})
    moves: dict[str, MoveRole] = {m: "minor" for m in atlas.nerve_minor_movements(nerve)}
    moves.update({m: ("minor" if m in spared_moves else "major") for m in atlas.nerve_movements(nerve)})
    below = set(atlas.nerve_descendants(nerve))
    reflexes: dict[str, ReflexRole] = {r.id: "main" for r in atlas.reflexes.values() if r.nerve in below}
    family: Family = "plexus" if answer.kind == "plexus" else "nerve"
    return Spec(key=nerve, answer=nerve, label=atlas.nerves[nerve].name, kind=answer.kind, family=family,
                members=(nerve,), skin=MappingProxyType(skin), movements=MappingProxyType(moves),
                reflexes=MappingProxyType(reflexes), umn=False, sides="one", symmetric=False,
                log_prior=math.log(weight), order=order)


def _limb_moves(tokens: Iterable[str], *, atlas: Atlas) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token.startswith("limb:"):
            limb = token.partition(":")[2]
            out += [mv.id for mv in atlas.movements.values() if mv.nerve in atlas.nerves and atlas.nerves[mv.nerve].limb == limb]
        else:
            out.append(token)
    return out


def pattern_spec(p: Pattern, *, atlas: Atlas, weight: float, order: int) -> Spec:
    def in_regions(regions: tuple[str, ...]) -> list[str]:
        return [z.id for z in atlas.zones.values() if z.region in regions]

    skin = _merge_skin(
        {z: "axial" for z in p.skin.axial_zones},
        {z: "also" for z in [*in_regions(p.skin.also_regions), *p.skin.also_zones]},
        {z: "primary" for z in [*in_regions(p.skin.primary_regions), *p.skin.primary_zones]},
    )
    moves: dict[str, MoveRole] = {m: "minor" for m in _limb_moves(p.minor_movements, atlas=atlas)}
    moves.update({m: "major" for m in _limb_moves(p.major_movements, atlas=atlas)})
    reflexes: dict[str, ReflexRole] = {r: "other" for r in p.other_reflexes}
    reflexes.update({r: "main" for r in p.main_reflexes})
    return Spec(key=p.id, answer=p.id, label=atlas.answers[p.id].label, kind="pattern", family="pattern",
                members=(p.id,), skin=MappingProxyType(skin), movements=MappingProxyType(moves),
                reflexes=MappingProxyType(reflexes), umn=p.umn, sides=p.sides, symmetric=p.symmetric,
                log_prior=math.log(weight), order=order, length_dependent=p.length_dependent)


def build_specs(*, atlas: Atlas, config: EngineConfig) -> tuple[Spec, ...]:
    """All candidates in a fixed order: roots, adjacent root pairs, nerves and plexus, patterns."""
    weights = priors(atlas=atlas, config=config)
    order = {a: i for i, a in enumerate(atlas.answers)}
    roots = [root_spec(r, atlas=atlas, config=config, weight=weights[r], order=order[r])
             for r in DERMATOMAL_ROOTS if r in atlas.answers and r in atlas.roots]
    pairs = [pair_spec(a, b, config=config, order=len(order) + i) for i, (a, b) in enumerate(itertools.pairwise(roots))]
    nerves = [nerve_spec(a.id, atlas=atlas, config=config, weight=weights[a.id], order=order[a.id])
              for a in atlas.answers.values() if a.kind in ("nerve", "plexus") and a.id in atlas.nerves]
    patterns = [pattern_spec(p, atlas=atlas, weight=weights[p.id], order=order[p.id]) for p in config.patterns]
    partial = resolve_all(config.partial_area, atlas=atlas, config=config)
    nerves = [replace(n, partial_area=True) if n.answer in partial else n for n in nerves]
    return (*roots, *pairs, *nerves, *patterns)


def context_index(*, atlas: Atlas, config: EngineConfig) -> dict[str, tuple[tuple[frozenset[str], float, int], ...]]:
    """finding -> ((matched answer ids, log LR, rule index), ...) for fast lookup."""
    out: dict[str, list[tuple[frozenset[str], float, int]]] = {}
    for i, rule in enumerate(config.context):
        ids = frozenset().union(*(resolve(t, atlas=atlas, config=config) for t in rule.targets))
        out.setdefault(rule.finding, []).append((ids, math.log(rule.lr), i))
    return {k: tuple(v) for k, v in out.items()}
