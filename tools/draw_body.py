"""Generate the body-map geometry (assets/body_map.json) from readable landmark numbers.

Run:  .venv/bin/python tools/draw_body.py

Units: one head height. Whole-body views stand 7.5 heads tall (soles y=0, vertex y=7.5).
Each half body is drawn in "lateral" coordinates (x >= 0 points away from the midline) and
mirrored into the view: front view -> patient's right on the viewer's left; back view ->
patient's left on the viewer's left. Body parts are smooth Catmull-Rom outlines and tapered
tubes; zones are cut from the united silhouette by *painting* cells in order (each zone takes
what is left inside its cell), so neighbouring zones share exact borders and nothing overlaps.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

Pt = tuple[float, float]
Row = tuple[float, float, float, float]
Line = list[Pt]
BIG = 20.0


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


def tube(rows: Sequence[Row], *, n: int = 10) -> Polygon:
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


def polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygons(g)]
    return []


def as_polys(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygonal part of a (made valid) geometry."""
    parts = polygons(shapely.make_valid(geom))
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def paint(region: BaseGeometry, cells: Sequence[tuple[str, BaseGeometry]], *,
          min_area: float = 1e-5) -> tuple[dict[str, BaseGeometry], BaseGeometry]:
    """Each cell takes what is left of the region inside it, in order; returns zones and leftovers."""
    out: dict[str, BaseGeometry] = {}
    rest = region
    for name, cell in cells:
        piece = rest.intersection(cell)
        parts = [p for p in polygons(piece) if p.area > min_area]
        if not parts:
            raise ValueError(f"cell {name!r} is empty")
        out[name] = MultiPolygon(parts) if len(parts) > 1 else parts[0]
        rest = rest.difference(cell)
    return out, rest


ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "body_map.json"

# ----------------------------------------------------------------------------- landmarks
# Heights (y) in head units from the soles. Half-widths (x) from the midline.
VERTEX, CHIN = 7.5, 6.5
CLAVICLE = 6.04
MIDCLAVICULAR_X = 0.42
NIPPLE = 5.48
XIPHOID = 5.14
UMBILICUS = 4.47
CROTCH = 3.66

HEAD_HALF: list[Pt] = [
    (0.0, 7.5), (0.2, 7.465), (0.32, 7.36), (0.375, 7.16), (0.37, 6.95), (0.335, 6.74),
    (0.26, 6.58), (0.13, 6.495), (0.0, 6.475),
]  # fmt: skip
TRUNK_HALF: list[Pt] = [
    (0.0, 6.7), (0.19, 6.7), (0.2, 6.5), (0.235, 6.33), (0.42, 6.22), (0.64, 6.14),
    (0.8, 6.06), (0.86, 5.9), (0.78, 5.62), (0.755, 5.38), (0.73, 5.08), (0.68, 4.78),
    (0.655, 4.56), (0.675, 4.36), (0.76, 4.14), (0.83, 3.98), (0.84, 3.78), (0.6, 3.64),
    (0.2, 3.6), (0.0, 3.6),
]  # fmt: skip
# Limb tubes: centre x, y, lateral half-width, medial half-width.
ARM: list[tuple[float, float, float, float]] = [
    (0.84, 5.86, 0.2, 0.14), (0.89, 5.72, 0.235, 0.18), (0.965, 5.3, 0.21, 0.2),
    (1.04, 4.9, 0.185, 0.18), (1.1, 4.6, 0.2, 0.2), (1.16, 4.3, 0.23, 0.225),
    (1.24, 3.9, 0.205, 0.195), (1.3, 3.58, 0.172, 0.165), (1.32, 3.45, 0.18, 0.17),
]  # fmt: skip
LEG: list[tuple[float, float, float, float]] = [
    (0.42, 3.95, 0.405, 0.38), (0.425, 3.6, 0.445, 0.36), (0.39, 3.0, 0.37, 0.3),
    (0.35, 2.45, 0.28, 0.235), (0.33, 2.05, 0.25, 0.27), (0.325, 1.68, 0.245, 0.27),
    (0.32, 1.35, 0.22, 0.23), (0.31, 0.9, 0.155, 0.155), (0.3, 0.55, 0.14, 0.15),
    (0.3, 0.4, 0.17, 0.18), (0.3, 0.2, 0.2, 0.2),
]  # fmt: skip
SHOULDER, ELBOW, WRIST = (0.8, 6.02), (1.1, 4.6), (1.3, 3.58)
HIP, KNEE, ANKLE = (0.42, 4.05), (0.33, 2.05), (0.3, 0.36)


def _mirror(points: Sequence[Pt]) -> list[Pt]:
    right = list(points)
    left = [(-x, y) for x, y in reversed(right) if x > 0]
    return right + left


def hand_shape(*, frame: Frame) -> Polygon:
    """Relaxed open hand seen palm- or back-on, thumb on the lateral (+u) side, fingers along +t."""
    palm = frame.poly(smooth_closed([(0.0, -0.13), (0.03, 0.15), (0.2, 0.19), (0.42, 0.16),
                                     (0.46, 0.0), (0.43, -0.17), (0.22, -0.17)], n=6))
    # finger: base u, length, sideways drift of the tip
    fingers = [(0.118, 0.37, 0.022), (0.04, 0.41, 0.006), (-0.04, 0.38, -0.012), (-0.112, 0.3, -0.035)]
    parts: list[BaseGeometry] = [palm]
    for u0, length, drift in fingers:
        parts.append(frame.poly(capsule((0.38, u0), (0.38 + length, u0 + drift), 0.04)))
    parts.append(frame.poly(capsule((0.1, 0.12), (0.33, 0.24), 0.047)))
    return unary_union(parts).buffer(0.006).buffer(-0.006)


def foot_front() -> Polygon:
    """Foot seen from the front: dorsum foreshortened, toes towards the viewer, turned out a little."""
    return Polygon(smooth_closed([(0.17, 0.34), (0.09, 0.2), (0.08, 0.04), (0.11, -0.07), (0.2, -0.1),
                                  (0.3, -0.085), (0.42, -0.06), (0.53, -0.02), (0.6, 0.04), (0.56, 0.18),
                                  (0.43, 0.33)], n=8))


TOE_CLEFTS: list[Line] = [[(x, y0), (x + 0.008, y0 + 0.07)] for x, y0 in
                          ((0.245, -0.095), (0.34, -0.08), (0.425, -0.06), (0.5, -0.035))]
FINGER_CLEFTS: list[tuple[float, float]] = [(0.079, 0.014), (0.0, -0.003), (-0.076, -0.024)]


def hand_clefts(frame: Frame) -> list[Line]:
    """Hint lines between the fingers of the whole-body hand (u at the base, tip drift)."""
    return [[frame.xy(0.42, u), frame.xy(0.72, u + d)] for u, d in FINGER_CLEFTS]


def heel_back() -> Polygon:
    return Polygon(smooth_closed([(0.12, 0.36), (0.1, 0.16), (0.17, 0.01), (0.3, -0.03), (0.43, 0.01),
                                  (0.5, 0.16), (0.48, 0.36)], n=8))


