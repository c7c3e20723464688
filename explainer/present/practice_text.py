"""The Practise page's wording (content/text/practice.yaml): levels, question templates keyed by id, feedback."""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from explainer.anatomy import ContentError
from explainer.anatomy.files import parse_record, read_yaml
from explainer.i18n import per_language
from explainer.paths import CONTENT_DIR

Level = Literal["patient", "student", "clinician"]
Kind = Literal["tap", "choose"]
LEVELS: Final[tuple[Level, ...]] = get_args(Level)
TEXT_FILE: Final = "text/practice.yaml"


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LevelText(_Text):
    id: Level
    label: str
    blurb: str


class Template(_Text):
    id: str = Field(pattern=r"^[a-z_]+$")
    level: Level
    kind: Kind
    subjects: tuple[str, ...] = Field(min_length=1)
    prompt: str
    explain: str


class PracticeText(_Text):
    levels: tuple[LevelText, ...] = Field(min_length=3, max_length=3)
    templates: tuple[Template, ...] = Field(min_length=1)
    feedback: dict[str, str]


def load_practice_text_from(content_dir: Path = CONTENT_DIR) -> PracticeText:
    raw = read_yaml(content_dir / TEXT_FILE, content_dir=content_dir)
    text = parse_record(PracticeText, raw, file=TEXT_FILE, index=0)
    seen: set[str] = set()
    for t in text.templates:
        if t.id in seen:
            raise ContentError(file=TEXT_FILE, record=t.id, field="id", problem="template id used twice")
        seen.add(t.id)
    return text


@per_language
def load_practice_text() -> PracticeText:
    return load_practice_text_from()
