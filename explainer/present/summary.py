"""'Copy summary for the notes' (consult mode): the findings, the ranked differential, the warning signs screened and
the suggested next step, as plain text for a clinical record. It holds only what was marked and examined: no name,
date of birth or other personal detail exists in the app to put in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from explainer.anatomy import Atlas
from explainer.i18n import t
from explainer.present.exam import SIGN_BY_ID, cell_text, sign_findings, sign_text
from explainer.present.exam_sensation import sens_lines
from explainer.present.exam_words import REFLEX_VALUE_WORD
from explainer.present.extras import Extras
from explainer.present.findings import warning_answer, warning_questions_for
from explainer.present.lazy import LazyLabels
from explainer.present.results import STRENGTH_LABEL
from explainer.present.zonelist import zone_label
from explainer.viewstate import ViewState

LEVEL_WORD = LazyLabels(lambda: {"emergency": t("EMERGENCY"), "same_day": t("SAME DAY"), "urgent": t("URGENT"),
                                  "soon": t("raise soon")})
ANSWER_WORD = LazyLabels(lambda: {"yes": t("yes"), "no": t("no"), "unsure": t("not sure")})


def title() -> str:
    return t("Nerve Map summary (a learning aid for localisation, not a diagnosis)")


class ReasonLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lr(self) -> float: ...


class CandidateLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def strength(self) -> str: ...
    @property
    def supporting(self) -> Sequence[ReasonLike]: ...
    @property
    def against(self) -> Sequence[ReasonLike]: ...
    @property
    def next_question(self) -> str | None: ...


class FlagLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def reason(self) -> str: ...


class ResultLike(Protocol):
    @property
    def candidates(self) -> Sequence[CandidateLike]: ...
    @property
    def red_flags(self) -> Sequence[FlagLike]: ...
    @property
    def open_questions(self) -> Sequence[str]: ...


def _line(title: str, items: Sequence[str]) -> list[str]:
    return [f"{title}: {'; '.join(items)}"] if items else []


def findings_lines(atlas: Atlas, state: ViewState, extras: Extras) -> list[str]:
    """Symptoms, marked areas, graded strength and reflexes with sides, special tests, side-less entries, others."""
    moves = [cell_text(atlas, m) for m in state.exam if m.item in atlas.movements]
    reflexes = [cell_text(atlas, m) for m in state.exam if m.item in atlas.reflexes]
    sideless = [t("weak {movement}", movement=atlas.movements[m].name.lower()) for m in state.weak if m in atlas.movements]
    sideless += [t("{reflex} {value}", reflex=atlas.reflexes[r].name, value=REFLEX_VALUE_WORD.get(v, v))
                 for r, v in state.reflexes if r in atlas.reflexes]
    sideless += [t("normal {movement}", movement=atlas.movements[m].name.lower()) for m in extras.ok if m in atlas.movements]
    sideless += [t("{reflex} normal", reflex=atlas.reflexes[r].name) for r in extras.rok if r in atlas.reflexes]
    asked = {q.tags[0] for q in warning_questions_for(atlas, state)}
    shown = asked | set(sign_findings(state)) | {test.positive for test in SIGN_BY_ID.values()}
    other = [atlas.findings[f].label for f in state.other if f in atlas.findings and f not in shown]
    return [
        *_line(t("Symptoms"), [atlas.symptoms[s].label for s in state.symptoms if s in atlas.symptoms]),
        *_line(t("Areas marked"), [zone_label(atlas, z) for z in state.zones]),
        *_line(t("Strength (MRC 0-5, L/R)"), moves),
        *_line(t("Reflexes (0-4, L/R)"), reflexes),
        *_line(t("Special tests"), [sign_text(test, r) for test, r in state.signs]),
        *_line(t("Sensation by modality"), sens_lines(state, label={z: zone_label(atlas, z) for z in state.zones})),
        *_line(t("Side not recorded"), sideless),
        *_line(t("Other findings"), other),
    ] or [t("Nothing marked or examined yet.")]


def differential_lines(candidates: Sequence[CandidateLike], *, limit: int = 3) -> list[str]:
    """The distinct answers ranked, each with its strength, side, score and key reasons (largest effect first)."""
    out: list[str] = []
    seen: set[str] = set()
    for c in candidates:
        if c.id in seen or len(seen) >= limit:
            continue
        seen.add(c.id)
        side = f", {SIDE_WORD[c.side]}" if c.side in SIDE_WORD else ""
        out.append(f"{len(seen)}. {c.label}{side}: {STRENGTH_LABEL.get(c.strength, c.strength).lower()} "
                   f"({round(c.score * 100)}%)")
        pro = sorted(c.supporting, key=lambda r: -r.lr)[:3]
        con = sorted(c.against, key=lambda r: r.lr)[:2]
        out += [_reason_line(r, support=True) for r in pro] + [_reason_line(r, support=False) for r in con]
        sens = [r for r in (*c.supporting, *c.against) if getattr(r, "kind", "") == "sensation" and r not in (*pro, *con)]
        out += [_reason_line(r, support=r.lr >= 1) for r in sens]
    return out or [t("No explanation ranked yet.")]


SIDE_WORD = LazyLabels(lambda: {"left": t("left"), "right": t("right"), "both": t("both")})


def _reason_line(reason: ReasonLike, *, support: bool) -> str:
    """'   for: <reason> (LR 2.5)' / '   against: ...'."""
    lr = f"{reason.lr:g}"
    line = t("for: {reason} (LR {lr})", reason=reason.text, lr=lr) if support else t(
        "against: {reason} (LR {lr})", reason=reason.text, lr=lr)
    return "   " + line


def screening_lines(atlas: Atlas, state: ViewState, extras: Extras, flags: Sequence[FlagLike]) -> list[str]:
    asked = warning_questions_for(atlas, state)
    answers = {q.id: warning_answer(q, state, extras) for q in asked}
    positive = [atlas.findings[q.tags[0]].label for q in asked if answers[q.id] == "yes"]
    answered = [q for q in asked if answers[q.id]]
    lines = [t("Warning signs screened: {asked} asked, {answered} answered, positive: {positive}", asked=len(asked),
               answered=len(answered), positive="; ".join(positive) if positive else t("none"))]
    not_asked = t("not asked yet")
    lines += [f"   {atlas.findings[q.tags[0]].label}: {ANSWER_WORD.get(answers[q.id] or '') or not_asked}"
              for q in asked if answers[q.id] != "yes"]
    lines += [t("Warning raised [{level}]: {name}. {reason}", level=LEVEL_WORD.get(f.level, f.level), name=f.name,
                reason=f.reason) for f in flags]
    return lines


def next_step_lines(result: ResultLike | None) -> list[str]:
    top = result.candidates[0] if result and result.candidates else None
    lines = ([t("Suggested next step (separates the top two): {question}", question=top.next_question)]
             if top and top.next_question else [])
    if result and result.open_questions:
        lines.append(t("Still to ask for safety: {questions}", questions="; ".join(result.open_questions)))
    return lines


def notes_summary(atlas: Atlas, state: ViewState, extras: Extras, result: ResultLike | None) -> str:
    """The whole summary as plain text (no Markdown), one section after another."""
    sections = [
        [title()],
        [t("FINDINGS"), *findings_lines(atlas, state, extras)],
        [t("DIFFERENTIAL (ranked)"), *differential_lines(result.candidates if result else ())],
        [t("WARNING SIGNS"), *screening_lines(atlas, state, extras, result.red_flags if result else ())],
    ]
    steps = next_step_lines(result)
    if steps:
        sections.append([t("NEXT STEPS"), *steps])
    return "\n\n".join("\n".join(s) for s in sections)
