"""Pure page arithmetic: where each picture goes so the pictures are as large as the space allows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, pairwise

MAIN_WEIGHT = 3.0
SHARES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)  # heights tried for the whole-body row when detail pictures follow


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def area(self) -> float:
        return self.w * self.h


@dataclass(frozen=True)
class Arrangement:
    boxes: tuple[Box, ...]  # one per picture, in the order given; a picture's title sits above its box
    height: float  # used height, titles included
    main: int = 0  # how many of the first boxes are whole-body pictures

    @property
    def area(self) -> float:
        return sum(b.area for b in self.boxes)

    @property
    def score(self) -> float:
        """Picture area, whole-body pictures counting MAIN_WEIGHT times: the body stays large, details follow."""
        return self.area + (MAIN_WEIGHT - 1) * sum(b.area for b in self.boxes[: self.main])


def _within(b: Box, box: Box, eps: float = 1e-6) -> bool:
    return box.x - eps <= b.x and b.x + b.w <= box.x + box.w + eps and box.y - eps <= b.y and b.y + b.h <= box.y + box.h + eps


def _row_splits(n: int) -> Iterator[tuple[tuple[int, int], ...]]:
    """Every way to cut 0..n-1 into consecutive rows."""
    for k in range(n):
        for cuts in combinations(range(1, n), k):
            edges = (0, *cuts, n)
            yield tuple(pairwise(edges))


def _rows(sizes: Sequence[tuple[float, float]], rows: tuple[tuple[int, int], ...], box: Box, *, gap: float,
          title_h: float, caption_h: float) -> Arrangement:
    scales = []
    for a, b in rows:
        width = sum(w for w, _ in sizes[a:b])
        tallest = max(h for _, h in sizes[a:b])
        scales.append(min((box.w - gap * (b - a - 1)) / width, max(box.h - title_h - caption_h, 0.0) / tallest))
    drawn = sum(s * max(h for _, h in sizes[a:b]) for s, (a, b) in zip(scales, rows, strict=True))
    room = box.h - len(rows) * (title_h + caption_h) - gap * (len(rows) - 1)
    shrink = min(1.0, room / drawn) if drawn > 0 else 1.0
    boxes: list[Box] = []
    y = box.y
    for s, (a, b) in zip(scales, rows, strict=True):
        s *= shrink
        row_h = s * max(h for _, h in sizes[a:b])
        row_w = sum(s * w for w, _ in sizes[a:b]) + gap * (b - a - 1)
        x = box.x + (box.w - row_w) / 2
        for w, h in sizes[a:b]:
            boxes.append(Box(x, y + title_h + (row_h - s * h) / 2, s * w, s * h))
            x += s * w + gap
        y += title_h + row_h + caption_h + gap
    return Arrangement(tuple(boxes), y - gap - box.y)


def arrange(sizes: Sequence[tuple[float, float]], box: Box, *, gap: float = 3.0, title_h: float = 5.0,
            caption_h: float = 0.0) -> Arrangement:
    """The row layout (pictures kept in order) that gives the pictures the largest total area inside ``box``.
    ``sizes`` are the pictures' natural width and height in any unit; each keeps its proportions. Each row keeps
    ``title_h`` above its pictures and ``caption_h`` below them."""
    if not sizes:
        return Arrangement((), 0.0)
    options = (_rows(sizes, rows, box, gap=gap, title_h=title_h, caption_h=caption_h) for rows in _row_splits(len(sizes)))
    return max(options, key=lambda a: a.area)


def _candidates(main: Sequence[tuple[float, float]], details: Sequence[tuple[float, float]], box: Box, *,
                gap: float, title_h: float, caption_h: float) -> Iterator[Arrangement]:
    whole = ((0, len(main)),)
    for share in SHARES:
        top = _rows(main, whole, Box(box.x, box.y, box.w, box.h * share), gap=gap, title_h=title_h, caption_h=caption_h)
        below = arrange(details, Box(box.x, box.y + top.height + gap, box.w, box.h - top.height - gap), gap=gap,
                        title_h=title_h, caption_h=caption_h)
        yield Arrangement(top.boxes + below.boxes, top.height + gap + below.height, main=len(main))
        used_w = max(b.x + b.w for b in top.boxes) - min(b.x for b in top.boxes)
        room = Box(box.x + used_w + gap, box.y, box.w - used_w - gap, box.h)
        if room.w > 0:
            left = _rows(main, whole, Box(box.x, box.y, used_w, box.h * share), gap=gap, title_h=title_h,
                         caption_h=caption_h)
            beside = arrange(details, room, gap=gap, title_h=title_h, caption_h=caption_h)
            yield Arrangement(left.boxes + beside.boxes, max(left.height, beside.height), main=len(main))


def arrange_main_first(main: Sequence[tuple[float, float]], details: Sequence[tuple[float, float]], box: Box, *,
                       gap: float = 3.0, title_h: float = 5.0, caption_h: float = 0.0,
                       min_detail_scale: float = 0.0) -> Arrangement:
    """The whole-body pictures (``main``) side by side, with the detail pictures (hands, feet, saddle) below or
    beside them: the arrangement with the best score whose detail pictures are drawn at least ``min_detail_scale``
    (page units per drawing unit), or the best overall when none is."""
    if not main:
        return arrange(details, box, gap=gap, title_h=title_h, caption_h=caption_h)
    if not details:
        whole = _rows(main, ((0, len(main)),), box, gap=gap, title_h=title_h, caption_h=caption_h)
        return replace(whole, main=len(main))
    options = [a for a in _candidates(main, details, box, gap=gap, title_h=title_h, caption_h=caption_h)
               if all(b.w > 0 and b.h > 0 and _within(b, box) for b in a.boxes)]
    if not options:  # a box too small for any of them: everything in rows, in order
        return replace(arrange([*main, *details], box, gap=gap, title_h=title_h, caption_h=caption_h), main=len(main))
    readable = [a for a in options
                if all(b.w / w >= min_detail_scale for b, (w, _) in zip(a.boxes[len(main):], details, strict=True))]
    return max(readable or options, key=lambda a: a.score)
