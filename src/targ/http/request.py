"""The request a handler receives and the reply it returns: plain objects, no HTTP framework inside."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from targ.http.auth import Principal
    from targ.spec.bundle import Operation
    from targ.world import World


class Headers(Mapping[str, str]):
    """Case-insensitive request headers; the last value of a repeated header wins."""

    __slots__ = ("_d", "raw")

    def __init__(self, raw: list[tuple[bytes, bytes]]) -> None:
        self.raw = raw
        self._d = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw}

    def __getitem__(self, key: str) -> str:
        return self._d[key.lower()]

    def get(self, key: str, default: Any = None) -> Any:
        return self._d.get(key.lower(), default)

    def lower_map(self) -> dict[str, str]:
        """The headers as a plain dict with lower-case names (read-only by convention)."""
        return self._d

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._d

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)


@dataclass(eq=False, slots=True)
class Request:
    """A validated vendor request, as a handler bound to an operationId sees it."""

    world: World
    method: str
    path: str                       # the raw path, still percent-encoded
    headers: Headers
    base_url: str                   # scheme://host[:port] from the Host header: URLs targ hands out start with it
    operation: Operation | None = None
    path_params: dict[str, str] = field(default_factory=dict)
    query_pairs: list[tuple[str, str]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)   # typed, validated, defaults applied
    body: Any = None                                       # parsed JSON (or None)
    raw_body: bytes = b""
    principal: Principal | None = None
    language: str = "pl-PL"
    trace_id: str = ""
    lenient: list[str] = field(default_factory=list)      # what the vendor's lenient body binder did (Allegro)

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@dataclass(slots=True)
class Reply:
    """What a handler returns. `status=None` means the operation's declared success status.

    `body` is JSON-serialisable data, or bytes/str for binary and text media types. `media_type=None` means the
    operation's declared media type for that status.
    """

    body: Any = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str | None = None
