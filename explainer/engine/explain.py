"""Ranked, explained output: strength words, readable reasons with their LR, chart notes, next question."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict

from explainer.anatomy import Atlas
from explainer.engine.config_model import EngineConfig
from explainer.engine.evidence import Evidence, build_evidence
from explainer.engine.findings import Findings
from explainer.engine.questions import next_questions
from explainer.engine.ranking import Model, Ranked, default_model, rank_evidence
from explainer.engine.redflags import open_questions, red_flags
from explainer.engine.scoring import Part
from explainer.engine.validate import as_findings


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reason(Out):
    text: str
    lr: float
    kind: str = ""  # the scoring part it comes from (e.g. "weak_major", "context"), for other voices
    subject: str = ""  # that part's subject: zone ids, a movement, reflex or "finding#rule"


class CandidateOut(Out):
    id: str
    key: str
    label: str
    kind: str
    side: str
    score: float
    strength: str
    prior_weight: float
    explained_zones: list[str]
    unexplained_zones: list[str]
    unmarked_territory: list[str]
    supporting: list[Reason]
    against: list[Reason]
    chart_notes: list[str]
    next_question: str | None
    self_question: str | None = None  # the best question a person can answer alone (no reflexes)
    detail: str = ""  # what a composite answer is made of, e.g. the nerves of a mononeuritis multiplex


class FlagOut(Out):
    id: str
    name: str
    level: str
    reason: str
    advice: str
    matched: list[str]


class Result(Out):
    candidates: list[CandidateOut]
    red_flags: list[FlagOut]
    open_questions: list[str]


def strength_word(posterior: float, *, config: EngineConfig) -> str:
    if posterior >= config.thresholds.strong:
        return "strong"
    return "possible" if posterior >= config.thresholds.possible else "unlikely"


_ZONE_TEXT = {
    "zones_primary": "Marked places it usually supplies: {s}",
    "zones_also": "Marked places some charts give it: {s}",
    "zones_axial": "Pain it explains as spinal or compression-site pain: {s}",
    "zones_outside": "Marked places it does not supply: {s}",
    "unmarked": "Not marked: {s} of the places it usually supplies",
    "normal_zone": "Skin reported normal inside its territory: {s}",
    "one_sided": "Only one side is involved, though this pattern affects both sides",
    "bilateral": "Both sides are involved, as this pattern expects",
    "symmetry": "Both sides involved, {s} of marked zones mirrored on the other side",
    "both_sides": "The same lesion on both sides is uncommon",
    "hands_before_feet": "Hands without the feet: this pattern usually starts in the feet",
    "feet_spared": "The feet are not involved: this pattern usually starts in the feet",
    "perioral_acral": "Face and both hands tingling together: the over-breathing (low carbon dioxide) or low-calcium pattern",
    "painless_root": "Weakness without pain, numbness or tingling: a root lesion almost always hurts or tingles",
    "both_sides_common": "Both sides are involved, which is common for this nerve (for example carpal tunnel in both hands)",
    "strength_normal": "Strength is normal, although it usually causes weakness",
    "reflexes_normal": "Reflexes are normal, although it usually changes a reflex",
    "sensation": "Sensation: {s}",
}
_MOVE_TEXT = {
    "weak_major": "Weakness ({s}): it is a main supply of this movement",
    "weak_minor": "Weakness ({s}): it supplies this movement only in part",
    "weak_outside": "Weakness ({s}): it cannot weaken this movement",
    "normal_major": "Normal strength ({s}), although it is the main supply",
    "normal_minor": "Normal strength ({s}); it is only a partial supply",
}
_REFLEX_TEXT = {
    "reflex_main": "{s} {v}: a reflex it mainly carries",
    "reflex_other": "{s} {v}: a reflex it partly carries",
    "reflex_outside": "{s} {v}: it does not carry this reflex",
    "brisk_umn": "{s} brisk: an upper-motor-neuron sign it explains",
    "brisk_lmn": "{s} brisk: a root, plexus or nerve lesion cannot make a reflex brisk",
    "reflex_normal_main": "{s} normal, although it mainly carries it",
    "reflex_normal_other": "{s} normal (it partly carries it)",
}


def part_text(part: Part, ev: Evidence, *, model: Model) -> str:
    atlas, config = model.atlas, model.config
    if part.kind in _MOVE_TEXT:
        return _MOVE_TEXT[part.kind].format(s=atlas.movements[part.subject].name.lower())
    if part.kind in _REFLEX_TEXT:
        value = ev.reduced.get(part.subject, "")
        return _REFLEX_TEXT[part.kind].format(s=atlas.reflexes[part.subject].name, v=value)
    if part.kind == "context":
        finding, _, idx = part.subject.partition("#")
        return f"{atlas.findings[finding].label}: {config.context[int(idx)].why}"
    subject = zone_names(part.subject, atlas=atlas) if part.kind.startswith(("zones_", "normal_zone")) else part.subject
    return _ZONE_TEXT.get(part.kind, part.kind).format(s=subject)


def zone_names(subject: str, *, atlas: Atlas) -> str:
    """'foot_dorsum_right, heel_lateral' -> 'Top of the foot ... (right), Outer heel ...' for people to read."""
    out: list[str] = []
    for item in subject.split(", "):
        base, _, side = item.rpartition("_")
        if side in ("left", "right") and base in atlas.zones:
            out.append(f"{atlas.zones[base].name} ({side})")
        else:
            out.append(atlas.zones[item].name if item in atlas.zones else item)
    return ", ".join(out)


def _reasons(parts: list[Part], ev: Evidence, *, model: Model) -> list[Reason]:
    return [Reason(text=part_text(p, ev, model=model), lr=round(math.exp(p.log_lr), 3), kind=p.kind, subject=p.subject)
            for p in parts]


def _chart_notes(zones: tuple[str, ...], *, model: Model) -> list[str]:
    bases = dict.fromkeys(z.rsplit("_", 1)[0] for z in zones)
    notes = [(b, model.atlas.zone_text[b].chart_note) for b in bases if b in model.atlas.zone_text]
    return [f"{model.atlas.zones[b].name}: {n}" for b, n in notes if n]


def candidate_out(r: Ranked, rival: Ranked | None, ev: Evidence, *, model: Model) -> CandidateOut:
    s = r.scored
    parts = [p for p in s.parts if p.kind != "prior"]
    question, own = next_questions(s, rival.scored, ev, atlas=model.atlas, w=model.config.weights) if rival else (None, None)
    return CandidateOut(
        id=r.answer, key=s.spec.key, label=s.spec.label, kind=s.spec.kind, side=s.side,
        score=round(r.posterior, 4), strength=strength_word(r.posterior, config=model.config),
        prior_weight=round(math.exp(s.spec.log_prior), 3),
        explained_zones=list(s.explained), unexplained_zones=list(s.unexplained), unmarked_territory=list(s.unmarked),
        supporting=_reasons([p for p in parts if p.log_lr > 0], ev, model=model),
        against=_reasons([p for p in parts if p.log_lr < 0], ev, model=model),
        chart_notes=_chart_notes(s.explained, model=model), next_question=question, self_question=own,
        detail=s.spec.label.partition(" (")[2].rstrip(")") if s.spec.family == "multiplex" else "",
    )


def explain_evidence(ev: Evidence, *, model: Model, limit: int = 10) -> Result:
    ranked = rank_evidence(ev, model=model)[: max(limit, 2)]
    leader = ranked[0]
    runner = next((r for r in ranked[1:] if r.answer != leader.answer), ranked[1])
    cands = [candidate_out(r, runner if i == 0 else leader, ev, model=model) for i, r in enumerate(ranked[:limit])]
    flags = [FlagOut(id=f.id, name=f.name, level=f.level, reason=f.reason, advice=f.advice, matched=list(f.matched))
             for f in red_flags(ev, atlas=model.atlas, config=model.config)]
    return Result(candidates=cands, red_flags=flags, open_questions=open_questions(ev, atlas=model.atlas, config=model.config))


def localise(findings: Findings, *, model: Model | None = None, limit: int = 10) -> Result:
    """Findings -> ranked, explained candidates, red flags and open safety questions."""
    model = model or default_model()
    findings = as_findings(findings, atlas=model.atlas)  # raw or mistyped findings: InvalidFindingsError
    return explain_evidence(build_evidence(findings, atlas=model.atlas, config=model.config), model=model, limit=limit)
