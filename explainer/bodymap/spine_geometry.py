"""Schematic spine seen from behind: vertebrae, discs and paired nerve roots (pure geometry).

Anatomical order comes from explicit constants (``explainer.anatomy.order``), never from
sorting names. Exits: C1-C7 leave above their vertebra, C8 between C7 and T1, T1-L5 below
their vertebra, S1-S4 through the sacral foramina, S5 between sacrum and coccyx.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from explainer.anatomy.order import SEGMENTS, VERTEBRAE
from explainer.bodymap.geometry import Point, Ring

ROOTS: Final[tuple[str, ...]] = tuple(s for s in SEGMENTS if s != "Co")  # C1..S5, head to tail
MOBILE: Final[tuple[str, ...]] = VERTEBRAE[: VERTEBRAE.index("L5") + 1]  # C1..L5
# Discs between consecutive mobile vertebrae (none between C1 and C2), then L5/S1.
DISCS: Final[tuple[str, ...]] = (*(f"{a}/{b}" for a, b in itertools.pairwise(MOBILE[1:])), "L5/S1")
SIZE_PX: Final = (300, 1000)  # minimum width; height of the default figure
MARGIN_PX: Final = 8


def root_id(root: str) -> str:
    return f"root:{root}"


def disc_id(disc: str) -> str:
    return f"disc:{disc}"


@dataclass(frozen=True)
class SpineGeometry:
    vertebrae: dict[str, Ring]  # "C1".."L5", "S", "Co" -> outline
    discs: dict[str, Ring]  # "C2/C3".."L5/S1"
    roots: dict[str, tuple[Ring, Ring]]  # "C1".."S5" -> (viewer-left ring, viewer-right ring)
    root_tips: dict[str, tuple[Point, Point]]  # label positions beyond each root's end
    bounds: tuple[float, float, float, float]
    size_px: tuple[int, int]


def _height(v: str) -> float:
    if v == "C1":
        return 0.45
    if v == "C2":
        return 0.75
    if v.startswith("C"):
        return 0.55
    if v.startswith("T"):
        return 0.62 + 0.028 * int(v[1:])
    return 0.95 + 0.04 * int(v[1:])  # lumbar


def _width(v: str) -> float:
    if v.startswith("C"):
        return 1.15 if v != "C1" else 1.35
    if v.startswith("T"):
        return 1.2 + 0.03 * int(v[1:])
    return 1.65 + 0.06 * int(v[1:])


def _disc_height(upper: str) -> float:
    return 0.3 if upper.startswith("C") else 0.34 if upper.startswith("T") else 0.42


def _rounded_rect(cx: float, top: float, w: float, h: float, r: float) -> Ring:
    pts: list[Point] = []
    corners = [
        (cx + w / 2 - r, top - r, 90),
        (cx + w / 2 - r, top - h + r, 0),
        (cx - w / 2 + r, top - h + r, 270),
        (cx - w / 2 + r, top - r, 180),
    ]
    for x, y, start in corners:  # clockwise (y up): top-right, bottom-right, bottom-left, top-left
        for k in range(5):
            a = math.radians(start - 22.5 * k)
            pts.append((round(x + r * math.cos(a), 3), round(y + r * math.sin(a), 3)))
    pts.append(pts[0])
    return tuple(pts)


def _root(x_edge: float, y: float, side: int, *, length: float, drop: float, thick: float) -> Ring:
    """Tapered root leaving the column at (side * x_edge, y), heading out and down (clockwise)."""
    x0, x1 = side * x_edge, side * (x_edge + length)
    y1 = y - drop
    t0, t1 = thick / 2, thick / 3
    pts = [(x0, y + t0), (x1, y1 + t1), (x1 + side * 0.08, y1), (x1, y1 - t1), (x0, y - t0)]
    if side < 0:
        pts.reverse()
    ring = [(round(px, 3), round(py, 3)) for px, py in pts]
    return (*ring, ring[0])


@lru_cache(maxsize=1)
def spine_geometry() -> SpineGeometry:
    vertebrae: dict[str, Ring] = {}
    discs: dict[str, Ring] = {}
    exits: dict[str, tuple[float, float]] = {}  # root -> (y, half width of the column there)
    y = 0.0
    exits["C1"] = (y + 0.12, _width("C1") / 2)
    for i, v in enumerate(MOBILE):
        h, w = _height(v), _width(v)
        vertebrae[v] = _rounded_rect(0.0, y, w, h, 0.12)
        if v.startswith("C") and v != "C1":
            exits[v] = (y + 0.1, w / 2)  # above its vertebra
        y -= h
        nxt = MOBILE[i + 1] if i + 1 < len(MOBILE) else "S"
        if i == 0:  # no disc between C1 and C2
            y -= 0.1
            continue
        dh = _disc_height(v)
        name = f"{v}/{nxt if nxt != 'S' else 'S1'}"
        discs[name] = _rounded_rect(0.0, y, w * 0.94, dh, 0.1)
        if v == "C7":
            exits["C8"] = (y - dh / 2, w / 2)
        elif not v.startswith("C"):
            exits[v] = (y - dh / 2, w / 2)  # below its vertebra
        y -= dh
    sacrum_top, sacrum_h = y, 2.5
    vertebrae["S"] = (
        (1.15, sacrum_top),
        (1.05, sacrum_top - 1.2),
        (0.55, sacrum_top - 2.2),
        (0.2, sacrum_top - sacrum_h),
        (-0.2, sacrum_top - sacrum_h),
        (-0.55, sacrum_top - 2.2),
        (-1.05, sacrum_top - 1.2),
        (-1.15, sacrum_top),
        (1.15, sacrum_top),
    )
    for k in range(1, 5):  # S1-S4 through the sacral foramina
        fy = sacrum_top - 0.62 - 0.42 * (k - 1)
        exits[f"S{k}"] = (fy, 1.16 - 0.19 * k)
    co_top = sacrum_top - sacrum_h - 0.12
    exits["S5"] = (co_top + 0.06, 0.22)
    vertebrae["Co"] = ((0.16, co_top), (0.05, co_top - 0.55), (-0.05, co_top - 0.55), (-0.16, co_top), (0.16, co_top))
    roots: dict[str, tuple[Ring, Ring]] = {}
    tips: dict[str, tuple[Point, Point]] = {}
    for idx, r in enumerate(ROOTS):
        ry, half = exits[r]
        slope = min(max((idx - 6) / 18, 0.0), 1.0)  # cervical roots level, lumbar ones steeper
        length = 1.25 + 0.25 * slope
        drop = 0.1 + 0.6 * slope
        thick = 0.42 if r.startswith("C") else 0.46
        if r.startswith("S"):  # short, shallow roots from the sacral foramina
            length, drop, thick = 0.95, 0.28, 0.3
        left = _root(half + 0.04, ry, -1, length=length, drop=drop, thick=thick)
        right = _root(half + 0.04, ry, 1, length=length, drop=drop, thick=thick)
        roots[r] = (left, right)
        end = half + 0.04 + length + 0.14
        tips[r] = ((-end, ry - drop), (end, ry - drop))
    xs = [p[0] for ring in (*vertebrae.values(), *(a for pair in roots.values() for a in pair)) for p in ring]
    ys = [p[1] for ring in vertebrae.values() for p in ring]
    bounds = (min(xs) - 0.8, min(ys) - 0.6, max(xs) + 0.8, max(ys) + 1.4)
    height = SIZE_PX[1]
    scale = (height - 2 * MARGIN_PX) / (bounds[3] - bounds[1])
    width = max(round((bounds[2] - bounds[0]) * scale + 2 * MARGIN_PX), SIZE_PX[0])
    return SpineGeometry(vertebrae=vertebrae, discs=discs, roots=roots, root_tips=tips, bounds=bounds, size_px=(width, height))
