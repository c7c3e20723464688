"""The handout: one page, offline, with the marked zones, the top answer, warning signs and sources."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from explainer.handout import HandoutData, MapPanel, build_handout_pdf, latin1

SQUARE = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]


def _data(**overrides: object) -> HandoutData:
    base: dict[str, object] = dict(
        marked_zones=["Top of the foot (right)", "Big toe, top (right)"],
        top_label="L5 nerve root",
        top_strength="strong",
        top_text="The L5 root commonly supplies the top of the foot and lifts the big toe.",
        what_helps="Staying gently active usually helps.",
        who_to_see="Your GP or a physiotherapist.",
        red_flags=[],
        safety_net="Numbness between the legs or new bladder trouble needs same-day care.",
        sources=["ISNCSCI - International Standards", "Keegan & Garrett 1948"],
        panels=[MapPanel(title="Front", outlines=[SQUARE], marked=[SQUARE])],
    )
    base.update(overrides)
    return HandoutData(**base)  # type: ignore[arg-type]


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


def test_handout_is_one_page_with_the_essentials() -> None:
    pages, text = _text(build_handout_pdf(_data(), today=date(2026, 11, 25)))
    assert pages == 1
    for expected in ("Top of the foot (right)", "L5 nerve root", "2026-11-25", "Keegan", "Warning signs",
                     "Education, not diagnosis"):
        assert expected in text


def test_red_flag_advice_is_printed_first_class() -> None:
    _, text = _text(build_handout_pdf(_data(red_flags=[("Possible cauda equina", "Go to A&E today.")]),
                                      today=date(2026, 11, 25)))
    assert "Get urgent help" in text and "Possible cauda equina: Go to A&E today." in text


def test_typography_is_made_safe_for_builtin_fonts() -> None:
    assert latin1("L4–L5 → “sciatic”") == 'L4-L5 -> "sciatic"'
