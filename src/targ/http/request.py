"""The request a handler receives and the reply it returns: plain objects, no HTTP framework inside. One request
type for every surface: a vendor operation's handler reads `params` and `body` (checked against the spec), an admin
or OAuth route reads the query, the JSON body or the form itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import orjson

if TYPE_CHECKING:
    from targ.http.errors import TargError
    from targ.spec.bundle import Operation
    from targ.world import World


@dataclass(frozen=True)
class Principal:
    """Who is calling, as the vendor's credential rules resolved it (targ.allegro.auth, targ.voucherify.auth)."""

    vendor: str                      # "allegro" | "voucherify"
    seller_id: str | None = None     # Allegro: the user the token acts for (None for client_credentials)
    client_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    project_id: str | None = None    # Voucherify: the project the keys belong to
    key_kind: str | None = None      # Voucherify: "server" | "client" | "management"


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
    """A request as the code it is routed to sees it: for a vendor operation, validated against the spec."""

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
    media_type: str | None = None                          # the success media type negotiated from Accept

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)

    def query(self, name: str, default: str | None = None) -> str | None:
        """A query parameter as sent (the first of repeated ones): for routes that no spec describes."""
        for k, v in self.query_pairs:
            if k == name:
                return v
        return default

    def json(self, error: Callable[[str], TargError]) -> Any:
        """The JSON body ({} when empty); `error(message)` builds the exception for a malformed one."""
        if not self.raw_body.strip():
            return {}
        try:
            return orjson.loads(self.raw_body)
        except orjson.JSONDecodeError as exc:
            raise error(f"malformed JSON body: {exc}") from None

    def form(self) -> dict[str, str]:
        """`application/x-www-form-urlencoded` body parameters."""
        return dict(parse_qsl(self.raw_body.decode("utf-8", "replace"), keep_blank_values=True))


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
