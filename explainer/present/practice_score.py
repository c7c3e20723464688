"""Scoring a practice answer and choosing what comes next (pure; unit-tested with hypothesis).

Tap answers are scored on side-less places, fairly where charts disagree: the places most charts give are
required, places only some charts give ("also") count neither as right nor as wrong, anything else is wrong.
A tap answer is right when at least half of the required places are found and nothing tapped is wrong.

The revisit rule (a small spaced repetition): a missed question comes back REVISIT_AFTER questions later; answered
right it leaves the list, missed again it waits another REVISIT_AFTER. Otherwise the next question is the next
unseen one of the level in an order fixed by the seed, so a link always reproduces the same run.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

Verdict = Literal["right", "partly", "wrong"]
REVISIT_AFTER: Final = 3
MAX_MISSED: Final = 12
Missed = tuple[tuple[str, int], ...]  # (question id, the step at which it is due again), oldest first


def base_of(zone: str) -> str:
    """'foot_dorsum_right' -> 'foot_dorsum'; a side-less id is returned as it is."""
    for side in ("_left", "_right"):
        if zone.endswith(side):
            return zone[: -len(side)]
    return zone


@dataclass(frozen=True)
class TapResult:
    hit: tuple[str, ...]  # required places tapped
    missed: tuple[str, ...]  # required places not tapped
    neutral: tuple[str, ...]  # "also" places tapped: neither right nor wrong
    wrong: tuple[str, ...]  # tapped places outside the area

    @property
    def verdict(self) -> Verdict:
        total = len(self.hit) + len(self.missed)
        if self.hit and 2 * len(self.hit) >= total and not self.wrong:
            return "right"
        return "partly" if self.hit else "wrong"


def score_taps(tapped: Iterable[str], *, required: Sequence[str], also: Sequence[str] = ()) -> TapResult:
    """Score tapped zone instances (either side counts) against side-less required and "also" places."""
    bases = list(dict.fromkeys(base_of(z) for z in tapped))
    return TapResult(
        hit=tuple(z for z in required if z in bases),
        missed=tuple(z for z in required if z not in bases),
        neutral=tuple(z for z in bases if z in also and z not in required),
        wrong=tuple(z for z in bases if z not in required and z not in also),
    )


def score_choice(picked: str, *, answer: str, also: Sequence[str] = ()) -> Verdict:
    """One pick: the answer is right; a root that shares the job (another root of the reflex, or one some charts
    give the place) is partly right - not counted as right, not scored as plain wrong; anything else is wrong."""
    if picked == answer:
        return "right"
    return "partly" if picked in also else "wrong"


@dataclass(frozen=True)
class Score:
    right: int = 0
    asked: int = 0

    def add(self, verdict: Verdict) -> Score:
        return Score(self.right + (verdict == "right"), self.asked + 1)


def after_answer(missed: Missed, *, question: str, verdict: Verdict, step: int) -> Missed:
    """The missed list after answering ``question`` at ``step`` (anything but "right" counts as missed)."""
    rest = tuple(m for m in missed if m[0] != question)
    if verdict == "right":
        return rest
    return (*rest, (question, step + REVISIT_AFTER))[-MAX_MISSED:]


def order_for(pool: Sequence[str], *, seed: int) -> tuple[str, ...]:
    """The level's questions in an order fixed by the seed."""
    items = list(pool)
    random.Random(seed).shuffle(items)
    return tuple(items)


def pick_next(pool: Sequence[str], *, seed: int, step: int, missed: Missed, current: str | None = None) -> str:
    """The question to ask at ``step``: a missed one that is due (earliest first), else the next fresh one.

    Never ``current`` when anything else is available.
    """
    if not pool:
        raise ValueError("no questions at this level")
    due = sorted((m for m in missed if m[1] <= step and m[0] != current), key=lambda m: m[1])
    if due:
        return due[0][0]
    waiting = {m[0] for m in missed}
    order = order_for(pool, seed=seed)
    fresh = [q for q in order if q not in waiting and q != current]
    if fresh:
        return fresh[step % len(fresh)]
    others = [q for q in order if q != current] or list(order)
    return others[step % len(others)]
