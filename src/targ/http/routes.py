"""A small route table for targ's hand-written endpoints (the admin API and the OAuth pages), which are not in
any vendor spec. Patterns use `{name}` segments; parameters are percent-decoded after matching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

import orjson

from targ.http.errors import TargError
from targ.http.request import Headers, Reply

if TYPE_CHECKING:
    from targ.world import World


@dataclass(eq=False)
class PlainRequest:
    world: World
    method: str
    path: str
    query_pairs: list[tuple[str, str]]
    headers: Headers
    raw_body: bytes
    base_url: str
    path_params: dict[str, str] = field(default_factory=dict)

    def query(self, name: str, default: str | None = None) -> str | None:
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


RouteFn = Callable[[PlainRequest], Reply]


def outside_transaction(fn: RouteFn) -> RouteFn:
    """Marks a route that manages the store itself (reset replaces the whole database)."""
    fn.outside_transaction = True  # type: ignore[attr-defined]
    return fn


class RouteTable:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        # Routes by their number of segments: a path is compared with the few patterns of its length only.
        self._routes: dict[int, list[tuple[str, list[str], RouteFn]]] = {}

    def route(self, method: str, pattern: str) -> Callable[[RouteFn], RouteFn]:
        def register(fn: RouteFn) -> RouteFn:
            segs = (self.prefix + pattern).strip("/").split("/")
            self._routes.setdefault(len(segs), []).append((method.upper(), segs, fn))
            return fn
        return register

    def routes(self) -> list[tuple[str, str]]:
        """(method, pattern) of every route, in registration order per length."""
        return [(m, "/" + "/".join(segs)) for group in self._routes.values() for m, segs, _ in group]

    def match(self, method: str, raw_path: str) -> tuple[RouteFn | None, dict[str, str], list[str]] | None:
        """None when no pattern has this path; else (handler or None for a wrong method, params, allowed)."""
        segs = raw_path.strip("/").split("/")
        allowed: list[str] = []
        found: tuple[RouteFn, dict[str, str]] | None = None
        for m, pattern, fn in self._routes.get(len(segs), ()):
            params = _match(pattern, segs)
            if params is None:
                continue
            allowed.append(m)
            if m == method and found is None:
                found = (fn, params)
        if not allowed:
            return None
        if found is None:
            return None, {}, sorted(set(allowed))
        return found[0], found[1], sorted(set(allowed))


def _match(pattern: list[str], segs: list[str]) -> dict[str, str] | None:
    if len(pattern) != len(segs):
        return None
    params: dict[str, str] = {}
    for p, s in zip(pattern, segs, strict=True):
        if p.startswith("{") and p.endswith("}"):
            if not s:
                return None
            params[p[1:-1]] = unquote(s)
        elif p != s:
            return None
    return params
