"""The Practise page's question bank: questions GENERATED from content/ by pure functions (no streamlit).

Wording comes from content/text/practice.yaml (templates keyed by id, each naming the records it asks about);
every right answer, every place on the map and every explanation's facts and sources come from the anatomy files
(roots, key points, nerves, reflexes, movements, zones) and the `sites` of content/engine.yaml.
Places are side-less zone ids: a tap on either side counts, and feedback is drawn on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from explainer.anatomy import Atlas, ContentError, load_atlas
from explainer.anatomy.order import DERMATOMAL_ROOTS
from explainer.bodymap.geometry import BodyMap, ViewName, load_body_map
from explainer.engine.config_model import Site
from explainer.i18n import per_language, t
from explainer.present.practice_text import (
    TEXT_FILE,
    Kind,
    Level,
    PracticeText,
    Template,
    load_practice_text,
)

WHOLE_BODY: Final[tuple[ViewName, ...]] = ("front", "back")


@dataclass(frozen=True)
class Question:
    """One question. ``required``/``also``/``shaded`` are side-less zone ids drawn in ``view``."""

    id: str  # "<template>.<subject>", e.g. "root_skin.L5"
    template: str
    level: Level
    kind: Kind
    prompt: str
    view: ViewName
    required: tuple[str, ...] = ()  # tap: the places that make the answer (choose: the answer's area, after)
    also: tuple[str, ...] = ()  # tap: places only some charts give; choose: roots that share the job (partly right)
    shaded: tuple[str, ...] = ()  # choose: the area shown with the question
    options: tuple[tuple[str, str], ...] = ()  # choose: (id, label), one of them ``answer``
    answer: str = ""
    explanation: str = ""
    details: tuple[str, ...] = ()  # a short list under the explanation: places, or causes at a trap site
    sources: tuple[str, ...] = ()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else t("{first} and {last}", first=", ".join(items[:-1]), last=items[-1])


def _views(bases: Sequence[str], body: BodyMap) -> dict[ViewName, list[str]]:
    out: dict[ViewName, list[str]] = {}
    for z in bases:
        out.setdefault(body.view_of_zone(f"{z}_right"), []).append(z)
    return out


def best_view(bases: Sequence[str], body: BodyMap, *, prefer: Sequence[str] = ()) -> tuple[ViewName, tuple[str, ...]]:
    """The view holding most of ``bases`` (ties: a preferred view first, then the whole body) and those bases."""
    per = _views(bases, body)
    rank = list(prefer) + list(WHOLE_BODY)
    view = max(per, key=lambda v: (len(per[v]), -rank.index(v) if v in rank else -99))
    return view, tuple(per[view])


def _places(atlas: Atlas, bases: Sequence[str]) -> tuple[str, ...]:
    return tuple(atlas.zones[z].name for z in bases)


def _root_options(answer: str, exclude: Sequence[str], n: int = 4) -> tuple[tuple[str, str], ...]:
    """The answer and the nearest roots that no source links to the subject, in head-to-tail order."""
    order: list[str] = list(DERMATOMAL_ROOTS)
    i = order.index(answer)
    others = sorted((r for r in order if r != answer and r not in exclude),
                    key=lambda r: (abs(order.index(r) - i), order.index(r)))
    chosen = sorted([answer, *others[: n - 1]], key=order.index)
    return tuple((r, r) for r in chosen)


def _fill(t: Template, **values: str) -> tuple[str, str]:
    return t.prompt.format(**values), " ".join(t.explain.format(**values).split())


def _q(t: Template, subject: str, **kw: object) -> Question:
    return Question(id=f"{t.id}.{subject}", template=t.id, level=t.level, kind=t.kind, **kw)  # type: ignore[arg-type]


def _nerve_name(atlas: Atlas, nerve: str) -> str:
    return _lower_first(atlas.nerves[nerve].name)


def _skin(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    zones = atlas.nerve_zones(s)
    if not zones:
        raise ValueError("this nerve has no skin area")
    view, req = best_view(zones, body)
    name = _nerve_name(atlas, s)
    prompt, why = _fill(t, name=name)
    return _q(t, s, prompt=prompt, view=view, required=req, explanation=why, details=_places(atlas, req),
              sources=atlas.nerves[s].sources)


def _site(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    site = sites[s]  # the first zone listed is the commonest site: its view wins a tie
    view, req = best_view(site.zones, body, prefer=[body.view_of_zone(f"{site.zones[0]}_right")])
    nerve = atlas.nerves[s]
    place = _lower_first(atlas.zones[site.zones[0]].name).split(" (")[0]
    prompt, why = _fill(t, name=_nerve_name(atlas, s), place=place, why=site.why)
    return _q(t, s, prompt=prompt, view=view, required=req, explanation=why, details=nerve.entrapment,
              sources=tuple(dict.fromkeys((site.source, *nerve.sources))))


def _numb(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    zones = [z for z in atlas.nerve_zones(s) if body.view_of_zone(f"{z}_right") in ("hand_palm", "hand_dorsum")]
    view, shaded = best_view(zones, body)
    names = [n for n in t.subjects if n != s and set(atlas.nerve_zones(n)) & set(shaded) != set(shaded)]
    options = tuple((n, atlas.nerves[n].name) for n in sorted([s, *names], key=t.subjects.index))
    prompt, why = _fill(t, name=_nerve_name(atlas, s))
    return _q(t, s, prompt=prompt, view=view, shaded=shaded, required=shaded, options=options, answer=s,
              explanation=why, details=_places(atlas, shaded), sources=atlas.nerves[s].sources)


def _root_skin(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    kp = atlas.key_point_for(s)
    prefer = [body.view_of_zone(f"{kp.zone}_right")] if kp else []
    view, req = best_view(atlas.root_zones(s), body, prefer=prefer)
    also = tuple(z for z in atlas.root_also_zones(s) if body.view_of_zone(f"{z}_right") == view)
    root = atlas.roots[s]
    prompt, why = _fill(t, name=s, area=_lower_first(root.area), disagree=root.chart_disagreement)
    return _q(t, s, prompt=prompt, view=view, required=req, also=also, explanation=why, sources=root.sources)


def _key_point(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    kp = atlas.key_point_for(s)
    if kp is None:
        raise ValueError("this root has no key sensory point")
    prompt, why = _fill(t, name=s, wording=_lower_first(kp.wording))
    return _q(t, s, prompt=prompt, view=body.view_of_zone(f"{kp.zone}_right"), required=(kp.zone,),
              explanation=why, sources=kp.sources)


def _answer_area(root: str, atlas: Atlas, body: BodyMap) -> tuple[ViewName, tuple[str, ...]]:
    kp = atlas.key_point_for(root)
    return best_view(atlas.root_zones(root), body, prefer=[body.view_of_zone(f"{kp.zone}_right")] if kp else [])


def _reflex(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    r = atlas.reflexes[s]
    if r.main_root is None:
        raise ValueError("this reflex has no main root")
    view, area = _answer_area(r.main_root, atlas, body)
    prompt, why = _fill(t, name=_lower_first(r.name), roots=_and(list(r.roots)), main=r.main_root, note=r.note)
    return _q(t, s, prompt=prompt, view=view, required=area, options=_root_options(r.main_root, r.roots),
              answer=r.main_root, also=tuple(x for x in r.roots if x != r.main_root), explanation=why,
              sources=r.sources)


def _muscle(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    mv = atlas.movements[s]
    root = mv.isncsci_key_muscle_for
    if root is None:
        raise ValueError("this movement is not an ISNCSCI key muscle")
    view, area = _answer_area(root, atlas, body)
    prompt, why = _fill(t, name=mv.name, muscles=mv.muscles, root=root)
    return _q(t, s, prompt=prompt, view=view, required=area, options=_root_options(root, (*mv.roots, *mv.minor_roots)),
              answer=root, also=tuple(x for x in (*mv.roots, *mv.minor_roots) if x != root), explanation=why,
              sources=mv.sources)


def _overlap(t: Template, s: str, atlas: Atlas, body: BodyMap, sites: Mapping[str, Site]) -> Question:
    zone = atlas.zones[s]
    primary, also = zone.dermatomes.primary, zone.dermatomes.also
    if not primary or not also:
        raise ValueError("this place has no chart disagreement (needs primary and also roots)")
    note = atlas.zone_text[s].chart_note if s in atlas.zone_text else ""
    prompt, why = _fill(t, name=_lower_first(zone.name), primary=_and(list(primary)), also=_and(list(also)), note=note)
    return _q(t, s, prompt=prompt, view=body.view_of_zone(f"{s}_right"), shaded=(s,), required=(s,),
              options=_root_options(primary[0], (*primary, *also)), answer=primary[0],
              also=tuple(r for r in (*primary, *also) if r != primary[0]), explanation=why,
              sources=zone.dermatomes.sources)


BUILDERS: Final = {
    "nerve_skin": _skin, "branch_skin": _skin, "trap_site": _site, "branch_site": _site, "numb_hand": _numb,
    "root_skin": _root_skin, "root_skin_charts": _root_skin, "key_point": _key_point, "reflex_root": _reflex,
    "key_muscle": _muscle, "overlap_root": _overlap,
}


def build_bank(*, atlas: Atlas, body: BodyMap, sites: Sequence[Site], text: PracticeText) -> tuple[Question, ...]:
    """Every question of every template; a template or subject that does not resolve is a ContentError."""
    by_nerve = {s.nerve: s for s in sites}
    out: list[Question] = []
    for tpl in text.templates:
        build = BUILDERS.get(tpl.id)
        if build is None:
            raise ContentError(file=TEXT_FILE, record=tpl.id, field="id", problem="no question builder has this id")
        for s in tpl.subjects:
            try:
                out.append(build(tpl, s, atlas, body, by_nerve))
            except (KeyError, ValueError, IndexError) as exc:
                raise ContentError(file=TEXT_FILE, record=tpl.id, field="subjects",
                                   problem=f"'{s}' cannot be asked about ({exc})") from exc
    return tuple(out)


@per_language
def default_bank() -> tuple[Question, ...]:
    from explainer.engine.config import load_config

    return build_bank(atlas=load_atlas(), body=load_body_map(), sites=load_config().sites, text=load_practice_text())


def bank_index(bank: Sequence[Question]) -> dict[str, Question]:
    return {q.id: q for q in bank}


def pool(bank: Sequence[Question], level: Level) -> tuple[str, ...]:
    """The question ids of one level, in file order."""
    return tuple(q.id for q in bank if q.level == level)
