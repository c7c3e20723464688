"""The localisation engine: findings -> ranked, explained candidates, red flags and open questions."""

from explainer.engine.explain import CandidateOut, FlagOut, Result, localise
from explainer.engine.findings import Findings, UnknownIdError, make_findings, parse_findings
from explainer.engine.ranking import Model, build_model, default_model, rank

__all__ = [
    "CandidateOut",
    "Findings",
    "FlagOut",
    "Model",
    "Result",
    "UnknownIdError",
    "build_model",
    "default_model",
    "localise",
    "make_findings",
    "parse_findings",
    "rank",
]
