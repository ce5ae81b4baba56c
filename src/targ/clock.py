"""The virtual clock: the only source of time in targ. Nothing else reads the wall clock.

The clock is an anchor pair (virtual time, wall time) plus a frozen flag. When running, virtual time moves with the
wall clock from the anchor; when frozen it stands still. The anchor lives in the store, so it survives a restart
with `--data` and is rolled back by a reset. Times are integer milliseconds since the Unix epoch internally and
RFC 3339 UTC strings with millisecond precision on the wire (the vendors' format).
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from targ.cache import Cache

if TYPE_CHECKING:
    from collections.abc import Iterator

    from targ.store.base import Store

_DURATION = re.compile(
    r"^(?P<sign>-)?P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def wall_ms() -> int:
    """Wall time in ms: used only to move a running virtual clock."""
    return time.time_ns() // 1_000_000


def parse_duration(text: str) -> int:
    """ISO 8601 duration (days and time parts, e.g. `PT36H`, `P7D`, `PT0.5S`) → milliseconds."""
    m = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if not m or text.strip() in ("P", "PT", "-P") or text.strip().endswith("T"):
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    ms = (float(m["d"] or 0) * 86400 + float(m["h"] or 0) * 3600 + float(m["m"] or 0) * 60 + float(m["s"] or 0)) * 1000
    return -round(ms) if m["sign"] else round(ms)


def format_duration(ms: int) -> str:
    seconds, rest = divmod(abs(ms), 1000)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    out = "P" + (f"{days}D" if days else "")
    tail = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or rest:
        tail += f"{seconds}.{rest:03d}S".replace(".000S", "S")
    out += ("T" + tail) if tail else ("" if days else "T0S")
    return ("-" if ms < 0 else "") + out


_PARSED: Cache[str, int] = Cache("clock.parse")


def parse_time(text: str) -> int:
    """RFC 3339 → ms. A missing zone is read as UTC. Remembered: the same stored instants are read again on every
    write of their document (an order's `updatedAt` for its listing row)."""
    return _PARSED.get(text, lambda: _parse_time(text))


def _parse_time(text: str) -> int:
    s = text.strip().replace("z", "Z")
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    dt = datetime.fromisoformat(s)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)


_ISO: Cache[int, str] = Cache("clock.iso")


def iso(ms: int) -> str:
    """ms → `2026-01-01T00:00:00.000Z`, as both vendors write timestamps (formatted by hand: it runs per field, and
    remembered: a request stamps the same instant on several fields)."""
    return _ISO.get(ms, lambda: _format(ms))


def _format(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    t = time.gmtime(seconds)
    return (f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
            f".{millis:03d}Z")


class Clock:
    """Virtual time. `now_ms()` is what every timestamp comes from."""

    META_KEY = "clock"

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pinned: int | None = None
        self.load()

    def load(self) -> None:
        state: dict[str, Any] = self._store.meta_get(self.META_KEY) or {"virtual": wall_ms(), "wall": wall_ms(),
                                                                       "frozen": False}
        self._virtual = int(state["virtual"])
        self._wall = int(state["wall"])
        self.frozen = bool(state["frozen"])

    def _save(self) -> None:
        self._store.meta_set(self.META_KEY, {"virtual": self._virtual, "wall": self._wall, "frozen": self.frozen})

    def now_ms(self) -> int:
        if self._pinned is not None:
            return self._pinned
        if self.frozen:
            return self._virtual
        return self._virtual + (wall_ms() - self._wall)

    def now_iso(self) -> str:
        return iso(self.now_ms())

    def set(self, ms: int, *, frozen: bool | None = None) -> None:
        """Move the clock to `ms` (callers check direction); keeps running from there unless frozen."""
        self._virtual = ms
        self._wall = wall_ms()
        if frozen is not None:
            self.frozen = frozen
        self._save()

    def freeze(self, frozen: bool) -> None:
        self.set(self.now_ms(), frozen=frozen)

    @contextmanager
    def pinned(self, ms: int) -> Iterator[None]:
        """Within the block, `now` is `ms`: due work stamps the time it fell due, not the time it ran."""
        before = self._pinned
        self._pinned = ms
        try:
            yield
        finally:
            self._pinned = before
