"""A small route table for targ's hand-written endpoints (the admin API and the OAuth pages), which are not in
any vendor spec. Patterns use `{name}` segments; parameters are percent-decoded after matching."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from targ.http.errors import TargError
from targ.http.pipeline import Surface
from targ.http.policies import Errors, Gate, NoStamp, Route
from targ.http.request import Reply, Request
from targ.http.response import Response, build

RouteFn = Callable[[Request], Reply]


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


class TableRoutes:
    """A route table as the pipeline's routing policy."""

    def __init__(self, table: RouteTable, errors: Errors) -> None:
        self.table = table
        self.errors = errors

    def match(self, req: Request) -> Route:
        found = self.table.match(req.method, req.path)
        if found is None:
            raise self.errors.not_found(req)
        fn, params, allowed = found
        if fn is None:
            raise self.errors.method_not_allowed(req, allowed)
        req.path_params = params
        return Route(fn, outside_transaction=getattr(fn, "outside_transaction", False))


class RoutesReadTheirOwnInput:
    """Hand-written routes check nothing up front: each reads its query, JSON body or form itself."""

    def check(self, req: Request) -> str | None:
        return None


class PlainReplies:
    """A reply as it is: its status (200 by default), JSON unless it says otherwise."""

    def render(self, req: Request, reply: Reply, media_type: str | None) -> Response:
        status = reply.status or 200
        media = reply.media_type or ("application/json" if reply.body is not None else None)
        return build(status, reply.body, media, reply.headers)

    def check_error(self, req: Request, resp: Response) -> None:
        return None


class PlainErrors:
    """Errors of a hand-written surface: one error type built from (status, key, message, headers)."""

    def __init__(self, make: Callable[[int, str, str, dict[str, str] | None], TargError]) -> None:
        self.make = make

    def not_found(self, req: Request) -> TargError:
        return self.make(404, "not_found", f"no such path: {req.path}", None)

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        return self.make(405, "method_not_allowed", f"allowed: {', '.join(allowed)}", {"allow": ", ".join(allowed)})

    def too_large(self, req: Request) -> TargError:
        return self.make(413, "too_large", "the request body is larger than 10 MiB", None)

    def internal(self, req: Request, message: str) -> TargError:
        return self.make(500, "internal_error", message, None)

    def render(self, req: Request, exc: TargError) -> Response:
        return build(exc.status, exc.body(), "application/json", exc.headers())


def plain_surface(name: str, owns: Callable[[str], bool], table: RouteTable,
                  make_error: Callable[[int, str, str, dict[str, str] | None], TargError],
                  gate: Gate | None = None) -> Surface:
    """A surface of hand-written routes: its route table, its error type, nothing checked up front."""
    errors = PlainErrors(make_error)
    return Surface(name=name, owns=owns, routes=TableRoutes(table, errors), errors=errors,
                   checks=RoutesReadTheirOwnInput(), replies=PlainReplies(), stamp=NoStamp(), gate=gate)
