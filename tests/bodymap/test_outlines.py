"""Selected-zone outlines skip the cutting slivers, so no stray dashes appear far from the zone."""

from __future__ import annotations

from shapely.geometry import Polygon

from explainer.bodymap.figure import _outlines
from explainer.bodymap.geometry import load_body_map


def test_outline_of_a_zone_with_slivers_is_its_main_shape_only() -> None:
    view = load_body_map().views["back"]
    zone = view.zones["thigh_posterior_left"]
    assert len(zone.polygons) > 1, "fixture: this zone has slivers in the current drawing"
    outlines = _outlines(view, ["thigh_posterior_left"])
    biggest = max(Polygon(p[0]).area for p in zone.polygons)
    assert len(outlines) == 1 and Polygon(outlines[0]).area == biggest


def test_outline_keeps_every_real_part() -> None:
    view = load_body_map().views["hand_dorsum"]
    # The dorsal fingertip zone is several fingertips: every one is a real part and keeps its outline.
    assert len(_outlines(view, ["fingertips_dorsal_left"])) == len(view.zones["fingertips_dorsal_left"].polygons)
