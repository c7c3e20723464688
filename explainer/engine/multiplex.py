"""Mononeuritis multiplex: two different named nerves on opposite sides, built per evidence from the best nerves.

A static candidate cannot say "the left ulnar and the right common fibular nerve", so the candidate is built for
each call: the `multiplex_per_side` best-scoring nerves on each side are paired (never a nerve with itself or with
its own trunk or branch), each pair scored as one candidate whose skin is the left nerve's on the left and the
right nerve's on the right, whose movements and reflexes are both nerves', and whose prior is the pattern's.
"""

from __future__ import annotations

import math
from types import MappingProxyType

from explainer.anatomy import Atlas
from explainer.engine.candidates import MoveRole, ReflexRole, Spec
from explainer.engine.config_model import EngineConfig
from explainer.engine.evidence import Evidence
from explainer.engine.scoring import ContextIndex, Scored, evaluate
from explainer.i18n import t

ANSWER = "mononeuritis_multiplex"


def _related(a: str, b: str, *, atlas: Atlas) -> bool:
    return a == b or a in atlas.nerve_descendants(b) or b in atlas.nerve_descendants(a)


def _merge_roles(first: dict[str, str], second: dict[str, str]) -> dict[str, str]:
    out = dict(first)
    for key, role in second.items():
        if out.get(key) not in ("major", "main"):
            out[key] = role
    return out


def pair_spec(left: Spec, right: Spec, *, weight: float, order: int) -> Spec:
    """One candidate: `left` nerve on the left side, `right` nerve on the right side."""
    moves: dict[str, MoveRole] = _merge_roles(dict(left.movements), dict(right.movements))  # type: ignore[assignment]
    reflexes: dict[str, ReflexRole] = _merge_roles(dict(left.reflexes), dict(right.reflexes))  # type: ignore[assignment]
    return Spec(key=f"{ANSWER}:{left.answer}+{right.answer}", answer=ANSWER,
                label=t("Mononeuritis multiplex ({left} on the left, {right} on the right)", left=left.label,
                        right=right.label),
                kind="pattern", family="multiplex", members=(ANSWER, left.answer, right.answer),
                skin=MappingProxyType({**left.skin, **right.skin}), movements=MappingProxyType(moves),
                reflexes=MappingProxyType(reflexes), umn=False, sides="both", symmetric=False,
                log_prior=math.log(weight), order=order, partial_area=left.partial_area and right.partial_area,
                side_skin=MappingProxyType({"left": left.skin, "right": right.skin}))


def _best_on(side: str, nerves: list[Spec], ev: Evidence, *, config: EngineConfig, index: ContextIndex,
             keep: int) -> list[Spec]:
    """The nerves that best explain the marks on one side (each must explain at least one marked zone there)."""
    marked = {b for b, s in ev.marked if s == side}
    useful = [n for n in nerves if marked & set(n.primary)]
    scored = sorted(useful, key=lambda n: -evaluate(n, side, ev, config=config, index=index).score)  # type: ignore[arg-type]
    return scored[:keep]


def multiplex_candidates(ev: Evidence, *, specs: tuple[Spec, ...], atlas: Atlas, config: EngineConfig,
                         index: ContextIndex, weight: float, order: int) -> list[Scored]:
    """Scored two-nerve candidates for this evidence (empty unless both sides hold marks)."""
    if weight <= 0 or config.multiplex_per_side == 0 or not (ev.bases_on("left") and ev.bases_on("right")):
        return []
    nerves = [s for s in specs if s.family == "nerve"]
    keep = config.multiplex_per_side
    lefts = _best_on("left", nerves, ev, config=config, index=index, keep=keep)
    rights = _best_on("right", nerves, ev, config=config, index=index, keep=keep)
    return [evaluate(pair_spec(a, b, weight=weight, order=order), "both", ev, config=config, index=index)
            for a in lefts for b in rights if not _related(a.answer, b.answer, atlas=atlas)]