def silhouette(*, back: bool) -> tuple[BaseGeometry, BaseGeometry]:
    """The half body (x >= 0) and the hand+foot part of it (decoration)."""
    head = Polygon(smooth_closed(_mirror(HEAD_HALF), n=6))
    ears = [ellipse((s * 0.372, 6.93), 0.055, 0.125) for s in (1, -1)]
    trunk = Polygon(smooth_closed(_mirror(TRUNK_HALF), n=6))
    caps = [Point(sx * 0.87, 5.83).buffer(0.21, 24) for sx in (1, -1)]
    arm = tube(ARM)
    leg = tube(LEG)
    body = unary_union([head, *ears, trunk, *caps, arm, leg, affinity.scale(arm, -1, 1, origin=(0, 0)),
                        affinity.scale(leg, -1, 1, origin=(0, 0))])
    body = body.buffer(0.05, 24).buffer(-0.05, 24)
    hand = hand_shape(frame=Frame(WRIST, (WRIST[0] + 0.2, WRIST[1] - 1.0)))
    foot = heel_back() if back else foot_front()
    half = unary_union([body, hand, foot]).intersection(box(0, -1, 5, 9))
    return half, unary_union([hand, foot])


# ----------------------------------------------------------------------------- cells


def below(line: Sequence[Pt]) -> Polygon:
    """Everything below a left-to-right polyline (extended to +/- BIG)."""
    pts = [(-BIG, line[0][1]), *line, (BIG, line[-1][1])]
    return Polygon([*pts, (BIG, -BIG), (-BIG, -BIG)])


def above(line: Sequence[Pt]) -> Polygon:
    pts = [(-BIG, line[0][1]), *line, (BIG, line[-1][1])]
    return Polygon([*pts, (BIG, BIG), (-BIG, BIG)])


def left_of(line: Sequence[Pt]) -> Polygon:
    """Everything medial (x smaller) of a top-to-bottom polyline."""
    pts = [(line[0][0], BIG), *line, (line[-1][0], -BIG)]
    return Polygon([*pts, (-BIG, -BIG), (-BIG, BIG)])


def band(y_hi: float, y_lo: float, slope: float = 0.0) -> Polygon:
    """Trunk band between two levels measured at the midclavicular line; slope = rise per unit x."""
    def line(y: float) -> list[Pt]:
        xs = [-0.5 + 0.1 * i for i in range(18)]
        return [(x, y + slope * (math.sqrt(x * x + 0.03) - MIDCLAVICULAR_X)) for x in xs]
    return above(line(y_lo)).intersection(below(line(y_hi)))


UA = Frame(SHOULDER, ELBOW)
FA = Frame(ELBOW, WRIST)
TH = Frame(HIP, KNEE)
LG = Frame(KNEE, ANKLE)

ARM_CELL = Polygon([(0.7, 9), (5, 9), (5, -1), (1.0, -1), (0.95, 3.6),
                    *smooth_open([(0.78, 5.45), (0.74, 5.7), (0.71, 5.95), (0.7, 6.2)], n=6)])
GROIN_CREASE: list[Pt] = [(-0.2, 3.62), (0.04, 3.64), (0.3, 3.78), (0.55, 3.9), (0.8, 4.02),
                          (1.0, 4.12)]
LEG_CELL = below(GROIN_CREASE).difference(ARM_CELL)
NECK_LINE: list[Pt] = [(-0.1, 6.48), (0.12, 6.49), (0.25, 6.56), (0.34, 6.7), (0.5, 6.8)]
HEAD_CELL = above(NECK_LINE)
CLAVICLE_LINE: list[Pt] = [(-0.1, 6.1), (0.1, 6.09), (0.45, CLAVICLE), (0.8, 6.02), (1.1, 6.0)]


def front_cells() -> list[tuple[str, BaseGeometry]]:
    ua, fa, th, lg = UA, FA, TH, LG
    elbow_t = ua.length
    cells: list[tuple[str, BaseGeometry]] = [
        # ---- head and neck
        ("ear_jaw_angle", Polygon([*smooth_open([(0.29, 7.02), (0.24, 6.86), (0.19, 6.72), (0.17, 6.56),
                                                 (0.19, 6.4)], n=6), (0.7, 6.4), (0.7, 7.02)])),
        ("face", HEAD_CELL),
        ("shoulder_top", Polygon([(0.58, 7), (1.4, 7), (1.4, 5.76), (0.8, 5.85), (0.58, 5.97)])),
        ("supraclavicular", above(CLAVICLE_LINE).intersection(box(0.215, 0, 3, 7))),
        ("neck_anterior", above(CLAVICLE_LINE)),
        # ---- arm (upper arm frame: t from shoulder, u lateral)
        ("wrist_volar", ARM_CELL.intersection(fa.cell(fa.length - 0.16, fa.length + 0.11))),
        ("antecubital_lateral", ARM_CELL.intersection(
            ua.blob([(elbow_t - 0.25, 0.3), (elbow_t - 0.2, 0.0), (elbow_t + 0.05, -0.02),
                     (elbow_t + 0.22, 0.02), (elbow_t + 0.24, 0.3)]))),
        ("antecubital_medial", ARM_CELL.intersection(
            ua.blob([(elbow_t - 0.3, -0.3), (elbow_t - 0.26, 0.05), (elbow_t + 0.05, 0.02),
                     (elbow_t + 0.2, 0.0), (elbow_t + 0.22, -0.3)]))),
        ("forearm_anterior_lateral", ARM_CELL.intersection(fa.cell(0.0, 3.0, 0.0, 1.0))),
        ("forearm_anterior_medial", ARM_CELL.intersection(fa.cell(0.0, 3.0))),
        ("arm_lateral_upper", ARM_CELL.intersection(
            ua.side([(-1, 0.02), (0.3, 0.03), (0.45, 0.06), (0.5, 1)], lateral=True))),
        ("arm_lateral_lower", ARM_CELL.intersection(ua.side([(0.9, 1), (0.95, 0.05), (1.1, 0.04),
                                                              (elbow_t, 0.04), (elbow_t + 0.1, 1)],
                                                             lateral=True))),
        ("arm_medial", ARM_CELL.intersection(
            ua.poly([(-1, 0.0), (elbow_t, -0.02), (elbow_t, -1), (-1, -1)]))),
        ("arm_anterior", ARM_CELL),
        # ---- trunk bands (levels at the midclavicular line)
        ("axilla", Polygon(smooth_closed([(0.58, 5.6), (0.62, 5.84), (1.0, 5.9), (1.0, 5.3),
                                          (0.68, 5.3)], n=6))),
        ("chest_upper", band(7, 5.74, 0.05)),
        ("chest_third_intercostal", band(5.74, 5.57, 0.06)),
        ("chest_nipple_level", band(5.57, 5.4, 0.07)),
        ("chest_fifth_intercostal", band(5.4, 5.23, 0.08)),
        ("flank", Polygon([(0.6, 5.25), (0.49, 4.95), (0.47, 4.6), (0.5, 4.3), (0.58, 4.08),
                           (0.9, 4.1), (1.2, 5.25)])),
        ("chest_lower", band(5.23, 5.06, 0.08)),
        ("abdomen_epigastric_upper", band(5.06, 4.89, 0.1)),
        ("abdomen_epigastric_mid", band(4.89, 4.72, 0.11)),
        ("abdomen_epigastric_lower", band(4.72, 4.55, 0.12)),
        ("abdomen_umbilical", band(4.55, 4.375, 0.13)),
        ("suprapubic", Polygon([*smooth_open([(-0.3, 4.13), (0.0, 4.13), (0.2, 4.1), (0.25, 3.95),
                                              (0.24, 3.7), (0.2, 3.3)], n=6), (-0.3, 3.3)]).difference(LEG_CELL)),
        ("groin", above(GROIN_CREASE).intersection(
            below([(x, y + 0.2) for x, y in GROIN_CREASE]))),
        ("abdomen_lower", box(-1, 3.0, 3, 7).difference(LEG_CELL)),
        # ---- thigh (thigh frame)
        ("thigh_lateral", th.side([(-1, 0.2), (0.4, 0.17), (1.0, 0.145), (1.45, 0.13), (1.62, 0.16),
                                   (1.7, 0.5)], lateral=True)),
        ("thigh_medial_upper", th.side([(-1, -0.17), (0.5, -0.15), (0.85, -0.13), (0.95, -0.5)],
                                       lateral=False)),
        ("thigh_medial_lower", th.side([(0.9, -0.5), (0.95, -0.13), (1.3, -0.11), (1.5, -0.11),
                                        (1.56, -0.5)], lateral=False)),
        ("thigh_anterior_upper", th.upto([(0.6, -1), (0.64, -0.1), (0.66, 0.05), (0.62, 1)])),
        ("thigh_anterior_mid", th.upto([(1.1, -1), (1.13, -0.1), (1.16, 0.05), (1.12, 1)])),
        ("knee_anterior", lg.oval((-0.06, 0.015), 0.22, 0.125)),
        ("knee_medial", lg.side([(-0.5, -1), (-0.48, -0.09), (-0.3, -0.095), (0.05, -0.1),
                                 (0.12, -0.12), (0.14, -1)], lateral=False)),
        ("knee_lateral", lg.side([(-0.3, 1), (-0.25, 0.11), (0.05, 0.12), (0.2, -0.02), (0.45, -0.03),
                                  (0.5, 1)], lateral=True)),
        ("thigh_anterior_lower", th.cell(-1.0, 1.92)),
        # ---- leg and ankle (leg frame: t from knee)
        ("ankle_medial", lg.oval((1.55, -0.095), 0.14, 0.105)),
        ("ankle_lateral", lg.oval((1.79, 0.095), 0.14, 0.105)),
        ("ankle_anterior", lg.cell(1.42, 2.6)),
        ("leg_lateral_upper", lg.side([(-1, 0.03), (0.4, 0.03), (0.8, 0.05), (0.86, 1)], lateral=True)),
        ("leg_anterolateral_lower", lg.side([(0.0, 0.03), (0.6, 0.0), (1.1, -0.03), (1.5, -0.03),
                                             (1.6, 1)], lateral=True)),
        ("leg_anteromedial", lg.cell(-1.0, 2.0)),
    ]
    return cells


