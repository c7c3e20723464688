"""Consult mode: sensation by modality, one row per marked zone, beside the examination grid.

Each row is a multi-choice pill group with a stable key (nm_sens_<zone instance>) whose value comes from the view
state before it is drawn (as the exam cells do); a change goes through state.commit, so the link (``sens=``) and the
result card follow at once. Pills are buttons: Tab reaches them, Space or Enter toggles. The pure side is
explainer.present.exam_sensation.
"""

from __future__ import annotations

import streamlit as st

from explainer.i18n import t
from explainer.present.exam_sensation import PILLS, pills_of, with_zone_sens, zone_marks
from explainer.present.zonelist import zone_label
from explainer.ui import state
from explainer.ui.resources import atlas

MAX_ROWS = 24  # more marked zones than this: the first ones, with a note (a long list would bury the grid)


def pill_labels() -> dict[str, str]:
    """The quick choices' words on screen (their values stay the link's words, explainer.present.exam_sensation)."""
    return {"touch ↓": t("touch ↓"), "pin ↓": t("pin ↓"), "vibration ↓": t("vibration ↓"), "position ↓": t("position ↓"),
            "absent": t("absent"), "pin ↑": t("pin ↑"), "painful to touch": t("painful to touch")}


def sens_key(zone: str) -> str:
    return f"nm_sens_{zone}"


def _set(zone: str) -> None:
    state.commit(with_zone_sens(state.view(), zone, st.session_state.get(sens_key(zone))))


def sensation_section() -> None:
    """One row of modality pills per marked zone; nothing when no zone is marked."""
    a, v = atlas(), state.view()
    if not v.zones:
        return
    st.markdown(t("**Sensation by modality** (marked areas)"))
    st.caption(t("Choose what is changed; “absent” makes the chosen losses absent rather than reduced. "
                 "Not chosen = not tested or normal."))
    words = pill_labels()
    for zone in v.zones[:MAX_ROWS]:
        row = st.columns([1.2, 3], vertical_alignment="center")
        label = zone_label(a, zone)
        row[0].markdown(label)
        key = sens_key(zone)
        state.sync_widget(key, pills_of(zone_marks(v, zone)))
        row[1].pills(label, PILLS, selection_mode="multi", key=key, label_visibility="collapsed",
                     format_func=lambda p: words.get(p, p),
                     on_change=_set, args=(zone,))
    if len(v.zones) > MAX_ROWS:
        st.caption(t("{n} more marked areas are not listed here.", n=len(v.zones) - MAX_ROWS))
