"""The whole-body views: one half body (x >= 0) drawn from the landmarks, its zones, hints, courses, key points."""

from __future__ import annotations

from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bodydraw.curves import Frame, Line, Pt, capsule, ellipse, mirror_half, smooth_closed, tube
from bodydraw.drawing import view_lines
from bodydraw.model import Body, BodyHand, View
from bodydraw.shapes import Scope, named_shapes


def body_scope(body: Body, *, file: str) -> Scope:
    """Frames, named lines and named shapes shared by the front and back views."""
    frames: dict[str, Frame] = {name: Frame(body.joints[a], body.joints[b]) for name, (a, b) in body.frames.items()}
    lines: dict[str, Line] = {name: list(pts) for name, pts in body.lines.items()}
    scope = Scope(file=file, frames=frames, lines=lines, midclavicular_x=body.midclavicular_x)
    named_shapes(body.shapes, scope, section="body")
    return scope


def hand_frame(body: Body) -> Frame:
    """The small whole-body hand's frame: from the wrist along ``hand_direction``."""
    wx, wy = body.joints["wrist"]
    dx, dy = body.hand_direction
    return Frame((wx, wy), (wx + dx, wy + dy))


def small_hand(hand: BodyHand, *, frame: Frame) -> BaseGeometry:
    """Relaxed open hand seen palm- or back-on, thumb on the lateral (+u) side, fingers along +t."""
    parts: list[BaseGeometry] = [frame.blob(hand.palm)]
    t0 = hand.finger_base_t
    for u0, length, drift in hand.fingers:
        parts.append(frame.poly(capsule((t0, u0), (t0 + length, u0 + drift), hand.finger_radius)))
    parts.append(frame.poly(capsule(hand.thumb.base, hand.thumb.tip, hand.thumb.radius)))
    return unary_union(parts).buffer(hand.closing).buffer(-hand.closing)


def silhouette(body: Body, *, foot_outline: list[Pt]) -> BaseGeometry:
    """The half body (x >= 0): head, ears, trunk, shoulder caps, limb tubes, hand and foot."""
    head = Polygon(smooth_closed(mirror_half(body.head_half), n=6))
    e = body.ears
    ears = [ellipse((s * e.centre[0], e.centre[1]), e.rx, e.ry) for s in (1, -1)]
    trunk = Polygon(smooth_closed(mirror_half(body.trunk_half), n=6))
    c = body.shoulder_caps
    caps = [Point(sx * c.centre[0], c.centre[1]).buffer(c.r, 24) for sx in (1, -1)]
    arm = tube(body.arm_tube)
    leg = tube(body.leg_tube)
    whole = unary_union([head, *ears, trunk, *caps, arm, leg, affinity.scale(arm, -1, 1, origin=(0, 0)),
                         affinity.scale(leg, -1, 1, origin=(0, 0))])
    whole = whole.buffer(body.closing, 24).buffer(-body.closing, 24)
    hand = small_hand(body.hand, frame=hand_frame(body))
    foot = Polygon(smooth_closed(foot_outline, n=8))
    return unary_union([whole, hand, foot]).intersection(box(0, -1, 5, 9))


def body_lines(body: Body, view: View, scope: Scope, *, name: str) -> list[Line]:
    """Light hints over the zones: finger clefts, toe clefts (front), then the view's own lines."""
    frame = hand_frame(body)
    t0, t1 = body.hand.cleft_t
    out: list[Line] = [[frame.xy(t0, u), frame.xy(t1, u + d)] for u, d in body.hand.clefts]
    if view.toe_clefts is not None:
        sx, sy = view.toe_clefts.step
        out += [[(x, y0), (x + sx, y0 + sy)] for x, y0 in view.toe_clefts.starts]
    return out + view_lines(view.lines, scope, name=name)
