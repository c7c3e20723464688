"""App-owned session state: initialised ONCE from the query string, written back on every change.

The view lives in st.session_state["nm_view"] (a ViewState) and st.session_state["nm_extras"] (Extras);
every change goes through ``commit`` which also rewrites st.query_params, so the URL is always a shareable link.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from explainer.i18n import set_resolver, t
from explainer.present.extras import EXTRA_KEYS, Extras, extras_to_query, parse_extras
from explainer.ui.resources import atlas, texts
from explainer.viewstate import ViewState, parse_query, screen_link, screen_query_string, to_query

VIEW = "nm_view"
EXTRAS = "nm_extras"
NOTES = "nm_link_notes"
FROM_LINK = "nm_from_link"
GOTO = "nm_goto"
SENT_QUERY = "nm_query_sent"  # the link last sent to the browser (state.write_query)


def _params() -> dict[str, str | list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _raw_query() -> str | None:
    """The query string as the browser sent it: st.query_params is silently empty for one Streamlit finds too big."""
    try:
        raw = getattr(get_script_run_ctx(), "query_string", None)
    except Exception:  # an internal API: fall back to st.query_params
        return None
    return raw if isinstance(raw, str) else None


def init_state() -> None:
    """Read the link into session state on the first run of a session (and never again)."""
    if VIEW in st.session_state:
        return
    raw = _raw_query()  # oversized links, unknown and repeated keys are set aside first
    screened = screen_query_string(raw, list_keys=EXTRA_KEYS) if raw is not None else screen_link(_params(), list_keys=EXTRA_KEYS)
    params: dict[str, str | list[str]] = dict(screened.params)
    try:
        view = parse_query(params, atlas=atlas(), articles=[a.id for a in texts().articles])
        extras = parse_extras(params, atlas=atlas(), check_ids=tuple(q.id for q in texts().selfcheck.questions))
    except Exception:  # a link must never break the app
        view, extras = ViewState(notes=(t("The link could not be read, so the app opened fresh."),)), Extras()
    if view.zones and "view" not in params:
        # A link with marks but no picture named: open the picture that holds most of them, not an empty front.
        from explainer.ui.mapview import marked_per_view

        counts = marked_per_view(view.zones)
        if counts and counts.get(view.view, 0) == 0:
            view = replace(view, view=max(counts, key=lambda name: counts[name]))  # type: ignore[arg-type]
    st.session_state[VIEW] = replace(view, notes=())
    _keep_lang(view)
    st.session_state[EXTRAS] = replace(extras, notes=())
    st.session_state[NOTES] = screened.notes + tuple(view.notes) + tuple(extras.notes)
    if not screened.params:  # nothing read (e.g. a link Streamlit refused as too big): make the address bar match
        st.query_params.from_dict(query_for(view, extras))
    # The link decides the page only when it names one (or carries zones, which open the Where page).
    st.session_state[FROM_LINK] = "page" in params or bool(view.zones)


_LANG_ATTR = "_nerve_map_lang"


def page_lang() -> str | None:
    """This session's language: the view's once it is read, before that the link's ``lang=`` (explainer.i18n).

    Asked by every t() - hundreds of times a run - and st.session_state is slow to read (a lookup builds its filtered
    view of the state: a fifth of a tap's server time), so the answer is kept on the run's context for the rest of
    that run (keyed by the run's own cursor table, which Streamlit replaces at the start of every run and fragment run)
    and updated by ``commit``."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return None
    kept = getattr(ctx, _LANG_ATTR, None)
    if kept is not None and kept[0] is ctx.cursors:
        return str(kept[1])
    value = st.session_state.get(VIEW)
    if not isinstance(value, ViewState):
        return st.query_params.get("lang")
    setattr(ctx, _LANG_ATTR, (ctx.cursors, value.lang))
    return value.lang


def _keep_lang(view: ViewState) -> None:
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        setattr(ctx, _LANG_ATTR, (ctx.cursors, view.lang))


set_resolver(page_lang)


def view() -> ViewState:
    value = st.session_state.get(VIEW)
    return value if isinstance(value, ViewState) else ViewState()


def extras() -> Extras:
    value = st.session_state.get(EXTRAS)
    return value if isinstance(value, Extras) else Extras()


def link_notes() -> tuple[str, ...]:
    return tuple(st.session_state.get(NOTES, ()))


def dismiss_notes() -> None:
    st.session_state[NOTES] = ()


def query_for(state: ViewState, more: Extras) -> dict[str, str]:
    query = to_query(state)
    if state.zones and "view" not in query:  # name the picture: a link without one opens the picture holding the marks
        query = {"view": state.view, **query}
    return {**query, **extras_to_query(more)}


def write_query() -> None:
    """Make the URL match the state (only touching it when it differs).

    The link the browser reports with a request can be overtaken by a new link still on its way from the previous run
    (two quick taps: the second request leaves with the first tap's link, then the first run's answer arrives), so
    the link is sent unless both the browser's and the last one sent match. The last one sent is recorded after the
    sending: a run stopped in between sends it again."""
    wanted = query_for(view(), extras())
    current = {k: st.query_params.get(k) for k in st.query_params}
    if current != wanted or st.session_state.get(SENT_QUERY) != wanted:
        st.query_params.from_dict(wanted)
        st.session_state[SENT_QUERY] = wanted


def commit(state: ViewState | None = None, more: Extras | None = None) -> None:
    """Store a new view and/or extras and rewrite the link."""
    if state is not None:
        st.session_state[VIEW] = state
        _keep_lang(state)
    if more is not None:
        st.session_state[EXTRAS] = more
    write_query()


def update(**changes: Any) -> None:
    """commit(replace(view(), **changes))."""
    commit(replace(view(), **changes))


def go(page: str) -> None:
    """From a callback: open another page on the next run (the navigation reads GOTO)."""
    update(page=page)
    st.session_state[GOTO] = True


def mirror_key(base: str, value: Any) -> str:
    """The key for a widget that mirrors app state which can change elsewhere without rerunning the widget (the zone
    list beside the map's fragment): a new key each time the value changed elsewhere, so a stale value the browser
    still holds under the old key can never be applied back over newer marks. ``mirror_seen`` records a change the
    widget made itself (no new key: the widget keeps its focus and open menu)."""
    shown, version = f"{base}__shown", f"{base}__version"
    if st.session_state.get(shown) != value:
        st.session_state[version] = st.session_state.get(version, -1) + 1
        st.session_state[shown] = value
    n = st.session_state[version]
    return base if n == 0 else f"{base}_{n}"


def mirror_seen(base: str, value: Any) -> None:
    st.session_state[f"{base}__shown"] = value


def sync_widget(key: str, value: Any) -> None:
    """Make a widget show the app-owned value before it is drawn (the widget is then created without a default)."""
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value
