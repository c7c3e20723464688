"""How it started and whether it has gone: two plain questions, asked in both modes, stored as finding tags.

The answers live in the view's `other` findings (so they are in the link like everything else): the onset
question sets one of sudden_onset / rapid_onset / gradual_onset, the course question resolved_quickly and, for
"brought on by pressure", positional_transient too. Sudden one-sided numbness or weakness - even when it has
gone - is the stroke/TIA warning sign, so these questions are never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from explainer.viewstate import ViewState


@dataclass(frozen=True)
class Choice:
    id: str
    text_key: str  # its label, in content/text/ui.yaml
    tags: tuple[str, ...]


ONSET: Final[tuple[Choice, ...]] = (
    Choice("sudden", "onset_sudden", ("sudden_onset",)),
    Choice("days", "onset_days", ("rapid_onset",)),
    Choice("slow", "onset_slow", ("gradual_onset",)),
)
COURSE: Final[tuple[Choice, ...]] = (
    Choice("still", "course_still", ()),
    Choice("gone", "course_gone", ("resolved_quickly",)),
    Choice("pressure", "course_pressure", ("positional_transient", "resolved_quickly")),
)
ONSET_TAGS: Final[frozenset[str]] = frozenset(t for c in ONSET for t in c.tags)
COURSE_TAGS: Final[frozenset[str]] = frozenset(t for c in COURSE for t in c.tags)


def _answer(choices: tuple[Choice, ...], other: tuple[str, ...]) -> str | None:
    """The choice whose tags are all present, preferring the one with the most tags (None: not answered)."""
    fitting = [c for c in choices if c.tags and all(t in other for t in c.tags)]
    return max(fitting, key=lambda c: len(c.tags)).id if fitting else None


def onset_answer(state: ViewState) -> str | None:
    return _answer(ONSET, state.other)


def course_answer(state: ViewState) -> str | None:
    return _answer(COURSE, state.other)


def _with(state: ViewState, *, choices: tuple[Choice, ...], drop: frozenset[str], answer: str | None) -> ViewState:
    chosen = next((c for c in choices if c.id == answer), None)
    other = [t for t in state.other if t not in drop]
    other += [t for t in (chosen.tags if chosen else ()) if t not in other]
    return replace(state, other=tuple(other))


def with_onset(state: ViewState, answer: str | None) -> ViewState:
    """The state with the onset answer replaced (None or an unknown id clears it)."""
    return _with(state, choices=ONSET, drop=ONSET_TAGS, answer=answer)


def with_course(state: ViewState, answer: str | None) -> ViewState:
    """The state with the course answer replaced ("still" clears the course tags)."""
    return _with(state, choices=COURSE, drop=COURSE_TAGS, answer=answer)
