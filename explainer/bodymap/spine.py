"""PURE plotly figure of the spine: clickable nerve roots and discs (no streamlit import).

Click ids (``customdata``): ``"root:L5"``, ``"disc:L4/L5"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

from explainer.bodymap import style as st
from explainer.bodymap.figure import MARGIN_PX, _lines_trace, _text_trace
from explainer.bodymap.spine_geometry import DISCS, ROOTS, disc_id, root_id, spine_geometry
from explainer.i18n import t

BONE = "#efe6d8"
BONE_LINE = "#9c8b77"
DISC = "#bcd7e6"
ROOT = "#f1d98a"


def _feature(fid: str, rings: list[Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "MultiPolygon", "coordinates": [[[list(p) for p in r]] for r in rings]},
    }


def spine_ids() -> tuple[str, ...]:
    """Every clickable id, head to tail: roots first, then discs."""
    return tuple(root_id(r) for r in ROOTS) + tuple(disc_id(d) for d in DISCS)


def build_spine_figure(
    *,
    selected: frozenset[str] = frozenset(),
    fills: Mapping[str, str] | None = None,
    hover: Mapping[str, str] | None = None,
    drag_mode: st.DragMode = "click",
    size_px: tuple[int, int] | None = None,
) -> go.Figure:
    """Spine seen from behind (patient's left on the viewer's left); selected ids highlighted."""
    geo = spine_geometry()
    fills = fills or {}
    hover = hover or {}
    features = [_feature(root_id(r), list(geo.roots[r])) for r in ROOTS]
    features += [_feature(disc_id(d), [geo.discs[d]]) for d in DISCS]
    ids = [f["id"] for f in features]
    default = {i: (ROOT if i.startswith("root:") else DISC) for i in ids}
    colours = [st.SELECTED_FILL if i in selected else fills.get(i, default[i]) for i in ids]
    palette = list(dict.fromkeys(colours))
    top = max(len(palette) - 1, 1)
    scale = [[k / top, c] for k, c in enumerate(palette)] if len(palette) > 1 else [[0, palette[0]], [1, palette[0]]]
    texts = [hover.get(i) or (t("{root} nerve root", root=i[5:]) if i.startswith("root:") else t("{disc} disc", disc=i[5:]))
             for i in ids]
    traces: list[Any] = [
        _lines_trace(list(geo.vertebrae.values()), colour=BONE_LINE, width=1.0, fill=BONE),
        go.Choropleth(
            geojson={"type": "FeatureCollection", "features": features},
            featureidkey="id",
            locations=ids,
            customdata=ids,
            z=[palette.index(c) for c in colours],
            zmin=0,
            zmax=top,
            colorscale=scale,
            showscale=False,
            marker={"line": {"color": "#7d6f5f", "width": 0.8}},
            hovertext=texts,
            hovertemplate="%{hovertext}<extra></extra>",
            selected={"marker": {"opacity": 1.0}},
            unselected={"marker": {"opacity": 1.0}},
        ),
    ]
    chosen = [ring for i in ids if i in selected for ring in (geo.roots[i[5:]] if i.startswith("root:") else (geo.discs[i[5:]],))]
    if chosen:
        traces.append(_lines_trace(chosen, colour=st.SELECTED_LINE, width=3.0))
    labels = [
        (
            sum(p[0] for p in ring[:-1]) / (len(ring) - 1),
            sum(p[1] for p in ring[:-1]) / (len(ring) - 1) - (0.5 if v == "Co" else 0.0),
            {"S": t("sacrum"), "Co": t("coccyx")}.get(v, v),
        )
        for v, ring in geo.vertebrae.items()
    ]
    traces.append(_text_trace(labels, position="middle center", size=10, colour="#5a4d40"))
    left = [(*geo.root_tips[r][0], r) for r in ROOTS]
    right = [(*geo.root_tips[r][1], r) for r in ROOTS]
    traces.append(_text_trace(left, position="middle left", size=10, colour="#6b5a1e"))
    traces.append(_text_trace(right, position="middle right", size=10, colour="#6b5a1e"))
    x0, y0, x1, y1 = geo.bounds
    traces.append(_text_trace([(x0, y1 - 0.25, t("Patient's left"))], position="middle right", size=12, bold=True))
    traces.append(_text_trace([(x1, y1 - 0.25, t("Patient's right"))], position="middle left", size=12, bold=True))
    traces.append(
        go.Scattergeo(
            lon=[x0, x1, x1, x0],
            lat=[y0, y0, y1, y1],
            mode="markers",
            marker={"size": 1, "opacity": 0},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    width, height = size_px or geo.size_px
    fig = go.Figure(data=traces)
    fig.update_geos(
        visible=False,
        projection_type="equirectangular",
        fitbounds=False,
        lonaxis_range=[x0, x1],
        lataxis_range=[y0, y1],
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        width=width,
        height=height,
        showlegend=False,
        paper_bgcolor="white",
        margin={"l": MARGIN_PX, "r": MARGIN_PX, "t": MARGIN_PX, "b": MARGIN_PX},
        dragmode=st.plotly_dragmode(drag_mode),
        font={"family": st.FONT},
        meta={"view": "spine"},
    )
    return fig