def back_cells() -> list[tuple[str, BaseGeometry]]:
    ua, fa, th, lg = UA, FA, TH, LG
    elbow_t = ua.length
    return [
        ("occiput", above([(-1, 6.58), (0.2, 6.58), (0.4, 6.62), (1, 6.7)])),
        ("neck_posterior", above([(-1, 6.14), (0.26, 6.2), (0.4, 6.5), (0.6, 6.6)])),
        ("wrist_radial_dorsal", ARM_CELL.intersection(fa.cell(fa.length - 0.17, fa.length + 0.13,
                                                              0.0, 1.0))),
        ("wrist_ulnar_dorsal", ARM_CELL.intersection(fa.cell(fa.length - 0.17, fa.length + 0.13))),
        ("elbow_posterior", ARM_CELL.intersection(ua.cell(elbow_t - 0.2, elbow_t + 0.22))),
        ("forearm_posterior_lateral", ARM_CELL.intersection(
            fa.side([(0, 0.045), (0.42, 0.045), (fa.length, 0.12)], lateral=True))),
        ("forearm_posterior_medial", ARM_CELL.intersection(
            fa.side([(0, -0.05), (0.42, -0.05), (fa.length, -0.12)], lateral=False))),
        ("forearm_posterior_central", ARM_CELL.intersection(fa.cell(-0.3, 3))),
        ("arm_posterior", ARM_CELL),
        ("back_upper", band(7, 5.3, 0.04)),
        ("back_mid_upper", band(5.3, 4.88, 0.04)),
        ("back_mid_lower", band(4.88, 4.5, 0.03)),
        ("sacral", Polygon([(-1, 4.25), *smooth_open([(0.25, 4.25), (0.21, 4.08), (0.13, 3.93),
                                                     (0.0, 3.84)], n=6), (-1, 3.84)])),
        ("back_low", band(4.5, 4.17, 0.06).union(box(-1, 4.17, 0.3, 4.5))),
        ("hip_lateral", Polygon([(2, 4.3), *smooth_open([(0.67, 4.3), (0.62, 4.05), (0.62, 3.78),
                                                        (0.68, 3.5)], n=6), (2, 3.5)])),
        ("buttock_upper_outer", Polygon([(2, 4.3), *smooth_open([(0.28, 4.3), (0.3, 4.1), (0.4, 3.97),
                                                                (0.55, 3.93), (0.75, 3.95)], n=6),
                                         (2, 3.95)])),
        ("infragluteal_fold", above([(x, y - 0.09) for x, y in GLUTEAL_FOLD]).intersection(
            below([(x, y + 0.085) for x, y in GLUTEAL_FOLD]))),
        ("buttock_medial", Polygon([(-1, 4.0), *smooth_open([(0.12, 4.0), (0.2, 3.9), (0.23, 3.78),
                                                            (0.2, 3.62), (0.1, 3.5)], n=6), (-1, 3.5)])),
        ("buttock_central", above([(x, y - 0.09) for x, y in GLUTEAL_FOLD]).intersection(box(-1, 3.3, 0.9, 4.3))),
        # ---- thigh and leg (back)
        ("thigh_posteromedial_upper", th.side([(-1, -0.1), (0.5, -0.1), (0.8, -0.13), (0.95, -1)],
                                              lateral=False)),
        ("thigh_posterolateral", th.side([(-1, 0.12), (1.0, 0.12), (1.4, 0.13), (1.62, 1)], lateral=True)),
        ("popliteal_fossa", lg.poly(smooth_closed([(-0.45, 0.0), (-0.05, 0.19), (0.3, 0.0),
                                                    (-0.05, -0.2)], n=6))),
        ("thigh_posterior", th.cell(-1, 1.8)),
        ("ankle_posterior", lg.upto([(1.45, -1), (1.4, -0.1), (1.42, 0.1), (1.48, 1)]).symmetric_difference(
            lg.cell(-3, 3.0))),
        ("leg_posterolateral_lower", lg.side([(0.75, 1), (0.8, 0.03), (1.1, 0.01), (1.5, 0.0)], lateral=True)),
        ("leg_posteromedial", lg.side([(0.5, -1), (0.55, -0.04), (1.0, -0.03), (1.5, -0.02)], lateral=False)),
        ("leg_posterior_upper", lg.cell(-1, 3.0)),
    ]


