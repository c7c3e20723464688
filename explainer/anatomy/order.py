"""Anatomical order as explicit constants. Never sort segment names as strings ("L10" < "L2")."""

from __future__ import annotations

import itertools
from typing import Final, Literal, get_args

SegmentId = Literal[
    "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8",
    "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
    "L1", "L2", "L3", "L4", "L5",
    "S1", "S2", "S3", "S4", "S5",
    "Co",
]  # fmt: skip

# Spinal cord segments / nerve roots, head to tail.
SEGMENTS: Final[tuple[SegmentId, ...]] = get_args(SegmentId)

# Roots that have a dermatome and belong in the root list of the app (C1 has none; Co is not charted).
DERMATOMAL_ROOTS: Final[tuple[SegmentId, ...]] = SEGMENTS[SEGMENTS.index("C2") : SEGMENTS.index("S5") + 1]

VertebraId = Literal[
    "C1", "C2", "C3", "C4", "C5", "C6", "C7",
    "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
    "L1", "L2", "L3", "L4", "L5",
    "S", "Co",
]  # fmt: skip

# Vertebrae head to tail; "S" is the sacrum (five fused segments), "Co" the coccyx.
VERTEBRAE: Final[tuple[VertebraId, ...]] = get_args(VertebraId)

SpinalRegion = Literal["cervical", "thoracic", "lumbar", "sacral", "coccygeal"]

_REGION_BY_LETTER: Final[dict[str, SpinalRegion]] = {
    "C": "cervical",
    "T": "thoracic",
    "L": "lumbar",
    "S": "sacral",
}


def segment_index(segment: str) -> int:
    """Position of a segment in head-to-tail order; raises ValueError for an unknown id."""
    return SEGMENTS.index(segment)


def in_order(segments: tuple[str, ...] | list[str]) -> bool:
    """True when the segments are strictly head-to-tail."""
    positions = [segment_index(s) for s in segments]
    return all(a < b for a, b in itertools.pairwise(positions))


def sort_segments(segments: set[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Segments in anatomical (head-to-tail) order."""
    return tuple(sorted(segments, key=segment_index))


def region_of(segment: str) -> SpinalRegion:
    """Cervical, thoracic, lumbar, sacral or coccygeal."""
    if segment == "Co":
        return "coccygeal"
    return _REGION_BY_LETTER[segment[0]]


def neighbours(segment: str) -> tuple[str, ...]:
    """The segments directly above and below (one or two)."""
    i = segment_index(segment)
    return tuple(SEGMENTS[j] for j in (i - 1, i + 1) if 0 <= j < len(SEGMENTS))
