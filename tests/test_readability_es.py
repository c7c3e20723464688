"""Plain Spanish for people on their own: the Spanish overlays (content/i18n/es/) read as easily as the English.

The English texts are held to Flesch-Kincaid grade <= 7 and 25 words a sentence (tests/test_readability.py). Grade
formulas are tuned to English syllable counts, so Spanish is measured with the Spanish-language formula,
Fernández-Huerta (textstat 0.7.x, ``set_lang("es")``): 206.84 - 60 x syllables per word - 1.02 x words per sentence.
On its scale 60-70 is "normal" (a general newspaper), 70-80 "fairly easy" and 80+ "easy". MIN_EASE = 60 is the
floor the project's rules set for patient text, the bar that matches the English reading age of about 12 (the
Spanish texts measured here score 62-109, median 84). The English equivalents cannot be compared directly: put
through this formula with English syllable counts they score 99-132 (median 115), which says nothing about Spanish.
Spanish needs about a fifth more words than English for the same sentence, so the English 25-word sentence limit
becomes 30 here.

Measured, one text at a time, as loaded under ``use_lang("es")``:
- results: each answer's what_it_means, what_usually_helps and who_to_see (content/text/answers.yaml); the title
  (plain_name) is a name, not running text, and is not graded;
- warnings: each warning's reason and advice (content/red_flags.yaml);
- the self-check (content/connected.yaml): intro, safety note, every question and outcome;
- other causes of tingling (content/other_causes.yaml): distribution and clues.

textstat's language is process-wide and other tests count English syllables, so it is set to Spanish only inside the
``spanish_counting`` fixture and always put back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

import pytest
import textstat

from explainer.anatomy import load_atlas
from explainer.i18n import use_lang
from explainer.texts import load_texts

MIN_EASE = 60.0
MAX_SENTENCE_WORDS = 30
_SENTENCE = re.compile(r"(?<=[.!?:])\s+")
Texts = tuple[tuple[str, str], ...]


def longest_sentence(text: str) -> int:
    return max(len(s.split()) for s in _SENTENCE.split(text.strip()) if s)


def _answer_texts() -> Texts:
    return tuple((f"{key}.{part}", getattr(text, part)) for key, text in load_texts().answers.items()
                 for part in ("what_it_means", "what_usually_helps", "who_to_see"))


def _warning_texts() -> Texts:
    return tuple((f"{flag.id}.{part}", getattr(flag, part)) for flag in load_atlas().red_flags.values()
                 for part in ("reason", "advice"))


def _selfcheck_texts() -> Texts:
    check = load_texts().selfcheck
    out = [("intro", check.intro), ("safety", check.safety)]
    out += [(q.id, q.text) for q in check.questions]
    out += [(o.id, o.text) for o in check.outcomes]
    return tuple(out)


def _other_cause_texts() -> Texts:
    return tuple((f"{c.id}.{part}", getattr(c, part)) for c in load_atlas().other_causes.values()
                 for part in ("distribution", "clues"))


GROUPS: dict[str, Callable[[], Texts]] = {
    "results": _answer_texts,
    "warnings": _warning_texts,
    "selfcheck": _selfcheck_texts,
    "other_causes": _other_cause_texts,
}


@cache
def texts_in(lang: str, group: str) -> Texts:
    with use_lang(lang):
        return GROUPS[group]()


@contextmanager
def counting_in(lang: str) -> Iterator[None]:
    """textstat counts syllables for ``lang`` inside, and for whatever it counted for before, after."""
    before = getattr(textstat.textstat, "_textstatistics__lang", "en_US")
    textstat.set_lang(lang)
    try:
        yield
    finally:
        textstat.set_lang(before)


@pytest.fixture
def spanish_counting() -> Iterator[None]:
    with counting_in("es"):
        yield


def problems(text: str) -> list[str]:
    """Call with textstat set to Spanish."""
    out = []
    ease = textstat.fernandez_huerta(text)
    if ease < MIN_EASE:
        out.append(f"Fernández-Huerta {ease:.1f} < {MIN_EASE}")
    if longest_sentence(text) > MAX_SENTENCE_WORDS:
        out.append(f"a sentence runs to {longest_sentence(text)} words")
    return out


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_spanish_text_is_plain(group: str, spanish_counting: None) -> None:
    items = texts_in("es", group)
    assert items, f"nothing measured in {group}"
    bad = [f"{where}: {'; '.join(p)} :: {text[:90]}" for where, text in items if (p := problems(text))]
    assert not bad, f"{len(bad)} of {len(items)} Spanish {group} texts are not plain:\n" + "\n".join(bad)


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_what_is_measured_is_the_spanish_text(group: str) -> None:
    """Every text measured comes from the Spanish overlay (an English fallback would be graded by the wrong rules)."""
    spanish, english = texts_in("es", group), texts_in("en", group)
    assert [w for w, _ in spanish] == [w for w, _ in english]
    same = [where for (where, es), (_, en) in zip(spanish, english, strict=True) if es == en]
    assert not same, f"still in English: {same}"


def test_the_measure_can_fail(spanish_counting: None) -> None:
    hard = ("La compresión de las raíces nerviosas lumbosacras por debajo del cono medular produce combinaciones "
            "heterogéneas de déficits sensitivomotores radiculares, disfunción esfinteriana y anestesia perineal que "
            "requieren descompresión quirúrgica urgente en las horas siguientes a la presentación clínica.")
    assert textstat.fernandez_huerta(hard) < MIN_EASE and longest_sentence(hard) > MAX_SENTENCE_WORDS
    assert problems("Las alteraciones neurofisiológicas desmielinizantes generalizadas requieren electromiografía.")
    assert problems("Vaya hoy a urgencias. No espere a una cita con su médico de cabecera.") == []


def test_counting_goes_back_to_english_afterwards() -> None:
    english = "Go to an Emergency Department today. Do not wait for a GP appointment."
    grade = textstat.flesch_kincaid_grade(english)
    before = getattr(textstat.textstat, "_textstatistics__lang", None)
    with pytest.raises(RuntimeError), counting_in("es"):
        raise RuntimeError("a failing check inside")
    assert getattr(textstat.textstat, "_textstatistics__lang", None) == before
    assert textstat.flesch_kincaid_grade(english) == grade
