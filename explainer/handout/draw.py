"""Drawing on an fpdf page: a body-map panel fitted into a box, and a QR code as vector squares."""

from __future__ import annotations

from collections.abc import Sequence

import segno
from fpdf import FPDF

from explainer.bodymap import style
from explainer.bodymap.geometry import Ring
from explainer.handout.layout import Box
from explainer.handout.model import Panel

_REPLACEMENTS = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "→": "->", "≥": ">=",
                 "≤": "<=", "×": "x", "•": "-", "½": "1/2", "✔": "", "≈": "~"}


def latin1(text: str) -> str:
    """The built-in PDF fonts are Latin-1 (enough for English and Spanish): map common typography to safe equivalents."""
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


PART_LABELS_MIN_W = 40.0  # mm


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _project(panel: Panel, box: Box) -> tuple[float, float, float]:
    w, h = panel.size
    scale = min(box.w / w, box.h / h)
    x0, _, _, y1 = panel.bounds
    return scale, box.x + (box.w - w * scale) / 2 - x0 * scale, box.y + (box.h - h * scale) / 2 + y1 * scale


def _rings(pdf: FPDF, rings: Sequence[Ring], t: tuple[float, float, float], *, style_: str, closed: bool = True) -> None:
    scale, dx, dy = t
    for ring in rings:
        points = [(dx + x * scale, dy - y * scale) for x, y in ring]
        if closed:
            pdf.polygon(points, style=style_)
        else:
            pdf.polyline(points, style=style_)


def draw_panel(pdf: FPDF, panel: Panel, box: Box, *, title_h: float = 5.0, caption_h: float = 3.6) -> None:
    """The view fitted into ``box``: its title above, and under it the patient's left and right as this view
    shows them (the back of the body and of the hands show the patient's left on the left)."""
    size = 9.0
    pdf.set_font("Helvetica", "B", size)
    while size > 4.5 and pdf.get_string_width(latin1(panel.title)) > box.w + 2:
        size -= 0.5
        pdf.set_font("Helvetica", "B", size)
    pdf.set_text_color(40, 40, 40)
    pdf.set_xy(box.x - 1, box.y - title_h)
    pdf.cell(box.w + 2, title_h - 0.8, latin1(panel.title), align="C")
    t = _project(panel, box)
    pdf.set_line_width(0.15)
    pdf.set_fill_color(*rgb(style.DECOR_FILL))
    pdf.set_draw_color(*rgb(style.OUTLINE))
    _rings(pdf, panel.decor, t, style_="DF")
    pdf.set_fill_color(*rgb(style.SKIN))
    pdf.set_draw_color(*rgb(style.ZONE_BORDER))
    _rings(pdf, panel.skin, t, style_="DF")
    pdf.set_fill_color(*rgb(style.SELECTED_FILL))
    _rings(pdf, panel.marked, t, style_="F")
    pdf.set_draw_color(*rgb(style.HINT_LINE))
    _rings(pdf, panel.lines, t, style_="D", closed=False)
    pdf.set_line_width(0.35)
    pdf.set_draw_color(*rgb(style.OUTLINE))
    _rings(pdf, panel.outline, t, style_="D")
    pdf.set_line_width(0.6)
    pdf.set_draw_color(*rgb(style.SELECTED_LINE))
    _rings(pdf, panel.marked_edges, t, style_="D")
    _part_labels(pdf, panel, t, box)
    _side_caption(pdf, panel, box, caption_h=caption_h)


def _part_labels(pdf: FPDF, panel: Panel, t: tuple[float, float, float], box: Box) -> None:
    scale, dx, dy = t
    if box.w < PART_LABELS_MIN_W:  # too small to read: the caption under the picture still gives the sides
        return
    pdf.set_font("Helvetica", "", 6.5 if box.w < 70 else 7.5)
    pdf.set_text_color(74, 74, 74)
    for lab in panel.labels:
        if lab.kind == "side":
            continue
        x, y = dx + lab.x * scale, dy - lab.y * scale
        width = pdf.get_string_width(latin1(lab.text)) + 1
        left = {"left": x, "right": x - width, "center": x - width / 2}.get(lab.align, x)
        pdf.set_xy(left, y - 1.8)
        pdf.cell(width, 3.6, latin1(lab.text), align="C")
    pdf.set_text_color(0, 0, 0)


def _side_caption(pdf: FPDF, panel: Panel, box: Box, *, caption_h: float) -> None:
    """'Patient's right' under the picture's left edge and 'Patient's left' under its right (or the reverse)."""
    sides = [lab for lab in panel.labels if lab.kind == "side"]
    size = 7.0
    pdf.set_font("Helvetica", "B", size)
    while size > 5 and sum(pdf.get_string_width(latin1(lab.text)) for lab in sides) + 4 > box.w:
        size -= 0.5
        pdf.set_font("Helvetica", "B", size)
    pdf.set_text_color(74, 74, 74)
    for lab in sides:
        pdf.set_xy(box.x, box.y + box.h + 0.3)
        pdf.cell(box.w, caption_h - 0.6, latin1(lab.text), align="R" if lab.align == "right" else "L")
    pdf.set_text_color(0, 0, 0)


def draw_qr(pdf: FPDF, link: str, *, x: float, y: float, size: float) -> None:
    """A QR code for ``link`` (pure Python, offline), drawn as filled squares with a quiet border."""
    qr = segno.make(link, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix]
    n = len(matrix) + 8  # four modules of quiet zone on each side
    module = size / n
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                pdf.rect(x + (start + 4) * module, y + (r + 4) * module, (c - start) * module, module, style="F")
            else:
                c += 1
