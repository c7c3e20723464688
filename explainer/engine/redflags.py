"""Red flags from content/red_flags.yaml, evaluated on the findings whatever the ranking.

Trigger grammar (checked at load by explainer.anatomy.crossrefs.trigger_problem): every token of a group must
hold for the group to fire; a token starting with "!" must NOT hold. See the header of content/red_flags.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.anatomy import Atlas
from explainer.engine.config_model import EngineConfig
from explainer.engine.evidence import Evidence
from explainer.i18n import t

# Levels that are warning signs (the benchmark's "red flag"); "soon" is advice to mention something to a doctor.
RED_FLAG_LEVELS = frozenset({"emergency", "same_day", "urgent"})
_REDUCED_LIKE = {"reduced": ("reduced", "absent"), "absent": ("absent",), "brisk": ("brisk",)}
# Findings that say the symptoms are on both sides (a one-sided brain pattern is then unlikely).
_BILATERAL_FINDINGS = frozenset({"both_hands", "both_feet_symmetric", "bilateral_symptoms", "bilateral_leg_symptoms",
                                 "bilateral_band"})
_SENSORY = frozenset({"numbness", "tingling", "burning"})
# Regions where one-sided numbness or weakness can come from the brain (face, arm, leg); the back and the
# saddle are left out because they are not one-sided brain territories.
_LIMB_FACE_REGIONS = frozenset({"head_neck", "arm", "elbow", "forearm", "wrist", "hand_palmar", "hand_dorsal",
                                "buttock", "thigh", "knee", "leg", "ankle", "foot_dorsum", "foot_sole"})


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


def _sides_in(ev: Evidence, *, atlas: Atlas, regions: frozenset[str] | tuple[str, ...]) -> set[str]:
    return {s for b, s in ev.marked if atlas.zones[b].region in regions and not atlas.zones[b].midline_half}


def _bilateral(ev: Evidence, *, atlas: Atlas) -> bool:
    """Symptoms on both sides: limb or face zones marked on both sides, or a finding that says so."""
    return bool(ev.other & _BILATERAL_FINDINGS) or len(_sides_in(ev, atlas=atlas, regions=_LIMB_FACE_REGIONS)) == 2


def _sensory(ev: Evidence) -> bool:
    """Numbness, tingling or burning named - or places marked without saying what they feel like (assume it may be)."""
    return bool(set(ev.symptoms) & _SENSORY) or (bool(ev.marked) and not ev.symptoms)


def _deficit(ev: Evidence) -> bool:
    """A possible loss of feeling or strength: sensory symptoms, weakness named or a weak movement."""
    return _sensory(ev) or "weakness" in ev.symptoms or bool(ev.weak)


def _plain_token(token: str, ev: Evidence, *, atlas: Atlas, config: EngineConfig) -> bool:
    head, _, rest = token.partition(":")
    if not rest:
        if token == "sensory":
            return _sensory(ev)
        if token == "deficit":
            return _deficit(ev)
        if token == "bilateral":
            return _bilateral(ev, atlas=atlas)
        return token in ev.other
    if head == "zone":
        return any(b == rest for b, _ in ev.marked)
    if head == "symptom":
        return rest in ev.symptoms
    if head == "weak":
        return bool(ev.weak) if rest == "any" else rest in ev.weak
    if head == "brisk":
        return len(ev.brisk) >= int(rest)
    if head == "mrc":
        return any(g <= float(rest) for g in ev.weak_grade.values())
    if head == "reflex":
        reflex, _, value = rest.partition(":")
        wanted = _REDUCED_LIKE.get(value, (value,))
        names = list(ev.reduced) + list(ev.brisk) if reflex == "any" else [reflex]
        return any(_reflex_value(r, ev) in wanted for r in names)
    if token == "legs:both":
        return len(_sides_in(ev, atlas=atlas, regions=config.leg_regions)) == 2
    return False


def token_met(token: str, ev: Evidence, *, atlas: Atlas, config: EngineConfig) -> bool:
    """One trigger token. 'reduced' is also met by 'absent'; '!token' is met when the token is not."""
    if token.startswith("!"):
        return not _plain_token(token[1:], ev, atlas=atlas, config=config)
    return _plain_token(token, ev, atlas=atlas, config=config)


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
        return [t("Leg zones are marked but saddle numbness, bladder change and bowel change have not been asked about "
                  "yet: ask about all three (warning signs of cauda equina syndrome).")]
    return []
