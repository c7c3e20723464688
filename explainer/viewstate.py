"""The view as a shareable link: pure conversion between a ViewState and a URL query string.

Stable parameter names: zones, symptoms, weak, reflexes (name:reduced|absent|brisk), other, mode
(consult|self), lang (en|es), plus page, layer, view, root, nerve, disc, compare, article and chart (keegan_garrett, foerster,
lee or compare: the skin-strip layer after a classic chart; omitted = the project's consensus); the Practise page adds
level, q, a, seed, score, missed and case (explainer.present.practice_link). Links carry no personal data.
The graded, two-sided examination (consult mode) adds two compact parameters, defined in explainer.present.examlink:
exam   movement or reflex : side (L, R, B) + grade (MRC 0 1 2 3 4- 4 4+ 5- 5; reflex 0-4, ``c`` = clonus)
       e.g. ``exam=ankle_dorsiflexion:L2,ankle_dorsiflexion:R5,achilles:R0,patellar:L3c``
signs  special test : n (negative), y (positive), L / R / B (positive on that side), e.g. ``signs=slr:R,spurling:n``
sens   marked zone : modality-change joined by '+' (explainer.present.exam_sensation), e.g.
       ``sens=foot_dorsum_right:pinprick-reduced+vibration-absent`` (only marked zones count)
The side-less ``weak=`` and ``reflexes=`` keep working (they apply to the marked sides).

Nothing a link carries is ever interpreted or shown. Every value is checked against a closed vocabulary (known ids);
whatever is not known is dropped and *counted* in a note ("2 unknown zones in the link were left out") worded by us —
the note never repeats the link's text. The only thing a link can put on screen is a known id's label from content/.
Nothing here raises on user input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Final, Literal, get_args
from urllib.parse import parse_qs

from explainer.anatomy import Atlas
from explainer.i18n import DEFAULT_LANG, LANGS, Lang
from explainer.linknotes import (
    count_note,
    more_than_one_note,
    needs_side_note,
    not_found_note,
    repeated_note,
    too_long_note,
    too_many_note,
)
from explainer.present.exam_sensation import SensMark, canonical, parse_sens, sens_to_query
from explainer.present.examlink import ExamMark, SignResult, exam_to_query, parse_exam, parse_signs, signs_to_query
from explainer.present.practice_link import PRACTICE_KEYS, Practice, parse_practice, practice_to_query

Page = Literal["where", "spine", "learn", "connected", "practise"]
Mode = Literal["consult", "self"]
Layer = Literal["plain", "dermatomes", "nerves"]
Chart = Literal["keegan_garrett", "foerster", "lee", "compare"]  # ids of content/dermatome_charts.yaml, then "compare"
MapView = Literal["front", "back", "hand_palm", "hand_dorsum", "foot_top", "foot_sole", "saddle"]
ReflexValue = Literal["reduced", "absent", "brisk"]

PAGES: Final[tuple[Page, ...]] = get_args(Page)
MODES: Final[tuple[Mode, ...]] = get_args(Mode)
LAYERS: Final[tuple[Layer, ...]] = get_args(Layer)
CHARTS: Final[tuple[Chart, ...]] = get_args(Chart)
MAP_VIEWS: Final[tuple[MapView, ...]] = get_args(MapView)
REFLEX_VALUES: Final[tuple[ReflexValue, ...]] = get_args(ReflexValue)

SINGLE_KEYS: Final = ("page", "mode", "layer", "view", "root", "nerve", "disc", "compare", "article", "chart", "lang")
LIST_KEYS: Final = ("zones", "symptoms", "weak", "reflexes", "other", "exam", "signs", "sens")
VIEW_KEYS: Final = SINGLE_KEYS + LIST_KEYS + PRACTICE_KEYS  # practice keys: explainer.present.practice_link
MAX_LINK_PARTS: Final = 1_000  # key=value pairs; a full, legitimate link has fewer than 20
MAX_LINK_CHARS: Final = 20_000  # every zone of both sides marked is about 5,000 characters
NOTE_LIMIT: Final = 240
HOST_KEYS: Final = ("embed", "embed_options")  # Streamlit's own; never ours to read or report


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the app shows."""

    page: Page = "where"
    mode: Mode = "self"
    layer: Layer = "plain"
    view: MapView = "front"
    zones: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    reflexes: tuple[tuple[str, ReflexValue], ...] = ()
    other: tuple[str, ...] = ()
    exam: tuple[ExamMark, ...] = ()  # graded cells, one per item and side, sorted
    signs: tuple[tuple[str, SignResult], ...] = ()  # special tests, in explainer.present.examlink.SIGN_IDS order
    sens: tuple[SensMark, ...] = ()  # sensation by modality per marked zone (explainer.present.exam_sensation)
    root: str | None = None
    nerve: str | None = None
    disc: str | None = None
    compare: str | None = None
    article: str | None = None
    chart: Chart | None = None  # None: the project's consensus skin strips
    lang: Lang = DEFAULT_LANG  # the page's language (explainer.i18n.LANGS); every page, the handout and notes follow it
    practice: Practice = field(default_factory=Practice)  # the Practise page's level, question, answer, score, case
    notes: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.sens:  # sensation belongs to marked zones: unmarking a zone (however it is done) drops its entries
            object.__setattr__(self, "sens", canonical(self.sens, self.zones))

    def with_zones(self, zones: frozenset[str] | set[str] | tuple[str, ...]) -> ViewState:
        return replace(self, zones=tuple(sorted(zones)))


