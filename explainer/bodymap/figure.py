"""PURE plotly figure builder for one body-map view (no streamlit import).

Zones are a ``go.Choropleth`` on an invisible equirectangular geo (true polygon hit testing;
Streamlit forwards clicks/lasso/box as selection events). ``customdata`` carries the zone
instance id. Everything else (outline, hands/feet, hints, nerve courses, labels) is drawn with
``go.Scattergeo`` traces that never take hover or clicks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import plotly.graph_objects as go
import shapely
from shapely.geometry import LineString

from explainer.bodymap import style as st
from explainer.bodymap.geometry import BodyMap, Point, View, ViewName, load_body_map, zone_label
from explainer.bodymap.svg import main_rings
from explainer.bodymap.validate import shape_of
from explainer.i18n import t

MARGIN_PX = 8
HATCH_SPACING_PX = 7.0


Trace = dict[str, Any]


def _lines_trace(
    paths: Iterable[Sequence[Point]], *, colour: str, width: float, dash: str = "solid", fill: str | None = None
) -> Trace:
    lon: list[float | None] = []
    lat: list[float | None] = []
    for path in paths:
        lon += [p[0] for p in path] + [None]
        lat += [p[1] for p in path] + [None]
    trace: Trace = {
        "type": "scattergeo",
        "lon": lon,
        "lat": lat,
        "mode": "lines",
        "line": {"color": colour, "width": width, "dash": dash},
        "fill": "toself" if fill else "none",
        "hoverinfo": "skip",
        "showlegend": False,
    }
    if fill:
        trace["fillcolor"] = fill
    return trace


def _text_trace(
    items: Sequence[tuple[float, float, str]], *, position: str, size: int, colour: str = st.TEXT, bold: bool = False
) -> Trace:
    return {
        "type": "scattergeo",
        "lon": [i[0] for i in items],
        "lat": [i[1] for i in items],
        "text": [f"<b>{i[2]}</b>" if bold else i[2] for i in items],
        "mode": "text",
        "textposition": position,
        "hoverinfo": "skip",
        "showlegend": False,
        "textfont": {"size": size, "color": colour, "family": st.FONT},
    }


def _geojson(view: View) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "id": zid,
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in zone.polygons],
            },
        }
        for zid, zone in view.zones.items()
    ]
    return {"type": "FeatureCollection", "features": features}


def _zone_colour(zid: str, state: st.MapStyle) -> str:
    if zid in state.selected:
        return st.SELECTED_FILL
    base = state.fills.get(zid, st.SKIN)
    return st.lighten(base, 0.55) if zid in state.also else base


def _choropleth(view: View, state: st.MapStyle, body: BodyMap) -> Trace:
    ids = list(view.zones)
    colours = [_zone_colour(z, state) for z in ids]
    palette = list(dict.fromkeys(colours))
    top = max(len(palette) - 1, 1)
    scale = [[i / top, c] for i, c in enumerate(palette)] if len(palette) > 1 else [[0, palette[0]], [1, palette[0]]]
    return {
        "type": "choropleth",
        "geojson": _geojson(view),
        "featureidkey": "id",
        "locations": ids,
        "customdata": ids,
        "z": [palette.index(c) for c in colours],
        "zmin": 0,
        "zmax": top,
        "colorscale": scale,
        "showscale": False,
        "marker": {"line": {"color": st.ZONE_BORDER, "width": 0.8}},
        "hovertext": [state.hover.get(z) or zone_label(body, z) for z in ids],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "hoverlabel": {"font": {"family": st.FONT, "size": 13}},
        "selected": {"marker": {"opacity": 1.0}},
        "unselected": {"marker": {"opacity": 1.0}},
        "name": "zones",
        "showlegend": False,
    }


def _hatching(view: View, zones: Iterable[str], spacing: float) -> list[list[Point]]:
    out: list[list[Point]] = []
    for zid in zones:
        if zid not in view.zones:
            continue
        shape = shape_of(view.zones[zid].polygons)
        x0, y0, x1, y1 = shape.bounds
        span = (x1 - x0) + (y1 - y0)
        k = 0.0
        while k < span:
            line = LineString([(x0 + k, y0), (x0 + k - (y1 - y0), y1)]).intersection(shape)
            for part in getattr(line, "geoms", [line]):
                if isinstance(part, LineString) and not part.is_empty:
                    out.append([(round(x, 3), round(y, 3)) for x, y in part.coords])
            k += spacing
    return out


def _outlines(view: View, zones: Iterable[str]) -> list[list[Point]]:
    """Outlines round the zones' main parts (cutting slivers left out, as in the browser map)."""
    return [list(ring) for z in zones if z in view.zones for ring in main_rings(view, z)]


