"""From app state to the engine's findings, plus the questions the Where page asks (warning signs, movements)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from explainer.anatomy import Atlas
from explainer.present.extras import Extras
from explainer.present.zonelist import legs_marked, region_of
from explainer.viewstate import ViewState

Asked = Literal["legs", "any", "limbs", "spreading"]


@dataclass(frozen=True)
class WarningQuestion:
    id: str
    text_key: str  # key in content/text/ui.yaml
    tags: tuple[str, ...]  # findings a "yes" adds (the first one decides whether "yes" is shown)
    asked: Asked = "legs"  # when it is asked: leg zones marked, any zone, any limb zone, or after "spreading: yes"


WARNING_QUESTIONS: Final[tuple[WarningQuestion, ...]] = (
    WarningQuestion("fast", "redflag_fast", ("fast_signs",), "any"),
    WarningQuestion("saddle", "redflag_saddle", ("saddle_sensory_change",)),
    WarningQuestion("bladder", "redflag_bladder", ("bladder_dysfunction",)),
    WarningQuestion("bowel", "redflag_bowel", ("bowel_dysfunction",)),
    WarningQuestion("both_legs", "redflag_both_legs", ("bilateral_leg_symptoms", "back_pain")),
    WarningQuestion("weakness", "redflag_weakness", ("progressive_weakness",), "any"),
    WarningQuestion("spreading", "redflag_spreading", ("ascending_spread",), "any"),
    WarningQuestion("breathing", "redflag_breathing", ("breathing_or_swallowing_difficulty",), "spreading"),
    WarningQuestion("cold_limb", "redflag_cold_limb", ("limb_cold_pale_sudden",), "limbs"),
    WarningQuestion("sexual", "redflag_sexual", ("sexual_dysfunction",)),
)

# The short guided movement check: things a person can try at home, leg then arm.
LEG_CHECK: Final[tuple[str, ...]] = ("ankle_dorsiflexion", "ankle_plantarflexion", "great_toe_extension", "knee_extension")
ARM_CHECK: Final[tuple[str, ...]] = ("shoulder_abduction", "elbow_flexion", "elbow_extension", "wrist_extension",
                                     "finger_flexion", "finger_abduction")
ARM_REGIONS: Final[frozenset[str]] = frozenset({"arm", "elbow", "forearm", "wrist", "hand_palmar", "hand_dorsal"})
LEG_REFLEXES: Final[tuple[str, ...]] = ("patellar", "achilles", "medial_hamstring", "adductor", "anal_wink")
ARM_REFLEXES: Final[tuple[str, ...]] = ("biceps", "brachioradialis", "triceps", "finger_flexor")


def warning_answer(q: WarningQuestion, state: ViewState, extras: Extras) -> str | None:
    """'yes' | 'no' | 'unsure' | None (not answered)."""
    if q.tags[0] in state.other:
        return "yes"
    return extras.rf_answer(q.id)


def warning_questions_due(atlas: Atlas, state: ViewState) -> bool:
    """Warning signs are asked once any place is marked (the leg-only ones once a leg, buttock or saddle zone is)."""
    return bool(state.zones)


def warning_questions_for(atlas: Atlas, state: ViewState) -> tuple[WarningQuestion, ...]:
    """The warning-sign questions to ask for what is marked and answered so far, in a stable order."""
    legs, arms = legs_marked(atlas, state.zones), arm_marked(atlas, state.zones)
    wanted = {"any": bool(state.zones), "legs": legs, "limbs": legs or arms,
              "spreading": "ascending_spread" in state.other}
    return tuple(q for q in WARNING_QUESTIONS if wanted[q.asked])


def arm_marked(atlas: Atlas, zones: tuple[str, ...]) -> bool:
    return any(region_of(atlas, z) in ARM_REGIONS for z in zones)


def movement_checklist(atlas: Atlas, state: ViewState, *, consult: bool) -> tuple[str, ...]:
    """Movements to ask about: the leg and/or arm set by where zones are marked (all relevant ones in consult mode)."""
    legs, arms = legs_marked(atlas, state.zones), arm_marked(atlas, state.zones)
    if not (legs or arms):
        legs = arms = True
    chosen: list[str] = []
    if legs:
        chosen.extend(LEG_CHECK if not consult else _limb_movements(atlas, "lower"))
    if arms:
        chosen.extend(ARM_CHECK if not consult else _limb_movements(atlas, "upper"))
    chosen.extend(m for m in state.weak if m not in chosen)
    return tuple(m for m in dict.fromkeys(chosen) if m in atlas.movements)


def _limb_movements(atlas: Atlas, limb: str) -> list[str]:
    return [m.id for m in atlas.movements.values()
            if (atlas.nerves[m.nerve].limb if m.nerve in atlas.nerves else "") in (limb, "pelvis" if limb == "lower" else "")]


def reflex_checklist(atlas: Atlas, state: ViewState) -> tuple[str, ...]:
    legs, arms = legs_marked(atlas, state.zones), arm_marked(atlas, state.zones)
    if not (legs or arms):
        legs = arms = True
    chosen = (LEG_REFLEXES if legs else ()) + (ARM_REFLEXES if arms else ())
    return tuple(r for r in chosen if r in atlas.reflexes)


def movement_answer(movement: str, state: ViewState, extras: Extras) -> str | None:
    """'no' (weak) | 'yes' (can do, normal) | None (not tested)."""
    if movement in state.weak:
        return "no"
    return "yes" if movement in extras.ok else None


def reflex_answer(reflex: str, state: ViewState, extras: Extras) -> str | None:
    value = dict(state.reflexes).get(reflex)
    if value:
        return value
    return "normal" if reflex in extras.rok else None


def normal_tags(atlas: Atlas, extras: Extras, *, tags: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[str, ...]:
    """Finding tags that tell the engine a movement or reflex is normal (from engine normal_tags)."""
    out = [finding for finding, (moves, reflexes) in tags.items()
           if (moves and all(m in extras.ok for m in moves)) or (reflexes and all(r in extras.rok for r in reflexes))]
    return tuple(f for f in out if f in atlas.findings)


def engine_inputs(atlas: Atlas, state: ViewState, extras: Extras, *,
                  tags: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> dict[str, object]:
    """Keyword arguments for explainer.engine.make_findings: the graded examination (consult mode) goes as `exam`,
    its special tests and clonus as finding ids in `other`."""
    from explainer.present.exam import engine_exam, sign_findings  # here: present.exam imports this module

    other = list(state.other)
    other.extend(normal_tags(atlas, extras, tags=tags))
    if extras.rf_answer("bladder") == "no" and extras.rf_answer("bowel") == "no":
        other.append("normal_bladder_bowel")
    other.extend(sign_findings(state))
    if any(m.clonus for m in state.exam):
        other.append("clonus")
    out: dict[str, object] = {
        "zones": state.zones,
        "symptoms": state.symptoms,
        "weak": state.weak,
        "reflexes": dict(state.reflexes),
        "other": tuple(t for t in dict.fromkeys(other) if t in atlas.findings),
    }
    exam = engine_exam(atlas, state)
    if exam is not None:
        out["exam"] = exam
    return out
