"""Picture arrangement: inside the box, proportions kept, no overlaps, whole-body pictures first and large."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from explainer.handout.layout import Box, arrange, arrange_main_first

BOX = Box(12.0, 40.0, 108.0, 190.0)
size = st.tuples(st.floats(0.5, 6.0), st.floats(0.5, 9.0))


def _inside(b: Box, box: Box) -> bool:
    return box.x - 1e-6 <= b.x and b.x + b.w <= box.x + box.w + 1e-6 and box.y - 1e-6 <= b.y and b.y + b.h <= box.y + box.h + 1e-6


def _apart(a: Box, b: Box) -> bool:
    return a.x + a.w <= b.x + 1e-6 or b.x + b.w <= a.x + 1e-6 or a.y + a.h <= b.y + 1e-6 or b.y + b.h <= a.y + 1e-6


@given(st.lists(size, min_size=0, max_size=2), st.lists(size, min_size=0, max_size=5))
def test_pictures_fit_keep_their_shape_and_never_overlap(main: list[tuple[float, float]],
                                                         details: list[tuple[float, float]]) -> None:
    layout = arrange_main_first(main, details, BOX, title_h=5.0, caption_h=3.6, min_detail_scale=14.0)
    assert len(layout.boxes) == len(main) + len(details)
    for b, (w, h) in zip(layout.boxes, [*main, *details], strict=True):
        assert _inside(b, BOX) and abs(b.w / b.h - w / h) < 1e-6
    for i, a in enumerate(layout.boxes):
        assert all(_apart(a, b) for b in layout.boxes[i + 1:])


def test_two_bodies_and_the_feet_fill_the_column() -> None:
    front, back, feet = (3.41, 8.0), (3.41, 7.93), (3.08, 3.09)
    layout = arrange_main_first([front, back], [feet], BOX, title_h=5.0, caption_h=3.6)
    assert layout.boxes[0].h > 110  # the body stays large (more than 11 cm tall on A4)
    assert layout.area > 0.6 * BOX.area * 0.5 and layout.height <= BOX.h + 1e-6


def test_one_wide_picture_uses_the_whole_width() -> None:
    layout = arrange([(4.66, 3.37)], Box(0, 0, 186, 100))
    assert abs(layout.boxes[0].h - 95.0) < 1e-6  # height-bound: 100 minus the title line
