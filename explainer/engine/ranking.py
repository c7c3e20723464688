"""Score every candidate on every side, keep the best side per candidate, normalise to posteriors."""

from __future__ import annotations

import math
from dataclasses import dataclass

from explainer.anatomy import Atlas, load_atlas
from explainer.engine.candidates import Spec, build_specs, context_index, priors
from explainer.engine.config import load_config
from explainer.engine.config_model import EngineConfig
from explainer.engine.evidence import Evidence, build_evidence
from explainer.engine.findings import Findings
from explainer.engine.multiplex import ANSWER as MULTIPLEX
from explainer.engine.multiplex import multiplex_candidates
from explainer.engine.scoring import ContextIndex, Scored, evaluate, variant_sides
from explainer.i18n import per_language

_SIDE_RANK = {"none": 0, "left": 1, "right": 2, "both": 3}


@dataclass(frozen=True)
class Model:
    """Everything the engine needs, built once: atlas, configuration, candidates and the context index."""

    atlas: Atlas
    config: EngineConfig
    specs: tuple[Spec, ...]
    index: ContextIndex
    multiplex_weight: float = 0.0  # prior weight of the mononeuritis multiplex answer (0: not in the vocabulary)


@dataclass(frozen=True)
class Ranked:
    scored: Scored
    answer: str
    posterior: float


def build_model(*, atlas: Atlas, config: EngineConfig) -> Model:
    weight = priors(atlas=atlas, config=config).get(MULTIPLEX, 0.0)
    return Model(atlas=atlas, config=config, specs=build_specs(atlas=atlas, config=config),
                 index=context_index(atlas=atlas, config=config), multiplex_weight=weight)


@per_language
def default_model() -> Model:
    """The project's model from content/ (cached once per language: its labels are in that language)."""
    return build_model(atlas=load_atlas(), config=load_config())


def _sort_key(s: Scored) -> tuple[float, int, int]:
    return (-s.score, s.spec.order, _SIDE_RANK[s.side])


def best_variants(ev: Evidence, *, model: Model) -> list[Scored]:
    """The best-scoring side of each candidate (and the best two-nerve pairing), best first, ties in a fixed order."""
    best: list[Scored] = []
    for spec in model.specs:
        variants = [evaluate(spec, side, ev, config=model.config, index=model.index) for side in variant_sides(spec)]
        best.append(min(variants, key=_sort_key))
    pairs = multiplex_candidates(ev, specs=model.specs, atlas=model.atlas, config=model.config, index=model.index,
                                 weight=model.multiplex_weight, order=len(model.specs))
    if pairs:
        best.append(min(pairs, key=_sort_key))
    return sorted(best, key=_sort_key)


def _pair_answer(s: Scored, scores: dict[str, float]) -> str:
    """A two-root candidate is reported as its better-explaining member root."""
    if s.spec.family != "root_pair":
        return s.spec.answer
    first, second = s.spec.members
    return second if scores.get(second, -math.inf) > scores.get(first, -math.inf) else first


def rank_evidence(ev: Evidence, *, model: Model) -> list[Ranked]:
    best = best_variants(ev, model=model)
    top = max(s.score for s in best)
    total = sum(math.exp(s.score - top) for s in best)
    singles = {s.spec.key: s.score for s in best if s.spec.family == "root"}
    return [Ranked(scored=s, answer=_pair_answer(s, singles), posterior=math.exp(s.score - top) / total) for s in best]


def rank(findings: Findings, *, model: Model | None = None) -> list[Ranked]:
    """Every candidate, best first, with its posterior (sums to 1 over the list)."""
    model = model or default_model()
    return rank_evidence(build_evidence(findings, atlas=model.atlas, config=model.config), model=model)
