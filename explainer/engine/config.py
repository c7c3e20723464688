"""Loading content/engine.yaml with file/record/field errors, and resolving target selectors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from explainer.anatomy import DERMATOMAL_ROOTS, Atlas, ContentError, load_atlas
from explainer.anatomy.files import read_yaml
from explainer.engine.config_model import EngineConfig
from explainer.i18n import per_language
from explainer.paths import CONTENT_DIR

ENGINE_FILE: Final = "engine.yaml"


def _record_of(loc: tuple[Any, ...], raw: Any) -> str:
    """'priors[3]' or the record's id / finding, from a pydantic error location."""
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(raw, Mapping):
        items = raw.get(loc[0])
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], Mapping):
            item = items[loc[1]]
            for key in ("id", "finding", "nerve"):
                if key in item:
                    return f"{loc[0]}[{loc[1]}] ({item[key]})"
        return f"{loc[0]}[{loc[1]}]"
    return str(loc[0]) if loc else "-"


def parse_config(raw: Any) -> EngineConfig:
    """Validate the raw YAML; the first problem becomes a ContentError naming record and field."""
    try:
        return EngineConfig.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        field = ".".join(str(p) for p in loc) or "-"
        problem = "unknown key (not part of the schema)" if err["type"] == "extra_forbidden" else err["msg"]
        if err["type"] == "missing":
            problem = "required field is missing"
        raise ContentError(file=ENGINE_FILE, record=_record_of(loc, raw), field=field, problem=problem) from exc


def load_config_from(path: Path, *, atlas: Atlas) -> EngineConfig:
    """Load, validate and cross-check an engine file against the atlas (not cached)."""
    config = parse_config(read_yaml(path, content_dir=path.parent))
    problems = config_problems(config, atlas=atlas)
    if problems:
        raise problems[0]
    return config


@per_language
def load_config() -> EngineConfig:
    """The project's engine configuration, loaded once per process."""
    return load_config_from(CONTENT_DIR / ENGINE_FILE, atlas=load_atlas())


def resolve(selector: str, *, atlas: Atlas, config: EngineConfig) -> frozenset[str]:
    """Answer ids matched by one target selector; unknown selectors raise ValueError."""
    head, _, arg = selector.partition(":")
    if not arg:
        if selector not in atlas.answers:
            raise ValueError(f"unknown answer id {selector!r}")
        return frozenset({selector})
    if head == "kind":
        return frozenset(a.id for a in atlas.answers.values() if a.kind == arg)
    if head == "roots":
        first, _, last = arg.partition("-")
        order = list(DERMATOMAL_ROOTS)
        if first not in order or last not in order:
            raise ValueError(f"bad root range {selector!r}")
        span = order[order.index(first) : order.index(last) + 1]
        return frozenset(r for r in span if r in atlas.answers)
    if head == "limb":
        return frozenset(a for a in atlas.answers if a in atlas.nerves and atlas.nerves[a].limb == arg)
    if head == "group" and arg in config.groups:
        return frozenset().union(*(resolve(s, atlas=atlas, config=config) for s in config.groups[arg]))
    raise ValueError(f"unknown selector {selector!r}")


def resolve_all(selectors: Iterable[str], *, atlas: Atlas, config: EngineConfig) -> frozenset[str]:
    return frozenset().union(*(resolve(s, atlas=atlas, config=config) for s in selectors))


def _problem(record: str, field: str, problem: str) -> ContentError:
    return ContentError(file=ENGINE_FILE, record=record, field=field, problem=problem)


