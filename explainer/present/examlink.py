"""The graded, two-sided examination in a link: two compact parameters, read and written without ever raising.

exam   movement or reflex, side and grade, comma-separated: ``item:SIDE GRADE[c]`` with no spaces
       ``exam=ankle_dorsiflexion:L2,ankle_dorsiflexion:R5,achilles:R0,patellar:L3c``
       SIDE is L (left), R (right) or B (both: read as one entry per side). A movement's grade is the MRC scale
       0 1 2 3 4- 4 4+ 5- 5 (kept as written, never rounded); a reflex's is 0-4 (0 absent, 1 reduced, 2 normal,
       3 brisk, 4 very brisk) with ``c`` for clonus (after 3 or 4 only). '+' is '%2B' in a URL; a '4' followed by the
       space a bare '+' turns into is read as 4+. Movement and reflex ids come from content/ (they never overlap).
signs  special tests: ``test:RESULT`` with RESULT n (negative), y (positive), or L / R / B (positive on that side;
       not for the tests without a side, UNSIDED_SIGNS)
       ``signs=slr:R,spurling:n,romberg:y``; the test ids are SIGN_IDS below (their findings: explainer.present.exam).

Not tested is simply absent. Anything not understood is dropped and counted by the caller; nothing here echoes it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final, Literal, get_args

ExamSide = Literal["left", "right"]
SignResult = Literal["n", "y", "L", "R", "B"]
MRC_GRADES: Final[tuple[str, ...]] = ("0", "1", "2", "3", "4-", "4", "4+", "5-", "5")
REFLEX_GRADES: Final[tuple[str, ...]] = ("0", "1", "2", "3", "4")
CLONUS_GRADES: Final[frozenset[str]] = frozenset({"3", "4"})
SIGN_RESULTS: Final[tuple[SignResult, ...]] = get_args(SignResult)
SIDE_LETTER: Final[dict[ExamSide, str]] = {"left": "L", "right": "R"}
# The special tests a link may carry, in the order the panel shows them (arm, leg, then either).
SIGN_IDS: Final[tuple[str, ...]] = (
    "spurling", "hoffmann", "phalen", "tinel_carpal", "tinel_elbow", "shoulder_passive", "painful_arc",
    "slr", "crossed_slr", "femoral_stretch", "fair", "heel_walk", "toe_walk", "tinel_fibular", "tinel_tarsal",
    "tinel_sural", "anal_tone", "plantar", "spasticity", "vibration", "position_sense", "romberg",
)
_SIDES_OF: Final[dict[str, tuple[ExamSide, ...]]] = {"L": ("left",), "R": ("right",), "B": ("left", "right")}
UNSIDED_SIGNS: Final[frozenset[str]] = frozenset({"anal_tone", "romberg"})  # y or n only, never a side
_TOKEN = re.compile(r"([a-z0-9_]{1,60}):([LRBlrb])(4-|4\+|5-|[0-5])([cC]?)")


@dataclass(frozen=True, order=True)
class ExamMark:
    """One cell of the examination: a movement's MRC grade or a reflex's 0-4 grade (with clonus) on one side."""

    item: str
    side: ExamSide
    grade: str
    clonus: bool = False

    @property
    def token(self) -> str:
        return f"{self.item}:{SIDE_LETTER[self.side]}{self.grade}{'c' if self.clonus else ''}"


def _tokens(raw: str | list[str]) -> list[str]:
    """Comma-separated tokens; a '4' then spaces at the end of a token (a '+' the URL turned into a space) is 4+."""
    joined = ",".join(raw) if isinstance(raw, list) else raw
    out: list[str] = []
    for part in joined.split(","):
        token = part.lstrip()
        if re.fullmatch(r"[a-z0-9_]{1,60}:[LRBlrb]4 +", token):
            token = token.rstrip() + "+"
        if token.strip():
            out.append(token.strip())
    return out


def _mark(item: str, side: ExamSide, grade: str, clonus: bool, *, movements: Collection[str],
          reflexes: Collection[str]) -> ExamMark | None:
    if item in movements and grade in MRC_GRADES and not clonus:
        return ExamMark(item, side, grade)
    if item in reflexes and grade in REFLEX_GRADES and (not clonus or grade in CLONUS_GRADES):
        return ExamMark(item, side, grade, clonus)
    return None


def parse_exam(raw: str | list[str], *, movements: Collection[str], reflexes: Collection[str]) -> tuple[
        tuple[ExamMark, ...], int]:
    """(the known marks in canonical order, how many tokens were not understood); a later cell overrides."""
    cells: dict[tuple[str, ExamSide], ExamMark] = {}
    bad = 0
    for token in _tokens(raw):
        match = _TOKEN.fullmatch(token)
        if match is None:
            bad += 1
            continue
        item, letter, grade, clonus = match.groups()
        sides = _SIDES_OF[letter.upper()]
        marks = [_mark(item, s, grade, bool(clonus), movements=movements, reflexes=reflexes) for s in sides]
        if any(m is None for m in marks):
            bad += 1
            continue
        cells.update({(m.item, m.side): m for m in marks if m is not None})
    return tuple(sorted(cells.values())), bad


def exam_to_query(marks: tuple[ExamMark, ...]) -> str:
    return ",".join(m.token for m in sorted(marks))


def parse_signs(raw: str | list[str]) -> tuple[tuple[tuple[str, SignResult], ...], int]:
    """(known test results in SIGN_IDS order, how many were not understood); a later answer overrides."""
    found: dict[str, SignResult] = {}
    bad = 0
    for token in _tokens(raw):
        test, _, result = token.partition(":")
        if test in SIGN_IDS and result in SIGN_RESULTS and not (test in UNSIDED_SIGNS and result in "LRB"):
            found[test] = result  # type: ignore[assignment,unused-ignore]
        else:
            bad += 1
    return tuple((t, found[t]) for t in SIGN_IDS if t in found), bad


def signs_to_query(signs: tuple[tuple[str, SignResult], ...]) -> str:
    return ",".join(f"{test}:{result}" for test, result in signs)
