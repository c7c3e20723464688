"""The detail views' generic drawings (one side): hand, foot and saddle, from the landmarks."""

from __future__ import annotations

from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bodydraw.curves import Line, ellipse, mirror_half, smooth_closed, smooth_open, tapered
from bodydraw.drawing import paint_cells
from bodydraw.model import FINGERS, TOES, Foot, Hand, View
from bodydraw.regions import above
from bodydraw.shapes import Scope, finger_axis, named_shapes

Drawn = tuple[dict[str, BaseGeometry], list[BaseGeometry]]  # zones, non-clickable fills


def hand_scope(hand: Hand, *, file: str) -> tuple[Scope, BaseGeometry]:
    """Named hand parts (thumb, own fingers beyond the knuckles, the ring-finger axis) and the whole hand."""
    palm = Polygon(smooth_closed(hand.palm, n=8))
    fingers: dict[str, BaseGeometry] = {name: tapered(finger_axis(hand.fingers[name], hand.finger_from),
                             finger_axis(hand.fingers[name], 1.0), hand.fingers[name].radius, tip=hand.finger_tip_scale)
               for name in FINGERS}
    t = hand.thumb
    thumb = tapered(t.base, t.tip, t.radius, tip=t.tip_scale)
    whole_hand = unary_union([palm, thumb, *fingers.values()]).buffer(hand.closing).buffer(-hand.closing)
    whole = unary_union([whole_hand, Polygon(hand.forearm)])
    beyond_knuckles = above(smooth_open(hand.knuckle_line, n=6))
    for name in FINGERS:  # each finger keeps what no other finger covers (earlier ones already trimmed)
        own = fingers[name].difference(unary_union([g for k, g in fingers.items() if k != name]))
        fingers[name] = own.intersection(beyond_knuckles)
    ring = hand.fingers["ring"]
    (x_r, y_r), tilt = ring.base, ring.tilt
    ring_axis: Line = [(x_r + tilt * (y - y_r), y) for y in hand.ring_axis_y]
    scope = Scope(file=file, lines={"ring_axis": ring_axis}, shapes={"thumb": thumb, **fingers},
                  fingers={str(k): f for k, f in hand.fingers.items()})
    named_shapes(hand.shapes, scope, section="hand")
    return scope, whole


def hand_detail(hand: Hand, view: View, *, name: str, file: str) -> tuple[Drawn, Scope]:
    scope, whole = hand_scope(hand, file=file)
    return paint_cells(whole, view, scope, name=name), scope


def foot_scope(foot: Foot, *, file: str) -> tuple[Scope, BaseGeometry]:
    """Named foot parts (each toe beyond the toe line, `beyond_toe_line`) and the whole foot."""
    sole = Polygon(smooth_closed(foot.outline, n=8))
    toes: dict[str, BaseGeometry] = {k: tapered(foot.toes[k].base, foot.toes[k].tip, foot.toes[k].radius,
                                                tip=foot.toe_tip_scale) for k in TOES}
    whole = unary_union([sole, *toes.values()]).buffer(foot.closing).buffer(-foot.closing)
    beyond = above(smooth_open(foot.toe_line, n=6))
    own = {k: g.difference(unary_union([h for j, h in toes.items() if j != k])).intersection(beyond)
           for k, g in toes.items()}
    scope = Scope(file=file, lines={"toe_line": list(foot.toe_line)}, shapes={**own, "beyond_toe_line": beyond})
    named_shapes(foot.shapes, scope, section="foot")
    return scope, whole


def foot_detail(foot: Foot, view: View, *, name: str, file: str) -> tuple[Drawn, Scope]:
    scope, whole = foot_scope(foot, file=file)
    return paint_cells(whole, view, scope, name=name), scope


def saddle_detail(view: View, *, name: str, file: str) -> tuple[Drawn, Scope]:
    """Perineum seen from below, one side (x >= 0); inner thigh and buttock are decoration."""
    scope = Scope(file=file)
    where = scope.at(record=name, field="zone_half, thigh, buttock")
    if view.zone_half is None or view.thigh is None or view.buttock is None:
        raise where.error("the saddle view needs zone_half, thigh and buttock")
    zone_area = Polygon(smooth_closed(mirror_half(view.zone_half), n=8)).intersection(box(0, -3, 3, 3))
    th, bu = view.thigh, view.buttock
    thigh = affinity.rotate(ellipse(th.centre, th.rx, th.ry), th.rotate, origin=th.centre)
    buttock = ellipse(bu.centre, bu.rx, bu.ry)
    zones, _ = paint_cells(zone_area, view, scope, name=name)
    deco = [thigh.difference(zone_area).difference(buttock), buttock.difference(zone_area)]
    return (zones, deco), scope
