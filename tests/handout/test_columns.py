"""The quick text measure never promises less height than fpdf2 really uses (so measured text fits)."""

from __future__ import annotations

from fpdf import FPDF

from explainer.handout.columns import text_height
from explainer.handout.draw import latin1
from explainer.handout.text import load_handout_text
from explainer.texts import load_texts


def test_the_quick_measure_is_never_shorter_than_fpdfs_own() -> None:
    answers = load_texts().answers.values()
    texts = [t for a in answers for t in (a.what_it_means, a.what_usually_helps, a.who_to_see)]
    texts += [s for g in load_handout_text().watch_for for s in g.signs]
    texts.append("http://localhost:8501/?zones=" + ",".join(f"zone_{i}_right" for i in range(40)))
    pdf = FPDF()
    pdf.add_page()
    longer = 0
    for font, size in (("Helvetica", 10.0), ("Helvetica", 7.5), ("Courier", 6.0)):
        for style in ("", "B"):
            pdf.set_font(font, style, size)
            for w in (60.0, 88.5):
                for text in map(latin1, texts):
                    real = float(pdf.multi_cell(w, 4, text, dry_run=True, output="HEIGHT"))  # type: ignore[arg-type]
                    quick = text_height(pdf, w, 4, text)
                    assert quick >= real - 1e-6, (text[:40], w, size)
                    longer += quick > real + 1e-6
    assert longer < 0.1 * len(texts) * 12  # rarely more than fpdf's own: a line at most, now and then
