"""Pure figure builders: right customdata, small payloads, no streamlit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.bodymap.figure import build_view_figure
from explainer.bodymap.geometry import VIEWS, load_body_map
from explainer.bodymap.spine import build_spine_figure, spine_ids
from explainer.bodymap.spine_geometry import DISCS, ROOTS, spine_geometry
from explainer.bodymap.style import DRAG_MODES, TOPOJSON_URL, MapStyle, plotly_config, plotly_dragmode

MAX_PAYLOAD = 150 * 1024


def _choropleth(fig):  # type: ignore[no-untyped-def]
    return next(t for t in fig.data if t.type == "choropleth")


@pytest.mark.parametrize("view", VIEWS)
def test_customdata_covers_exactly_the_views_zones(view: str) -> None:
    fig = build_view_figure(view)  # type: ignore[arg-type]
    trace = _choropleth(fig)
    assert set(trace.customdata) == set(load_body_map().views[view].zones)  # type: ignore[index]
    assert list(trace.customdata) == list(trace.locations)


@pytest.mark.parametrize("view", VIEWS)
def test_payload_is_small(view: str) -> None:
    body = load_body_map()
    zones = list(body.views[view].zones)  # type: ignore[index]
    busy = MapStyle(
        fills={z: "#7fb3d5" for z in zones[::3]},
        also=frozenset(zones[1::4]),
        labels={z: "L5" for z in zones[::6]},
        selected=frozenset(zones[:2]),
        courses=tuple(body.views[view].courses),
        show_key_points=True,
    )  # type: ignore[index]
    size = len(build_view_figure(view, state=busy).to_json())  # type: ignore[arg-type]
    assert size <= MAX_PAYLOAD, f"{view}: {size / 1024:.0f} KiB"


def test_style_is_reflected() -> None:
    state = MapStyle(
        fills={"face_left": "#123456"},
        selected=frozenset({"face_right"}),
        labels={"face_left": "C3"},
        hover={"face_left": "Face, left: C3"},
        also=frozenset({"neck_anterior_left"}),
        courses=("median_nerve",),
        show_key_points=True,
    )
    fig = build_view_figure("front", state=state)
    trace = _choropleth(fig)
    i = list(trace.customdata).index("face_left")
    assert trace.hovertext[i] == "Face, left: C3"
    colours = dict(trace.colorscale)
    scale_values = sorted({c for _, c in trace.colorscale})
    assert "#123456" in scale_values
    assert any(t.type == "scattergeo" and t.text is not None and "<b>C3</b>" in t.text for t in fig.data)
    assert colours
    assert fig.layout.geo.visible is False
    assert fig.layout.dragmode == "pan"


def test_drag_modes() -> None:
    assert DRAG_MODES == ("click", "lasso", "box")
    assert [plotly_dragmode(m) for m in DRAG_MODES] == ["pan", "lasso", "select"]
    assert build_view_figure("back", state=MapStyle(drag_mode="lasso")).layout.dragmode == "lasso"


def test_config_never_reaches_a_cdn() -> None:
    config = plotly_config()
    assert config["topojsonURL"] == TOPOJSON_URL
    assert TOPOJSON_URL.startswith("data:") and TOPOJSON_URL.endswith("#")
    assert config["displayModeBar"] is False


def test_spine_order_and_exits() -> None:
    assert ROOTS[0] == "C1" and ROOTS[7] == "C8" and ROOTS[-1] == "S5" and len(ROOTS) == 30
    assert DISCS[0] == "C2/C3" and "C7/T1" in DISCS and DISCS[-2:] == ("L4/L5", "L5/S1")
    geo = spine_geometry()

    def centre_y(ring):  # type: ignore[no-untyped-def]
        return sum(p[1] for p in ring[:-1]) / (len(ring) - 1)

    def root_y(root: str) -> float:
        return geo.roots[root][1][0][1]

    for n in range(2, 8):  # C2-C7 exit above their own vertebra
        assert root_y(f"C{n}") > centre_y(geo.vertebrae[f"C{n}"])
    assert centre_y(geo.vertebrae["C7"]) > root_y("C8") > centre_y(geo.vertebrae["T1"])
    for level in ("T1", "T12", "L4", "L5"):  # thoracic/lumbar exit below their own vertebra
        assert root_y(level) < centre_y(geo.vertebrae[level])
    assert centre_y(geo.vertebrae["L5"]) > root_y("L5") > root_y("S1")
    ys = [root_y(r) for r in ROOTS]
    assert ys == sorted(ys, reverse=True), "roots leave head to tail"


def test_spine_figure_ids_and_highlight() -> None:
    fig = build_spine_figure(selected=frozenset({"root:L5", "disc:L4/L5"}))
    trace = _choropleth(fig)
    assert list(trace.customdata) == list(spine_ids())
    assert "root:L5" in trace.customdata and "disc:L4/L5" in trace.customdata
    assert len(fig.data) > 3
    assert len(fig.to_json()) <= MAX_PAYLOAD


def test_package_never_imports_streamlit() -> None:
    pkg = Path(__file__).resolve().parents[2] / "explainer" / "bodymap"
    for path in pkg.rglob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+streamlit", path.read_text(), re.M), path
