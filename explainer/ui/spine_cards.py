"""Explore-the-spine text panels: root, nerve and disc cards and the colour legend (colour plus words)."""

from __future__ import annotations

import html

import streamlit as st

from explainer.present import cards as pc
from explainer.present.layers import Layer
from explainer.ui.common import consult
from explainer.ui.mapview import VIEW_LABELS, view_of_zone
from explainer.ui.resources import atlas


def legend(layer: Layer) -> None:
    if not layer.styles:
        return
    rows = [f'<li><span aria-hidden="true" style="color:{e.colour};font-size:1.3em">■</span> {html.escape(e.text)}</li>'
            for e in layer.legend]
    st.markdown(f"**{html.escape(layer.title)}**<ul style='list-style:none;padding-left:0'>{''.join(rows)}</ul>",
                unsafe_allow_html=True)
    for note in layer.notes:
        st.caption(note)


def _bullets(title: str, items: tuple[str, ...], *, empty: str = "") -> None:
    if items:
        st.markdown(f"**{title}**\n" + "\n".join(f"- {i}" for i in items))
    elif empty:
        st.markdown(f"**{title}** {empty}")


def root_card(root: str) -> None:
    card = pc.root_card(atlas(), root, clinician=consult())
    st.header(f"The {root} nerve root")
    st.write(card.summary)
    if card.area:
        st.markdown(f"**Skin strip (dermatome).** {card.area}")
    if card.key_point:
        point = atlas().key_point_for("S4" if root == "S5" else root)
        view = view_of_zone().get(f"{point.zone}_right", "") if point else ""
        where = f", in the “{VIEW_LABELS[view]}” view" if view in VIEW_LABELS else ""
        st.markdown(f"**Key test point for feeling** (a small dot on the map{where}). {card.key_point}")
    _bullets("Key muscles", card.key_muscles, empty="none that can easily be tested.")
    _bullets("Reflex", card.reflexes, empty="no reflex is usually tested for this root.")
    _bullets("Discs that commonly press on it", card.discs)
    if not consult():
        st.markdown(f"**Where it leaves the spine.** {card.exit_text}")
    if card.chart_note:
        st.caption(f"Charts disagree: {card.chart_note}")


def nerve_card(nerve: str) -> None:
    card = pc.nerve_card(atlas(), nerve)
    st.header(card.name)
    st.write(card.summary)
    st.markdown(f"**Roots it comes from.** {card.roots}")
    if card.part_of:
        st.markdown(f"**Branch of.** {', '.join(card.part_of)}")
    _bullets("Its course (the yellow line on the body)", card.course)
    _bullets("Branches", card.branches)
    _bullets("Where it can be squeezed (entrapment sites)", card.entrapment)
    _bullets("Movements it powers", card.movements if not consult() else card.movements[:6])
    if card.territory and not consult():
        with st.expander(f"Skin it supplies ({len(card.territory)} areas)"):
            st.markdown("\n".join(f"- {t}" for t in card.territory))


def disc_card(disc: str) -> None:
    card = pc.disc_card(atlas(), disc)
    if card is None:
        return
    st.header(f"The {card.label} disc")
    st.write(card.text)
    if card.note:
        st.caption(card.note)
