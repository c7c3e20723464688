"""Explore-the-spine text panels: root, nerve and disc cards and the colour legend (colour plus words)."""

from __future__ import annotations

import html

import streamlit as st

from explainer.i18n import t
from explainer.present import cards as pc
from explainer.present.layers import Layer
from explainer.ui.common import consult
from explainer.ui.mapview import view_labels, view_of_zone
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
        st.markdown(f"**{title}**\n" + "\n".join(f"- {item}" for item in items))
    elif empty:
        st.markdown(f"**{title}** {empty}")


def root_card(root: str) -> None:
    card = pc.root_card(atlas(), root, clinician=consult())
    st.header(t("The {root} nerve root", root=root))
    st.write(card.summary)
    if card.area:
        st.markdown(t("**Skin strip (dermatome).** {area}", area=card.area))
    if card.key_point:
        point = atlas().key_point_for("S4" if root == "S5" else root)
        view = view_of_zone().get(f"{point.zone}_right", "") if point else ""
        names = view_labels()
        if view in names:
            st.markdown(t("**Key test point for feeling** (a small dot on the map, in the “{view}” view). {point}",
                          view=names[view], point=card.key_point))
        else:
            st.markdown(t("**Key test point for feeling** (a small dot on the map). {point}", point=card.key_point))
    _bullets(t("Key muscles"), card.key_muscles, empty=t("none that can easily be tested."))
    _bullets(t("Reflex"), card.reflexes, empty=t("no reflex is usually tested for this root."))
    _bullets(t("Discs that commonly press on it"), card.discs)
    if not consult():
        st.markdown(t("**Where it leaves the spine.** {text}", text=card.exit_text))
    if card.chart_note:
        st.caption(t("Charts disagree: {note}", note=card.chart_note))


def nerve_card(nerve: str) -> None:
    card = pc.nerve_card(atlas(), nerve)
    st.header(card.name)
    st.write(card.summary)
    st.markdown(t("**Roots it comes from.** {roots}", roots=card.roots))
    if card.part_of:
        st.markdown(t("**Branch of.** {nerves}", nerves=", ".join(card.part_of)))
    _bullets(t("Its course (the yellow line on the body)"), card.course)
    _bullets(t("Branches"), card.branches)
    _bullets(t("Where it can be squeezed (entrapment sites)"), card.entrapment)
    _bullets(t("Movements it powers"), card.movements if not consult() else card.movements[:6])
    if card.territory and not consult():
        with st.expander(t("Skin it supplies ({n} areas)", n=len(card.territory))):
            st.markdown("\n".join(f"- {area}" for area in card.territory))


def disc_card(disc: str) -> None:
    card = pc.disc_card(atlas(), disc)
    if card is None:
        return
    st.header(t("The {disc} disc", disc=card.label))
    st.write(card.text)
    if card.note:
        st.caption(card.note)
