"""What the handout prints, already in plain words and drawing units (no fpdf here, no personal data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from explainer.bodymap.geometry import Ring
from explainer.handout.text import Strings


@dataclass(frozen=True)
class PanelLabel:
    text: str
    x: float
    y: float
    align: str  # "left", "right" or "center", as drawn in assets/body_map.json
    kind: str  # "side" (the patient's left/right for this view) or "part" (e.g. "Right hand (palm)")


@dataclass(frozen=True)
class Panel:
    """One body-map view as drawn on paper: geometry units with y growing upwards."""

    view: str
    title: str
    bounds: tuple[float, float, float, float]
    skin: tuple[Ring, ...]  # every zone
    decor: tuple[Ring, ...]  # hands/feet on whole-body views (not zones)
    outline: tuple[Ring, ...]
    lines: tuple[Ring, ...]
    marked: tuple[Ring, ...]  # the marked zones (filled)
    marked_edges: tuple[Ring, ...]  # their outlines, without the cutting slivers
    labels: tuple[PanelLabel, ...]

    @property
    def size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.bounds
        return x1 - x0, y1 - y0


@dataclass(frozen=True)
class UrgentBlock:
    title: str
    text: str
    level: str


@dataclass(frozen=True)
class Watch:
    """A short list of warning signs for this case, with what to do."""

    flag: str  # the warning in content/red_flags.yaml these signs belong to
    action: str
    signs: tuple[str, ...]
    level: str


@dataclass(frozen=True)
class Explanation:
    title: str
    strength: str
    side: str
    why: tuple[str, ...]
    against: tuple[str, ...]


@dataclass(frozen=True)
class ClinicianPage:
    findings: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, items)
    explanations: tuple[Explanation, ...]


@dataclass(frozen=True)
class HandoutData:
    strings: Strings
    made_on: date
    headline: str
    strength: str  # e.g. "strong fit, right side" ("" when nothing is marked)
    explanation: str
    what_helps: str
    who_to_see: str
    marked_zones: tuple[str, ...]
    urgent: tuple[UrgentBlock, ...]
    watch: tuple[Watch, ...]
    panels: tuple[Panel, ...]
    link: str
    sources: tuple[str, ...]
    clinician: ClinicianPage | None = None
