"""Cross-reference checks run at load: every id a record names must exist."""

from __future__ import annotations

from collections.abc import Iterable

from explainer.anatomy import models as m
from explainer.anatomy.atlas import Atlas
from explainer.anatomy.errors import ContentError
from explainer.anatomy.order import DERMATOMAL_ROOTS, in_order


def _sources(file: str, rid: str, fld: str, keys: Iterable[str], atlas: Atlas) -> list[ContentError]:
    return [
        ContentError(file=file, record=rid, field=fld, problem=f"unknown source key {k!r} (add it to sources.yaml)")
        for k in keys
        if k not in atlas.sources
    ]


def _order(file: str, rid: str, fld: str, roots: tuple[str, ...]) -> list[ContentError]:
    if in_order(roots):
        return []
    return [ContentError(file=file, record=rid, field=fld, problem=f"roots {list(roots)} are not in head-to-tail order")]


def check_zones(atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for z in atlas.zones.values():
        errs += _sources("zones.yaml", z.id, "dermatomes.sources", z.dermatomes.sources, atlas)
        errs += _order("zones.yaml", z.id, "dermatomes.primary", z.dermatomes.primary)
        errs += _order("zones.yaml", z.id, "dermatomes.also", z.dermatomes.also)
        for i, zn in enumerate(z.nerves):
            if zn.id not in atlas.cutaneous_nerves:
                errs.append(ContentError(file="zones.yaml", record=z.id, field=f"nerves.{i}.id",
                                         problem=f"unknown cutaneous nerve {zn.id!r}"))
            errs += _sources("zones.yaml", z.id, f"nerves.{i}.sources", zn.sources, atlas)
        if z.id not in atlas.zone_text:
            errs.append(ContentError(file="text/zones.yaml", record=z.id, field="-", problem="zone has no text"))
    errs += [ContentError(file="text/zones.yaml", record=t, field="-", problem="text for an unknown zone")
             for t in atlas.zone_text if t not in atlas.zones]
    for c in atlas.cutaneous_nerves.values():
        errs += _sources("cutaneous_nerves.yaml", c.id, "sources", c.sources, atlas)
        if c.answer_parent is not None and c.answer_parent not in atlas.nerves:
            errs.append(ContentError(file="cutaneous_nerves.yaml", record=c.id, field="answer_parent",
                                     problem=f"unknown nerve {c.answer_parent!r} (expected an id in nerves.yaml)"))
    return errs


def check_key_points(atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for k in atlas.key_points.values():
        zone = atlas.zones.get(k.zone)
        if zone is None:
            errs.append(ContentError(file="key_points.yaml", record=k.root, field="zone", problem=f"unknown zone {k.zone!r}"))
        elif k.root not in zone.dermatomes.primary and not (k.root == "S5" and "S4" in zone.dermatomes.primary):
            errs.append(ContentError(file="key_points.yaml", record=k.root, field="zone",
                                     problem=f"zone {k.zone!r} does not list {k.root} as a primary dermatome"))
        errs += _sources("key_points.yaml", k.root, "sources", k.sources, atlas)
    return errs


def _also_nerve_problems(mv: m.Movement, atlas: Atlas) -> list[ContentError]:
    """also_nerves must exist and add something: not the main nerve, nor a trunk above it (already a full supply)."""
    errs: list[ContentError] = []
    main_chain = {mv.nerve, *atlas.nerve_ancestors(mv.nerve)} if mv.nerve in atlas.nerves else {mv.nerve}
    for i, nerve in enumerate(mv.also_nerves):
        if nerve not in atlas.nerves:
            problem = f"unknown nerve {nerve!r}"
        elif nerve in main_chain:
            problem = f"{nerve!r} is already the main supply ({mv.nerve!r} or a trunk above it)"
        else:
            continue
        errs.append(ContentError(file="movements.yaml", record=mv.id, field=f"also_nerves.{i}", problem=problem))
    return errs


def _motor_agrees(atlas: Atlas) -> list[ContentError]:
    """nerves.yaml `motor` and movements.yaml `nerve` say the same thing from both ends."""
    errs: list[ContentError] = []
    for n in atlas.nerves.values():
        for mv in n.motor:
            if mv in atlas.movements and atlas.movements[mv].nerve != n.id:
                errs.append(ContentError(file="nerves.yaml", record=n.id, field="motor",
                                         problem=f"movement {mv!r} names {atlas.movements[mv].nerve!r} as its nerve"))
    for move in atlas.movements.values():
        if move.nerve in atlas.nerves and move.id not in atlas.nerves[move.nerve].motor:
            errs.append(ContentError(file="movements.yaml", record=move.id, field="nerve",
                                     problem=f"nerve {move.nerve!r} does not list {move.id!r} under motor"))
    return errs


def check_motor(atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for mv in atlas.movements.values():
        if mv.nerve not in atlas.nerves:
            errs.append(ContentError(file="movements.yaml", record=mv.id, field="nerve", problem=f"unknown nerve {mv.nerve!r}"))
        errs += _also_nerve_problems(mv, atlas)
        errs += _order("movements.yaml", mv.id, "roots", mv.roots)
        errs += _sources("movements.yaml", mv.id, "sources", mv.sources, atlas)
    errs += _motor_agrees(atlas)
    for r in atlas.reflexes.values():
        if r.nerve is not None and r.nerve not in atlas.nerves:
            errs.append(ContentError(file="reflexes.yaml", record=r.id, field="nerve", problem=f"unknown nerve {r.nerve!r}"))
        if r.main_root is not None and r.main_root not in r.roots:
            errs.append(ContentError(file="reflexes.yaml", record=r.id, field="main_root", problem="must be one of roots"))
        errs += _order("reflexes.yaml", r.id, "roots", r.roots)
        errs += _sources("reflexes.yaml", r.id, "sources", r.sources, atlas)
    return errs


def check_roots(atlas: Atlas, order: list[str]) -> list[ContentError]:
    errs: list[ContentError] = []
    expected = [r for r in DERMATOMAL_ROOTS]
    if order != expected:
        first = next((got for got, want in zip(order, expected, strict=False) if got != want), "?")
        errs.append(ContentError(file="roots.yaml", record=first, field="id",
                                 problem=f"roots must be listed C2..S5 in anatomical order; got {order}"))
    for r in atlas.roots.values():
        for i, km in enumerate(r.key_muscles):
            if km.movement is not None and km.movement not in atlas.movements:
                errs.append(ContentError(file="roots.yaml", record=r.id, field=f"key_muscles.{i}.movement",
                                         problem=f"unknown movement {km.movement!r}"))
        errs += _sources("roots.yaml", r.id, "sources", r.sources, atlas)
    return errs


def check_nerves(atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for n in atlas.nerves.values():
        errs += _order("nerves.yaml", n.id, "roots", n.roots)
        for p in n.parents:
            if p not in atlas.nerves:
                errs.append(ContentError(file="nerves.yaml", record=n.id, field="parents", problem=f"unknown nerve {p!r}"))
        for mv in n.motor:
            if mv not in atlas.movements:
                errs.append(ContentError(file="nerves.yaml", record=n.id, field="motor", problem=f"unknown movement {mv!r}"))
        errs += _sources("nerves.yaml", n.id, "sources", n.sources, atlas)
    return errs


def check_answers(atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for a in atlas.answers.values():
        ok = {
            "root": a.id in atlas.roots,
            "nerve": a.id in atlas.nerves,
            "plexus": a.id in atlas.nerves and atlas.nerves[a.id].kind == "plexus",
            "pattern": True,
        }[a.kind]
        if not ok:
            errs.append(ContentError(file="vocab_answers.yaml", record=a.id, field="kind",
                                     problem=f"a {a.kind} answer must match a record in roots.yaml/nerves.yaml"))
    return errs


def check_spine_and_flags(atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    for d in atlas.spine.discs:
        errs += _sources("spine.yaml", d.id, "sources", d.sources, atlas)
    errs += _sources("spine.yaml", "-", "sources", atlas.spine.sources, atlas)
    for f in atlas.red_flags.values():
        errs += _sources("red_flags.yaml", f.id, "sources", f.sources, atlas)
        for i, group in enumerate(f.triggers):
            for token in group:
                problem = trigger_problem(token, atlas)
                if problem:
                    errs.append(ContentError(file="red_flags.yaml", record=f.id, field=f"triggers.{i}", problem=problem))
    for c in atlas.other_causes.values():
        errs += _sources("other_causes.yaml", c.id, "sources", c.sources, atlas)
    return errs


_WORDS = ("sensory", "deficit", "bilateral")


def trigger_problem(token: str, atlas: Atlas) -> str | None:
    """Red-flag trigger grammar: a finding id, 'sensory', 'deficit', 'bilateral', 'zone:<zone>', 'symptom:<symptom>',
    'weak:any', 'weak:<movement>', 'mrc:<grade>' (a weak movement graded at or below it), 'reflex:any:<value>',
    'reflex:<reflex>:<value>', 'brisk:<count>' or 'legs:both';
    any of them may start with '!' (the token must not hold)."""
    token = token.removeprefix("!")
    parts = token.split(":")
    head = parts[0]
    if len(parts) == 1:
        return None if token in atlas.findings or token in _WORDS else f"unknown finding {token!r}"
    if head == "zone" and len(parts) == 2:
        return None if parts[1] in atlas.zones else f"unknown zone {parts[1]!r}"
    if head == "symptom" and len(parts) == 2:
        return None if parts[1] in atlas.symptoms else f"unknown symptom {parts[1]!r}"
    if head == "weak" and len(parts) == 2:
        return None if parts[1] == "any" or parts[1] in atlas.movements else f"unknown movement {parts[1]!r}"
    if head == "mrc" and len(parts) == 2:
        return None if parts[1] in ("0", "1", "2", "3", "4") else f"bad MRC grade {token!r} (0-4)"
    if head == "brisk" and len(parts) == 2:
        return None if parts[1].isdigit() and int(parts[1]) >= 1 else f"bad brisk count {token!r}"
    if head == "reflex" and len(parts) == 3:
        known = parts[1] == "any" or parts[1] in atlas.reflexes
        return None if known and parts[2] in ("reduced", "absent", "brisk") else f"bad reflex trigger {token!r}"
    if token == "legs:both":
        return None
    return f"unknown trigger {token!r}"


def all_problems(atlas: Atlas, *, root_order: list[str]) -> list[ContentError]:
    return [
        *check_zones(atlas),
        *check_key_points(atlas),
        *check_motor(atlas),
        *check_roots(atlas, root_order),
        *check_nerves(atlas),
        *check_answers(atlas),
        *check_spine_and_flags(atlas),
    ]


__all__ = ["all_problems", "m", "trigger_problem"]