@dataclass(frozen=True)
class ScreenedLink:
    """A link's known parameters (each key once, values as given) and notes about what was set aside."""

    params: Mapping[str, list[str]]
    notes: tuple[str, ...] = ()


def _too_many() -> ScreenedLink:
    return ScreenedLink({}, (too_many_note(MAX_LINK_PARTS),))


def _too_long() -> ScreenedLink:
    return ScreenedLink({}, (too_long_note(MAX_LINK_CHARS),))


def screen_query_string(query: str, *, list_keys: Collection[str] = ()) -> ScreenedLink:
    """screen_link() on the query string exactly as the browser sent it (without the '?').

    The limits are checked before parsing, so a link too big to parse safely is reported rather than silently
    emptied (Streamlit itself drops a query string with more than 1,000 fields without saying so).
    """
    if query.count("&") + 1 > MAX_LINK_PARTS:
        return _too_many()
    if len(query) > MAX_LINK_CHARS:
        return _too_long()
    return screen_link(parse_qs(query, keep_blank_values=True), list_keys=list_keys)


def screen_link(params: Mapping[str, str | list[str]], *, list_keys: Collection[str] = ()) -> ScreenedLink:
    """Set aside what no link of ours carries, before any value is looked at.

    ``list_keys`` are further list-valued keys another module reads (the app's extras). A link with more than
    MAX_LINK_PARTS parameters or MAX_LINK_CHARS characters is not read at all (the app opens fresh, with a note):
    reading part of it could silently drop a warning sign. Unknown keys are counted, never named; a known key given
    twice is named (it is our word) and its values combined, or for a single choice the first one used.
    """
    values = {k: ([v] if isinstance(v, str) else [str(x) for x in v]) for k, v in params.items()}
    parts = sum(max(len(v), 1) for v in values.values())
    size = sum(len(k) + 1 + sum(len(x) + 1 for x in v) for k, v in values.items())
    if parts > MAX_LINK_PARTS:
        return _too_many()
    if size > MAX_LINK_CHARS:
        return _too_long()
    known = set(VIEW_KEYS) | set(list_keys)
    notes: list[str] = []
    unknown = [k for k in values if k not in known and k not in HOST_KEYS]
    if unknown:
        notes.append(count_note(len(unknown), "unknown part"))
    for key in (k for k in values if k in known and len(values[k]) > 1):
        notes.append(repeated_note(key, len(values[key]), single=key in SINGLE_KEYS))
    kept = {k: (v[:1] if k in SINGLE_KEYS else v) for k, v in values.items() if k in known}
    return ScreenedLink(kept, tuple(notes))


