"""explainer.ui.memory: give memory back once per quiet spell after a busy one, never while busy."""

from __future__ import annotations

import gc

from explainer.ui import memory


def test_trims_once_at_the_first_quiet_spell_after_activity() -> None:
    busy = False
    trims = []
    for used in (0.0, 3.0, 5.0, 0.01, 0.0, 0.0, 4.0, 0.1, 0.0):  # CPU seconds used in each 10 s look
        trim, busy = memory.step(used_s=used, busy=busy, quiet_s=10.0, idle_share=0.02)
        trims.append(trim)
    assert trims == [False, False, False, True, False, False, False, True, False]


def test_a_quiet_server_that_was_never_busy_is_left_alone() -> None:
    assert memory.step(used_s=0.0, busy=False) == (False, False)


def test_give_back_collects_garbage_and_trims_the_c_heap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
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
