"""The edge: one request in, one response out. Routing, authentication, content negotiation and validation happen
here, from the spec bundle, before any handler runs; handlers only ever see valid requests.

Prefixes decide the envelope (PRODUCT.md): `/__targ/` admin, `/auth/oauth/` OAuth, `/v1/`, `/client/v1/` and
`/management/v1/` Voucherify, everything else Allegro.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from urllib.parse import parse_qsl

from targ.admin.guard import AdminGuard
from targ.http.errors import AdminError, OAuthError, TargError
from targ.http.request import Headers, Reply
from targ.http.response import Response, build
from targ.http.routes import PlainRequest, RouteTable
from targ.world import World

MAX_BODY = 10 * 1024 * 1024
VOUCHERIFY_PREFIXES = ("/v1/", "/client/v1/", "/management/v1/")


@dataclass(slots=True)
class Incoming:
    """What the ASGI layer hands over."""

    method: str
    raw_path: str              # percent-encoded, without the query string
    query_string: str
    headers: Headers
    body: bytes
    base_url: str
    too_large: bool = False

    def query_pairs(self) -> list[tuple[str, str]]:
        return parse_qsl(self.query_string, keep_blank_values=True) if self.query_string else []


def vendor_of(raw_path: str) -> str:
    if raw_path == "/__targ" or raw_path.startswith("/__targ/"):
        return "admin"
    if raw_path.startswith("/auth/oauth/") or raw_path == "/auth/oauth":
        return "oauth"
    if raw_path.startswith(VOUCHERIFY_PREFIXES) or raw_path in ("/v1", "/client/v1", "/management/v1"):
        return "voucherify"
    return "allegro"


class Edge:
    def __init__(self, world: World, admin: RouteTable, oauth: RouteTable) -> None:
        from targ.allegro.edge import AllegroEdge
        from targ.voucherify.edge import VoucherifyEdge

        self.world = world
        self.admin = admin
        self.oauth = oauth
        self.allegro = AllegroEdge(world)
        self.voucherify = VoucherifyEdge(world)
        self.violations = world.violations
        self.admin_guard = AdminGuard(world.options.host, world.options.allow_hosts)

    def handle(self, inc: Incoming) -> Response:
        kind = vendor_of(inc.raw_path)
        if kind == "allegro":
            return self.allegro.handle(inc)
        if kind == "voucherify":
            return self.voucherify.handle(inc)
        return self._plain(inc, kind)

    # --- hand-written endpoints: admin and OAuth ---------------------------------------------------------------
    def _plain(self, inc: Incoming, kind: str) -> Response:
        table = self.admin if kind == "admin" else self.oauth
        try:
            if kind == "admin":
                refusal = self.admin_guard.refusal(inc.method, inc.raw_path, inc.headers, inc.base_url, inc.body)
                if refusal is not None and not (inc.too_large and refusal.status == 415):
                    raise refusal
            if inc.too_large:
                raise _plain_error(kind, 413, "too_large", "the request body is larger than 10 MiB")
            self.world.tick()
            found = table.match(inc.method, inc.raw_path)
            if found is None:
                raise _plain_error(kind, 404, "not_found", f"no such path: {inc.raw_path}")
            fn, params, allowed = found
            if fn is None:
                raise _plain_error(kind, 405, "method_not_allowed", f"allowed: {', '.join(allowed)}",
                                   {"allow": ", ".join(allowed)})
            req = PlainRequest(self.world, inc.method, inc.raw_path, inc.query_pairs(), inc.headers, inc.body,
                               inc.base_url, params)
            if getattr(fn, "outside_transaction", False):
                reply = fn(req)
            else:
                with self.world.store.transaction():
                    reply = fn(req)
            return _plain_reply(reply)
        except TargError as exc:
            return build(exc.status, exc.body(), "application/json", exc.headers())
        except Exception as exc:  # a bug: say so loudly, in the path's envelope
            self.record_crash(inc, exc)
            err = _plain_error(kind, 500, "internal_error", f"{type(exc).__name__}: {exc}")
            return build(500, err.body(), "application/json")

    def record_crash(self, inc: Incoming, exc: BaseException) -> None:
        text = "".join(traceback.format_exception(exc))
        print(f"targ: handler crashed on {inc.method} {inc.raw_path}\n{text}", file=sys.stderr, flush=True)
        self.violations.append({"kind": "crash", "method": inc.method, "path": inc.raw_path, "error": text})


def _plain_error(kind: str, status: int, key: str, message: str,
                 headers: dict[str, str] | None = None) -> TargError:
    if kind == "oauth":
        return OAuthError(status, key, message, headers)
    return AdminError(status, key, message, headers)


def _plain_reply(reply: Reply) -> Response:
    status = reply.status or 200
    media = reply.media_type or ("application/json" if reply.body is not None else None)
    return build(status, reply.body, media, reply.headers)
