"""State + results -> the handout's plain data (explainer.handout.HandoutData). No personal data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from explainer.anatomy import Atlas
from explainer.bodymap.geometry import BodyMap
from explainer.handout import HandoutData, MapPanel
from explainer.present.results import ResultCard, UrgentNote
from explainer.present.zonelist import zone_label

SAFETY_NET = ("Get help the same day for numbness between the legs, new bladder or bowel trouble, symptoms in both legs, "
              "or weakness that is quickly getting worse.")


def panels(body: BodyMap, zones: Iterable[str], *, limit: int = 2) -> tuple[MapPanel, ...]:
    """The views holding the most marked zones (front and back when nothing is marked)."""
    marked = set(zones)
    counts = {name: len(marked & set(v.zones)) for name, v in body.views.items()}
    order = sorted(body.views, key=lambda n: (-counts[n], 0 if n == "front" else 1 if n == "back" else 2))
    out = []
    for name in order[:limit]:
        v = body.views[name]
        outlines = [poly[0] for z in v.zones.values() for poly in z.polygons]
        chosen = [poly[0] for zid, z in v.zones.items() if zid in marked for poly in z.polygons]
        caption = "Patient's right on the left" if v.faces == "front" else ""
        out.append(MapPanel(title=v.title, outlines=outlines, marked=chosen, caption=caption))
    return tuple(out)


def sources_for(atlas: Atlas, keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(atlas.sources[k].cite for k in dict.fromkeys(keys) if k in atlas.sources)


def handout_data(atlas: Atlas, *, body: BodyMap, zones: Sequence[str], top: ResultCard | None,
                 urgent: Sequence[UrgentNote], source_keys: Iterable[str], ui: Mapping[str, str]) -> HandoutData:
    return HandoutData(
        marked_zones=[zone_label(atlas, z) for z in zones],
        top_label=top.title if top else "Nothing marked yet",
        top_strength=top.strength_label.lower() if top else "-",
        top_text=top.what_it_means if top else "No areas were marked, so there is no suggestion.",
        what_helps=top.what_usually_helps if top else "",
        who_to_see=top.who_to_see if top else "",
        red_flags=[(n.title, n.text) for n in urgent],
        safety_net=ui.get("handout_footer", SAFETY_NET) or SAFETY_NET,
        sources=list(sources_for(atlas, source_keys)),
        panels=panels(body, zones),
    )
