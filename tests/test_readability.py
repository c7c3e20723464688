"""Plain language for people on their own: every warning a person can see reads at about age 12 or below.

Flesch-Kincaid grade <= 7 for each text and no sentence over 25 words (textstat 0.7.3 is pinned because later
releases download a pronunciation dictionary at first use, which fails offline). Names of conditions are kept
(people need them to ask for help), so the limits apply to the whole text, not to each word.
"""

from __future__ import annotations

import re

import pytest
import textstat

from explainer.anatomy import load_atlas

MAX_GRADE = 7.0
MAX_SENTENCE_WORDS = 25
_SENTENCE = re.compile(r"(?<=[.!?:])\s+")


def longest_sentence(text: str) -> int:
    return max(len(s.split()) for s in _SENTENCE.split(text.strip()) if s)


def _warning_texts() -> list[tuple[str, str]]:
    return [(f"{flag.id}.{part}", getattr(flag, part)) for flag in load_atlas().red_flags.values()
            for part in ("reason", "advice")]


@pytest.mark.parametrize(("where", "text"), _warning_texts(), ids=[w for w, _ in _warning_texts()])
def test_warning_text_is_plain(where: str, text: str) -> None:
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, f"{where}: reading grade {grade:.1f} > {MAX_GRADE}"
    assert longest_sentence(text) <= MAX_SENTENCE_WORDS, f"{where}: a sentence runs to {longest_sentence(text)} words"


def test_the_measure_can_fail() -> None:
    hard = ("Compression of the lumbosacral nerve roots below the conus medullaris produces heterogeneous combinations of "
            "radicular sensorimotor deficits, sphincteric dysfunction and perineal anaesthesia necessitating emergency "
            "surgical decompression within hours of presentation.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE and longest_sentence(hard) > MAX_SENTENCE_WORDS
