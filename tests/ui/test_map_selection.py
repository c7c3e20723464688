"""The map's callback (bodymap_component.component.apply_selection) and the link it writes (state.write_query)
when Streamlit stops a run half-way or its messages cross.

Streamlit checks for a newer request at every read or write of st.session_state and, if one waits, stops the
callback there. The browser resends a selection the server has not acknowledged, with a new number. Whatever the
point of the stop, after the resend the marks, the server's picture of the browser and the acknowledgement agree;
and an acknowledgement is never ahead of the marks it stands for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from explainer.ui.bodymap_component.component import ACK_KEY, BELIEF_KEY, apply_selection
from explainer.ui.state import SENT_QUERY

KEY = "nm_map"
ACK = f"{ACK_KEY}:{KEY}"


class Stopped(Exception):
    """Stands in for Streamlit's RerunException."""


class StoppingState(dict[str, Any]):
    """A session state that stops the callback at its n-th access (reads and writes both count, as in Streamlit)."""

    def __init__(self, *args: Any, stop_at: int | None = None) -> None:
        super().__init__(*args)
        self.stop_at, self.accesses = stop_at, 0

    def _tick(self) -> None:
        self.accesses += 1
        if self.stop_at is not None and self.accesses == self.stop_at:
            raise Stopped

    def get(self, key: str, default: Any = None) -> Any:
        self._tick()
        return super().get(key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self._tick()
        super().__setitem__(key, value)


def _commit(store: StoppingState):  # the app's on_change: store the marks (as state.commit does)
    def on_change(marks: tuple[str, ...]) -> None:
        store["view_zones"] = marks
    return on_change


def _send(store: StoppingState, zones: list[str], seq: int) -> None:
    dict.__setitem__(store, KEY, {"selection": {"zones": zones, "seq": seq}})


def _accesses_of_one_apply() -> int:
    store = StoppingState({ACK: 1, "view_zones": ("a",), BELIEF_KEY: ("a",)})
    _send(store, ["a", "b"], 2)
    apply_selection(store, key=KEY, on_change=_commit(store))
    return store.accesses


@pytest.mark.parametrize("stop_at", range(1, _accesses_of_one_apply() + 1))
def test_a_stopped_callback_is_made_good_by_the_resend(stop_at: int) -> None:
    store = StoppingState({ACK: 1, "view_zones": ("a",), BELIEF_KEY: ("a",)}, stop_at=stop_at)
    _send(store, ["a", "b"], 2)
    with pytest.raises(Stopped):
        apply_selection(store, key=KEY, on_change=_commit(store))
    if dict.get(store, ACK) == 2:  # acknowledged: then everything it stands for is stored
        assert dict.get(store, "view_zones") == ("a", "b")
        assert dict.get(store, BELIEF_KEY) == ("a", "b")
    else:  # not acknowledged: the browser resends the same marks under a new number
        assert dict.get(store, ACK) == 1
        store.stop_at = None
        _send(store, ["a", "b"], 3)
        apply_selection(store, key=KEY, on_change=_commit(store))
        assert (dict.get(store, ACK), dict.get(store, "view_zones"), dict.get(store, BELIEF_KEY)) == (3, ("a", "b"),
                                                                                                   ("a", "b"))


def test_an_older_selection_arriving_late_changes_nothing() -> None:
    store = StoppingState({ACK: 5, "view_zones": ("a", "b"), BELIEF_KEY: ("a", "b")})
    _send(store, ["a"], 4)
    apply_selection(store, key=KEY, on_change=_commit(store))
    assert (dict.get(store, ACK), dict.get(store, "view_zones")) == (5, ("a", "b"))


def test_the_link_is_sent_again_when_the_browser_may_be_overtaken(run_app: Callable[..., AppTest]) -> None:
    """Two quick taps: the browser reports the newest link only because the previous run's older one is still on its
    way. The app must send the newest link again (it was not the last one sent), or the address bar ends one tap
    behind the map."""
    link = {"page": "where", "view": "front", "mode": "consult", "zones": "foot_dorsum_right,great_toe_dorsal_right"}
    at = run_app(link)
    wanted = at.session_state[SENT_QUERY]
    assert wanted["zones"] == link["zones"]
    older = {**wanted, "zones": "foot_dorsum_right"}  # the link of the tap before, sent last and still travelling
    at.session_state[SENT_QUERY] = older
    at.run()
    assert at.session_state[SENT_QUERY] == wanted