def split_values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    """The comma-separated values of one query parameter, trimmed, empty ones dropped."""
    raw = params.get(key, "")
    joined = ",".join(raw) if isinstance(raw, list) else raw
    return [v.strip() for v in joined.split(",") if v.strip()]


def known_ids(values: list[str], allowed: Collection[str], what: str, notes: list[str]) -> tuple[str, ...]:
    """The known values in order, once each; the rest counted in one note."""
    kept = tuple(dict.fromkeys(v for v in values if v in allowed))
    unknown = {v for v in values if v not in allowed}
    if unknown:
        notes.append(count_note(len(unknown), f"unknown {what}"))
    return kept


def _zones(values: list[str], atlas: Atlas, notes: list[str]) -> tuple[str, ...]:
    """Known zone instances; a known zone named without its side is named by its label (a content string)."""
    sideless = [v for v in dict.fromkeys(values) if v in atlas.zones]
    notes.extend(needs_side_note(atlas.zones[v].name) for v in sideless[:3])
    if len(sideless) > 3:
        notes.append(count_note(len(sideless) - 3, "other zone without a side"))
    return known_ids([v for v in values if v not in atlas.zones], set(atlas.zone_instances), "zone", notes)


def _one(params: Mapping[str, str | list[str]], key: str, allowed: Collection[str], notes: list[str]) -> str | None:
    values = split_values(params, key)
    if not values:
        return None
    if len(values) > 1:
        notes.append(more_than_one_note(key))
    if values[0] in allowed:
        return values[0]
    notes.append(not_found_note(key))
    return None


def _reflexes(values: list[str], atlas: Atlas, notes: list[str]) -> tuple[tuple[str, ReflexValue], ...]:
    out: dict[str, ReflexValue] = {}
    bad = 0
    for item in values:
        name, _, value = item.partition(":")
        if name in atlas.reflexes and value in REFLEX_VALUES:
            out[name] = value  # type: ignore[assignment,unused-ignore]
        else:
            bad += 1
    if bad:
        notes.append(count_note(bad, "reflex result"))
    return tuple(out.items())


def _exam(params: Mapping[str, str | list[str]], atlas: Atlas, notes: list[str]) -> tuple[ExamMark, ...]:
    marks, bad = parse_exam(params.get("exam", ""), movements=atlas.movements, reflexes=atlas.reflexes)
    if bad:
        notes.append(count_note(bad, "examination entry"))
    return marks


def _signs(params: Mapping[str, str | list[str]], notes: list[str]) -> tuple[tuple[str, SignResult], ...]:
    signs, bad = parse_signs(params.get("signs", ""))
    if bad:
        notes.append(count_note(bad, "special test result"))
    return signs


def _sens(params: Mapping[str, str | list[str]], zones: tuple[str, ...], notes: list[str]) -> tuple[SensMark, ...]:
    marks, bad = parse_sens(params.get("sens", ""), zones=zones)
    if bad:
        notes.append(count_note(bad, "sensation entry"))
    return marks


