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
from explainer.i18n import t


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reason(Out):
    text: str
    lr: float
    kind: str = ""  # the scoring part it comes from (e.g. "weak_major", "context"), for other voices
    subject: str = ""  # that part's subject: zone ids, a movement, reflex or "finding#rule"
    value: str = ""  # a reflex reason's result, untranslated: reduced, absent, brisk or normal


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


def _zone_text(kind: str, subject: str) -> str:
    texts = {
        "zones_primary": lambda: t("Marked places it usually supplies: {places}", places=subject),
        "zones_also": lambda: t("Marked places some charts give it: {places}", places=subject),
        "zones_axial": lambda: t("Pain it explains as spinal or compression-site pain: {places}", places=subject),
        "zones_outside": lambda: t("Marked places it does not supply: {places}", places=subject),
        "unmarked": lambda: _unmarked(subject),
        "normal_zone": lambda: t("Skin reported normal inside its territory: {places}", places=subject),
        "one_sided": lambda: t("Only one side is involved, though this pattern affects both sides"),
        "bilateral": lambda: t("Both sides are involved, as this pattern expects"),
        "symmetry": lambda: t("Both sides involved, {share} of marked zones mirrored on the other side", share=subject),
        "both_sides": lambda: t("The same lesion on both sides is uncommon"),
        "hands_before_feet": lambda: t("Hands without the feet: this pattern usually starts in the feet"),
        "feet_spared": lambda: t("The feet are not involved: this pattern usually starts in the feet"),
        "perioral_acral": lambda: t("Face and both hands tingling together: the over-breathing (low carbon dioxide) or "
                                    "low-calcium pattern"),
        "painless_root": lambda: t("Weakness without pain, numbness or tingling: a root lesion almost always hurts or "
                                   "tingles"),
        "both_sides_common": lambda: t("Both sides are involved, which is common for this nerve (for example carpal "
                                       "tunnel in both hands)"),
        "strength_normal": lambda: t("Strength is normal, although it usually causes weakness"),
        "reflexes_normal": lambda: t("Reflexes are normal, although it usually changes a reflex"),
        "sensation": lambda: t("Sensation: {finding}", finding=subject),
    }
    return texts[kind]() if kind in texts else kind


def _unmarked(subject: str) -> str:
    """The scoring's '5 of 10' (kept as it is in Reason.subject for other voices) in words."""
    some, _, total = subject.partition(" of ")
    return t("Not marked: {some} of {total} of the places it usually supplies", some=some, total=total)


def _move_text(kind: str, movement: str) -> str:
    return {
        "weak_major": lambda: t("Weakness ({movement}): it is a main supply of this movement", movement=movement),
        "weak_minor": lambda: t("Weakness ({movement}): it supplies this movement only in part", movement=movement),
        "weak_outside": lambda: t("Weakness ({movement}): it cannot weaken this movement", movement=movement),
        "normal_major": lambda: t("Normal strength ({movement}), although it is the main supply", movement=movement),
        "normal_minor": lambda: t("Normal strength ({movement}); it is only a partial supply", movement=movement),
    }[kind]()


def _reflex_text(kind: str, reflex: str, value: str) -> str:
    return {
        "reflex_main": lambda: t("{reflex} {value}: a reflex it mainly carries", reflex=reflex, value=value),
        "reflex_other": lambda: t("{reflex} {value}: a reflex it partly carries", reflex=reflex, value=value),
        "reflex_outside": lambda: t("{reflex} {value}: it does not carry this reflex", reflex=reflex, value=value),
        "brisk_umn": lambda: t("{reflex} brisk: an upper-motor-neuron sign it explains", reflex=reflex),
        "brisk_lmn": lambda: t("{reflex} brisk: a root, plexus or nerve lesion cannot make a reflex brisk", reflex=reflex),
        "reflex_normal_main": lambda: t("{reflex} normal, although it mainly carries it", reflex=reflex),
        "reflex_normal_other": lambda: t("{reflex} normal (it partly carries it)", reflex=reflex),
    }[kind]()


_ZONE_KINDS = frozenset({"zones_primary", "zones_also", "zones_axial", "zones_outside", "unmarked", "normal_zone",
                         "one_sided", "bilateral", "symmetry", "both_sides", "hands_before_feet", "feet_spared",
                         "perioral_acral", "painless_root", "both_sides_common", "strength_normal", "reflexes_normal",
                         "sensation"})
_MOVE_KINDS = frozenset({"weak_major", "weak_minor", "weak_outside", "normal_major", "normal_minor"})
_REFLEX_KINDS = frozenset({"reflex_main", "reflex_other", "reflex_outside", "brisk_umn", "brisk_lmn", "reflex_normal_main",
                           "reflex_normal_other"})
# Every kind of reason this module words (tests/present/test_voice.py checks each has a plain line too).
_ZONE_TEXT, _MOVE_TEXT, _REFLEX_TEXT = _ZONE_KINDS, _MOVE_KINDS, _REFLEX_KINDS


def reflex_value(part: Part, ev: Evidence) -> str:
    """A reflex reason's result as the findings give it: 'reduced', 'absent', 'brisk' or 'normal' ('' otherwise)."""
    if part.kind.startswith("brisk_"):
        return "brisk"
    if part.kind.startswith("reflex_normal_"):
        return "normal"
    return ev.reduced.get(part.subject, "") if part.kind in _REFLEX_KINDS else ""


def _value_word(value: str) -> str:
    return {"reduced": t("reduced"), "absent": t("absent")}.get(value, value)


def part_text(part: Part, ev: Evidence, *, model: Model) -> str:
    atlas, config = model.atlas, model.config
    if part.kind in _MOVE_KINDS:
        return _move_text(part.kind, atlas.movements[part.subject].name.lower())
    if part.kind in _REFLEX_KINDS:
        return _reflex_text(part.kind, atlas.reflexes[part.subject].name, _value_word(ev.reduced.get(part.subject, "")))
    if part.kind == "context":
        finding, _, idx = part.subject.partition("#")
        return f"{atlas.findings[finding].label}: {config.context[int(idx)].why}"
    subject = zone_names(part.subject, atlas=atlas) if part.kind.startswith(("zones_", "normal_zone")) else part.subject
    return _zone_text(part.kind, subject)


def sided(place: str, side: str) -> str:
    """'Top of the foot' + 'right' -> 'Top of the foot (right)' (the same words as explainer.present.zonelist)."""
    return t("{place} (right)", place=place) if side == "right" else t("{place} (left)", place=place)


def zone_names(subject: str, *, atlas: Atlas) -> str:
    """'foot_dorsum_right, heel_lateral' -> 'Top of the foot ... (right), Outer heel ...' for people to read."""
    out: list[str] = []
    for item in subject.split(", "):
        base, _, side = item.rpartition("_")
        if side in ("left", "right") and base in atlas.zones:
            out.append(sided(atlas.zones[base].name, side))
        else:
            out.append(atlas.zones[item].name if item in atlas.zones else item)
    return ", ".join(out)


def _reasons(parts: list[Part], ev: Evidence, *, model: Model) -> list[Reason]:
    return [Reason(text=part_text(p, ev, model=model), lr=round(math.exp(p.log_lr), 3), kind=p.kind, subject=p.subject,
                   value=reflex_value(p, ev)) for p in parts]


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
