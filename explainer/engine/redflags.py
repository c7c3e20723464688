"""Red flags from content/red_flags.yaml, evaluated on the findings whatever the ranking."""

from __future__ import annotations

from dataclasses import dataclass

from explainer.anatomy import Atlas
from explainer.engine.config_model import EngineConfig
from explainer.engine.evidence import Evidence

_REDUCED_LIKE = {"reduced": ("reduced", "absent"), "absent": ("absent",), "brisk": ("brisk",)}


@dataclass(frozen=True)
class FlagHit:
    id: str
    name: str
    level: str
    reason: str
    advice: str
    matched: tuple[str, ...]


def _reflex_value(reflex: str, ev: Evidence) -> str | None:
    if reflex in ev.reduced:
        return ev.reduced[reflex]
    return "brisk" if reflex in ev.brisk else None


def _legs_both(ev: Evidence, *, atlas: Atlas, config: EngineConfig) -> bool:
    sides = {s for b, s in ev.marked if atlas.zones[b].region in config.leg_regions and not atlas.zones[b].midline_half}
    return len(sides) == 2


def token_met(token: str, ev: Evidence, *, atlas: Atlas, config: EngineConfig) -> bool:
    """One trigger token (grammar in explainer/anatomy/crossrefs.py). 'reduced' is also met by 'absent'."""
    head, _, rest = token.partition(":")
    if not rest:
        return token in ev.other
    if head == "zone":
        return any(b == rest for b, _ in ev.marked)
    if head == "weak":
        return bool(ev.weak) if rest == "any" else rest in ev.weak
    if head == "reflex":
        reflex, _, value = rest.partition(":")
        wanted = _REDUCED_LIKE.get(value, (value,))
        names = list(ev.reduced) + list(ev.brisk) if reflex == "any" else [reflex]
        return any(_reflex_value(r, ev) in wanted for r in names)
    if token == "legs:both":
        return _legs_both(ev, atlas=atlas, config=config)
    return False


def red_flags(ev: Evidence, *, atlas: Atlas, config: EngineConfig) -> list[FlagHit]:
    """Every red flag with at least one trigger group fully met, in file order."""
    hits: list[FlagHit] = []
    for flag in atlas.red_flags.values():
        for group in flag.triggers:
            if all(token_met(t, ev, atlas=atlas, config=config) for t in group):
                hits.append(FlagHit(id=flag.id, name=flag.name, level=flag.level, reason=flag.reason,
                                    advice=flag.advice, matched=group))
                break
    return hits


def open_questions(ev: Evidence, *, atlas: Atlas, config: EngineConfig) -> list[str]:
    """Questions that safety requires but that have not been answered yet."""
    legs = any(atlas.zones[b].region in config.leg_regions for b, _ in ev.marked)
    if legs and not ev.other & set(config.saddle_questions):
        return ["Leg zones are marked but saddle numbness, bladder change and bowel change have not been asked about yet: "
                "ask about all three (warning signs of cauda equina syndrome)."]
    return []
