"""A one-page PDF handout (A4): the map with marked zones, the top explanation, warning signs, what helps,
the date and the sources. Pure and offline (fpdf2 vector drawing); carries no personal data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from fpdf import FPDF

Polygon = Sequence[tuple[float, float]]

_REPLACEMENTS = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "→": "->", "≥": ">=",
                 "≤": "<=", "×": "x", "•": "-", "½": "1/2", "✔": "", "≈": "~"}


@dataclass(frozen=True)
class MapPanel:
    """One drawn view: its title, every zone outline, and which zones are marked."""

    title: str
    outlines: Sequence[Polygon]
    marked: Sequence[Polygon]
    caption: str = ""


@dataclass(frozen=True)
class HandoutData:
    """Everything printed on the handout, already in plain words."""

    marked_zones: Sequence[str]
    top_label: str
    top_strength: str
    top_text: str
    what_helps: str
    who_to_see: str
    red_flags: Sequence[tuple[str, str]]
    safety_net: str
    sources: Sequence[str]
    panels: Sequence[MapPanel] = field(default_factory=tuple)
    notice: str = "Education, not diagnosis: this sheet explains anatomy. It cannot examine you or diagnose you."


def latin1(text: str) -> str:
    """The built-in PDF fonts are Latin-1: map common typography to safe equivalents."""
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(31, 95, 168)
    pdf.multi_cell(0, 5.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "", 9.5)


def _para(pdf: FPDF, text: str, *, size: float = 9.5) -> None:
    pdf.set_font("Helvetica", "", size)
    pdf.multi_cell(0, 4.4, latin1(text), new_x="LMARGIN", new_y="NEXT")


def _draw_panel(pdf: FPDF, panel: MapPanel, *, x: float, y: float, w: float, h: float) -> None:
    points = [p for poly in panel.outlines for p in poly]
    if not points:
        return
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale = min(w / max(max_x - min_x, 1e-9), (h - 8) / max(max_y - min_y, 1e-9))

    def to_page(poly: Polygon) -> list[tuple[float, float]]:
        # Geometry y grows upwards; the page's grows downwards.
        return [(x + (px - min_x) * scale, y + 6 + (max_y - py) * scale) for px, py in poly]

    pdf.set_font("Helvetica", "B", 8)
    pdf.set_xy(x, y)
    pdf.cell(w, 5, latin1(panel.title), align="C")
    pdf.set_line_width(0.15)
    pdf.set_draw_color(120, 120, 120)
    pdf.set_fill_color(246, 240, 232)
    for poly in panel.outlines:
        pdf.polygon(to_page(poly), style="DF")
    pdf.set_fill_color(214, 69, 65)
    pdf.set_draw_color(120, 20, 20)
    for poly in panel.marked:
        pdf.polygon(to_page(poly), style="DF")
    if panel.caption:
        pdf.set_font("Helvetica", "", 7)
        pdf.set_xy(x, y + h)
        pdf.cell(w, 4, latin1(panel.caption), align="C")


def build_handout_pdf(data: HandoutData, *, today: date) -> bytes:
    """Render the handout to PDF bytes (one A4 page)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(14, 12, 14)
    pdf.add_page()
    pdf.set_title("Nerve Map handout")
    pdf.set_font("Helvetica", "B", 17)
    pdf.cell(0, 9, "Nerve Map - your handout", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, latin1(f"Made on {today.isoformat()}. {data.notice}"), new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 2
    panel_w = 40.0
    for i, panel in enumerate(list(data.panels)[:2]):
        _draw_panel(pdf, panel, x=14 + i * (panel_w + 3), y=top, w=panel_w, h=125)
    text_x = 14 + (panel_w + 3) * min(len(data.panels), 2) + 2
    pdf.set_left_margin(text_x)
    pdf.set_xy(text_x, top)
    _heading(pdf, "Where you marked")
    _para(pdf, ", ".join(data.marked_zones) if data.marked_zones else "No areas were marked.")
    _heading(pdf, f"What may explain it: {data.top_label} ({data.top_strength})")
    _para(pdf, data.top_text)
    _heading(pdf, "What usually helps")
    _para(pdf, data.what_helps)
    _heading(pdf, "Who to see")
    _para(pdf, data.who_to_see)
    pdf.set_left_margin(14)
    pdf.set_xy(14, max(pdf.get_y(), top + 133) + 2)
    _heading(pdf, "Get urgent help" if data.red_flags else "Warning signs - get urgent help if these happen")
    for name, advice in data.red_flags:
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.multi_cell(0, 4.4, latin1(f"{name}: {advice}"), new_x="LMARGIN", new_y="NEXT")
    _para(pdf, data.safety_net)
    _heading(pdf, "Sources")
    _para(pdf, "; ".join(data.sources[:12]), size=7)
    return bytes(pdf.output())