GLUTEAL_FOLD: list[Pt] = [(-0.2, 3.6), (0.03, 3.62), (0.25, 3.56), (0.45, 3.58), (0.62, 3.66), (0.9, 3.75)]
FOOT_LINE_FRONT: list[Pt] = [(0.0, 0.12), (0.2, 0.1), (0.35, 0.09), (0.5, 0.11), (0.7, 0.15)]
FOOT_LINE_BACK: list[Pt] = [(0.0, 0.2), (0.3, 0.19), (0.7, 0.2)]


def body_half(*, back: bool) -> dict[str, BaseGeometry]:
    half, _ = silhouette(back=back)
    hand_cell = ARM_CELL.intersection(FA.cell(FA.length + (0.13 if back else 0.11), 9))
    foot_cell = below(FOOT_LINE_BACK if back else FOOT_LINE_FRONT).difference(ARM_CELL)
    cells = [("deco:hand", hand_cell), ("deco:foot", foot_cell)]
    cells += back_cells() if back else front_cells()
    zones, rest = paint(half, cells)
    if rest.area > 1e-4:
        raise ValueError(f"unassigned area {rest.area:.5f} at {rest.representative_point()}")
    return zones


# ----------------------------------------------------------------------------- detail views
# Generic hand: wrist at (0, 0), fingers up, radial (thumb) side towards -x; palm 1.0 wide.
FINGERS: dict[str, tuple[float, float, float, float]] = {
    # name: base x, base y, length, tilt (x drift per unit length) - a relaxed, slightly fanned hand
    "index": (-0.345, 1.0, 0.92, -0.12),
    "middle": (-0.11, 1.06, 1.02, -0.025),
    "ring": (0.125, 1.03, 0.95, 0.075),
    "little": (0.35, 0.95, 0.74, 0.19),
}
FINGER_R = {"index": 0.136, "middle": 0.142, "ring": 0.15, "little": 0.127}
THUMB = ((-0.42, 0.3), (-0.84, 0.96), 0.152)
# Across the thumb near its base (perpendicular to the thumb's axis): the thumb zone lies beyond.
THUMB_BEYOND_BASE = Polygon([(-0.72, 0.3), (-0.4, 0.52), (-1.4, 2.0), (-2.0, 1.0)])
KNUCKLE_LINE: list[Pt] = [(-0.7, 0.98), (-0.35, 1.06), (0.0, 1.1), (0.3, 1.05), (0.62, 0.92)]


def finger_axis(name: str, frac: float) -> Pt:
    x, y, length, tilt = FINGERS[name]
    return (x + tilt * length * frac, y + length * frac)


def tapered(a: Pt, b: Pt, r: float, *, tip: float = 0.82) -> Polygon:
    """A finger: convex hull of a base circle and a slightly smaller tip circle."""
    return shapely.convex_hull(unary_union([Point(a).buffer(r, 24), Point(b).buffer(r * tip, 24)]))


def hand_parts() -> tuple[Polygon, dict[str, Polygon], Polygon, Polygon]:
    palm = Polygon(smooth_closed([(-0.38, 0.0), (-0.5, 0.45), (-0.5, 0.95), (-0.2, 1.12), (0.25, 1.1),
                                  (0.49, 0.98), (0.5, 0.5), (0.4, 0.0)], n=8))
    fingers = {name: tapered(finger_axis(name, -0.15), finger_axis(name, 1.0), FINGER_R[name])
               for name in FINGERS}
    (a, b, r) = THUMB
    thumb = tapered(a, b, r, tip=0.85)
    forearm = Polygon([(-0.37, 0.06), (-0.41, -0.45), (0.42, -0.45), (0.39, 0.06)])
    return palm, fingers, thumb, forearm


def hand_detail(*, palm_side: bool) -> tuple[dict[str, BaseGeometry], list[BaseGeometry]]:
    palm, fingers, thumb, forearm = hand_parts()
    hand = unary_union([palm, thumb, *fingers.values()]).buffer(0.03).buffer(-0.03)
    whole = unary_union([hand, forearm])
    wrist_cut = below([(-1, 0.02), (1, 0.02)])
    beyond_knuckles = above(smooth_open(KNUCKLE_LINE, n=6))
    cells: list[tuple[str, BaseGeometry]] = [("deco:forearm", wrist_cut)]
    for name in FINGERS:
        own = fingers[name].difference(unary_union([g for k, g in fingers.items() if k != name]))
        fingers[name] = own.intersection(beyond_knuckles)
    if palm_side:
        x_r, y_r, _, tilt = FINGERS["ring"]
        ring_split = [(x_r + tilt * (y - y_r), y) for y in (3.0, 0.9)]
        cells += [
            ("thumb_palmar", thumb.intersection(THUMB_BEYOND_BASE)),
            ("index_palmar", fingers["index"]),
            ("middle_palmar", fingers["middle"]),
            ("ring_palmar_radial", fingers["ring"].intersection(left_of(ring_split))),
            ("ring_palmar_ulnar", fingers["ring"]),
            ("little_palmar", fingers["little"]),
            ("thenar_eminence", Polygon(smooth_closed([(-0.12, 0.05), (-0.08, 0.42), (-0.22, 0.7),
                                                       (-0.55, 0.62), (-0.8, 0.3), (-0.5, -0.05)], n=6))),
            ("hypothenar_eminence", Polygon(smooth_closed([(0.2, 0.05), (0.17, 0.4), (0.24, 0.68),
                                                           (0.7, 0.7), (0.6, 0.0)], n=6))),
            ("palm_distal", above([(-1, 0.62), (-0.1, 0.6), (0.3, 0.6), (1, 0.64)])),
            ("palm_proximal", box(-2, -0.1, 2, 2)),
        ]
    else:
        x_r, y_r, _, tilt = FINGERS["ring"]
        ring_split = [(x_r + tilt * (y - y_r), y) for y in (3.0, 0.9)]
        tips = unary_union([above([(-1, finger_axis(n, 0.72)[1] - 0.01 * k), (1, finger_axis(n, 0.72)[1])])
                            .intersection(fingers[n]) for k, n in enumerate(("index", "middle"))]
                           + [above([(-1, finger_axis("ring", 0.72)[1]), (1, finger_axis("ring", 0.72)[1])])
                              .intersection(fingers["ring"]).intersection(left_of(ring_split))])
        cells += [
            ("thumb_dorsal", thumb.intersection(THUMB_BEYOND_BASE)),
            ("little_dorsal", fingers["little"]),
            ("ring_dorsal_ulnar", fingers["ring"].difference(left_of(ring_split))),
            ("fingertips_dorsal", tips),
            ("index_dorsal", fingers["index"]),
            ("middle_dorsal", fingers["middle"]),
            ("ring_dorsal_radial", fingers["ring"]),
            ("first_web_dorsal", Polygon(smooth_closed([(-0.62, 0.5), (-0.48, 0.98), (-0.2, 1.05),
                                                        (-0.18, 0.72), (-0.3, 0.5)], n=6))),
            ("hand_dorsal_radial", left_of([(-0.02, 3), (0.0, 0.6), (-0.02, -1)])),
            ("hand_dorsal_ulnar", box(-3, -1, 3, 3)),
        ]
    zones, rest = paint(whole, cells)
    if rest.area > 1e-4:
        raise ValueError(f"hand: unassigned {rest.area}")
    deco = [zones.pop("deco:forearm")]
    return zones, deco


