"""Patient-facing text in content/: articles (Markdown), answer explanations, the self-check, UI strings.

Validated like the anatomy files: unknown keys rejected, every source key and id must resolve.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any, Final, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from explainer.anatomy import Atlas, ContentError, load_atlas
from explainer.anatomy.files import parse_record, parse_yaml, read_text, read_yaml
from explainer.i18n import localised_file, per_language
from explainer.paths import CONTENT_DIR


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class MapLink(_Text):
    label: str
    query: str


class Article(_Text):
    id: str
    title: str
    summary: str
    map_links: tuple[MapLink, ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)
    body: str = ""


class AnswerText(_Text):
    plain_name: str
    what_it_means: str
    what_usually_helps: str
    who_to_see: str
    sources: tuple[str, ...] = Field(min_length=1)


Option = Literal["yes", "sometimes", "no", "not_sure"]


class Question(_Text):
    id: str
    text: str
    options: tuple[Option, ...]
    weight_yes: float


class Outcome(_Text):
    id: str
    title: str
    text: str
    min_score: float | None = None
    when: dict[str, Option] | None = None


class SelfCheck(_Text):
    intro: str
    questions: tuple[Question, ...] = Field(min_length=1)
    outcomes: tuple[Outcome, ...] = Field(min_length=1)
    safety: str
    sources: tuple[str, ...] = Field(min_length=1)


# Every kind of reason the engine gives (explainer/engine/explain.py) plus the two directions of a context reason;
# text/reasons.yaml must give each a plain line (a test keeps this list in step with the engine).
REASON_KINDS: Final = (
    "zones_primary", "zones_also", "zones_axial", "zones_outside", "unmarked", "normal_zone", "one_sided", "bilateral",
    "symmetry", "both_sides", "both_sides_common", "strength_normal", "reflexes_normal", "weak_major", "weak_minor",
    "weak_outside", "normal_major", "normal_minor", "reflex_main", "reflex_other", "reflex_outside", "brisk_umn",
    "brisk_lmn", "reflex_normal_main", "reflex_normal_other", "hands_before_feet", "context_for", "context_against",
    "sensation", "feet_spared", "painless_root", "perioral_acral",
)
REASON_FIELDS: Final = frozenset({"places", "count", "move", "reflex", "value", "finding"})


class ReasonTexts(_Text):
    """Plain reason lines for the self-guided voice (content/text/reasons.yaml)."""

    kinds: dict[str, str]
    reflex_values: dict[str, str]
    reflexes: dict[str, str]
    findings: dict[str, str]


class Texts(_Text):
    articles: tuple[Article, ...]
    answers: dict[str, AnswerText]
    selfcheck: SelfCheck
    ui: dict[str, Any]
    reasons: ReasonTexts

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def ui_text(self, key: str) -> str:
        value = self.ui.get(key, "")
        return value if isinstance(value, str) else ""


def _front_matter(path: Path, content_dir: Path) -> Article:
    name = path.relative_to(content_dir).as_posix()
    text = read_text(path, name=name)
    if not text.startswith("---") or text.count("---") < 2:
        raise ContentError(file=name, record=path.stem, field="-", problem="expected a '---' front-matter block")
    _, head, body = text.split("---", 2)
    try:
        meta = parse_yaml(head) or {}
    except yaml.YAMLError as exc:
        raise ContentError(file=name, record=path.stem, field="-", problem=f"front matter is not valid YAML ({exc})",
                           kind="unreadable") from exc
    if not isinstance(meta, dict):
        raise ContentError(file=name, record=path.stem, field="-", problem="front matter must be 'key: value' lines")
    return parse_record(Article, {**meta, "body": body.strip()}, file=name, index=0)


def _mapping(raw: Any, key: str, *, file: str) -> dict[str, Any]:
    """``raw[key]`` when raw is a mapping holding a mapping there (a file may hold the mapping itself)."""
    inner = raw.get(key, raw) if isinstance(raw, dict) else raw
    if not isinstance(inner, dict):
        raise ContentError(file=file, record="-", field=key, problem=f"expected a '{key}:' mapping")
    return inner


def _check_sources(name: str, record: str, keys: tuple[str, ...], atlas: Atlas) -> None:
    for key in keys:
        if key not in atlas.sources:
            raise ContentError(file=name, record=record, field="sources", problem=f"unknown source key {key!r}")


def _load_reasons(content_dir: Path, *, atlas: Atlas) -> ReasonTexts:
    name = "text/reasons.yaml"
    reasons = parse_record(ReasonTexts, read_yaml(content_dir / name, content_dir=content_dir), file=name, index=0)
    for kind in REASON_KINDS:
        if kind not in reasons.kinds:
            raise ContentError(file=name, record=kind, field="kinds", problem="no plain line for this kind of reason")
    for kind, line in reasons.kinds.items():
        if kind not in REASON_KINDS:
            raise ContentError(file=name, record=kind, field="kinds", problem="not a kind of reason the engine gives")
        unknown = {f for _, f, _, _ in string.Formatter().parse(line) if f} - REASON_FIELDS
        if unknown:
            raise ContentError(file=name, record=kind, field="kinds",
                               problem=f"unknown placeholder(s) {sorted(unknown)}; use {sorted(REASON_FIELDS)}")
    for field, known in (("reflexes", atlas.reflexes), ("findings", atlas.findings)):
        for key in getattr(reasons, field):
            if key not in known:
                raise ContentError(file=name, record=key, field=field, problem=f"unknown id in {field}")
    return reasons


def load_texts_from(content_dir: Path, *, atlas: Atlas) -> Texts:
    # The English files decide which articles exist; a translation (content/i18n/<lang>/articles/) replaces one whole.
    articles = tuple(_front_matter(localised_file(content_dir, f"articles/{p.name}"), content_dir)
                     for p in sorted((content_dir / "articles").glob("*.md")))
    for a in articles:
        _check_sources(f"articles/{a.id}.md", a.id, a.sources, atlas)
    raw_answers = read_yaml(content_dir / "text" / "answers.yaml", content_dir=content_dir)
    answers = {
        k: parse_record(AnswerText, v, file="text/answers.yaml", index=i)
        for i, (k, v) in enumerate(_mapping(raw_answers, "answers", file="text/answers.yaml").items())
    }
    for answer_id in atlas.answers:
        if answer_id not in answers:
            raise ContentError(file="text/answers.yaml", record=answer_id, field="-", problem="answer has no text")
    for answer_id, body in answers.items():
        if answer_id not in atlas.answers:
            raise ContentError(file="text/answers.yaml", record=answer_id, field="-", problem="not in the answer vocabulary")
        _check_sources("text/answers.yaml", answer_id, body.sources, atlas)
    selfcheck = parse_record(SelfCheck, read_yaml(content_dir / "connected.yaml", content_dir=content_dir),
                             file="connected.yaml", index=0)
    _check_sources("connected.yaml", "-", selfcheck.sources, atlas)
    ui = _mapping(read_yaml(content_dir / "text" / "ui.yaml", content_dir=content_dir), "ui", file="text/ui.yaml")
    return Texts(articles=articles, answers=answers, selfcheck=selfcheck, ui=ui,
                 reasons=_load_reasons(content_dir, atlas=atlas))


@per_language
def load_texts() -> Texts:
    return load_texts_from(CONTENT_DIR, atlas=load_atlas())


__all__ = ["REASON_KINDS", "AnswerText", "Article", "ReasonTexts", "SelfCheck", "Texts", "load_texts", "load_texts_from"]
