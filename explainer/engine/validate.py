"""Checking findings before the engine sees them: every invalid part is listed at once, by field.

Called from the engine's public entry points (``parse_findings``/``make_findings`` and ``localise``). Unknown
ids, wrong types, unknown fields and reflex results outside reduced|absent|brisk all raise one
InvalidFindingsError. It is an UnknownIdError (and so a ValueError): callers that already catch that keep working.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from pydantic import ValidationError

from explainer.anatomy import Atlas, split_instance
from explainer.engine.exam import Exam
from explainer.engine.findings import Findings, UnknownIdError

LIST_FIELDS: Final[dict[str, str]] = {"zones": "zone", "symptoms": "symptom", "weak_movements": "movement",
                                      "other": "finding"}
REFLEX_VALUES: Final = ("reduced", "absent", "brisk")
FIELDS: Final = (*LIST_FIELDS, "reflexes", "exam")


@dataclass(frozen=True)
class FindingProblem:
    field: str  # e.g. "zones"
    kind: str  # e.g. "zone", "type", "field"
    value: str  # the offending value, shortened
    problem: str

    def __str__(self) -> str:
        return f"{self.field}: {self.problem}"


class InvalidFindingsError(UnknownIdError):
    """Findings with one or more invalid parts; ``problems`` lists every one."""

    def __init__(self, problems: list[FindingProblem]) -> None:
        super().__init__(kind=problems[0].kind, value=problems[0].value)
        self.problems = tuple(problems)
        listed = "; ".join(str(p) for p in problems[:20]) + ("; …" if len(problems) > 20 else "")
        self.args = (f"{len(problems)} invalid part(s) in the findings: {listed}",)


def _short(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _known(field: str, kind: str, value: Any, atlas: Atlas) -> bool:
    if field == "zones":
        try:
            base, _ = split_instance(value)
        except ValueError:
            return False
        return base in atlas.zones
    vocab: Mapping[str, object] = {"symptom": atlas.symptoms, "movement": atlas.movements, "finding": atlas.findings}[kind]
    return value in vocab


def _list_problems(field: str, raw: object, atlas: Atlas) -> list[FindingProblem]:
    kind = LIST_FIELDS[field]
    if isinstance(raw, (str, bytes)) or not isinstance(raw, (list, tuple, set, frozenset)):
        return [FindingProblem(field, "type", _short(raw), f"expected a list of {kind} ids, got {type(raw).__name__}")]
    out: list[FindingProblem] = []
    for item in raw:
        if not isinstance(item, str):
            out.append(FindingProblem(field, "type", _short(item), f"expected a {kind} id, got {type(item).__name__}"))
        elif not _known(field, kind, item, atlas):
            out.append(FindingProblem(field, kind, _short(item), f"unknown {kind} id {_short(item)!r}"))
    return out


def _reflex_problems(raw: object, atlas: Atlas) -> list[FindingProblem]:
    if not isinstance(raw, Mapping):
        return [FindingProblem("reflexes", "type", _short(raw), f"expected reflex: result pairs, got {type(raw).__name__}")]
    out: list[FindingProblem] = []
    for name, value in raw.items():
        if not isinstance(name, str) or name not in atlas.reflexes:
            out.append(FindingProblem("reflexes", "reflex", _short(name), f"unknown reflex id {_short(name)!r}"))
        if value not in REFLEX_VALUES:
            out.append(FindingProblem("reflexes", "reflex result", _short(value),
                                      f"{_short(name)}: got {_short(value)!r}, expected one of {', '.join(REFLEX_VALUES)}"))
    return out


def findings_problems(raw: object, *, atlas: Atlas) -> list[FindingProblem]:
    """Every invalid part of raw findings (a mapping of zones, symptoms, weak_movements, reflexes, other)."""
    if not isinstance(raw, Mapping):
        return [FindingProblem("-", "type", _short(raw), f"findings must be a mapping of {', '.join(FIELDS)}, "
                                                          f"got {type(raw).__name__}")]
    out = [FindingProblem(_short(k), "field", _short(k), f"unknown field (expected {', '.join(FIELDS)})")
           for k in raw if k not in FIELDS]
    for field in LIST_FIELDS:
        if field in raw:
            out += _list_problems(field, raw[field], atlas)
    if "reflexes" in raw:
        out += _reflex_problems(raw["reflexes"], atlas)
    if raw.get("exam") is not None:
        out += _exam_problems(raw["exam"], atlas)
    return out


def _exam_problems(raw: object, atlas: Atlas) -> list[FindingProblem]:
    try:
        Exam.model_validate(raw, context={"atlas": atlas})
    except ValidationError as exc:
        return [FindingProblem("exam", "exam", _short(err.get("input")),
                               f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}") for err in exc.errors()]
    return []


def check_findings(raw: object, *, atlas: Atlas) -> None:
    """Raise InvalidFindingsError listing every invalid part; return quietly when the findings are valid."""
    problems = findings_problems(raw, atlas=atlas)
    if problems:
        raise InvalidFindingsError(problems)


def as_findings(value: object, *, atlas: Atlas) -> Findings:
    """A Findings object as given, or raw findings checked and parsed (anything else: InvalidFindingsError)."""
    if isinstance(value, Findings):
        return value
    check_findings(value, atlas=atlas)
    return Findings.model_validate(value, context={"atlas": atlas})