# Generic foot seen from above (dorsum) or below (sole): heel at y=0, toes up, medial (big toe)
# towards +x. Foot length ~2.6, width at the ball ~1.0.
FOOT_OUTLINE: list[Pt] = [
    (0.0, -0.02), (0.24, 0.06), (0.3, 0.35), (0.3, 0.8), (0.35, 1.3), (0.45, 1.7), (0.49, 1.93),
    (0.3, 2.03), (0.0, 2.0), (-0.25, 1.91), (-0.44, 1.75), (-0.47, 1.45), (-0.41, 0.95), (-0.33, 0.45),
    (-0.24, 0.07),
]  # fmt: skip
TOES: dict[str, tuple[Pt, Pt, float]] = {
    "great": ((0.31, 1.9), (0.33, 2.22), 0.168),
    "second": ((0.06, 1.93), (0.05, 2.17), 0.102),
    "third": ((-0.14, 1.88), (-0.17, 2.08), 0.097),
    "fourth": ((-0.3, 1.8), (-0.35, 1.96), 0.092),
    "little": ((-0.43, 1.68), (-0.5, 1.81), 0.088),
}
TOE_LINE: list[Pt] = [(-0.9, 1.45), (-0.45, 1.72), (-0.2, 1.9), (0.1, 1.99), (0.3, 2.03), (0.8, 2.0)]


def foot_detail(*, top: bool) -> tuple[dict[str, BaseGeometry], list[BaseGeometry]]:
    sole = Polygon(smooth_closed(FOOT_OUTLINE, n=8))
    toes = {k: tapered(a, b, r, tip=0.9) for k, (a, b, r) in TOES.items()}
    whole = unary_union([sole, *toes.values()]).buffer(0.015).buffer(-0.015)
    beyond = above(smooth_open(TOE_LINE, n=6))
    own = {k: g.difference(unary_union([h for j, h in toes.items() if j != k])).intersection(beyond)
           for k, g in toes.items()}
    small = unary_union([own["second"], own["third"], own["fourth"]])
    if top:
        cells: list[tuple[str, BaseGeometry]] = [
            ("great_toe_dorsal", own["great"]),
            ("little_toe_dorsal", own["little"]),
            ("toes_2_4_dorsal", small),
            ("first_web_space", Polygon(smooth_closed([(0.1, 1.78), (0.27, 1.76), (0.3, 2.1),
                                                       (0.15, 2.16), (0.04, 1.95)], n=6))),
            ("foot_medial_border", left_of([(0.24, 3), (0.2, 1.6), (0.1, 1.0), (0.08, 0.4),
                                            (0.1, -1)]).symmetric_difference(box(-3, -3, 3, 3))),
            ("foot_lateral_border", left_of([(-0.28, 3), (-0.25, 1.5), (-0.17, 1.0), (-0.12, 0.4),
                                             (-0.12, -1)])),
            ("foot_dorsum", box(-3, -3, 3, 3)),
        ]
    else:
        cells = [
            ("great_toe_plantar", own["great"]),
            ("little_toe_plantar", own["little"]),
            ("toes_2_4_plantar", small.union(beyond.intersection(box(-0.45, 1.8, 0.18, 2.6)))),
            ("heel_lateral", Polygon(smooth_closed([(-0.1, 0.05), (-0.08, 0.4), (-0.15, 0.75),
                                                    (-0.6, 0.75), (-0.5, -0.2)], n=6))),
            ("heel_plantar", below([(-1, 0.62), (0, 0.68), (1, 0.62)])),
            ("sole_lateral", left_of([(-0.05, 3), (-0.06, 1.6), (-0.02, 1.0), (0.02, 0.6), (0.0, -1)])),
            ("sole_medial", box(-3, -3, 3, 3)),
        ]
    zones, rest = paint(whole, cells)
    if rest.area > 1e-4:
        raise ValueError(f"foot: unassigned {rest.area}")
    return zones, []


def saddle_half() -> tuple[dict[str, BaseGeometry], list[BaseGeometry]]:
    """Perineum seen from below, patient on the back with legs apart; one side (x >= 0).

    Pubis at the top, tailbone at the bottom; inner thigh and buttock are decoration.
    """
    half = [(0.0, 1.78), (0.3, 1.72), (0.5, 1.45), (0.5, 1.0), (0.4, 0.5), (0.34, 0.1), (0.4, -0.3),
            (0.44, -0.7), (0.32, -1.0), (0.0, -1.08)]
    zone_area = Polygon(smooth_closed(_mirror(half), n=8)).intersection(box(0, -3, 3, 3))
    thigh = affinity.rotate(ellipse((0.92, 0.85), 0.38, 0.8), -28, origin=(0.92, 0.85))
    buttock = ellipse((0.78, -0.55), 0.62, 0.66)
    cells: list[tuple[str, BaseGeometry]] = [
        ("perianal", ellipse((0.0, -0.62), 0.42, 0.4)),
        ("perineum", below([(-1, 0.2), (0.2, 0.18), (1, 0.12)])),
        ("genitals_posterior", ellipse((0.0, 0.72), 0.32, 0.5)),
        ("genitals_anterior", box(-3, -3, 3, 3)),
    ]
    zones, _ = paint(zone_area, cells)
    deco = [thigh.difference(zone_area).difference(buttock), buttock.difference(zone_area)]
    return zones, deco


# ----------------------------------------------------------------------------- key points
def key_points_body(*, back: bool) -> list[tuple[str, str, Pt]]:
    """(root, zone, point) in half-body coordinates; ISNCSCI key sensory points."""
    if back:
        return [("C2", "occiput", (0.1, 6.86)), ("S2", "popliteal_fossa", LG.xy(-0.06, 0.0)),
                ("S3", "infragluteal_fold", (0.3, 3.52))]
    elbow_t = UA.length
    kne = LG.xy(-0.28, -0.17)
    inguinal_mid = (MIDCLAVICULAR_X, 3.94)
    l2 = ((inguinal_mid[0] + kne[0]) / 2, (inguinal_mid[1] + kne[1]) / 2)
    l1 = ((inguinal_mid[0] + l2[0]) / 2, (inguinal_mid[1] + l2[1]) / 2)
    x = MIDCLAVICULAR_X
    return [
        ("C3", "supraclavicular", (0.42, 6.13)), ("C4", "shoulder_top", (0.8, 5.97)),
        ("C5", "antecubital_lateral", UA.xy(elbow_t - 0.1, 0.12)),
        ("T1", "antecubital_medial", UA.xy(elbow_t - 0.12, -0.12)),
        ("T2", "axilla", (0.72, 5.62)), ("T3", "chest_third_intercostal", (x, 5.655)),
        ("T4", "chest_nipple_level", (x, NIPPLE)), ("T5", "chest_fifth_intercostal", (x, 5.31)),
        ("T6", "chest_lower", (x, XIPHOID)), ("T7", "abdomen_epigastric_upper", (x, 4.975)),
        ("T8", "abdomen_epigastric_mid", (x, 4.805)), ("T9", "abdomen_epigastric_lower", (x, 4.64)),
        ("T10", "abdomen_umbilical", (x, UMBILICUS)), ("T11", "abdomen_lower", (x, 4.2)),
        ("T12", "groin", inguinal_mid), ("L1", "thigh_anterior_upper", l1),
        ("L2", "thigh_anterior_mid", l2), ("L3", "knee_medial", kne),
        ("L4", "ankle_medial", LG.xy(1.55, -0.1)),
    ]


