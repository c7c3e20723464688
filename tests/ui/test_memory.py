"""explainer.ui.memory: give memory back at the first quiet look after activity, again once the closed pages'
sessions have expired, and never while busy."""

from __future__ import annotations

import gc

import pytest

from explainer.ui import memory


def _looks(used: list[float], **kw: float) -> list[bool]:
    trimmer = memory.Trimmer(**kw)
    return [trimmer.look(u) for u in used]


def test_trims_at_the_first_quiet_look_after_activity_and_once_more_after_the_session_ttl() -> None:
    # 10 s looks, 30 s TTL: the follow-up comes 4 quiet looks after the first trim (the sessions have expired by then)
    used = [0.0, 3.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert _looks(used, quiet_s=10.0, ttl_s=30.0) == [False, False, False, True, False, False, False, True, False, False]


def test_activity_before_the_follow_up_starts_over() -> None:
    used = [4.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert _looks(used, quiet_s=10.0, ttl_s=30.0) == [False, True, False, False, True, False, False, False, True]


def test_a_server_that_was_never_busy_is_left_alone() -> None:
    assert not any(_looks([0.0] * 20))


def test_give_back_collects_garbage_and_trims_the_c_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "collect", lambda: calls.append("collect") or 0)

    class Libc:
        def malloc_trim(self, pad: int) -> int:
            calls.append(f"trim {pad}")
            return 1

    memory.give_back(Libc())  # type: ignore[arg-type]
    assert calls == ["collect", "trim 0"]
    memory.give_back(None)  # not glibc: collect only
    assert calls[-1] == "collect"
