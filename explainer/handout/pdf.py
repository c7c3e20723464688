"""The handout as PDF (fpdf2, offline): one A4 page - urgent help first when a warning fired, the headline, a large
picture of every marked place beside the plain explanation and this case's warning signs, then a QR code and link
that reopen the view, and the sources. A second page (the clinician version) lists the examination findings."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import WrapMode

from explainer.handout.columns import Item, column, fit_size, fits, heading, line_h, para, text_height
from explainer.handout.draw import draw_panel, draw_qr, latin1
from explainer.handout.layout import Arrangement, Box, arrange_main_first
from explainer.handout.model import HandoutData, Panel
from explainer.handout.pages import clinician_page, header, page_number

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
FOOTER_H = 36.0
PICTURE_W = 108.0  # picture column when the pictures are tall (whole body)
GAP = 5.0
TITLE_H = 5.0
CAPTION_H = 3.6  # the patient's left/right under each picture
MAX_MARKED_NAMES = 10  # the pictures show every place; the list names the first ones
MIN_PICTURE_SHARE = 0.35  # of the body area, when the text needs the rest
COMFORTABLE_PT = 8.5
MIN_DETAIL_SCALE = 14.0  # mm per drawing unit: a hand about 22 mm wide; smaller is hard to read
URGENT_RGB = (179, 38, 30)
MAIN_VIEWS = ("front", "back")


def _urgent(pdf: FPDF, data: HandoutData, y: float) -> float:
    """The urgent block: white on red, full width, before anything else."""
    w = PAGE_W - 2 * MARGIN - 6
    big, small = (12.0, 9.5) if len(data.urgent) < 3 else (10.5, 8.5)  # several warnings: smaller, never cut
    parts: list[tuple[str, float, str]] = []
    for block in data.urgent:
        parts += [("B", big, f"{data.strings.urgent_title}: {block.title}"), ("", small, block.text)]
    height = 4.0
    for st, size, text in parts:
        pdf.set_font("Helvetica", st, size)
        height += text_height(pdf, w, line_h(size), latin1(text)) + 1.0
    pdf.set_fill_color(*URGENT_RGB)
    pdf.rect(MARGIN, y, PAGE_W - 2 * MARGIN, height, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(MARGIN + 3, y + 2)
    for st, size, text in parts:
        pdf.set_font("Helvetica", st, size)
        pdf.set_x(MARGIN + 3)
        pdf.multi_cell(w, line_h(size), latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + 1.0)
    pdf.set_text_color(0, 0, 0)
    return y + height + 3


def _headline(pdf: FPDF, data: HandoutData, y: float) -> float:
    w = PAGE_W - 2 * MARGIN
    pdf.set_xy(MARGIN, y)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(w, 4, latin1(data.strings.headline_intro.upper()), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(w, 6.6, latin1(data.headline), new_x="LMARGIN", new_y="NEXT")
    if data.strength:
        pdf.set_font("Helvetica", "", 10.5)
        pdf.cell(w, 5, latin1(data.strength[:1].upper() + data.strength[1:]), new_x="LMARGIN", new_y="NEXT")
    return pdf.get_y() + 1


def _text_items(data: HandoutData) -> list[Item]:
    s = data.strings
    items = [heading(s.what_it_means), para(data.explanation)] if data.explanation else []
    if data.what_helps:
        items += [heading(s.what_helps), para(data.what_helps)]
    if data.who_to_see:
        items += [heading(s.who_to_see), para(data.who_to_see)]
    return items


def _watch_items(data: HandoutData) -> list[Item]:
    items = [heading(data.strings.watch_title)] if data.watch else []
    for w in data.watch:
        items += [Item("action", w.action)] + [Item("bullet", sign) for sign in w.signs]
    return items


def _marked_items(data: HandoutData) -> list[Item]:
    names = list(data.marked_zones[:MAX_MARKED_NAMES])
    if len(data.marked_zones) > MAX_MARKED_NAMES:
        names.append(data.strings.and_more.format(n=len(data.marked_zones) - MAX_MARKED_NAMES))
    zones = ", ".join(names) if names else data.strings.nothing_marked
    return [Item("small", f"{data.strings.where_marked}: {zones}. {data.strings.picture_key}")]


def _pictures(panels: tuple[Panel, ...], box: Box) -> Arrangement:
    main = [p for p in panels if p.view in MAIN_VIEWS]
    details = [p for p in panels if p.view not in MAIN_VIEWS]
    return arrange_main_first([p.size for p in main], [p.size for p in details], box, title_h=TITLE_H,
                             caption_h=CAPTION_H, min_detail_scale=MIN_DETAIL_SCALE)


def _main_area(layout: Arrangement) -> float:
    return sum(b.area for b in layout.boxes[: layout.main])


def _draw_pictures(pdf: FPDF, panels: tuple[Panel, ...], box: Box) -> float:
    ordered = [p for p in panels if p.view in MAIN_VIEWS] + [p for p in panels if p.view not in MAIN_VIEWS]
    layout = _pictures(panels, box)
    for p, b in zip(ordered, layout.boxes, strict=True):
        draw_panel(pdf, p, b, title_h=TITLE_H, caption_h=CAPTION_H)
    return layout.height


def _body(pdf: FPDF, data: HandoutData, box: Box) -> None:
    """Pictures beside the text when they are tall (a whole body) and the text fits beside them; above it when they
    are wide (hands, feet) or the text needs the width. Text is never pushed into the footer: the pictures give way
    first (down to MIN_PICTURE_SHARE of the height), then the type size (down to 7 pt)."""
    marked, text, watch = _marked_items(data), _text_items(data), _watch_items(data)
    side_w, half = box.w - PICTURE_W - GAP, (box.w - GAP) / 2
    marked_h = column(pdf, marked, x=0, y=0, w=PICTURE_W, size=8.5, dry=True)
    side_box = Box(box.x, box.y, PICTURE_W, box.h - marked_h - 2)
    side = _pictures(data.panels, side_box)
    side_fits = fits(pdf, [([*text, *watch], side_w)], height=box.h)
    wide_marked_h = column(pdf, marked, x=0, y=0, w=box.w, size=8.5, dry=True)
    room = box.h - wide_marked_h - 5
    # Room for the text at a comfortable size, the rest for the pictures; they give way only when the text needs it.
    size = COMFORTABLE_PT
    if not fits(pdf, [(text, half), (watch, half)], height=room - box.h * MIN_PICTURE_SHARE, size=size):
        size = fit_size(pdf, [(text, half), (watch, half)], height=room - box.h * MIN_PICTURE_SHARE)
    text_h = max(column(pdf, items, x=0, y=0, w=half, size=size, dry=True) for items in (text, watch))
    top_box = Box(box.x, box.y, box.w, min(room - text_h, box.h * 0.6))
    top = _pictures(data.panels, top_box)
    if side_fits and (side.score >= top.score or _main_area(top) < 0.9 * _main_area(side)):  # bodies stay large
        used = _draw_pictures(pdf, data.panels, side_box)
        column(pdf, marked, x=box.x, y=box.y + used + 2, w=PICTURE_W, size=8.5)
        items = [*text, *watch]
        column(pdf, items, x=box.x + PICTURE_W + GAP, y=box.y, w=side_w, size=fit_size(pdf, [(items, side_w)],
                                                                                           height=box.h))
        return
    used = _draw_pictures(pdf, data.panels, top_box)
    y = box.y + used + 2
    y += column(pdf, marked, x=box.x, y=y, w=box.w, size=8.5) + 3
    size = fit_size(pdf, [(text, half), (watch, half)], height=box.y + box.h - y)
    column(pdf, text, x=box.x, y=y, w=half, size=size)
    column(pdf, watch, x=box.x + half + GAP, y=y, w=half, size=size)


def qr_box() -> Box:
    """Where the QR code sits on page 1 (mm from the top left), quiet border included."""
    size = FOOTER_H - 6
    return Box(MARGIN - 1, PAGE_H - MARGIN - FOOTER_H + 3, size, size)


def _link(pdf: FPDF, link: str, *, x: float, y: float, w: float, bottom: float) -> None:
    """The link in small fixed-width type, smaller when long; a link too long even then is shortened on paper
    (the QR code still holds all of it)."""
    text = latin1(link)
    for size in (6.5, 6.0, 5.5, 5.0):
        pdf.set_font("Courier", "", size)
        if y + text_height(pdf, w, size * 0.43, text) <= bottom:
            break
    else:
        per_line = int(w / pdf.get_string_width("m"))
        text = text[: max(int((bottom - y) / (size * 0.43)) * per_line - 4, 0)] + "..."
    pdf.set_xy(x, y)
    pdf.multi_cell(w, size * 0.43, text, wrapmode=WrapMode.CHAR, align="L", new_x="LMARGIN", new_y="NEXT")


def _footer(pdf: FPDF, data: HandoutData, y: float) -> None:
    s = data.strings
    pdf.set_draw_color(180, 180, 180)
    pdf.set_line_width(0.3)
    pdf.line(MARGIN, y, PAGE_W - MARGIN, y)
    qr = qr_box()
    draw_qr(pdf, data.link, x=qr.x, y=qr.y, size=qr.w)
    x, w = MARGIN + qr.w + 2, 64.0
    column(pdf, [heading(s.reopen_title), Item("small", s.reopen_text)], x=x, y=y + 3, w=w, size=8.5)
    _link(pdf, data.link, x=x, y=pdf.get_y() + 0.8, w=w, bottom=y + FOOTER_H)
    sx = x + w + 5
    sw, names = PAGE_W - MARGIN - sx, list(data.sources)
    while True:  # smaller type first; the last (least central) names go only when even 7 pt cannot hold them all
        items = [heading(s.sources), Item("small", "; ".join(names) + ".")]
        size = fit_size(pdf, [(items, sw)], height=FOOTER_H - 4)
        if len(names) <= 1 or fits(pdf, [(items, sw)], height=FOOTER_H - 4, size=size):
            break
        names.pop()
    column(pdf, items, x=sx, y=y + 3, w=sw, size=min(size, 8.5))


def build_handout_pdf(data: HandoutData) -> bytes:
    """Render the handout: one A4 page, two with the clinician version."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_title(latin1(data.strings.title))
    pdf.set_creator("Nerve Map")
    pdf.add_page()
    y = header(pdf, data, width=PAGE_W - 2 * MARGIN)
    if data.urgent:
        y = _urgent(pdf, data, y)
    y = _headline(pdf, data, y)
    footer_y = PAGE_H - MARGIN - FOOTER_H
    _body(pdf, data, Box(MARGIN, y + 2, PAGE_W - 2 * MARGIN, footer_y - y - 5))
    _footer(pdf, data, footer_y)
    if data.clinician is not None:
        page_number(pdf, data, n=1, total=2)
        pdf.add_page()
        clinician_page(pdf, data, data.clinician, width=PAGE_W - 2 * MARGIN)
        page_number(pdf, data, n=2, total=2)
    return bytes(pdf.output())