KEY_POINTS_DETAIL: dict[str, list[tuple[str, str, Pt]]] = {
    "hand_dorsum": [("C6", "thumb_dorsal", (-0.68, 0.8)), ("C7", "middle_dorsal", finger_axis("middle", 0.3)),
                    ("C8", "little_dorsal", finger_axis("little", 0.3))],
    "foot_top": [("L5", "foot_dorsum", (-0.13, 1.82))],
    "foot_sole": [("S1", "heel_lateral", (-0.25, 0.35))],
    "saddle": [("S4-5", "perianal", (0.12, -0.66))],
}


# ----------------------------------------------------------------------------- decoration & courses
def detail_lines_body(*, back: bool) -> list[Line]:
    """Light anatomical hints drawn over the zones (half body)."""
    hand = hand_clefts(Frame(WRIST, (WRIST[0] + 0.2, WRIST[1] - 1.0)))
    if back:
        return [
            *hand,
            [(0.0, 6.25), (0.0, 4.0)],  # spine
            [(0.0, 3.95), (0.0, 3.66)],  # natal cleft
            smooth_open(GLUTEAL_FOLD[1:-1], n=6),  # gluteal fold
            smooth_open([LG.xy(-0.02, -0.18), LG.xy(0.02, 0.0), LG.xy(-0.02, 0.18)]),  # knee crease
        ]
    return [
        *hand,
        *TOE_CLEFTS,
        smooth_open([(0.06, 6.08), (0.3, 6.04), (0.55, 6.05), (0.76, 6.0)]),  # clavicle
        ellipse((0.42, NIPPLE), 0.028, 0.028).exterior.coords[:],
        ellipse((0.0, UMBILICUS), 0.03, 0.035).exterior.coords[:],
        smooth_open([(0.08, 7.02), (0.14, 7.04), (0.2, 7.02)]),  # eye
        smooth_open([(0.0, 6.97), (0.035, 6.8), (0.0, 6.78)]),  # nose
        smooth_open([(0.0, 6.67), (0.07, 6.68), (0.1, 6.7)]),  # mouth
        smooth_open([(0.06, 7.12), (0.14, 7.14), (0.22, 7.12)]),  # brow
    ]


def courses_body(*, back: bool) -> dict[str, list[Line]]:
    ua, fa, th, lg, e, w = UA, FA, TH, LG, UA.length, FA.length
    if back:
        return {
            "sciatic_nerve": [smooth_open([(0.08, 4.15), (0.2, 3.98), (0.33, 3.8), (0.38, 3.62),
                                           th.xy(0.6, -0.02), th.xy(1.5, 0.0)])],
            "tibial_nerve": [smooth_open([th.xy(1.5, 0.0), lg.xy(0.0, 0.0), lg.xy(0.9, -0.03),
                                          lg.xy(1.45, -0.08), lg.xy(1.75, -0.12), lg.xy(1.9, -0.1)])],
            "common_fibular_nerve": [smooth_open([th.xy(1.5, 0.0), th.xy(1.8, 0.12), lg.xy(0.05, 0.2),
                                                  lg.xy(0.25, 0.23)])],
            "sural_nerve": [smooth_open([lg.xy(0.1, 0.0), lg.xy(0.8, 0.03), lg.xy(1.4, 0.09),
                                         lg.xy(1.78, 0.13), lg.xy(1.95, 0.16)])],
            "ulnar_nerve": [smooth_open([ua.xy(0.6, -0.12), ua.xy(e - 0.05, -0.15), fa.xy(0.4, -0.13),
                                         fa.xy(w, -0.11)])],
            "radial_nerve": [smooth_open([ua.xy(0.15, -0.08), ua.xy(0.6, 0.0), ua.xy(1.0, 0.13),
                                          ua.xy(e - 0.1, 0.15)])],
            "superficial_radial_nerve": [smooth_open([fa.xy(w - 0.25, 0.13), fa.xy(w, 0.1),
                                                      fa.xy(w + 0.25, 0.06)])],
        }
    return {
        "femoral_nerve": [smooth_open([(0.26, 4.5), (0.4, 4.1), (0.44, 3.92), (0.44, 3.55)])],
        "saphenous_nerve": [smooth_open([(0.44, 3.55), (0.33, 3.05), th.xy(1.55, -0.17), lg.xy(0.2, -0.2),
                                         lg.xy(0.9, -0.15), lg.xy(1.4, -0.08), lg.xy(1.75, -0.05)])],
        "lateral_femoral_cutaneous_nerve": [smooth_open([(0.57, 4.2), (0.62, 4.08), (0.7, 3.75),
                                                         (0.71, 3.25), (0.63, 2.7)])],
        "obturator_nerve": [smooth_open([(0.16, 4.15), (0.18, 3.8), (0.2, 3.45), th.xy(1.2, -0.2)])],
        "common_fibular_nerve": [smooth_open([lg.xy(0.1, 0.24), lg.xy(0.3, 0.2)])],
        "superficial_fibular_nerve": [smooth_open([lg.xy(0.3, 0.2), lg.xy(0.9, 0.1), lg.xy(1.4, 0.04),
                                                   lg.xy(1.85, 0.0), (0.36, 0.05)])],
        "deep_fibular_nerve": [smooth_open([lg.xy(0.3, 0.2), lg.xy(0.6, 0.06), lg.xy(1.2, -0.02),
                                            lg.xy(1.8, -0.04), (0.24, 0.02)])],
        "median_nerve": [smooth_open([(0.76, 5.58), ua.xy(0.7, -0.08), ua.xy(e, -0.04), fa.xy(0.5, 0.0),
                                      fa.xy(w, 0.0), fa.xy(w + 0.25, 0.02)])],
        "ulnar_nerve": [smooth_open([(0.76, 5.56), ua.xy(0.7, -0.14), ua.xy(e - 0.1, -0.18),
                                     fa.xy(0.4, -0.14), fa.xy(w, -0.12), fa.xy(w + 0.25, -0.14)])],
        "radial_nerve": [smooth_open([ua.xy(e - 0.35, 0.14), ua.xy(e - 0.05, 0.1), fa.xy(0.15, 0.08)])],
        "superficial_radial_nerve": [smooth_open([fa.xy(0.15, 0.08), fa.xy(0.6, 0.13),
                                                  fa.xy(w - 0.1, 0.13)])],
    }


