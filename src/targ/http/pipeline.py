"""One request in, one response out, for every surface targ serves: Allegro, Voucherify, the OAuth pages and the
admin API all go through `Pipeline.handle`, in this order:

1. the surface is picked by path prefix (PRODUCT.md) and stamps the request (trace id, language);
2. its gate may refuse the request outright (the admin API's Origin/Host checks);
3. a body over 10 MiB → 413;
4. due jobs run (`world.tick()`), so the answer reflects the current virtual time;
5. routing: 404/405, or the code to run;
6. the surface's checks: authentication, `Accept`, `Content-Type`, parameters and body (vendor surfaces, from the
   spec; admin and OAuth routes read their own input);
7. the code runs inside one store transaction (unless the route manages the store itself), and its reply is
   rendered (and, for vendor operations, checked against the vendor's response schema);
8. a vendor error becomes the surface's error envelope; anything else is a crash: recorded, and a 500 in the
   surface's envelope.

What differs between surfaces is supplied by small policy objects (targ.http.policies); `targ.app` wires them.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from targ.http.errors import TargError
from targ.http.policies import Checks, Errors, Gate, Replies, Routes, Stamp
from targ.http.request import Headers, Request
from targ.http.response import Response
from targ.world import World

MAX_BODY = 10 * 1024 * 1024


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


@dataclass(eq=False)
class Surface:
    """One API targ serves: the paths it owns and its policies."""

    name: str
    owns: Callable[[str], bool]        # by raw path
    routes: Routes
    errors: Errors
    checks: Checks
    replies: Replies
    stamp: Stamp
    gate: Gate | None = None


@dataclass(eq=False)
class Pipeline:
    world: World
    surfaces: list[Surface]            # the first that owns a path serves it; the last owns every path
    crashes: list[str] = field(default_factory=list)

    def surface_for(self, raw_path: str) -> Surface:
        for surface in self.surfaces:
            if surface.owns(raw_path):
                return surface
        return self.surfaces[-1]

    def handle(self, inc: Incoming) -> Response:
        surface = self.surface_for(inc.raw_path)
        req = Request(self.world, inc.method, inc.raw_path, inc.headers, inc.base_url,
                      query_pairs=inc.query_pairs(), raw_body=inc.body)
        surface.stamp.begin(req)
        try:
            resp = self._answer(surface, req, inc.too_large)
        except TargError as exc:
            resp = surface.errors.render(req, exc)
            surface.replies.check_error(req, resp)
        except Exception as exc:  # a bug: say so loudly, in the surface's envelope
            self._crash(req, exc)
            resp = surface.errors.render(req, surface.errors.internal(req, f"{type(exc).__name__}: {exc}"))
        return surface.stamp.finish(req, resp)

    def _answer(self, surface: Surface, req: Request, too_large: bool) -> Response:
        if surface.gate is not None:
            surface.gate.admit(req, too_large)
        if too_large:
            raise surface.errors.too_large(req)
        self.world.tick()
        route = surface.routes.match(req)
        media_type = surface.checks.check(req)
        if route.outside_transaction:
            reply = route.run(req)
        else:
            with self.world.store.transaction():
                reply = route.run(req)
        return surface.replies.render(req, reply, media_type)

    def _crash(self, req: Request, exc: BaseException) -> None:
        text = "".join(traceback.format_exception(exc))
        print(f"targ: handler crashed on {req.method} {req.path}\n{text}", file=sys.stderr, flush=True)
        self.world.violations.append({"kind": "crash", "method": req.method, "path": req.path, "error": text})
