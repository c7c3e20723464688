"""Explore the spine: the spine and the body side by side; pick a root, disc or nerve (or compare two)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.i18n import t
from explainer.present import cards as pc
from explainer.present import layers as pl
from explainer.present import palette
from explainer.present.mapstyle import map_style
from explainer.ui import state
from explainer.ui.common import footer, header
from explainer.ui.mapview import show_view, view_labels, view_picker
from explainer.ui.resources import atlas
from explainer.ui.spine_cards import disc_card, legend, nerve_card, root_card
from explainer.ui.spineview import show_spine

COMPARES = (("L5", "common_fibular_nerve"), ("C6", "median_nerve"), ("C8", "ulnar_nerve"))
NONE = "—"
BODY_WIDTH, BODY_HEIGHT = 330, 780
SPINE_SIZE = (380, 880)


def pick(*, root: str | None = None, nerve: str | None = None, disc: str | None = None) -> None:
    state.commit(replace(state.view(), root=root, nerve=nerve, disc=disc, compare=None))


def compare_with(item: str | None) -> None:
    v = state.view()
    if v.root or v.nerve or item is None:
        state.commit(replace(v, compare=item, disc=None))
    elif item in atlas().roots:
        pick(root=item)
    else:
        pick(nerve=item)


def on_spine(clicked: str) -> None:
    kind, _, value = clicked.partition(":")
    if kind == "root" and value in atlas().roots:
        pick(root=value)
    elif kind == "disc":
        pick(disc=value)


def _select(label: str, options: list[str], *, key: str, value: str | None, fmt, on_pick) -> None:  # type: ignore[no-untyped-def]
    state.sync_widget(key, value if value in options else NONE)

    def changed() -> None:
        chosen = st.session_state.get(key)
        on_pick(None if chosen == NONE else chosen)

    names = {NONE: t("Choose…"), **{o: fmt(o) for o in options}}  # worded now, in this page's language
    st.selectbox(label, [NONE, *options], key=key, on_change=changed, format_func=lambda o: names.get(o, o))


def pickers() -> None:
    a, v = atlas(), state.view()
    cols = st.columns(4)
    with cols[0]:
        _select(t("Nerve root (head to tail)"), [r.id for r in a.ordered_roots], key="nm_pick_root", value=v.root,
                fmt=pc.root_label, on_pick=lambda r: pick(root=r))
    with cols[1]:
        _select(t("Nerve (sciatic first)"), list(pc.nerve_order(a)), key="nm_pick_nerve", value=v.nerve,
                fmt=lambda n: a.nerves[n].name, on_pick=lambda n: pick(nerve=n))
    with cols[2]:
        _select(t("Disc"), [d.id for d in a.spine.discs], key="nm_pick_disc", value=v.disc,
                fmt=lambda d: t("{disc} disc", disc=pl.disc_label(d)), on_pick=lambda d: pick(disc=d))
    with cols[3]:
        first = v.root or v.nerve
        others = [r.id for r in a.ordered_roots] + list(pc.nerve_order(a))
        _select(t("Compare with"), [o for o in others if o != first], key="nm_pick_compare", value=v.compare,
                fmt=lambda o: pl.short(a, o) if o in a.roots else a.nerves[o].name,
                on_pick=compare_with)
    st.caption(t("Quick comparisons:"))
    qc = st.columns(len(COMPARES))
    for col, (root, nerve) in zip(qc, COMPARES, strict=True):
        col.button(t("{root} root vs {nerve}", root=root, nerve=a.nerves[nerve].name), key=f"nm_cmp_{root}", width="stretch",
                   on_click=lambda r=root, n=nerve: state.commit(replace(state.view(), root=r, nerve=None, disc=None,
                                                                         compare=n)))


def current_layer() -> tuple[pl.Layer, tuple[str, ...]]:
    """The highlight and the nerve courses to draw for the current choice."""
    a, v = atlas(), state.view()
    first = v.root or v.nerve
    if v.disc:
        return pl.disc_layer(a, v.disc), ()
    if first and v.compare:
        courses = tuple(n for n in (first, v.compare) if n in a.nerves)
        return pl.compare_layer(a, first, v.compare), courses
    if first:
        return pl.item_layer(a, first), ((first,) if first in a.nerves else ())
    return pl.Layer(title=""), ()


def spine_fills() -> tuple[frozenset[str], dict[str, str]]:
    a, v = atlas(), state.view()
    selected = {f"root:{r}" for r in (v.root, v.compare) if r and r in a.roots}
    if v.disc:
        selected.add(f"disc:{v.disc}")
        disc = next((d for d in a.spine.discs if d.id == v.disc), None)
        fills = {f"root:{r}": palette.FIRST for r in (disc.posterolateral if disc else ())}
        fills.update({f"root:{r}": palette.SECOND for r in (disc.far_lateral if disc else ()) if f"root:{r}" not in fills})
        return frozenset(selected), fills
    if v.nerve:
        return frozenset(selected), {f"root:{r}": palette.SKY for r in a.nerves[v.nerve].roots}
    return frozenset(selected), {}


def bodies(layer: pl.Layer, courses: tuple[str, ...]) -> None:
    v = state.view()
    view_picker(current=v.view, key="nm_spine_view", on_change=lambda value: state.update(view=value),
                label=t("Body view"))
    roots = tuple(r for r in (v.root,) if r and not v.compare)
    style = map_style(layer, courses=courses, key_points=bool(roots))
    views = ("front", "back") if v.view in ("front", "back") else (v.view,)
    cols = st.columns(len(views))
    pictures, what = view_labels(), layer.title or t("Body")
    for col, name in zip(cols, views, strict=True):
        with col:
            show_view(name, style, key=f"nm_spine_body_{name}", max_height=f"{BODY_HEIGHT}px",
                      key_point_roots=roots, title=f"{what}: {pictures[name]}")


def spine_page() -> None:
    header(t("Explore the spine"), intro=t("Pick a nerve root, a disc or a nerve — from the lists or by tapping the spine — "
                                           "to see which skin and muscles it looks after."))
    pickers()
    v = state.view()
    layer, courses = current_layer()
    selected, fills = spine_fills()
    left, right = st.columns([4, 7], gap="medium")
    with left:
        st.markdown(t("**The spine, seen from behind.** Tap a root (yellow) or a disc (blue)."))
        show_spine(selected=selected, fills=fills, key="nm_spine", on_pick=on_spine, size_px=SPINE_SIZE)
    with right:
        bodies(layer, courses)
        legend(layer)
    items = [i for i in (v.root, v.nerve, v.compare) if i]
    if v.disc:
        disc_card(v.disc)
    cols = st.columns(max(len(items), 1), gap="large")
    for col, item in zip(cols, items, strict=False):
        with col:
            if item in atlas().roots:
                root_card(item)
            elif item in atlas().nerves:
                nerve_card(item)
    if not (v.root or v.nerve or v.disc):
        st.info(t("Tap a level of the spine, or choose a root, disc or nerve from the lists above."))
    footer()