def courses_detail(view: str) -> dict[str, list[Line]]:
    if view == "hand_palm":
        return {
            "median_nerve": [smooth_open([(0.0, -0.5), (-0.02, 0.3), (-0.15, 0.75), (-0.6, 1.05)]),
                             smooth_open([(-0.02, 0.3), (-0.1, 0.8), finger_axis("index", 0.5)]),
                             smooth_open([(-0.02, 0.3), (-0.02, 0.9), finger_axis("middle", 0.5)])],
            "ulnar_nerve": [smooth_open([(0.32, -0.5), (0.3, 0.3), (0.33, 0.8), finger_axis("little", 0.5)])],
        }
    if view == "hand_dorsum":
        return {"superficial_radial_nerve": [smooth_open([(-0.35, -0.5), (-0.4, 0.2), (-0.5, 0.6),
                                                          (-0.7, 0.95)]),
                                             smooth_open([(-0.4, 0.2), (-0.3, 0.7), finger_axis("index", 0.2)])]}
    if view == "foot_top":
        return {"superficial_fibular_nerve": [smooth_open([(-0.04, 0.15), (-0.06, 0.7), (-0.1, 1.3),
                                                           (-0.16, 1.85)]),
                                              smooth_open([(-0.06, 0.7), (0.05, 1.3), (0.05, 1.9)])],
                "deep_fibular_nerve": [smooth_open([(0.06, 0.15), (0.1, 0.7), (0.15, 1.4), (0.18, 1.9)])]}
    if view == "foot_sole":
        return {"tibial_nerve": [smooth_open([(0.3, -0.1), (0.22, 0.3), (0.15, 0.55)])],
                "medial_plantar_nerve": [smooth_open([(0.15, 0.55), (0.2, 1.2), (0.3, 1.9)])],
                "lateral_plantar_nerve": [smooth_open([(0.15, 0.55), (-0.15, 1.0), (-0.35, 1.6),
                                                       (-0.5, 1.9)])]}
    return {}


# ----------------------------------------------------------------------------- assembly
VOCAB = ROOT / "assets" / "zone_vocabulary.json"
SIDES = ("right", "left")
SIDE_TITLE = {"right": "Right", "left": "Left"}
MIN_ZONE_PX = 24.0
SAFETY = 1.03  # head-room over the minimum scale (plotly's fit, rounding)
MARGIN_PX = 8


class Placement:
    """Where one side's generic drawing goes in a view: optional mirror, then shift."""

    def __init__(self, *, mirror: bool, dx: float = 0.0, dy: float = 0.0) -> None:
        self.mirror, self.dx, self.dy = mirror, dx, dy

    def pt(self, p: Pt) -> Pt:
        return ((-p[0] if self.mirror else p[0]) + self.dx, p[1] + self.dy)

    def geom(self, g: BaseGeometry) -> BaseGeometry:
        if self.mirror:
            g = affinity.scale(g, -1, 1, origin=(0, 0))
        return as_polys(affinity.translate(g, self.dx, self.dy))

    def line(self, line: Sequence[Pt]) -> Line:
        return [self.pt(p) for p in line]


class ViewDraft:
    def __init__(self, name: str, title: str) -> None:
        self.name, self.title = name, title
        self.zones: dict[str, BaseGeometry] = {}
        self.fills: list[BaseGeometry] = []
        self.lines: list[Line] = []
        self.courses: dict[str, list[Line]] = {}
        self.key_points: list[dict[str, object]] = []
        self.labels: list[dict[str, object]] = []
        self.faces_front = True

    def add_side(self, side: str, place: Placement, zones: dict[str, BaseGeometry],
                 fills: Iterable[BaseGeometry], lines: Iterable[Line], courses: dict[str, list[Line]],
                 keys: Iterable[tuple[str, str, Pt]]) -> None:
        for zid, g in zones.items():
            self.zones[f"{zid}_{side}"] = place.geom(g)
        self.fills += [place.geom(g) for g in fills]
        self.lines += [place.line(line) for line in lines]
        for nerve, paths in courses.items():
            self.courses.setdefault(nerve, []).extend(place.line(p) for p in paths)
        for root, zid, p in keys:
            x, y = place.pt(p)
            self.key_points.append({"root": root, "zone": f"{zid}_{side}", "x": x, "y": y})


def body_view(*, back: bool) -> ViewDraft:
    view = ViewDraft("back" if back else "front", "Back of the body" if back else "Front of the body")
    view.faces_front = not back
    half = body_half(back=back)
    fills = [half.pop("deco:hand"), half.pop("deco:foot")]
    for side in SIDES:
        mirror = (side == "left") if back else (side == "right")
        view.add_side(side, Placement(mirror=mirror), half, fills, detail_lines_body(back=back),
                      courses_body(back=back), key_points_body(back=back))
    return view


def detail_view(name: str, *, title: str, spacing: float, generic_side: str, caption: str,
                draw: Callable[[], tuple[dict[str, BaseGeometry], list[BaseGeometry]]],
                label_y: float, faces_front: bool) -> ViewDraft:
    """Left and right side by side; front-facing views put the patient's right on the viewer's left."""
    view = ViewDraft(name, title)
    zones, fills = draw()
    keys = KEY_POINTS_DETAIL.get(name, [])
    viewer_left = "right" if faces_front else "left"
    for side in SIDES:
        dx = -spacing if side == viewer_left else spacing
        view.add_side(side, Placement(mirror=side != generic_side, dx=dx), zones, fills, [],
                      courses_detail(name), keys)
        if caption:
            view.labels.append({"text": f"{SIDE_TITLE[side]} {caption}", "x": dx, "y": label_y,
                                "kind": "part"})
    view.faces_front = faces_front
    if name == "saddle":
        view.lines.append(ellipse((0.0, -0.62), 0.06, 0.06).exterior.coords[:])
        view.labels += [{"text": "front (pubic bone)", "x": 0.0, "y": 2.0, "kind": "part"},
                        {"text": "back (tailbone)", "x": 0.0, "y": -1.3, "kind": "part"}]
    return view


def build_views() -> list[ViewDraft]:
    def saddle() -> tuple[dict[str, BaseGeometry], list[BaseGeometry]]:
        return saddle_half()

    views = [
        body_view(back=False),
        body_view(back=True),
        detail_view("hand_palm", faces_front=True, title="Palms of the hands", spacing=1.3, generic_side="right",
                    caption="hand (palm)", draw=lambda: hand_detail(palm_side=True), label_y=-0.75),
        detail_view("hand_dorsum", faces_front=False, title="Backs of the hands", spacing=1.3, generic_side="left",
                    caption="hand (back)", draw=lambda: hand_detail(palm_side=False), label_y=-0.75),
        detail_view("foot_top", faces_front=True, title="Tops of the feet", spacing=0.9, generic_side="right",
                    caption="foot (top)", draw=lambda: foot_detail(top=True), label_y=-0.3),
        detail_view("foot_sole", faces_front=False, title="Soles of the feet", spacing=0.9, generic_side="left",
                    caption="foot (sole)", draw=lambda: foot_detail(top=False), label_y=-0.3),
        detail_view("saddle", faces_front=True, title="Saddle area (perineum), seen from below", spacing=0.0,
                    generic_side="left", caption="", draw=saddle, label_y=0.0),
    ]
    return views


# ----------------------------------------------------------------------------- output
DIGITS = 3
SIMPLIFY = {"front": 0.004, "back": 0.004}
MIN_SCALE = {"saddle": 150.0, "foot_top": 140.0, "foot_sole": 140.0}  # px per unit, for legibility


