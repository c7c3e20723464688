"""Representative handout cases, run through the real engine (shared by the handout tests)."""

from __future__ import annotations

from datetime import date

from explainer.anatomy import Atlas
from explainer.bodymap.geometry import load_body_map
from explainer.engine import localise, make_findings
from explainer.handout.model import HandoutData
from explainer.handout.text import load_handout_text
from explainer.present import results as pr
from explainer.present.extras import Extras
from explainer.present.findings import engine_inputs
from explainer.present.handout_data import handout_data, reopen_link
from explainer.texts import load_texts
from explainer.viewstate import ViewState, to_query

TODAY = date(2026, 12, 2)
CASES: dict[str, ViewState] = {
    "l5": ViewState(zones=("back_low_right", "leg_anterolateral_lower_right", "foot_dorsum_right", "great_toe_dorsal_right"),
                    symptoms=("tingling", "pain"), other=("back_pain",)),
    "c6": ViewState(zones=("forearm_anterior_lateral_right", "forearm_posterior_lateral_right", "thumb_dorsal_right",
                           "thumb_palmar_right"), symptoms=("tingling",), other=("neck_pain",)),
    "carpal_tunnel": ViewState(zones=tuple(f"{z}_{s}" for s in ("left", "right")
                                           for z in ("thumb_palmar", "index_palmar", "middle_palmar")),
                               symptoms=("tingling", "numbness"), other=("night_symptoms", "flick_sign")),
    "cauda_equina": ViewState(zones=("perianal_left", "perianal_right", "back_low_left"),
                              other=("back_pain", "bladder_dysfunction", "saddle_sensory_change", "sexual_dysfunction")),
    "stroke": ViewState(zones=("face_left", "forearm_anterior_lateral_left", "hand_dorsal_radial_left"),
                        other=("sudden_onset",)),
    "nothing": ViewState(),
    # Every picture marked and four warnings at once: the page must still hold everything without overflowing.
    "crowded": ViewState(zones=("abdomen_epigastric_lower_left", "ankle_posterior_left", "fingertips_dorsal_left",
                                "first_web_space_left", "genitals_anterior_left", "great_toe_plantar_left",
                                "hypothenar_eminence_left", "perineum_right", "thumb_dorsal_right", "thumb_palmar_right",
                                "toes_2_4_dorsal_right", "toes_2_4_plantar_right", "wrist_ulnar_dorsal_right",
                                "wrist_volar_right"),
                         weak=("great_toe_extension",),
                         other=("back_pain", "bladder_dysfunction", "speech_disturbance", "sudden_onset", "neck_pain",
                                "fever")),
}


def case_data(atlas: Atlas, name: str, *, clinician: bool = False) -> HandoutData:
    view = CASES[name]
    texts = load_texts()
    cards: tuple[pr.ResultCard, ...] = ()
    urgent: tuple[pr.UrgentNote, ...] = ()
    if view.zones or view.other:
        result = localise(make_findings(**engine_inputs(atlas, view, Extras(), tags={}), atlas=atlas))  # type: ignore[arg-type]
        cards = pr.cards(atlas, result.candidates, texts=texts.answers)
        urgent = pr.urgent_notes(result.red_flags, extras=Extras(), other=view.other, ui={})
    return handout_data(atlas, body=load_body_map(), view=view, cards=cards, urgent=urgent, answers=texts.answers,
                        text=load_handout_text(), link=reopen_link("http://localhost:8501/", to_query(view)),
                        today=TODAY, clinician=clinician)
