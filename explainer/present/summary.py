"""'Copy summary for the notes' (consult mode): the findings, the ranked differential, the warning signs screened and
the suggested next step, as plain text for a clinical record. It holds only what was marked and examined: no name,
date of birth or other personal detail exists in the app to put in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from explainer.anatomy import Atlas
from explainer.present.exam import SIGN_BY_ID, cell_text, sign_findings, sign_text
from explainer.present.exam_sensation import sens_lines
from explainer.present.extras import Extras
from explainer.present.findings import warning_answer, warning_questions_for
from explainer.present.results import STRENGTH_LABEL
from explainer.present.zonelist import zone_label
from explainer.viewstate import ViewState

TITLE = "Nerve Map summary (a learning aid for localisation, not a diagnosis)"
LEVEL_WORD = {"emergency": "EMERGENCY", "same_day": "SAME DAY", "urgent": "URGENT", "soon": "raise soon"}
ANSWER_WORD = {"yes": "yes", "no": "no", "unsure": "not sure"}


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
    sideless = [f"weak {atlas.movements[m].name.lower()}" for m in state.weak if m in atlas.movements]
    sideless += [f"{atlas.reflexes[r].name} {v}" for r, v in state.reflexes if r in atlas.reflexes]
    sideless += [f"normal {atlas.movements[m].name.lower()}" for m in extras.ok if m in atlas.movements]
    sideless += [f"{atlas.reflexes[r].name} normal" for r in extras.rok if r in atlas.reflexes]
    asked = {q.tags[0] for q in warning_questions_for(atlas, state)}
    shown = asked | set(sign_findings(state)) | {t.positive for t in SIGN_BY_ID.values()}
    other = [atlas.findings[f].label for f in state.other if f in atlas.findings and f not in shown]
    return [
        *_line("Symptoms", [atlas.symptoms[s].label for s in state.symptoms if s in atlas.symptoms]),
        *_line("Areas marked", [zone_label(atlas, z) for z in state.zones]),
        *_line("Strength (MRC 0-5, L/R)", moves),
        *_line("Reflexes (0-4, L/R)", reflexes),
        *_line("Special tests", [sign_text(t, r) for t, r in state.signs]),
        *_line("Sensation by modality", sens_lines(state, label={z: zone_label(atlas, z) for z in state.zones})),
        *_line("Side not recorded", sideless),
        *_line("Other findings", other),
    ] or ["Nothing marked or examined yet."]


def differential_lines(candidates: Sequence[CandidateLike], *, limit: int = 3) -> list[str]:
    """The distinct answers ranked, each with its strength, side, score and key reasons (largest effect first)."""
    out: list[str] = []
    seen: set[str] = set()
    for c in candidates:
        if c.id in seen or len(seen) >= limit:
            continue
        seen.add(c.id)
        side = f", {c.side}" if c.side in ("left", "right", "both") else ""
        out.append(f"{len(seen)}. {c.label}{side}: {STRENGTH_LABEL.get(c.strength, c.strength).lower()} "
                   f"({round(c.score * 100)}%)")
        pro = sorted(c.supporting, key=lambda r: -r.lr)[:3]
        con = sorted(c.against, key=lambda r: r.lr)[:2]
        out += [f"   for: {r.text} (LR {r.lr:g})" for r in pro] + [f"   against: {r.text} (LR {r.lr:g})" for r in con]
        sens = [r for r in (*c.supporting, *c.against) if getattr(r, "kind", "") == "sensation" and r not in (*pro, *con)]
        out += [f"   {'for' if r.lr >= 1 else 'against'}: {r.text} (LR {r.lr:g})" for r in sens]
    return out or ["No explanation ranked yet."]


def screening_lines(atlas: Atlas, state: ViewState, extras: Extras, flags: Sequence[FlagLike]) -> list[str]:
    asked = warning_questions_for(atlas, state)
    answers = {q.id: warning_answer(q, state, extras) for q in asked}
    positive = [atlas.findings[q.tags[0]].label for q in asked if answers[q.id] == "yes"]
    answered = [q for q in asked if answers[q.id]]
    lines = [f"Warning signs screened: {len(asked)} asked, {len(answered)} answered, "
             f"positive: {'; '.join(positive) if positive else 'none'}"]
    lines += [f"   {atlas.findings[q.tags[0]].label}: {ANSWER_WORD.get(answers[q.id] or '', 'not asked yet')}"
              for q in asked if answers[q.id] != "yes"]
    lines += [f"Warning raised [{LEVEL_WORD.get(f.level, f.level)}]: {f.name}. {f.reason}" for f in flags]
    return lines


def next_step_lines(result: ResultLike | None) -> list[str]:
    top = result.candidates[0] if result and result.candidates else None
    lines = [f"Suggested next step (separates the top two): {top.next_question}"] if top and top.next_question else []
    if result and result.open_questions:
        lines.append(f"Still to ask for safety: {'; '.join(result.open_questions)}")
    return lines


def notes_summary(atlas: Atlas, state: ViewState, extras: Extras, result: ResultLike | None) -> str:
    """The whole summary as plain text (no Markdown), one section after another."""
    sections = [
        [TITLE],
        ["FINDINGS", *findings_lines(atlas, state, extras)],
        ["DIFFERENTIAL (ranked)", *differential_lines(result.candidates if result else ())],
        ["WARNING SIGNS", *screening_lines(atlas, state, extras, result.red_flags if result else ())],
    ]
    steps = next_step_lines(result)
    if steps:
        sections.append(["NEXT STEPS", *steps])
    return "\n\n".join("\n".join(s) for s in sections)
