"""App state + results -> the handout's printed data (explainer.handout.model.HandoutData). No personal data:
only what was marked, the app's own words, and a link that reopens the same view."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from urllib.parse import urlencode, urlsplit

from explainer.anatomy import Atlas
from explainer.bodymap.geometry import BodyMap
from explainer.handout.model import ClinicianPage, Explanation, HandoutData, UrgentBlock, Watch
from explainer.handout.panels import panels
from explainer.handout.text import HandoutText, SameEmergency
from explainer.present.exam_words import REFLEX_VALUE_WORD
from explainer.present.results import LEVEL_ORDER, ResultCard, UrgentNote
from explainer.present.zonelist import region_of, zone_label
from explainer.texts import AnswerText
from explainer.viewstate import ViewState

DEFAULT_BASE = "http://localhost:8501/"
MAX_SOURCES = 16
MAX_WATCH = 3  # a short list: the three most urgent groups of signs


def reopen_link(base: str | None, query: Mapping[str, str]) -> str:
    """The app's address (scheme, host, path; never its old query) plus the view's query, commas kept readable."""
    parts = urlsplit(base or DEFAULT_BASE)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        parts = urlsplit(DEFAULT_BASE)
    root = f"{parts.scheme}://{parts.netloc}{parts.path or '/'}"
    encoded = urlencode(dict(query), safe=",:")
    return f"{root}?{encoded}" if encoded else root


def source_name(atlas: Atlas, key: str) -> str:
    """The source's short label; without one, its citation up to the first full stop or colon."""
    src = atlas.sources[key]
    return src.label or " ".join(src.cite.split()).split(". ")[0].split(": ")[0][:48]


def _flag_id(atlas: Atlas, note: UrgentNote) -> str | None:
    return next((f.id for f in atlas.red_flags.values() if f.name == note.title), None)


def _shared(text: HandoutText, top: str | None, fired: Sequence[str]) -> SameEmergency | None:
    """The same-emergency group naming both the top answer and a warning that fired (or two warnings), if any."""
    for group in text.same_emergency:
        named = {x for x in (top, *fired) if x in group.ids}
        if len(named) > 1 and any(f in group.ids for f in fired):
            return group
    return None


def urgent_blocks(atlas: Atlas, urgent: Sequence[UrgentNote], *, shared: SameEmergency | None) -> tuple[UrgentBlock, ...]:
    """The urgent notes, most urgent first; warnings in one same-emergency group become one block with its name."""
    out: list[UrgentBlock] = []
    merged = False
    for note in sorted(urgent, key=lambda n: LEVEL_ORDER.get(n.level, len(LEVEL_ORDER))):
        if shared and _flag_id(atlas, note) in shared.ids:
            if merged:
                continue
            merged = True
            out.append(UrgentBlock(title=shared.urgent, text=note.text, level=note.level))
        else:
            out.append(UrgentBlock(title=note.title, text=note.text, level=note.level))
    return tuple(out)


def watch_for(atlas: Atlas, zones: Sequence[str], *, top: str | None, text: HandoutText) -> tuple[Watch, ...]:
    """This case's warning signs: the groups whose regions, zones or answers match, most urgent first."""
    if not zones and top is None:
        return ()
    regions = {region_of(atlas, z) for z in zones}
    bases = {z.rsplit("_", 1)[0] for z in zones}
    chosen = [g for g in text.watch_for
              if g.always or regions & set(g.regions) or bases & set(g.zones) or (top is not None and top in g.answers)]
    chosen.sort(key=lambda g: LEVEL_ORDER.get(atlas.red_flags[g.flag].level, len(LEVEL_ORDER)))
    return tuple(Watch(flag=g.flag, action=g.action, signs=g.signs, level=atlas.red_flags[g.flag].level)
                 for g in chosen[:MAX_WATCH])


def _sources(atlas: Atlas, keys: Iterable[str]) -> tuple[str, ...]:
    names = dict.fromkeys(source_name(atlas, k) for k in keys if k in atlas.sources)
    return tuple(names)[:MAX_SOURCES]


def clinician_page(atlas: Atlas, view: ViewState, cards: Sequence[ResultCard], *, text: HandoutText) -> ClinicianPage:
    s = text.strings
    symptoms = tuple(atlas.symptoms[x].label if x in atlas.symptoms else x for x in view.symptoms)
    weak = tuple(atlas.movements[m].name if m in atlas.movements else m for m in view.weak)
    reflexes = tuple(f"{atlas.reflexes[r].name if r in atlas.reflexes else r}: {REFLEX_VALUE_WORD.get(v, v)}"
                     for r, v in view.reflexes)
    other = tuple(atlas.findings[f].label if f in atlas.findings else f for f in view.other)
    return ClinicianPage(
        findings=((s.found_symptoms, symptoms), (s.found_weak, weak), (s.found_reflexes, reflexes), (s.found_other, other)),
        explanations=tuple(Explanation(c.title, s.strength(c.strength), c.side, c.why, c.against) for c in cards),
    )


def handout_data(atlas: Atlas, *, body: BodyMap, view: ViewState, cards: Sequence[ResultCard],
                 urgent: Sequence[UrgentNote], answers: Mapping[str, AnswerText], text: HandoutText, link: str,
                 today: date, clinician: bool = False) -> HandoutData:
    top = cards[0] if cards else None
    fired = [f for f in (_flag_id(atlas, n) for n in urgent) if f]
    shared = _shared(text, top.answer if top else None, fired)
    watch = watch_for(atlas, view.zones, top=top.answer if top else None, text=text)
    keys = [*(answers[top.answer].sources if top and top.answer in answers else ()),
            *(k for f in dict.fromkeys([*fired, *(w.flag for w in watch)]) for k in atlas.red_flags[f].sources)]
    return HandoutData(
        strings=text.strings,
        made_on=today,
        headline=(shared.headline if shared and top else top.title if top else text.strings.nothing_marked),
        strength=", ".join(x for x in (text.strings.strength(top.strength), top.side) if x) if top else "",
        explanation=top.what_it_means if top else "",
        what_helps=top.what_usually_helps if top else "",
        who_to_see=top.who_to_see if top else "",
        marked_zones=tuple(zone_label(atlas, z) for z in view.zones),
        urgent=urgent_blocks(atlas, urgent, shared=shared),
        watch=watch,
        panels=panels(body, view.zones, text=text),
        link=link,
        sources=_sources(atlas, keys),
        clinician=clinician_page(atlas, view, cards, text=text) if clinician else None,
    )
