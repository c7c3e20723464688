"""Golden handouts: representative cases rendered to PDF and, with pdftoppm (poppler-utils), to PNG, then checked for
page size and count, the text a patient needs, and a body picture that takes a large share of the page."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from explainer.anatomy import Atlas
from explainer.bodymap import style
from explainer.handout.draw import latin1
from explainer.handout.pdf import FOOTER_H, MARGIN, PAGE_H, build_handout_pdf
from explainer.handout.text import load_handout_text
from tests.handout.cases import case_data

A4_PT = (595.28, 841.89)
DPI = 40


def _pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("pdftoppm not found in CI: install it with `apt-get install -y poppler-utils`")
    pytest.skip("pdftoppm not found: install it with `sudo apt-get install -y poppler-utils` to run the golden tests")


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, " ".join(" ".join(p.extract_text() for p in reader.pages).split())  # lines folded


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit, non-interlaced RGB PNG (what pdftoppm writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert (depth, colour, interlace) == (8, 2, 0)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * 3, [], bytearray(width * 3)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a, b = line[i - 3] if i >= 3 else 0, prev[i]
            c = prev[i - 3] if i >= 3 else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def _png(pdf: bytes, tmp_path: Path, name: str) -> list[Path]:
    src = tmp_path / f"{name}.pdf"
    src.write_bytes(pdf)
    subprocess.run([_pdftoppm(), "-png", "-r", str(DPI), str(src), str(tmp_path / name)], check=True, timeout=60)
    return sorted(tmp_path.glob(f"{name}*.png"))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _matches(rows: list[bytes], colours: list[str], tol: int) -> list[tuple[int, int]]:
    """(x, y) of every pixel within ``tol`` of one of ``colours``. The picture's fills are warm tints, so with a
    tolerance of 6 no neutral grey (anti-aliased text, rules) can match them."""
    targets = [_rgb(c) for c in colours]
    return [(i // 3, y) for y, row in enumerate(rows) for i in range(0, len(row), 3)
            if any(abs(row[i] - r) <= tol and abs(row[i + 1] - g) <= tol and abs(row[i + 2] - b) <= tol
                   for r, g, b in targets)]


def picture_share(rows: list[bytes], colours: list[str], *, tol: int = 6) -> tuple[float, float]:
    """(share of the page covered by the colours, share of the page inside their bounding box)."""
    hits = _matches(rows, colours, tol)
    page = len(rows) * len(rows[0]) / 3
    if not hits:
        return 0.0, 0.0
    xs, ys = [x for x, _ in hits], [y for _, y in hits]
    return len(hits) / page, (max(xs) - min(xs)) * (max(ys) - min(ys)) / page


# The old handout (two 4 cm panels beside a blank area) measured about 12.6 % of the page inside the pictures' bounding
# box and 2-4 % covered; these cases measure 19-37 % and 4.5-9 %.
MIN_EXTENT, MIN_COVER, MIN_MARKED = 0.17, 0.04, 0.001
CASES = {
    # name: (words expected in the text)
    "l5": (["The L5 nerve root", "Warning signs to watch for", "Go to an Emergency Department today if",
            "numbness around your bottom", "Get medical advice the same day if", "NICE CKS: Sciatica",
            "GIRFT: cauda equina pathway", "Front", "Back", "Right foot (top)", "Low back"]),
    "c6": (["The C6 nerve root", "Call an emergency ambulance now", "Your face droops", "Both hands become numb",
            "Right hand (palm)", "Right hand (back)", "Front of the forearm"]),
    "carpal_tunnel": (["Palms of the hands", "Right hand (palm)", "Left hand (palm)", "Warning signs to watch for"]),
    "cauda_equina": (["Get urgent help: Possible cauda equina or conus syndrome",
                      "Cauda equina or conus syndrome (EMERGENCY)", "Saddle area, seen from below"]),
    "stroke": (["Get urgent help: Possible stroke", "Call an emergency ambulance now", "Left hand (back)"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_handout(atlas: Atlas, tmp_path: Path, name: str) -> None:
    expected = CASES[name]
    data = case_data(atlas, name)
    pdf = build_handout_pdf(data)
    reader, text = _text(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(A4_PT[0], 1), round(A4_PT[1], 1))
    for words in [*expected, data.strings.notice.split(":")[0], "2026-12-02", data.strings.reopen_title]:
        assert latin1(words) in text, words
    assert "docslib" not in text and "copy)" not in text
    if data.urgent:  # the urgent block comes before the headline and the pictures
        assert text.index(data.strings.urgent_title) < text.index(latin1(data.headline)) < text.index(data.panels[0].title)
    pages = _png(pdf, tmp_path, name)
    assert len(pages) == 1
    width, height, rows = read_png(pages[0].read_bytes())
    assert abs(width / height - A4_PT[0] / A4_PT[1]) < 0.01
    cover, extent = picture_share(rows, [style.SKIN, style.SELECTED_FILL, style.DECOR_FILL])
    marked, _ = picture_share(rows, [style.SELECTED_FILL])
    assert extent >= MIN_EXTENT and cover >= MIN_COVER, f"the pictures take only {extent:.1%} of the page ({cover:.1%} drawn)"
    assert marked >= MIN_MARKED, "the marked places are not visible"
    assert _blank(rows, PAGE_H - MARGIN - FOOTER_H - 4.0, PAGE_H - MARGIN - FOOTER_H - 1.0), "text ran into the footer"
    assert _blank(rows, PAGE_H - MARGIN + 1.0, PAGE_H - 1.0), "something ran into the bottom margin"


def _blank(rows: list[bytes], top_mm: float, bottom_mm: float) -> bool:
    """Whether a band across the page (mm from the top) is white: nothing drawn there."""
    px = DPI / 25.4
    return all(min(row) > 235 for row in rows[round(top_mm * px):round(bottom_mm * px)])


def test_a_crowded_handout_still_fits_one_page(atlas: Atlas, tmp_path: Path) -> None:
    data = case_data(atlas, "crowded")
    assert len(data.urgent) >= 3 and len(data.panels) == 7
    pdf = build_handout_pdf(data)
    reader, text = _text(pdf)
    assert len(reader.pages) == 1
    for words in [*(b.title for b in data.urgent), *(p.title for p in data.panels), data.strings.watch_title]:
        assert latin1(words) in text, words
    _, _, rows = read_png(_png(pdf, tmp_path, "crowded")[0].read_bytes())
    assert _blank(rows, PAGE_H - MARGIN - FOOTER_H - 4.0, PAGE_H - MARGIN - FOOTER_H - 1.0), "text ran into the footer"
    assert _blank(rows, PAGE_H - MARGIN + 1.0, PAGE_H - 1.0), "something ran into the bottom margin"


def test_the_clinician_version_has_a_second_page_with_the_findings(atlas: Atlas, tmp_path: Path) -> None:
    pdf = build_handout_pdf(case_data(atlas, "l5", clinician=True))
    reader, text = _text(pdf)
    words = load_handout_text().strings
    assert len(reader.pages) == 2
    assert words.clinician_title in reader.pages[1].extract_text() and "Page 2 of 2" in text
    assert atlas.findings["back_pain"].label in reader.pages[1].extract_text()
    assert len(_png(pdf, tmp_path, "clinician")) == 2


def test_a_handout_with_nothing_marked_still_renders(atlas: Atlas) -> None:
    reader, text = _text(build_handout_pdf(case_data(atlas, "nothing")))
    words = load_handout_text().strings
    assert len(reader.pages) == 1 and words.nothing_marked in text
    assert words.what_it_means not in text and words.watch_title not in text  # no empty headings


def test_typography_is_made_safe_for_builtin_fonts() -> None:
    assert latin1("L4–L5 → “sciatic”") == 'L4-L5 -> "sciatic"'
    assert latin1("¿Dónde? Niño") == "¿Dónde? Niño"  # Spanish fits the built-in fonts


def test_the_qr_code_holds_the_link_module_for_module(atlas: Atlas, tmp_path: Path) -> None:
    """Render the QR code's corner of the page and compare every module's centre with segno's own matrix."""
    import segno

    from explainer.handout.pdf import qr_box

    data = case_data(atlas, "l5")
    src = tmp_path / "qr.pdf"
    src.write_bytes(build_handout_pdf(data))
    box, px_per_mm = qr_box(), 12
    crop = [str(round(v * px_per_mm)) for v in (box.x, box.y, box.w, box.h)]
    subprocess.run([_pdftoppm(), "-png", "-r", str(round(px_per_mm * 25.4)), "-singlefile", "-x", crop[0], "-y", crop[1],
                    "-W", crop[2], "-H", crop[3], str(src), str(tmp_path / "qr")], check=True, timeout=60)
    width, _, rows = read_png((tmp_path / "qr.png").read_bytes())
    matrix = segno.make(data.link, error="m", micro=False).matrix
    module = width / (len(matrix) + 8)
    wrong = 0
    for r, line in enumerate(matrix):
        for c, dark in enumerate(line):
            x, y = int((c + 4.5) * module), int((r + 4.5) * module)
            wrong += (rows[y][3 * x] < 128) != bool(dark)
    assert wrong == 0, f"{wrong} QR modules drawn wrong"
    assert min(rows[int(2 * module)][3 * int(2 * module)], rows[-int(2 * module)][-3]) > 200  # a white quiet border
