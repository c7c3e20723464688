"""Engine output -> what the Where page shows: headline, cards with strength words, the next question, urgency."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from explainer.anatomy import Atlas
from explainer.engine.questions import reflex_question, zone_question
from explainer.i18n import t
from explainer.present import voice
from explainer.present.extras import Extras
from explainer.present.findings import WARNING_QUESTIONS
from explainer.present.lazy import LazyLabels
from explainer.present.zonelist import zone_label
from explainer.texts import AnswerText, ReasonTexts

ReasonLike = voice.Reasoned  # one reason protocol, shared with the self voice

LEVEL_ORDER = {"emergency": 0, "same_day": 1, "urgent": 2, "soon": 3}  # the most urgent warning is shown first
STRENGTH_LABEL = LazyLabels(lambda: {"strong": t("Strong fit"), "possible": t("Possible fit"), "unlikely": t("Unlikely")})
_VERDICT = re.compile(r"\s+\S+ →")  # where the engine's question ends and its 'Weak → …; normal → …' begins
_ZONE_ID = re.compile(r"\b[a-z][a-z0-9_]*_(?:left|right)\b")


class CandidateLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def strength(self) -> str: ...
    @property
    def supporting(self) -> Sequence[ReasonLike]: ...
    @property
    def against(self) -> Sequence[ReasonLike]: ...
    @property
    def chart_notes(self) -> Sequence[str]: ...
    @property
    def next_question(self) -> str | None: ...
    @property
    def self_question(self) -> str | None: ...
    @property
    def detail(self) -> str: ...


class FlagLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def advice(self) -> str: ...
    @property
    def matched(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class ResultCard:
    answer: str
    title: str
    strength: str
    strength_label: str
    side: str
    why: tuple[str, ...]
    against: tuple[str, ...]
    chart_notes: tuple[str, ...]
    what_it_means: str
    what_usually_helps: str
    who_to_see: str


@dataclass(frozen=True)
class NextQuestion:
    text: str
    kind: Literal["movement", "reflex", "zone", "text"]
    subject: str | None
    answered: bool


@dataclass(frozen=True)
class UrgentNote:
    title: str
    text: str
    level: str


def plain(atlas: Atlas, text: str) -> str:
    """Swap zone ids such as 'foot_dorsum_right' for their plain names."""
    return _ZONE_ID.sub(lambda m: zone_label(atlas, m.group(0)) if m.group(0).rsplit("_", 1)[0] in atlas.zones
                        else m.group(0), text)


def side_word(side: str) -> str:
    return {"left": t("left side"), "right": t("right side"), "both": t("both sides")}.get(side, "")


def cards(atlas: Atlas, candidates: Sequence[CandidateLike], *, texts: Mapping[str, AnswerText],
          limit: int = 3, plain_words: ReasonTexts | None = None) -> tuple[ResultCard, ...]:
    """The top distinct explanations (an answer appears once, at its best rank). With ``plain_words`` (the "On my
    own" voice) the reasons are a few plain bullets (present/voice.py); without, the engine's precise lines."""
    out: list[ResultCard] = []
    seen: set[str] = set()
    for c in candidates:
        if c.id in seen:
            continue
        seen.add(c.id)
        txt = texts.get(c.id)
        out.append(ResultCard(
            answer=c.id, title=(txt.plain_name if txt else c.label) + (f": {c.detail}" if c.detail else ""), strength=c.strength,
            strength_label=STRENGTH_LABEL.get(c.strength, c.strength), side=side_word(c.side),
            why=_why(atlas, c.supporting, plain_words, voice.MAX_WHY),
            against=_why(atlas, c.against, plain_words, voice.MAX_AGAINST),
            chart_notes=voice.self_chart_notes(atlas, c.chart_notes) if plain_words else tuple(c.chart_notes),
            what_it_means=txt.what_it_means if txt else "", what_usually_helps=txt.what_usually_helps if txt else "",
            who_to_see=txt.who_to_see if txt else "",
        ))
        if len(out) >= limit:
            break
    return tuple(out)


def _why(atlas: Atlas, reasons: Sequence[ReasonLike], words: ReasonTexts | None, limit: int) -> tuple[str, ...]:
    if words is None:
        return tuple(plain(atlas, r.text) for r in reasons)
    return voice.self_reasons(atlas, reasons, words=words, limit=limit)


def question_for(candidate: CandidateLike, *, self_guided: bool) -> str | None:
    """The engine's next question for a clinician; on one's own, the best question a person can answer alone."""
    return candidate.self_question if self_guided else candidate.next_question


def next_question(atlas: Atlas, text: str | None, *, extras: Extras, zones: Sequence[str],
                  weak: Sequence[str], reflexes: Mapping[str, str]) -> NextQuestion | None:
    """Recognise what the engine's next question asks about, so the page can offer answer buttons."""
    if not text:
        return None
    for m in atlas.movements.values():
        if text.startswith(m.question):
            return NextQuestion(m.question, "movement", m.id, m.id in extras.ok or m.id in weak)
    for r in atlas.reflexes.values():
        q = reflex_question(r.name)
        if text.startswith(q):
            return NextQuestion(q, "reflex", r.id, r.id in extras.rok or r.id in reflexes)
    for zone in atlas.zones.values():
        for side in ("left", "right"):
            if text.startswith(zone_question(zone.name, side)):
                zid = f"{zone.id}_{side}"
                place = voice.place_name(atlas, zid)
                q = (t("Is the {place} numb or tingling on the right?", place=place) if side == "right"
                     else t("Is the {place} numb or tingling on the left?", place=place))
                return NextQuestion(q, "zone", zid, zid in extras.nz or zid in zones)
    return NextQuestion(_VERDICT.split(text)[0], "text", None, False)


def urgent_notes(flags: Sequence[FlagLike], *, extras: Extras, other: Sequence[str],
                 ui: Mapping[str, str]) -> tuple[UrgentNote, ...]:
    """Engine red flags first, then any warning-sign question answered "yes" or "not sure"."""
    notes = [UrgentNote(title=f.name, text=f.advice, level=f.level)
             for f in sorted(flags, key=lambda f: LEVEL_ORDER.get(f.level, len(LEVEL_ORDER))) if f.level != "soon"]
    yes = [q for q in WARNING_QUESTIONS if q.tags[0] in other]
    # A "yes" to a warning question is answered by a warning sign the engine raised, or by a calm note written for
    # exactly that answer (weakness worsening slowly, with wasting); any other "yes" gets the general message.
    answered = any(f.level != "soon" for f in flags) or all(any(q.tags[0] in f.matched for f in flags) for q in yes)
    if yes and not answered:
        notes.append(UrgentNote(title=ui.get("redflag_urgent_title") or t("Please get medical help today"),
                                text=ui.get("redflag_urgent") or t("Please get checked by a doctor today."),
                                level="emergency"))
    if any(a == "unsure" for _, a in extras.rf):
        notes.append(UrgentNote(title=t("Not sure about a warning sign?"),
                                text=ui.get("redflag_unsure_advice") or t("If you are not sure, get checked today."),
                                level="same_day"))
    return tuple(notes)


def advice_notes(flags: Sequence[FlagLike]) -> tuple[UrgentNote, ...]:
    """Things to mention to a doctor soon: shown calmly beside the results, never in the urgent banner; and never
    beside a warning sign raised by the same finding (it would contradict the warning's "today")."""
    def held(f: FlagLike) -> set[str]:  # what the flag's trigger found, not what it required to be absent
        return {token for token in f.matched if not token.startswith("!")}

    urgent = set().union(*(held(f) for f in flags if f.level != "soon"))
    return tuple(UrgentNote(title=f.name, text=f.advice, level=f.level) for f in flags
                 if f.level == "soon" and not urgent & held(f))
