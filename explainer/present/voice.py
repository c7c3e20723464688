"""The "On my own" voice: the engine's reasons as a few short, plain bullets with no internal ids.

The clinician voice keeps the engine's precise lines (with their likelihood ratios); a person on their own sees
the plain lines of content/text/reasons.yaml instead: strongest reasons first, at most a few per card, place
names shortened, reflexes and findings in everyday words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Final, Protocol

from explainer.anatomy import Atlas
from explainer.i18n import t
from explainer.texts import ReasonTexts

MAX_WHY: Final = 3  # bullets for, per card
MAX_AGAINST: Final = 2  # bullets against, per card
MAX_PLACES: Final = 2  # place names per bullet; with more, the shortest and "N other places"
MAX_CHART_NOTES: Final = 2
# An internal id (zone, finding, movement, reflex): lower-case words joined by underscores.
INTERNAL_ID: Final = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
# Where a long place name's detail starts (English, then Spanish): 'groin crease over the inguinal ligament'.
_DETAIL = re.compile(r"\s+(?:just|over|above|below|beside|from|down to|up to|beyond|halfway"
                     r"|sobre|junto al?|justo|por encima|por debajo|entre|desde|hasta|a medio camino)\b")
_ZONE_KINDS = frozenset({"zones_primary", "zones_also", "zones_axial", "zones_outside", "normal_zone"})


class Reasoned(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lr(self) -> float: ...
    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> str: ...


def place_name(atlas: Atlas, instance: str) -> str:
    """'foot_dorsum_right' -> 'top of the foot' (no side: the card says it; bracketed detail and long tails dropped)."""
    base, _, side = instance.rpartition("_")
    zone = atlas.zones.get(base if side in ("left", "right") else instance)
    if zone is None:
        return ""
    name = re.sub(r"\s*\([^)]*\)", "", zone.name).split(":")[0].strip()
    head, comma, tail = name.partition(",")
    # 'index, middle and ring finger' stays whole
    if len(name.split()) > 5 and comma and " and " not in tail and " y " not in tail:
        name = head
    if len(name.split()) > 8 and name.count(" of ") > 1:  # 'backs of the fingertips of the index, middle and ...'
        name = " of ".join(name.split(" of ")[:2])
    short = _DETAIL.split(name)[0].strip()  # 'groin crease over the inguinal ligament' -> 'groin crease'
    if len(short.split()) >= 2 and not short.endswith(" and"):
        name = short
    return name[:1].lower() + name[1:]


def places(atlas: Atlas, subject: str) -> str:
    """Up to MAX_PLACES plain names (a dozen words at most); else the shortest and 'N other places'."""
    names = list(dict.fromkeys(n for n in (place_name(atlas, z) for z in subject.split(", ") if z) if n))
    names.sort(key=lambda n: len(n.split()))  # the shortest names first: they read best in a list
    if len(names) <= MAX_PLACES and sum(len(n.split()) for n in names) <= 12:
        return "".join(names) if len(names) < 2 else t("{first} and {second}", first=names[0], second=names[1])
    more = len(names) - 1
    if more == 1:
        return t("{place} and {count} other place", place=names[0], count=more)
    return t("{place} and {count} other places", place=names[0], count=more)


def _reflex_value(atlas: Atlas, reason: Reasoned, words: ReasonTexts) -> str:
    """The reflex's state in plain words: the engine's untranslated value ('absent'), else as it wrote it
    ('Ankle jerk (Achilles reflex) absent: ...' -> 'absent')."""
    value = getattr(reason, "value", "")
    if not value:
        name = atlas.reflexes[reason.subject].name if reason.subject in atlas.reflexes else ""
        rest = reason.text[len(name):].split(":")[0].split() if reason.text.startswith(name) else []
        value = rest[0] if rest else ""
    return words.reflex_values.get(value) or t("changed")


def _finding(atlas: Atlas, finding: str, words: ReasonTexts) -> str:
    if finding in words.findings:
        return words.findings[finding]
    label = atlas.findings[finding].label if finding in atlas.findings else t("Something you described")
    return label[:1].upper() + label[1:]


def reason_line(atlas: Atlas, reason: Reasoned, *, words: ReasonTexts) -> str | None:
    """One engine reason in plain words; None for a kind with no plain line (never the raw text)."""
    kind = reason.kind
    if kind == "context":
        kind = "context_for" if reason.lr >= 1 else "context_against"
    template = words.kinds.get(kind)
    if template is None:
        return None
    fill = {"places": "", "count": _count(reason.subject), "move": "", "reflex": "", "value": "", "finding": ""}
    if kind in _ZONE_KINDS:
        fill["places"] = places(atlas, reason.subject)
        if not fill["places"]:
            return None
    elif kind.startswith(("weak_", "normal_")):
        move = atlas.movements.get(reason.subject)
        if move is None:
            return None
        fill["move"] = move.name[:1].lower() + move.name[1:]
    elif kind.startswith(("reflex_", "brisk_")):
        fill["reflex"] = words.reflexes.get(reason.subject) or t("reflex")
        fill["value"] = _reflex_value(atlas, reason, words)
    elif kind.startswith("context_"):
        fill["finding"] = _finding(atlas, reason.subject.partition("#")[0], words)
    return template.format(**fill)


def _count(subject: str) -> str:
    """The engine's '5 of 10' as words: '5 of the 10 places', 'any of the 4 places', 'the one place'."""
    match = re.fullmatch(r"(\d+) of (\d+)", subject)
    if not match:
        return t("some of the places")
    some, total = int(match.group(1)), int(match.group(2))
    if total == 1:
        return t("the one place")
    return t("any of the {total} places", total=total) if some == total else t("{some} of the {total} places",
                                                                               some=some, total=total)


def self_reasons(atlas: Atlas, reasons: Sequence[Reasoned], *, words: ReasonTexts, limit: int) -> tuple[str, ...]:
    """The strongest reasons first, one bullet each, duplicates and anything id-like left out, at most ``limit``."""
    ranked = sorted(reasons, key=lambda r: -abs(_log(r.lr)))
    lines = (reason_line(atlas, r, words=words) for r in ranked)
    kept = dict.fromkeys(line for line in lines if line and not INTERNAL_ID.search(line))
    return tuple(kept)[:limit]


def self_chart_notes(atlas: Atlas, notes: Sequence[str]) -> tuple[str, ...]:
    """The engine's 'Zone name: note' lines with the short place name, at most MAX_CHART_NOTES."""
    out: list[str] = []
    for note in notes:
        zone = next((z for z in atlas.zones.values() if note.startswith(f"{z.name}: ")), None)  # names may hold ': '
        place = place_name(atlas, zone.id) if zone else ""
        line = f"{place[:1].upper()}{place[1:]}: {note[len(zone.name) + 2:]}" if zone and place else note
        if not INTERNAL_ID.search(line):
            out.append(line)
    return tuple(out)[:MAX_CHART_NOTES]


def _log(lr: float) -> float:
    return math.log(lr) if lr > 0 else -50.0