def _courses(view: View, nerves: Sequence[str]) -> list[Trace]:
    paths = [p for n in nerves for p in view.courses.get(n, ())]
    if not paths:
        return []
    labels: list[tuple[float, float, str]] = []
    for n in nerves:
        if view.courses.get(n):
            longest = max(view.courses[n], key=lambda p: shapely.LineString(p).length)
            frac = 0.3 + 0.4 * (len(labels) % 2)  # stagger neighbouring labels
            mid = shapely.LineString(longest).interpolate(frac, normalized=True)
            labels.append((float(mid.x), float(mid.y), st.nerve_title(n)))
    return [
        _lines_trace(paths, colour=st.NERVE_CASING, width=5.0),
        _lines_trace(paths, colour=st.NERVE_CORE, width=2.6),
        _text_trace(labels, position="middle right", size=11, colour=st.NERVE_CASING, bold=True),
    ]


def _key_points(view: View) -> Trace:
    return {
        "type": "scattergeo",
        "lon": [k.x for k in view.key_points],
        "lat": [k.y for k in view.key_points],
        "customdata": [k.zone for k in view.key_points],
        "text": [k.root for k in view.key_points],
        "hovertext": [t("{root} key sensory point", root=k.root) for k in view.key_points],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "mode": "markers+text",
        "textposition": "middle right",
        "marker": {"size": 7, "color": st.KEY_POINT_FILL, "line": {"color": st.KEY_POINT_LINE, "width": 2}},
        "textfont": {"size": 10, "color": st.KEY_POINT_LINE, "family": st.FONT},
        "name": "key points",
        "showlegend": False,
    }


def build_view_figure(
    view: ViewName, *, state: st.MapStyle | None = None, body: BodyMap | None = None, size_px: tuple[int, int] | None = None
) -> go.Figure:
    """The figure for one view. Zone clicks arrive as points with ``customdata`` = zone id."""
    return go.Figure(build_view_spec(view, state=state, body=body, size_px=size_px))


def build_view_spec(
    view: ViewName, *, state: st.MapStyle | None = None, body: BodyMap | None = None, size_px: tuple[int, int] | None = None
) -> dict[str, Any]:
    """The same figure as a plain plotly dict (no validation: the hot path of every click).
    ``build_view_figure`` validates exactly this spec, and the tests run it."""
    state = state or st.MapStyle()
    body = body or load_body_map()
    v = body.views[view]
    width, height = size_px or v.size_px
    scale = v.px_per_unit((width, height), margin_px=MARGIN_PX)
    traces: list[Any] = []
    if v.fills:
        traces.append(_lines_trace([poly[0] for poly in v.fills], colour=st.OUTLINE, width=0.9, fill=st.DECOR_FILL))
    traces.append(_choropleth(v, state, body))
    also = [z for z in v.zones if z in state.also and z not in state.selected]
    if also:
        traces.append(_lines_trace(_hatching(v, also, HATCH_SPACING_PX / scale), colour="#8c7b70", width=0.8))
        traces.append(_lines_trace(_outlines(v, also), colour="#5e5048", width=1.4, dash="dot"))
    traces.append(_lines_trace(v.lines, colour=st.HINT_LINE, width=0.9))
    traces.append(_lines_trace(v.outline, colour=st.OUTLINE, width=1.4))
    selected = [z for z in v.zones if z in state.selected]
    if selected:
        traces.append(_lines_trace(_outlines(v, selected), colour=st.SELECTED_LINE, width=3.2))
    traces += _courses(v, state.courses)
    labels = [(*v.zones[z].anchor, text) for z, text in state.labels.items() if z in v.zones and text]
    if labels:
        traces.append(_text_trace(labels, position="middle center", size=11, bold=True))
    if state.show_key_points and v.key_points:
        traces.append(_key_points(v))
    for align, position in (("left", "middle right"), ("right", "middle left"), ("center", "middle center")):
        items = [(lab.x, lab.y, lab.text) for lab in v.labels if lab.align == align]
        if items:
            traces.append(_text_trace(items, position=position, size=13, colour="#4a4a4a", bold=True))
    x0, y0, x1, y1 = v.bounds
    traces.append(
        {
            "type": "scattergeo",
            "lon": [x0, x1, x1, x0],
            "lat": [y0, y0, y1, y1],
            "mode": "markers",
            "marker": {"size": 1, "opacity": 0},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    # Explicit ranges: plotly's fitbounds does not zoom far enough for these small drawings.
    geo = {
        "visible": False,
        "projection": {"type": "equirectangular"},
        "fitbounds": False,
        "lonaxis": {"range": [x0, x1]},
        "lataxis": {"range": [y0, y1]},
        "bgcolor": "rgba(0,0,0,0)",
        "showframe": False,
    }
    layout = {
        "geo": geo,
        "width": width,
        "height": height,
        "margin": {"l": MARGIN_PX, "r": MARGIN_PX, "t": MARGIN_PX, "b": MARGIN_PX},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "showlegend": False,
        "dragmode": st.plotly_dragmode(state.drag_mode),
        "hovermode": "closest",
        "font": {"family": st.FONT},
        "meta": {"view": view},
    }
    return {"data": traces, "layout": layout}
