"""The one in-process cache: bounded, typed, counted.

Values that depend only on their key (a media type negotiated for an operation and an Accept header, a formatted
instant, a credential checked at a store generation) are computed once and kept, at most `size` of them: when full,
the oldest entry makes room. Every cache has a name; `stats()` (and `GET /__targ/caches`, the benchmarks' output)
tells each one's hits, misses and size, summed over the caches that share a name.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ALL: weakref.WeakSet[Cache[object, object]] = weakref.WeakSet()
_MISSING = object()


class Cache(Generic[K, V]):
    __slots__ = ("__weakref__", "_data", "hits", "misses", "name", "size")

    def __init__(self, name: str, size: int = 4096) -> None:
        self.name = name
        self.size = size
        self.hits = 0
        self.misses = 0
        self._data: dict[K, V] = {}
        _ALL.add(self)  # type: ignore[arg-type]

    def get(self, key: K, compute: Callable[[], V]) -> V:
        found = self._data.get(key, _MISSING)
        if found is not _MISSING:
            self.hits += 1
            return found  # type: ignore[return-value]
        self.misses += 1
        value = compute()
        self.put(key, value)
        return value

    def lookup(self, key: K) -> V | None:
        """The kept value, or None (counted as a hit or a miss): for callers that check a kept value's validity."""
        found = self._data.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: K, value: V) -> None:
        data = self._data
        if len(data) >= self.size and key not in data:
            del data[next(iter(data))]
        data[key] = value

    def clear(self) -> None:
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


def stats() -> dict[str, dict[str, int]]:
    """name → hits, misses, entries and capacity, over every live cache of that name."""
    out: dict[str, dict[str, int]] = {}
    for cache in list(_ALL):
        row = out.setdefault(cache.name, {"hits": 0, "misses": 0, "entries": 0, "capacity": 0})
        row["hits"] += cache.hits
        row["misses"] += cache.misses
        row["entries"] += len(cache)
        row["capacity"] += cache.size
    return dict(sorted(out.items()))
