"""Labels looked up in the current language each time they are read (never frozen at import time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping


class LazyLabels(Mapping[str, str]):
    """A read-only mapping whose values come from ``make()`` on every access: ``make`` builds the dict with ``t()``
    calls, so a module constant keeps its keys and order while its words follow the page's language."""

    def __init__(self, make: Callable[[], dict[str, str]]) -> None:
        self._make = make

    def __getitem__(self, key: str) -> str:
        return self._make()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._make())

    def __len__(self) -> int:
        return len(self._make())

    def __repr__(self) -> str:
        return f"LazyLabels({self._make()!r})"
