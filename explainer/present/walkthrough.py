"""Case walkthroughs (content/cases/walkthroughs.yaml): read the story, mark the map, pick an answer, then see
what the engine reasons and why. Pure functions; the engine runs on the case's structured findings only."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from explainer.anatomy import Atlas, ContentError, load_atlas
from explainer.anatomy.files import parse_list, read_yaml
from explainer.bodymap.geometry import BodyMap, ViewName, load_body_map
from explainer.engine import Findings, Result, localise, make_findings
from explainer.i18n import current_lang, per_language
from explainer.paths import CONTENT_DIR
from explainer.present.practice_score import TapResult, score_taps

CASES_FILE: Final = "cases/walkthroughs.yaml"
N_CHOICES: Final = 4


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    best: str
    acceptable: tuple[str, ...] = ()
    red_flag: bool = False


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    id: str
    title: str = Field(min_length=3)
    story: str = Field(min_length=20)
    source: str
    zones: tuple[str, ...] = Field(min_length=1)
    symptoms: tuple[str, ...] = ()
    weak_movements: tuple[str, ...] = ()
    reflexes: dict[str, str] = Field(default_factory=dict)
    other: tuple[str, ...] = ()
    expected: Expected


def _check(case: Case, atlas: Atlas) -> None:
    def fail(field: str, problem: str) -> ContentError:
        return ContentError(file=CASES_FILE, record=case.id, field=field, problem=problem)

    if case.source not in atlas.sources:
        raise fail("source", f"'{case.source}' is not in sources.yaml")
    for answer in (case.expected.best, *case.expected.acceptable):
        if answer not in atlas.answers:
            raise fail("expected", f"'{answer}' is not in the answer vocabulary")
    try:
        findings_of(case, atlas=atlas)
    except (ValueError, ValidationError) as exc:
        raise fail("zones/symptoms/weak_movements/reflexes/other", str(exc).splitlines()[0]) from exc


def load_cases_from(content_dir: Path, *, atlas: Atlas) -> tuple[Case, ...]:
    """Every walkthrough, validated against the atlas (a broken file names the file, case and field)."""
    cases = parse_list(Case, read_yaml(content_dir / CASES_FILE, content_dir=content_dir), file=CASES_FILE, key="cases")
    for case in cases:
        _check(case, atlas)
    return cases


@per_language
def load_cases() -> tuple[Case, ...]:
    return load_cases_from(CONTENT_DIR, atlas=load_atlas())


def validate_practice_content(content_dir: Path, *, atlas: Atlas) -> None:
    """For ``python -m explainer check``: the practice wording builds a full question bank, and every case loads."""
    from explainer.engine.config import ENGINE_FILE, load_config_from
    from explainer.present.practice import build_bank
    from explainer.present.practice_text import load_practice_text_from

    text = load_practice_text_from(content_dir)
    try:
        sites = load_config_from(content_dir / ENGINE_FILE, atlas=atlas).sites
    except ContentError:  # reported on its own; the trap-site questions cannot be checked without it
        sites = None
    if sites is not None:
        build_bank(atlas=atlas, body=load_body_map(), sites=sites, text=text)
    load_cases_from(content_dir, atlas=atlas)


def case_by_id(case_id: str | None) -> Case | None:
    return next((c for c in load_cases() if c.id == case_id), None)


def findings_of(case: Case, *, atlas: Atlas) -> Findings:
    return make_findings(zones=case.zones, symptoms=case.symptoms, weak=case.weak_movements,
                         reflexes=case.reflexes, other=case.other, atlas=atlas)


def reasoning(case_id: str) -> Result:
    """The engine's ranked, explained answer for a case (cached per case and language)."""
    return _reasoning(case_id, current_lang())


@lru_cache(maxsize=64)
def _reasoning(case_id: str, lang: str) -> Result:
    case = case_by_id(case_id)
    if case is None:
        raise KeyError(case_id)
    return localise(findings_of(case, atlas=load_atlas()))


def _stable(case_id: str, item: str) -> str:
    return hashlib.sha1(f"{case_id}/{item}".encode()).hexdigest()


def choices(case: Case, result: Result, *, atlas: Atlas, n: int = N_CHOICES) -> tuple[str, ...]:
    """A short multiple choice: the expected answer, the engine's next candidates, then answers of the same kind
    as distractors - never an accepted answer offered as a wrong one. Order fixed per case (no position hint)."""
    accepted = {case.expected.best, *case.expected.acceptable}
    picked = [case.expected.best]
    for c in result.candidates:
        if c.id not in accepted and c.id not in picked and c.id in atlas.answers:
            picked.append(c.id)
        if len(picked) == n:
            break
    kind = atlas.answers[case.expected.best].kind
    spare = sorted((a for a in atlas.answers if a not in accepted and a not in picked and atlas.answers[a].kind == kind),
                   key=lambda a: _stable(case.id, a))
    picked.extend(spare[: n - len(picked)])
    return tuple(sorted(picked, key=lambda a: _stable(case.id, a)))


@dataclass(frozen=True)
class Judged:
    verdict: str  # "best", "acceptable" or "other"
    engine_first: str  # the engine's first answer


def judge(case: Case, picked: str, result: Result) -> Judged:
    verdict = "best" if picked == case.expected.best else ("acceptable" if picked in case.expected.acceptable else "other")
    return Judged(verdict=verdict, engine_first=result.candidates[0].id if result.candidates else "")


def marks_score(case: Case, marked: Sequence[str]) -> TapResult:
    """How the places marked compare with the places the person in the story describes (either side counts)."""
    required = tuple(dict.fromkeys(z.rsplit("_", 1)[0] for z in case.zones))
    return score_taps(marked, required=required)


def case_view(case: Case, body: BodyMap) -> ViewName:
    """The view holding most of the case's places (the one to mark first)."""
    counts: dict[ViewName, int] = {}
    for z in case.zones:
        view = body.view_of_zone(z)
        counts[view] = counts.get(view, 0) + 1
    return max(counts, key=lambda v: counts[v])
