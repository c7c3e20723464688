"""A colour-blind-safe palette (Okabe & Ito 2008). Colour is never the only cue: every style has a word."""

from __future__ import annotations

from typing import Final

BLUE: Final = "#0072B2"
ORANGE: Final = "#E69F00"
SKY: Final = "#56B4E9"
GREEN: Final = "#009E73"
YELLOW: Final = "#F0E442"
VERMILLION: Final = "#D55E00"
PURPLE: Final = "#CC79A7"
GREY: Final = "#999999"

# Lighter tints for "also" (charts disagree) zones: the same hue, clearly paler.
TINT: Final[dict[str, str]] = {
    BLUE: "#A6CCE6",
    ORANGE: "#F5D699",
    SKY: "#BBE1F6",
    GREEN: "#99D8C7",
    YELLOW: "#F9F4B3",
    VERMILLION: "#EEB399",
    PURPLE: "#EBC9DC",
}

# Cycle for whole-body layers (every root or nerve at once); neighbours differ in hue and lightness.
CYCLE: Final[tuple[str, ...]] = (BLUE, ORANGE, GREEN, SKY, VERMILLION, YELLOW, PURPLE)

FIRST: Final = BLUE
SECOND: Final = ORANGE
BOTH: Final = PURPLE
MARKED: Final = "#FFC94A"  # the body map's amber for marked zones


def tint(colour: str) -> str:
    return TINT.get(colour, "#DDDDDD")


def cycle(index: int) -> str:
    return CYCLE[index % len(CYCLE)]
