"""Flowing text into a column on an fpdf page: headings, paragraphs, bold action lines and bullets, shrunk to fit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from fpdf import FPDF

from explainer.handout.draw import latin1

Kind = Literal["heading", "para", "action", "bullet", "small"]
SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # points, largest first
HEADING_RGB = (31, 78, 140)
BULLET_INDENT = 3.2
WRAP_SLACK = 0.995


@dataclass(frozen=True)
class Item:
    kind: Kind
    text: str


def heading(text: str) -> Item:
    return Item("heading", text)


def para(text: str) -> Item:
    return Item("para", text)


def line_h(size: float) -> float:
    return size * 0.45


def text_height(pdf: FPDF, w: float, h: float, text: str) -> float:
    """The height ``multi_cell`` needs for ``text`` in the current font, never less (nothing is drawn).

    A greedy word wrap on the font's widths with a little slack: about ten times faster than fpdf's own dry run,
    which it matches or exceeds by one line (a test compares them), so text measured to fit does fit."""
    avail = (w - 2 * pdf.c_margin) * WRAP_SLACK
    space = pdf.get_string_width(" ")
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        cur = 0.0
        for word in paragraph.split(" "):
            ww = pdf.get_string_width(word)
            if cur and cur + space + ww <= avail:
                cur += space + ww
                continue
            if cur:
                lines += 1
            while ww > avail:  # a word (a link) longer than the line is broken anywhere
                lines += 1
                ww -= avail
            cur = ww
    return lines * h


def _style(pdf: FPDF, item: Item, size: float) -> float:
    """Set the font for an item; return its font size."""
    if item.kind == "heading":
        pdf.set_font("Helvetica", "B", size + 1.5)
        pdf.set_text_color(*HEADING_RGB)
        return size + 1.5
    pdf.set_text_color(0, 0, 0)
    if item.kind == "small":
        pdf.set_font("Helvetica", "", size - 1)
        return size - 1
    pdf.set_font("Helvetica", "B" if item.kind == "action" else "", size)
    return size


def column(pdf: FPDF, items: Sequence[Item], *, x: float, y: float, w: float, size: float, dry: bool = False) -> float:
    """Write (or with ``dry`` only measure) the items top-down from (x, y); return the height used."""
    top = y
    for i, item in enumerate(items):
        s = _style(pdf, item, size)
        if item.kind == "heading" and i:
            y += line_h(size) * 0.6
        elif item.kind == "action" and i and items[i - 1].kind != "heading":
            y += line_h(size) * 0.35
        indent = BULLET_INDENT if item.kind == "bullet" else 0.0
        text = latin1(item.text)
        if dry:
            height = text_height(pdf, w - indent, line_h(s), text)
        else:
            if item.kind == "bullet":
                pdf.set_fill_color(60, 60, 60)
                pdf.ellipse(x + 0.7, y + line_h(s) / 2 - 0.55, 1.1, 1.1, style="F")
            pdf.set_xy(x + indent, y)
            pdf.multi_cell(w - indent, line_h(s), text, align="L", new_x="LMARGIN", new_y="NEXT")
            height = pdf.get_y() - y
        y += height + (0.4 if item.kind in ("bullet", "action") else 0.9)
    pdf.set_text_color(0, 0, 0)
    return y - top


def fits(pdf: FPDF, columns: Sequence[tuple[Sequence[Item], float]], *, height: float, size: float = SIZES[-1]) -> bool:
    """Whether every (items, width) column fits in ``height`` at ``size`` (the smallest size by default)."""
    return all(column(pdf, items, x=0, y=0, w=w, size=size, dry=True) <= height for items, w in columns)


def fit_size(pdf: FPDF, columns: Sequence[tuple[Sequence[Item], float]], *, height: float) -> float:
    """The largest size at which every (items, width) column fits in ``height`` (the smallest size otherwise)."""
    for size in SIZES:
        if all(column(pdf, items, x=0, y=0, w=w, size=size, dry=True) <= height for items, w in columns):
            return size
    return SIZES[-1]
