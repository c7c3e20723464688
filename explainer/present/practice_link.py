"""The Practise page's link parameters (added to explainer.viewstate's contract; read and written without raising).

level   patient | student | clinician                     e.g. level=student
q       the question being asked (a question-bank id)      e.g. q=root_skin.L5
a       the answer given: tapped places or one option id   e.g. a=foot_dorsum_right,great_toe_dorsal_left
seed    the order of the run, 0-999999                      e.g. seed=4821
score   right-asked                                         e.g. score=3-5
missed  questions to revisit with the step they are due    e.g. missed=reflex_root.achilles:7
case    a case walkthrough id                               e.g. case=pub_01
Every value is checked against a closed vocabulary (question ids, case ids, zone and answer ids) or a strict
number pattern; anything else is dropped and counted in a note that never repeats the link's text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Final

from explainer.anatomy import Atlas
from explainer.linknotes import (
    count_note,
    more_than_one_note,
    not_understood_note,
    practice_answer_note,
    practice_case_note,
    practice_question_note,
)
from explainer.present.practice_score import MAX_MISSED, Missed, Score
from explainer.present.practice_text import LEVELS, Level

PRACTICE_KEYS: Final = ("level", "q", "a", "seed", "score", "missed", "case")
MAX_ANSWER: Final = 60
MAX_COUNT: Final = 9_999
_NUMBER = re.compile(r"[0-9]{1,6}")
_SCORE = re.compile(r"([0-9]{1,4})-([0-9]{1,4})")


@dataclass(frozen=True)
class Practice:
    level: Level | None = None  # None: not chosen yet (the page starts at "patient")
    q: str | None = None
    a: tuple[str, ...] = ()
    seed: int = 0
    score: Score = field(default_factory=Score)
    missed: Missed = ()
    case: str | None = None


@dataclass(frozen=True)
class Vocab:
    questions: Collection[str]
    cases: Collection[str]
    answers: Collection[str]  # zone instances and option ids


def practice_vocab(atlas: Atlas) -> Vocab:
    """The ids a practice link may name (question bank and cases are loaded lazily, once)."""
    from explainer.present.practice import default_bank
    from explainer.present.walkthrough import load_cases

    return Vocab(questions={q.id for q in default_bank()}, cases={c.id for c in load_cases()},
                 answers={*atlas.zone_instances, *atlas.roots, *atlas.nerves, *atlas.answers})


def _values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    raw = params.get(key, "")
    joined = ",".join(raw) if isinstance(raw, list) else raw
    return [v.strip() for v in joined.split(",") if v.strip()]


def _single(values: list[str], key: str, notes: list[str]) -> str | None:
    if len(values) > 1:
        notes.append(more_than_one_note(key))
    return values[0] if values else None


def _bad(notes: list[str], what: str) -> None:
    notes.append(not_understood_note(what))


def _missed(values: list[str], questions: Collection[str], notes: list[str]) -> Missed:
    out: dict[str, int] = {}
    bad = 0
    for item in values:
        qid, _, due = item.rpartition(":")
        if qid in questions and _NUMBER.fullmatch(due):
            out[qid] = int(due)
        else:
            bad += 1
    if bad:
        notes.append(count_note(bad, "practice item"))
    return tuple(out.items())[-MAX_MISSED:]


def _score(raw: str | None, notes: list[str]) -> Score:
    if raw is None:
        return Score()
    m = _SCORE.fullmatch(raw)
    if m and int(m[1]) <= int(m[2]) <= MAX_COUNT:
        return Score(int(m[1]), int(m[2]))
    _bad(notes, "practice score")
    return Score()


def parse_practice(params: Mapping[str, str | list[str]], *, atlas: Atlas, notes: list[str]) -> Practice:
    if not any(k in params for k in PRACTICE_KEYS):
        return Practice()
    vocab = practice_vocab(atlas)
    level = _single(_values(params, "level"), "level", notes)
    if level is not None and level not in LEVELS:
        _bad(notes, "practice level")
        level = None
    q = _single(_values(params, "q"), "q", notes)
    if q is not None and q not in vocab.questions:
        notes.append(practice_question_note())
        q = None
    case = _single(_values(params, "case"), "case", notes)
    if case is not None and case not in vocab.cases:
        notes.append(practice_case_note())
        case = None
    seed_raw = _single(_values(params, "seed"), "seed", notes)
    seed = int(seed_raw) if seed_raw is not None and _NUMBER.fullmatch(seed_raw) else 0
    if seed_raw is not None and not _NUMBER.fullmatch(seed_raw):
        _bad(notes, "practice seed")
    answer = _values(params, "a")
    kept = tuple(dict.fromkeys(v for v in answer if v in vocab.answers))[:MAX_ANSWER]
    if len(kept) < len(set(answer)):
        notes.append(practice_answer_note())
    return Practice(level=level if level in LEVELS else None, q=q, a=kept if (q or case) else (), seed=seed,
                    score=_score(_single(_values(params, "score"), "score", notes), notes),
                    missed=_missed(_values(params, "missed"), vocab.questions, notes), case=case)


def practice_to_query(p: Practice) -> dict[str, str]:
    out: dict[str, str] = {}
    if p.level:
        out["level"] = p.level
    if p.q:
        out["q"] = p.q
    if p.a:
        out["a"] = ",".join(p.a)
    if p.seed:
        out["seed"] = str(p.seed)
    if p.score.asked:
        out["score"] = f"{p.score.right}-{p.score.asked}"
    if p.missed:
        out["missed"] = ",".join(f"{qid}:{due}" for qid, due in p.missed)
    if p.case:
        out["case"] = p.case
    return out
