"""Sensation by modality per marked zone (consult mode): the link's ``sens=`` parameter, the panel's quick choices and
the summary's words. Pure functions of the view state, tested without Streamlit.

sens   marked zone : modality-change, several joined by '+', zones comma-separated:
       ``sens=foot_dorsum_right:pinprick-reduced+vibration-absent,heel_lateral_left:light_touch-allodynia``
       modality light_touch, pinprick, vibration, position; change reduced, absent, increased, allodynia (painful to
       touch) - the closed vocabulary of explainer.engine.modality. Only marked zones count. '+' is '%2B' in a URL;
       the space a bare '+' turns into is read as '+' too. Not recorded is simply absent.

Anything not understood is dropped and counted by the caller; nothing here echoes it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from explainer.engine.modality import CHANGES, MODALITIES, Change, Modality
from explainer.i18n import t
from explainer.present.exam_words import CHANGE_WORD, MODALITY_WORD, pill_label

__all__ = ["CHANGE_WORD", "MODALITY_WORD", "pill_label"]  # re-exported for the panel

if TYPE_CHECKING:
    from explainer.viewstate import ViewState

SensMark = tuple[str, Modality, Change]  # (zone instance, modality, change)
MAX_SENS_TOKENS: Final = 400  # more than every marked zone with every modality; the rest is counted, not read
_TOKEN = re.compile(r"([a-z0-9_]{1,80}):([a-z_+ -]{1,200})")
# The panel's quick choices: a loss per modality, 'absent' turning the chosen losses into absent, and two positives.
# These are ids (kept in English); the panel shows explainer.present.exam_words.pill_label(pill).
LOSS_PILLS: Final[dict[str, Modality]] = {"touch ↓": "light_touch", "pin ↓": "pinprick", "vibration ↓": "vibration",
                                          "position ↓": "position"}
ABSENT_PILL: Final = "absent"
POSITIVE_PILLS: Final[dict[str, tuple[Modality, Change]]] = {"pin ↑": ("pinprick", "increased"),
                                                            "painful to touch": ("light_touch", "allodynia")}
PILLS: Final[tuple[str, ...]] = (*LOSS_PILLS, ABSENT_PILL, *POSITIVE_PILLS)


def _order(zones: tuple[str, ...]) -> dict[str, int]:
    return {z: i for i, z in enumerate(zones)}


def canonical(marks: Iterable[SensMark], zones: tuple[str, ...]) -> tuple[SensMark, ...]:
    """Marks for marked zones only, once each, in zone then MODALITIES then CHANGES order."""
    where = _order(zones)
    kept = {m for m in marks if m[0] in where}
    return tuple(sorted(kept, key=lambda m: (where[m[0]], MODALITIES.index(m[1]), CHANGES.index(m[2]))))


def parse_sens(raw: str | list[str], *, zones: Collection[str]) -> tuple[tuple[SensMark, ...], int]:
    """(the known marks for marked zones, how many entries were not understood or name an unmarked zone)."""
    joined = ",".join(raw) if isinstance(raw, list) else raw
    tokens = [tok.strip() for tok in joined.split(",") if tok.strip()]
    bad = max(0, len(tokens) - MAX_SENS_TOKENS)
    found: list[SensMark] = []
    for token in tokens[:MAX_SENS_TOKENS]:
        match = _TOKEN.fullmatch(token)
        if match is None or match.group(1) not in zones:
            bad += 1
            continue
        for pair in re.split(r"[+ ]+", match.group(2).strip()):
            modality, _, change = pair.partition("-")
            if modality in MODALITIES and change in CHANGES:
                found.append((match.group(1), modality, change))  # type: ignore[arg-type,unused-ignore]
            else:
                bad += 1
    return canonical(found, tuple(zones)), bad


def sens_to_query(marks: tuple[SensMark, ...]) -> str:
    by_zone: dict[str, list[str]] = {}
    for zone, modality, change in marks:
        by_zone.setdefault(zone, []).append(f"{modality}-{change}")
    return ",".join(f"{zone}:{'+'.join(pairs)}" for zone, pairs in by_zone.items())


def zone_marks(state: ViewState, zone: str) -> tuple[SensMark, ...]:
    return tuple(m for m in state.sens if m[0] == zone)


def pills_of(marks: Iterable[SensMark]) -> list[str]:
    """The quick choices that show a zone's marks."""
    pairs = {(m[1], m[2]) for m in marks}
    chosen = {p for p, mod in LOSS_PILLS.items() if (mod, "reduced") in pairs or (mod, "absent") in pairs}
    if any(c == "absent" for _, c in pairs):
        chosen.add(ABSENT_PILL)
    chosen |= {p for p, pair in POSITIVE_PILLS.items() if pair in pairs}
    return [p for p in PILLS if p in chosen]


def marks_of(zone: str, pills: Iterable[str]) -> tuple[SensMark, ...]:
    """A zone's marks from its quick choices ('absent' alone, with no loss chosen, says nothing)."""
    chosen = set(pills)
    change: Change = "absent" if ABSENT_PILL in chosen else "reduced"
    out: list[SensMark] = [(zone, mod, change) for p, mod in LOSS_PILLS.items() if p in chosen]
    out += [(zone, *pair) for p, pair in POSITIVE_PILLS.items() if p in chosen]
    return tuple(out)


def with_zone_sens(state: ViewState, zone: str, pills: Iterable[str] | None) -> ViewState:
    """The state with one marked zone's sensation set from its quick choices (None or [] clears it)."""
    if zone not in state.zones:
        return state
    kept = tuple(m for m in state.sens if m[0] != zone)
    return replace(state, sens=canonical(kept + marks_of(zone, pills or ()), state.zones))


def engine_sensation(state: ViewState) -> list[dict[str, str]]:
    """The marks as the engine's exam `sensation` entries (explainer.engine.modality)."""
    return [{"zone": z, "modality": m, "change": c} for z, m, c in canonical(state.sens, state.zones)]


def sens_lines(state: ViewState, *, label: dict[str, str]) -> list[str]:
    """'L5 skin (right): pinprick reduced, vibration absent', one per zone; `label` names each zone instance."""
    by_zone: dict[str, list[str]] = {}
    for zone, modality, change in canonical(state.sens, state.zones):
        by_zone.setdefault(zone, []).append(t("{modality} {change}", modality=MODALITY_WORD[modality],
                                              change=CHANGE_WORD[change]))
    return [f"{label.get(z, z)}: {', '.join(words)}" for z, words in by_zone.items()]
