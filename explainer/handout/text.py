"""Every word the handout prints, read from content/text/handout.yaml; another language lays its translation
(content/i18n/<lang>/text/handout.yaml, explainer.i18n) over it, so ids, flags and regions come from one file.

Validated like the anatomy files: unknown or missing keys are errors naming the file, record and field, and every
warning, region, zone and answer named must exist in content/.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from explainer.anatomy import Atlas, ContentError, load_atlas
from explainer.anatomy.files import parse_record, read_yaml
from explainer.anatomy.models import Region
from explainer.bodymap.geometry import ViewName
from explainer.i18n import DEFAULT_LANG, current_lang, per_language, use_lang
from explainer.paths import CONTENT_DIR


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Strings(_Text):
    title: str
    made_on: str
    notice: str
    urgent_title: str
    headline_intro: str
    nothing_marked: str
    strength_strong: str
    strength_possible: str
    strength_unlikely: str
    where_marked: str
    and_more: str
    picture_key: str
    what_it_means: str
    what_helps: str
    who_to_see: str
    watch_title: str
    reopen_title: str
    reopen_text: str
    sources: str
    page: str
    clinician_title: str
    clinician_intro: str
    found_symptoms: str
    found_weak: str
    found_reflexes: str
    found_other: str
    found_none: str
    explanations_title: str
    why_fits: str
    against: str
    download: str
    file_name: str
    clinician_option: str

    def strength(self, strength: str) -> str:
        return str(getattr(self, f"strength_{strength}", strength))


class WatchGroup(_Text):
    id: str
    flag: str
    regions: tuple[Region, ...] = ()
    zones: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    always: bool = False
    action: str
    signs: tuple[str, ...] = Field(min_length=1, max_length=4)


class SameEmergency(_Text):
    ids: tuple[str, ...] = Field(min_length=2)
    headline: str
    urgent: str


class HandoutText(_Text):
    strings: Strings
    view_titles: dict[ViewName, str]
    labels: dict[str, str]
    watch_for: tuple[WatchGroup, ...] = Field(min_length=1)
    same_emergency: tuple[SameEmergency, ...] = ()

    def label(self, drawn: str) -> str:
        """The printed words for a label drawn in assets/body_map.json (the drawing's own text if not keyed)."""
        return self.labels.get(label_key(drawn), drawn)


def label_key(drawn: str) -> str:
    """"Right hand (palm)" -> "right_hand_palm"."""
    return "_".join("".join(ch if ch.isalnum() else " " for ch in drawn.lower()).split())


def _unknown(file: str, record: str, field: str, names: Iterable[str], known: Iterable[str], what: str) -> None:
    known_set = set(known)
    for name in names:
        if name not in known_set:
            raise ContentError(file=file, record=record, field=field, problem=f"unknown {what} {name!r}")


def check_handout_text(text: HandoutText, *, file: str, atlas: Atlas) -> None:
    """Every warning, zone and answer the file names exists in content/."""
    for g in text.watch_for:
        _unknown(file, g.id, "flag", [g.flag], atlas.red_flags, "red flag")
        _unknown(file, g.id, "zones", g.zones, atlas.zones, "zone")
        _unknown(file, g.id, "answers", g.answers, atlas.answers, "answer")
    for i, same in enumerate(text.same_emergency):
        _unknown(file, f"#{i + 1}", "ids", same.ids, set(atlas.answers) | set(atlas.red_flags), "answer or red flag")


HANDOUT_FILE = "text/handout.yaml"


def load_handout_text_from(content_dir: Path, *, atlas: Atlas, lang: str | None = None) -> HandoutText:
    """The handout's words in ``lang`` (default: this run's language), the translation laid over the English file."""
    with use_lang(lang or current_lang()):
        raw: Any = read_yaml(content_dir / HANDOUT_FILE, content_dir=content_dir)
    text = parse_record(HandoutText, raw, file=HANDOUT_FILE, index=0)
    check_handout_text(text, file=HANDOUT_FILE, atlas=atlas)
    return text


@per_language
def _load_handout_text() -> HandoutText:
    return load_handout_text_from(CONTENT_DIR, atlas=load_atlas())


def load_handout_text(lang: str | None = None) -> HandoutText:
    """The project's handout words in ``lang`` (default: this run's language), cached once per language."""
    if lang is None:
        return _load_handout_text()
    with use_lang(lang):
        return _load_handout_text()


load_handout_text.cache_clear = _load_handout_text.cache_clear  # type: ignore[attr-defined]


def handout_date(day: date, lang: str | None = None) -> str:
    """The date printed on the sheet: ISO in English ('2026-12-02'), the language's long form otherwise
    ('2 de diciembre de 2026')."""
    lang = lang or current_lang()
    if lang == DEFAULT_LANG:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, format="long", locale=lang)