def parse_query(params: Mapping[str, str | list[str]], *, atlas: Atlas, articles: Collection[str] = ()) -> ViewState:
    """Read a query string into a ViewState; anything unknown is dropped and counted in a note.

    ``articles`` are the known article ids (from content/articles); an article not among them is left out.
    """
    notes: list[str] = []
    zones = _zones(split_values(params, "zones"), atlas, notes)
    page = _one(params, "page", PAGES, notes) or ("where" if zones else None)
    state = ViewState(
        page=page or "where",  # type: ignore[arg-type]
        mode=_one(params, "mode", MODES, notes) or "self",  # type: ignore[arg-type]
        layer=_one(params, "layer", LAYERS, notes) or "plain",  # type: ignore[arg-type]
        view=_one(params, "view", MAP_VIEWS, notes) or "front",  # type: ignore[arg-type]
        zones=zones,
        symptoms=known_ids(split_values(params, "symptoms"), atlas.symptoms, "symptom", notes),
        weak=known_ids(split_values(params, "weak"), atlas.movements, "movement", notes),
        reflexes=_reflexes(split_values(params, "reflexes"), atlas, notes),
        other=known_ids(split_values(params, "other"), atlas.findings, "finding", notes),
        exam=_exam(params, atlas, notes),
        signs=_signs(params, notes),
        sens=_sens(params, zones, notes),
        root=_one(params, "root", atlas.roots, notes),
        nerve=_one(params, "nerve", atlas.nerves, notes),
        disc=_one(params, "disc", {d.id for d in atlas.spine.discs}, notes),
        compare=_one(params, "compare", {**atlas.roots, **atlas.nerves}, notes),
        article=_one(params, "article", articles, notes),
        chart=_one(params, "chart", CHARTS, notes),  # type: ignore[arg-type]
        lang=_one(params, "lang", LANGS, notes) or DEFAULT_LANG,  # type: ignore[arg-type]
        practice=parse_practice(params, atlas=atlas, notes=notes),
    )
    return replace(state, notes=tuple(notes))


def to_query(state: ViewState) -> dict[str, str]:
    """The query parameters for a state; defaults are left out to keep links short."""
    default = ViewState()
    out: dict[str, str] = {}
    for key in SINGLE_KEYS:
        value = getattr(state, key)
        if value is not None and value != getattr(default, key):
            out[key] = str(value)
    for key in ("zones", "symptoms", "weak", "other"):
        values = getattr(state, key)
        if values:
            out[key] = ",".join(values)
    if state.reflexes:
        out["reflexes"] = ",".join(f"{name}:{value}" for name, value in state.reflexes)
    if state.exam:
        out["exam"] = exam_to_query(state.exam)
    if state.signs:
        out["signs"] = signs_to_query(state.signs)
    sens = canonical(state.sens, state.zones)
    if sens:
        out["sens"] = sens_to_query(sens)
    out.update(practice_to_query(state.practice))
    return out


_KEEP: Final = frozenset(" .,;'’()?/–—…-")
_SHORTCODE: Final = re.compile(r":(?=\S)")


def plain_note(text: str, *, limit: int = NOTE_LIMIT) -> str:
    """A note made safe to hand to Streamlit's Markdown, whatever it contains: words and mild punctuation only.

    Notes are worded by us and never carry link text, so this is a second lock, not the first. It removes rather
    than escapes: Streamlit's Markdown adds directives (``:red[…]``, ``:material/…:``, emoji ``:name:``, ``$…$``)
    that act on text *after* CommonMark has resolved backslash escapes, so escaping cannot neutralise them all.
    Kept: letters and digits of any script, spaces and `` .,;'’()?/–—…-`` plus a colon followed by a space. Gone:
    control and format characters (bidi overrides, zero-width), newlines, ``[]<>#*_`$~|\\!&=+{}"`` and the rest.
    """
    flat = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    flat = _SHORTCODE.sub(" ", flat)
    kept = "".join(ch for ch in flat if ch.isalnum() or ch in _KEEP or ch == ":")
    kept = re.sub(r"-{2,}", "–", " ".join(kept.split())).lstrip(" -–—.")
    while re.match(r"\d+[.)]", kept):  # '1.' or '1)' first would start a numbered list
        kept = re.sub(r"^(\d+)[.)]+", r"\1", kept)
    return kept if len(kept) <= limit else _SHORTCODE.sub(" ", kept[: limit - 1].rstrip() + "…")
