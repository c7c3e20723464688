"""Smooth outlines, tapered tubes and straight limb frames (pure geometry, no landmark numbers)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

Pt = tuple[float, float]
Line = list[Pt]


def catmull(rows: Sequence[Sequence[float]], *, n: int, closed: bool) -> list[list[float]]:
    """Uniform Catmull-Rom spline through the rows (any number of columns)."""
    pts = [list(r) for r in rows]
    m = len(pts)
    out: list[list[float]] = []
    last = m if closed else m - 1
    for i in range(last):
        p0 = pts[(i - 1) % m] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % m]
        p3 = pts[(i + 2) % m] if closed or i + 2 < m else pts[-1]
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            out.append([0.5 * ((2 * b) + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2
                               + (-a + 3 * b - 3 * c + d) * t3) for a, b, c, d in zip(p0, p1, p2, p3, strict=True)])
    if not closed:
        out.append(pts[-1])
    return out


def smooth_closed(points: Sequence[Pt], *, n: int = 8) -> list[Pt]:
    return [(p[0], p[1]) for p in catmull(points, n=n, closed=True)]


def smooth_open(points: Sequence[Pt], *, n: int = 8) -> list[Pt]:
    return [(p[0], p[1]) for p in catmull(points, n=n, closed=False)]


def mirror_half(points: Sequence[Pt]) -> list[Pt]:
    """A half outline (midline round to the midline, x >= 0) plus its mirror image."""
    right = list(points)
    left = [(-x, y) for x, y in reversed(right) if x > 0]
    return right + left


def tube(rows: Sequence[Sequence[float]], *, n: int = 10) -> Polygon:
    """Tapered tube along a smooth centre line; columns x, y, lateral and medial half-width."""
    dense = catmull(rows, n=n, closed=False)
    lat: list[Pt] = []
    med: list[Pt] = []
    for i, (x, y, wl, wm) in enumerate(dense):
        a = dense[max(i - 1, 0)]
        b = dense[min(i + 1, len(dense) - 1)]
        tx, ty = b[0] - a[0], b[1] - a[1]
        norm = math.hypot(tx, ty)
        nx, ny = -ty / norm, tx / norm
        lat.append((x + nx * wl, y + ny * wl))
        med.append((x - nx * wm, y - ny * wm))
    return Polygon(lat + med[::-1]).buffer(0)


def ellipse(centre: Pt, rx: float, ry: float) -> Polygon:
    return affinity.scale(Point(centre).buffer(1.0, 24), rx, ry, origin=centre)


def capsule(a: Pt, b: Pt, r: float) -> list[Pt]:
    """Outline (in frame coordinates) of a rounded finger from a to b."""
    return [(float(x), float(y)) for x, y in LineString([a, b]).buffer(r, 12).exterior.coords]


def tapered(a: Pt, b: Pt, r: float, *, tip: float) -> Polygon:
    """A finger or toe: convex hull of a base circle and a slightly smaller tip circle."""
    return shapely.convex_hull(unary_union([Point(a).buffer(r, 24), Point(b).buffer(r * tip, 24)]))


class Frame:
    """Straight limb frame: t = distance along the axis from a, u = lateral offset (+x side)."""

    def __init__(self, a: Pt, b: Pt) -> None:
        self.a = a
        self.length = math.dist(a, b)
        self.d = ((b[0] - a[0]) / self.length, (b[1] - a[1]) / self.length)
        n = (-self.d[1], self.d[0])
        self.n = n if n[0] >= 0 else (-n[0], -n[1])

    def xy(self, t: float, u: float) -> Pt:
        return (self.a[0] + self.d[0] * t + self.n[0] * u, self.a[1] + self.d[1] * t + self.n[1] * u)

    def poly(self, tu: Iterable[Pt]) -> Polygon:
        return Polygon([self.xy(t, u) for t, u in tu]).buffer(0)

    def cell(self, t0: float, t1: float, u0: float = -1.0, u1: float = 1.0) -> Polygon:
        return self.poly([(t0, u0), (t1, u0), (t1, u1), (t0, u1)])

    def side(self, curve: Sequence[Pt], *, lateral: bool) -> Polygon:
        """The part of the limb lateral (or medial) of a smooth curve of (t, u) points."""
        pts = smooth_open(curve, n=6)
        edge = 1.5 if lateral else -1.5
        return self.poly([*pts, (pts[-1][0], edge), (pts[0][0], edge)])

    def upto(self, curve: Sequence[Pt]) -> Polygon:
        """The part of the limb proximal to a smooth curve of (t, u) points running across it."""
        pts = smooth_open(curve, n=6)
        return self.poly([*pts, (-3.0, pts[-1][1]), (-3.0, pts[0][1])])

    def oval(self, centre: Pt, a: float, b: float) -> Polygon:
        return self.poly([(float(t), float(u)) for t, u in ellipse(centre, a, b).exterior.coords])

    def blob(self, pts: Sequence[Pt]) -> Polygon:
        return self.poly(smooth_closed(pts, n=6))
