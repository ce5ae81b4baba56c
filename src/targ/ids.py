"""Deterministic ids in each vendor's format. Same seed, same sequence of calls → same ids.

Every id is derived from (seed, kind, n), where n is a per-kind counter kept in the store, so a reset rewinds the
generators with the rest of the world.
"""

from __future__ import annotations

import hashlib
import uuid as _uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from targ.store.base import Store

_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


class Ids:
    def __init__(self, store: Store, seed: int) -> None:
        self._store = store
        self.seed = seed

    def _digest(self, kind: str, n: int) -> bytes:
        return hashlib.sha256(f"{self.seed}/{kind}/{n}".encode()).digest()

    def counter(self, kind: str) -> int:
        return self._store.next_seq(f"id:{kind}")

    def uuid(self, kind: str) -> str:
        """A version-4-shaped UUID, as the vendors' examples show them."""
        return str(_uuid.UUID(bytes=self._digest(kind, self.counter(kind))[:16], version=4))

    def number(self, kind: str, start: int) -> str:
        """Decimal string ids (offers, users, deals): start, start+1, ..."""
        return str(start + self.counter(kind) - 1)

    def sequence(self, kind: str) -> int:
        """A plain growing integer (event ids and the like)."""
        return self.counter(kind)

    def token(self, kind: str, length: int, alphabet: str = _ALNUM) -> str:
        """A random-looking string (Voucherify `ord_…`, user codes, secrets), still deterministic."""
        n = self.counter(kind)
        out: list[str] = []
        block = 0
        while len(out) < length:
            for byte in self._digest(f"{kind}#{block}", n):
                out.append(alphabet[byte % len(alphabet)])
            block += 1
        return "".join(out[:length])

    def lower_token(self, kind: str, length: int) -> str:
        return self.token(kind, length, _LOWER_ALNUM)

    def hex(self, kind: str, length: int) -> str:
        return self.token(kind, length, "0123456789abcdef")