def _ring(coords: Iterable[Sequence[float]]) -> list[list[float]]:
    return [[round(float(x), DIGITS), round(float(y), DIGITS)] for x, y, *_ in coords]


def _poly_json(g: BaseGeometry) -> list[list[list[list[float]]]]:
    """Polygons -> list of [exterior (clockwise), *holes] rings, rounded."""
    out = []
    for p in polygons(shapely.orient_polygons(g, exterior_cw=True)):
        out.append([_ring(p.exterior.coords), *[_ring(r.coords) for r in p.interiors]])
    return out


def _line_json(line: Sequence[Pt]) -> list[list[float]]:
    return _ring(line)


def clean_coverage(geoms: Sequence[BaseGeometry], *, sliver: float = 1e-4) -> list[BaseGeometry]:
    """Re-node the pieces into one exact coverage: shared borders get identical vertices.

    Faces of the noded line-work go to the piece that overlaps them most; small faces in gaps
    go to the neighbour sharing the longest border.
    """
    fixed = [as_polys(g) for g in geoms]
    lines = unary_union([g.boundary for g in fixed])
    faces = list(shapely.polygonize(list(getattr(lines, "geoms", [lines]))).geoms)
    owners: list[list[BaseGeometry]] = [[] for _ in fixed]
    orphans = []
    for face in faces:
        inner = face.representative_point()
        overlaps = [f.intersection(face).area if f.intersects(inner) or f.intersects(face) else 0.0
                    for f in fixed]
        best = max(range(len(fixed)), key=lambda i: overlaps[i])
        if overlaps[best] > 0.5 * face.area:
            owners[best].append(face)
        elif face.area < sliver:
            orphans.append(face)
    for face in orphans:
        shared = [face.boundary.intersection(f.boundary).length for f in fixed]
        best = max(range(len(fixed)), key=lambda i: shared[i])
        if shared[best] > 0:
            owners[best].append(face)
    return [unary_union(parts) for parts in owners]


def finalize(view: ViewDraft) -> dict[str, object]:
    names = list(view.zones)
    geoms = clean_coverage([view.zones[n] for n in names] + view.fills)
    tol = SIMPLIFY.get(view.name, 0.003)
    simple = [shapely.set_precision(g, 10.0 ** -DIGITS)
              for g in shapely.coverage_simplify(geoms, tol, simplify_boundary=True)]
    zones = dict(zip(names, simple[: len(names)], strict=True))
    fills = simple[len(names):]
    whole = unary_union(simple).buffer(0)
    d_min = min(2 * shapely.maximum_inscribed_circle(g).length for g in zones.values())
    scale = max(MIN_ZONE_PX * SAFETY / d_min, MIN_SCALE.get(view.name, 0.0))
    x0, y0, x1, y1 = whole.bounds
    top = y1 + (0.28 if view.name in ("front", "back") else 0.3)
    low = min([y0, *[float(str(lab["y"])) for lab in view.labels]]) - 0.12
    pad = 0.06
    bounds = [round(x0 - pad, DIGITS), round(low, DIGITS), round(x1 + pad, DIGITS), round(top, DIGITS)]
    viewer_left, viewer_right = ("right", "left") if view.faces_front else ("left", "right")
    labels = [
        {"text": f"Patient's {viewer_left}", "x": bounds[0] + 0.02, "y": top - 0.08, "kind": "side",
         "align": "left"},
        {"text": f"Patient's {viewer_right}", "x": bounds[2] - 0.02, "y": top - 0.08, "kind": "side",
         "align": "right"},
        *[{**lab, "align": "center"} for lab in view.labels],
    ]
    width = (bounds[2] - bounds[0]) * scale + 2 * MARGIN_PX
    height = (bounds[3] - bounds[1]) * scale + 2 * MARGIN_PX
    zone_json = {}
    for n in sorted(zones):
        c = shapely.maximum_inscribed_circle(zones[n])
        cx, cy = c.coords[0]
        zone_json[n] = {"anchor": [round(cx, DIGITS), round(cy, DIGITS)], "polygons": _poly_json(zones[n])}
    return {
        "title": view.title,
        "faces": "front" if view.faces_front else "back",
        "size_px": [math.ceil(width), math.ceil(height)],
        "px_per_unit": round(scale, 2),
        "bounds": bounds,
        "labels": [{**lab, "x": round(float(str(lab["x"])), DIGITS), "y": round(float(str(lab["y"])), DIGITS)}
                   for lab in labels],
        "zones": zone_json,
        "decor": {
            "fills": [p for g in fills for p in _poly_json(g)],
            "outline": [_ring(p.exterior.coords) for p in polygons(whole)],
            "lines": [_line_json(line) for line in view.lines],
        },
        "key_points": [{**k, "x": round(float(str(k["x"])), DIGITS), "y": round(float(str(k["y"])), DIGITS)}
                       for k in view.key_points],
        "courses": {n: [_line_json(p) for p in paths] for n, paths in sorted(view.courses.items())},
    }


def write(views: Sequence[ViewDraft], path: Path = OUT) -> None:
    lines = ["{", '"format": "nerve-map body map 1",',
             '"generated_by": "tools/draw_body.py (edit the landmarks there, then re-run)",',
             '"units": "head heights on whole-body views; x grows to the viewer\'s right, y upwards;'
             ' rings are [x, y] lists, exterior clockwise, first point repeated last",',
             '"views": {']
    for i, view in enumerate(views):
        data = finalize(view)
        zones = data.pop("zones")
        head = json.dumps(data, separators=(",", ":"))[:-1]
        zone_lines = [f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}"
                      for k, v in zones.items()]  # type: ignore[union-attr]
        lines.append(f" {json.dumps(view.name)}: {head},\"zones\":{{")
        lines.append(",\n".join(zone_lines))
        lines.append(" }}" + ("," if i < len(views) - 1 else ""))
    lines += ["}", "}"]
    path.write_text("\n".join(lines) + "\n")


def check_vocabulary(views: Sequence[ViewDraft]) -> list[str]:
    vocab = json.loads(VOCAB.read_text())
    want = {f"{z['id']}_{s}" for z in vocab["zones"] for s in SIDES}
    seen: dict[str, str] = {}
    problems = []
    for v in views:
        for zid in v.zones:
            if zid in seen:
                problems.append(f"{zid} drawn in {seen[zid]} and {v.name}")
            seen[zid] = v.name
    problems += [f"missing {z}" for z in sorted(want - set(seen))]
    problems += [f"unknown {z}" for z in sorted(set(seen) - want)]
    for v in views:
        for k in v.key_points:
            if not v.zones[str(k["zone"])].contains(Point(float(str(k["x"])), float(str(k["y"])))):
                problems.append(f"key point {k['root']} outside {k['zone']}")
    return problems


def main() -> int:
    views = build_views()
    problems = check_vocabulary(views)
    for p in problems:
        print("PROBLEM:", p)
    write(views)
    data = json.loads(OUT.read_text())
    for name, v in data["views"].items():
        print(f"{name:12s} size {v['size_px']} scale {v['px_per_unit']} zones {len(v['zones'])}")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