def _check_targets(config: EngineConfig, atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    named: list[tuple[str, str, tuple[str, ...]]] = [(f"priors[{i}]", "targets", p.targets) for i, p in enumerate(config.priors)]
    named += [(f"context[{i}] ({c.finding})", "targets", c.targets) for i, c in enumerate(config.context)]
    named += [(f"axial[{i}]", "roots", a.roots) for i, a in enumerate(config.axial)]
    named += [(f"groups.{g}", "-", s) for g, s in config.groups.items()]
    named += [("bilateral_common", "-", config.bilateral_common), ("partial_area", "-", config.partial_area)]
    for record, field, selectors in named:
        for s in selectors:
            try:
                resolve(s, atlas=atlas, config=config)
            except ValueError as exc:
                errs.append(_problem(record, field, str(exc)))
    return errs


def _check_ids(config: EngineConfig, atlas: Atlas) -> list[ContentError]:
    errs: list[ContentError] = []
    findings = [(f"context[{i}]", c.finding) for i, c in enumerate(config.context)]
    findings += [(f"normal_tags[{i}]", t.finding) for i, t in enumerate(config.normal_tags)]
    findings += [("saddle_questions", f) for f in config.saddle_questions]
    findings += [(f"exam_signs ({e.sign})", f) for e in config.exam_signs for f in (e.positive, e.negative) if f]
    findings += [("not_length_dependent", f) for f in config.not_length_dependent]
    errs += [_problem(r, "finding", f"unknown finding {f!r}") for r, f in findings if f not in atlas.findings]
    zones = [z for t in config.normal_tags for z in t.zones] + [z for a in config.axial for z in a.zones]
    zones += list(config.saddle_zones)
    zones += [z for s in config.spared for z in s.zones] + [z for s in config.sites for z in s.zones]
    zones += list(config.pain_only_zones)
    for p in config.patterns:
        zones += [*p.skin.primary_zones, *p.skin.also_zones, *p.skin.axial_zones]
        moves = [*p.major_movements, *p.minor_movements]
        errs += [_problem(p.id, "movements", f"unknown movement {m!r}") for m in moves
                 if m not in atlas.movements and m not in ("limb:upper", "limb:lower")]
        errs += [_problem(p.id, "reflexes", f"unknown reflex {r!r}") for r in (*p.main_reflexes, *p.other_reflexes)
                 if r not in atlas.reflexes]
        if p.id not in atlas.answers or atlas.answers[p.id].kind != "pattern":
            errs.append(_problem(p.id, "id", "pattern id must be a pattern answer in vocab_answers.yaml"))
    errs += [_problem("-", "zones", f"unknown zone {z!r}") for z in zones if z not in atlas.zones]
    moves = [m for t in config.normal_tags for m in t.movements] + [m for s in config.spared for m in s.movements]
    errs += [_problem("-", "movements", f"unknown movement {m!r}") for m in moves if m not in atlas.movements]
    errs += [_problem("-", "reflexes", f"unknown reflex {r!r}") for t in config.normal_tags for r in t.reflexes
             if r not in atlas.reflexes]
    nerves = [("spared", s.nerve) for s in config.spared] + [("sites", s.nerve) for s in config.sites]
    errs += [_problem(r, "nerve", f"unknown nerve {n!r}") for r, n in nerves if n not in atlas.nerves]
    return errs


def _check_sources(config: EngineConfig, atlas: Atlas) -> list[ContentError]:
    rated = [(f"weights.{k}", v.source) for k, v in config.weights]
    rated += [(f"priors[{i}]", p.source) for i, p in enumerate(config.priors)]
    rated += [(f"context[{i}]", c.source) for i, c in enumerate(config.context)]
    rated += [(p.id, p.source) for p in config.patterns] + [("axial", a.source) for a in config.axial]
    rated += [("spared", s.source) for s in config.spared] + [("sites", s.source) for s in config.sites]
    return [_problem(r, "source", f"unknown source key {s!r}") for r, s in rated if s not in atlas.sources]


def config_problems(config: EngineConfig, *, atlas: Atlas) -> list[ContentError]:
    """Every cross-reference problem: unknown answers, findings, zones, movements, reflexes or sources."""
    return [*_check_targets(config, atlas), *_check_ids(config, atlas), *_check_sources(config, atlas)]
