"""The handout in Spanish (issue 12): rendered under use_lang("es"), its text is Spanish - headings, date, page
numbers and the clinician page - with the accents and inverted marks intact and no English heading left over."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from explainer.anatomy import load_atlas
from explainer.handout.draw import latin1
from explainer.handout.pdf import build_handout_pdf
from explainer.handout.text import handout_date, load_handout_text
from explainer.i18n import use_lang
from tests.handout.cases import case_data

HEADINGS = ("title", "headline_intro", "what_it_means", "what_helps", "who_to_see", "watch_title", "reopen_title",
            "sources", "clinician_title", "explanations_title", "why_fits", "against", "urgent_title")


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _spanish(name: str, *, clinician: bool = False) -> tuple[PdfReader, str]:
    with use_lang("es"):
        return _text(build_handout_pdf(case_data(load_atlas(), name, clinician=clinician)))


def test_dates_are_written_the_languages_way() -> None:
    day = date(2026, 12, 2)
    assert handout_date(day, "en") == "2026-12-02"
    assert handout_date(day, "es") == "2 de diciembre de 2026"
    with use_lang("es"):
        assert handout_date(day) == "2 de diciembre de 2026"


def test_the_handout_words_follow_the_language() -> None:
    english, spanish = load_handout_text("en").strings, load_handout_text("es").strings
    assert spanish.title != english.title and spanish.what_it_means != english.what_it_means
    with use_lang("es"):
        assert load_handout_text().strings == spanish
    assert load_handout_text().strings == english  # outside use_lang: English, the cache keeps both


@pytest.mark.parametrize("name", ["l5", "cauda_equina", "nothing"])
def test_a_spanish_handout_prints_spanish_and_no_english_heading(name: str) -> None:
    reader, text = _spanish(name, clinician=name == "l5")
    english, spanish = load_handout_text("en").strings, load_handout_text("es").strings
    assert latin1(spanish.title) in text and "diciembre" in text
    if len(reader.pages) > 1:  # page numbers are printed on a two-page sheet
        assert latin1(spanish.page.format(n=2, total=2)) in text
    for field in HEADINGS:
        en, es = getattr(english, field), getattr(spanish, field)
        if en != es and len(en) > 4:
            assert en not in text and en.upper() not in text, (field, en)
    assert "Strong fit" not in text and "Possible fit" not in text and "Page " not in text


def test_spanish_letters_survive_the_builtin_font() -> None:
    _, text = _spanish("l5", clinician=True)
    assert any(ch in text for ch in "áéíóúñ"), text[:300]
    assert "\ufffd" not in text
    spanish = load_handout_text("es").strings
    assert latin1(spanish.clinician_title) in text


def test_the_clinician_page_is_in_spanish() -> None:
    reader, _ = _spanish("l5", clinician=True)
    page2 = " ".join(reader.pages[1].extract_text().split())
    with use_lang("es"):
        atlas = load_atlas()
        assert atlas.findings["back_pain"].label in page2
    assert load_atlas().findings["back_pain"].label not in page2
