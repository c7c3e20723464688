"""App shell: title, purpose, the education notice and the root list."""

from __future__ import annotations

import streamlit as st

from explainer.anatomy import Atlas, load_atlas

NOTICE = (
    "Nerve Map is for education only. It cannot diagnose you. If you are worried about your symptoms, "
    "talk to a doctor, nurse or physiotherapist."
)


@st.cache_resource
def atlas() -> Atlas:
    return load_atlas()


def root_rows(a: Atlas) -> list[dict[str, str]]:
    rows = []
    for root in a.ordered_roots:
        point = a.key_point_for(root.id)
        isncsci = [k for k in root.key_muscles if k.isncsci]
        key = isncsci[0] if isncsci else (root.key_muscles[0] if root.key_muscles else None)
        movement = a.movements[key.movement].name if key and key.movement else (key.muscle if key else "—")
        rows.append(
            {
                "Root": root.id,
                "Key sensory point": point.wording if point else "—",
                "Key movement": movement,
            }
        )
    return rows


def run() -> None:
    st.title("Nerve Map")
    st.write("See which nerve roots and nerves supply which skin and muscles — and which one may explain tingling, "
             "numbness, burning or weakness.")
    st.info(NOTICE, icon="ℹ️")
    st.subheader("Nerve roots, head to tail")
    st.dataframe(root_rows(atlas()), hide_index=True, width="stretch")
