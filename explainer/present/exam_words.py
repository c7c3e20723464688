"""The examination's words in the page's language: special tests and their results, reflex grades, sensation,
clinical movement names and side letters. Looked up when shown, never frozen at import time."""

from __future__ import annotations

from typing import NamedTuple

from explainer.i18n import t
from explainer.present.lazy import LazyLabels


class SignWords(NamedTuple):
    label: str  # the test as the panel lists it
    pos: str  # a positive / negative result, as written in the summary
    neg: str
    name: str  # the test's name in the summary (the label without the result it carries)


def _sign(label: str, pos: str = "", neg: str = "", name: str = "") -> SignWords:
    return SignWords(label, pos or t("positive"), neg or t("negative"), name or label)


def sign_words() -> dict[str, SignWords]:
    """Test id (explainer.present.examlink.SIGN_IDS) -> its words."""
    impaired, normal, reduced = t("impaired"), t("normal"), t("reduced")
    return {
        "spurling": _sign(t("Spurling test")),
        "hoffmann": _sign(t("Hoffmann sign")),
        "phalen": _sign(t("Phalen test")),
        "tinel_carpal": _sign(t("Tinel, carpal tunnel")),
        "tinel_elbow": _sign(t("Tinel, cubital tunnel")),
        "shoulder_passive": _sign(t("Passive shoulder range full, painless"), t("full and painless"),
                                  t("restricted or painful"), t("Passive shoulder range")),
        "painful_arc": _sign(t("Painful arc / drop-arm sign")),
        "slr": _sign(t("Straight-leg raise")),
        "crossed_slr": _sign(t("Crossed straight-leg raise")),
        "femoral_stretch": _sign(t("Femoral stretch test")),
        "fair": _sign(t("FAIR test (piriformis)")),
        "heel_walk": _sign(t("Heel walking impaired"), impaired, normal, t("Heel walking")),
        "toe_walk": _sign(t("Toe walking impaired"), impaired, normal, t("Toe walking")),
        "tinel_fibular": _sign(t("Tinel, fibular head")),
        "tinel_tarsal": _sign(t("Tinel, tarsal tunnel")),
        "tinel_sural": _sign(t("Tinel, sural nerve")),
        "anal_tone": _sign(t("Anal tone reduced"), reduced, normal, t("Anal tone")),
        "plantar": _sign(t("Extensor plantar (Babinski)"), t("extensor"), t("flexor"), t("Plantar response")),
        "spasticity": _sign(t("Tone increased (spastic)"), t("increased"), normal, t("Tone")),
        "vibration": _sign(t("Vibration sense reduced"), reduced, normal, t("Vibration sense")),
        "position_sense": _sign(t("Joint position sense reduced"), reduced, normal, t("Joint position sense")),
        "romberg": _sign(t("Romberg test")),
    }


def sign_side(result: str) -> str:
    """' (left)', ' (right)', ' (both sides)' after a positive test; '' otherwise."""
    return {"L": " " + t("(left)"), "R": " " + t("(right)"), "B": " " + t("(both sides)")}.get(result, "")


def side_letter(side: str) -> str:
    return t("L") if side == "left" else t("R")


REFLEX_WORDS = LazyLabels(lambda: {"0": t("absent"), "1": t("reduced"), "2": t("normal"), "3": t("brisk"),
                                   "4": t("very brisk")})
MODALITY_WORD = LazyLabels(lambda: {"light_touch": t("light touch"), "pinprick": t("pinprick"),
                                    "vibration": t("vibration"), "position": t("position sense")})
CHANGE_WORD = LazyLabels(lambda: {"reduced": t("reduced"), "absent": t("absent"), "increased": t("increased"),
                                  "allodynia": t("painful to touch (allodynia)")})
# The sensation panel's quick choices: the ids stay English (explainer.present.exam_sensation.PILLS), these are shown.
PILL_WORDS = LazyLabels(lambda: {"touch ↓": t("touch ↓"), "pin ↓": t("pin ↓"), "vibration ↓": t("vibration ↓"),
                                 "position ↓": t("position ↓"), "absent": t("absent"), "pin ↑": t("pin ↑"),
                                 "painful to touch": t("painful to touch")})


def pill_label(pill: str) -> str:
    """A quick choice as shown (``st.pills(..., format_func=pill_label)``)."""
    return PILL_WORDS.get(pill, pill)


def _clinical() -> dict[str, str]:
    return {
        "shoulder_shrug": t("Shoulder shrug"), "scapular_protraction": t("Scapular protraction"),
        "shoulder_abduction": t("Shoulder abduction"), "shoulder_external_rotation": t("Shoulder external rotation"),
        "elbow_flexion": t("Elbow flexion"), "forearm_supination": t("Forearm supination"),
        "elbow_extension": t("Elbow extension"), "wrist_extension": t("Wrist extension"),
        "wrist_flexion": t("Wrist flexion"), "finger_extension": t("Finger extension"),
        "thumb_extension": t("Thumb extension"), "finger_flexion": t("Finger flexion"),
        "finger_abduction": t("Finger abduction"), "thumb_abduction": t("Thumb abduction"),
        "thumb_adduction": t("Thumb adduction"), "hip_flexion": t("Hip flexion"), "hip_adduction": t("Hip adduction"),
        "hip_abduction": t("Hip abduction"), "hip_extension": t("Hip extension"), "knee_extension": t("Knee extension"),
        "knee_flexion": t("Knee flexion"), "ankle_dorsiflexion": t("Ankle dorsiflexion"),
        "great_toe_extension": t("Great toe extension"), "ankle_inversion": t("Ankle inversion"),
        "ankle_eversion": t("Ankle eversion"), "ankle_plantarflexion": t("Ankle plantarflexion"),
        "toe_flexion": t("Toe flexion"),
    }  # fmt: skip


def clinical_name(item_id: str) -> str:
    """'ankle_dorsiflexion' -> 'Ankle dorsiflexion' (consult mode uses the clinical name of a movement)."""
    known = _clinical().get(item_id)
    if known:
        return known
    text = item_id.replace("_", " ")
    return text[:1].upper() + text[1:]


# A side-less reflex result (the link's reflexes=name:value) in words.
REFLEX_VALUE_WORD = LazyLabels(lambda: {"reduced": t("reduced"), "absent": t("absent"), "brisk": t("brisk"),
                                        "normal": t("normal")})
