"""Scoring of the "are my back and leg symptoms connected?" self-check (rules in content/connected.yaml).

yes = +weight, sometimes = +weight/2, no = -weight/2, not sure = 0. The score picks the outcome with the highest
min_score it reaches; outcomes with `when` are pattern notes shown in addition when their answer is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from explainer.i18n import t
from explainer.present.lazy import LazyLabels
from explainer.texts import Outcome, SelfCheck

FACTOR: dict[str, float] = {"yes": 1.0, "sometimes": 0.5, "no": -0.5, "not_sure": 0.0}
OPTION_LABELS = LazyLabels(lambda: {"yes": t("Yes"), "sometimes": t("Sometimes"), "no": t("No"), "not_sure": t("Not sure")})


@dataclass(frozen=True)
class SelfCheckSummary:
    answered: int
    total: int
    score: float
    outcome: Outcome | None
    notes: tuple[Outcome, ...]
    safety: str

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def score(check: SelfCheck, answers: Mapping[str, str]) -> float:
    return sum(q.weight_yes * FACTOR.get(answers.get(q.id, "not_sure"), 0.0) for q in check.questions)


def pick_outcome(check: SelfCheck, value: float) -> Outcome | None:
    ranked = sorted((o for o in check.outcomes if o.min_score is not None), key=lambda o: -(o.min_score or 0.0))
    return next((o for o in ranked if value >= (o.min_score or 0.0)), ranked[-1] if ranked else None)


def pattern_notes(check: SelfCheck, answers: Mapping[str, str]) -> tuple[Outcome, ...]:
    return tuple(o for o in check.outcomes
                 if o.when and all(answers.get(q) == opt for q, opt in o.when.items()))


def summarise(check: SelfCheck, answers: Mapping[str, str]) -> SelfCheckSummary:
    """The plain summary for the answers so far; no outcome until at least one question is answered."""
    known = {q.id for q in check.questions}
    clean = {k: v for k, v in answers.items() if k in known and v in FACTOR}
    value = score(check, clean)
    return SelfCheckSummary(
        answered=len(clean), total=len(check.questions), score=value,
        outcome=pick_outcome(check, value) if clean else None,
        notes=pattern_notes(check, clean), safety=check.safety,
    )
