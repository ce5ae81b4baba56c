"""Values derived from stored documents, kept in process until one of their kinds may have changed."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from targ.cache import Cache
from targ.store.base import Store

T = TypeVar("T")
_MEMOS: weakref.WeakKeyDictionary[Store, Cache[tuple[str, ...], tuple[tuple[Any, ...], Any]]] = \
    weakref.WeakKeyDictionary()
MEMO_ENTRIES = 4096


def memo(store: Store, key: tuple[str, ...], kinds: tuple[str, ...], compute: Callable[[], T]) -> T:
    """A value derived from the documents of `kinds` (a seller's offers, orders, one order's rendered details),
    computed again only once one of them may have changed: the store's generation of each kind says so (a write, a
    rollback, a reset). A stock report or an order list over 10 000 documents would otherwise decode every one each
    time. The value is shared: callers must not change it."""
    stamp = tuple(store.generation(kind) for kind in kinds)
    cache = _MEMOS.get(store)
    if cache is None:
        cache = _MEMOS[store] = Cache("store.memo", MEMO_ENTRIES)
    hit = cache.lookup(key)
    if hit is not None and hit[0] == stamp:
        memoised: T = hit[1]     # the cache holds every kind of value: this key's is what `compute` made
        return memoised
    value = compute()
    cache.put(key, (stamp, value))
    return value


def forget_memos(store: Store) -> None:
    """Drops every value derived from `store` (its whole content was replaced: a reset)."""
    _MEMOS.pop(store, None)
