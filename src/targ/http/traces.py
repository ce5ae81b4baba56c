"""Trace ids for responses: Allegro's `trace-id` header and Voucherify's `request_id`.

A prefix seeded from --seed and one counter: the same ids in the same order on every run, restarted by a reset,
and cheap (this runs per request). Not stored: reads stay reads.
"""

from __future__ import annotations

import hashlib
import itertools


class TraceIds:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.restart()

    def restart(self) -> None:
        h = hashlib.sha256(f"{self.seed}/trace".encode()).hexdigest()
        self._prefix = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-"
        self._count = itertools.count(int(h[20:29], 16))

    def allegro(self) -> str:
        """Shaped as a version-4 UUID, like the vendor's."""
        return f"{self._prefix}{next(self._count):012x}"

    def voucherify(self) -> str:
        """`v-` and 18 hex digits, from the same counter."""
        return f"v-{self._prefix[:6]}{next(self._count):012x}"
