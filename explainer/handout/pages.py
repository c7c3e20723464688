"""The parts every handout page shares (header, page number) and the clinician page."""

from __future__ import annotations

from fpdf import FPDF

from explainer.handout.columns import Item, column, fit_size, heading
from explainer.handout.draw import latin1
from explainer.handout.model import ClinicianPage, HandoutData
from explainer.handout.text import handout_date

MARGIN = 12.0


def header(pdf: FPDF, data: HandoutData, *, width: float) -> float:
    """Title and date on one line, the education notice under it, then a rule; return the y below it."""
    s = data.strings
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font("Helvetica", "B", 17)
    pdf.cell(width * 0.7, 8, latin1(s.title))
    pdf.set_font("Helvetica", "", 9.5)
    pdf.cell(width * 0.3, 8, latin1(s.made_on.format(date=handout_date(data.made_on))), align="R",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 7.5)
    pdf.set_text_color(80, 80, 80)
    pdf.multi_cell(width, 3.3, latin1(s.notice), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    y = pdf.get_y() + 1.5
    pdf.set_draw_color(180, 180, 180)
    pdf.set_line_width(0.3)
    pdf.line(MARGIN, y, MARGIN + width, y)
    return y + 2.5


def page_number(pdf: FPDF, data: HandoutData, *, n: int, total: int) -> None:
    pdf.set_font("Helvetica", "", 7.5)
    pdf.set_xy(MARGIN, 297.0 - MARGIN + 3)
    pdf.cell(210.0 - 2 * MARGIN, 4, latin1(data.strings.page.format(n=n, total=total)), align="R")


def _clinician_items(data: HandoutData, page: ClinicianPage) -> list[Item]:
    s = data.strings
    items: list[Item] = []
    for title, found in page.findings:
        items.append(heading(title))
        items += [Item("bullet", f) for f in found] or [Item("para", s.found_none)]
    if page.explanations:
        items.append(heading(s.explanations_title))
    for e in page.explanations:
        items.append(Item("action", ", ".join(x for x in (e.title, e.strength, e.side) if x)))
        if e.why:
            items += [Item("para", f"{s.why_fits}:")] + [Item("bullet", w) for w in e.why]
        if e.against:
            items += [Item("para", f"{s.against}:")] + [Item("bullet", w) for w in e.against]
    return items


def clinician_page(pdf: FPDF, data: HandoutData, page: ClinicianPage, *, width: float) -> None:
    y = header(pdf, data, width=width)
    pdf.set_xy(MARGIN, y)
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(width, 7, latin1(data.strings.clinician_title), new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + column(pdf, [Item("small", data.strings.clinician_intro)], x=MARGIN, y=pdf.get_y(), w=width,
                             size=9.5) + 2
    items = _clinician_items(data, page)
    size = fit_size(pdf, [(items, width)], height=297.0 - MARGIN - 4 - y)
    column(pdf, items, x=MARGIN, y=y, w=width, size=size)
