"""targ's admin API as a surface of the request pipeline: `/__targ/`, guarded (targ.admin.guard), errors as
`{"error", "message"}`."""

from __future__ import annotations

from targ.admin import ADMIN
from targ.admin.guard import AdminGuard
from targ.http.errors import AdminError
from targ.http.pipeline import Surface
from targ.http.request import Request
from targ.http.routes import plain_surface
from targ.world import World

PREFIX = "/__targ"


def owns(raw_path: str) -> bool:
    return raw_path == PREFIX or raw_path.startswith(PREFIX + "/")


class AdminGate:
    def __init__(self, guard: AdminGuard) -> None:
        self.guard = guard

    def admit(self, req: Request, too_large: bool) -> None:
        refusal = self.guard.refusal(req.method, req.path, req.headers, req.base_url, req.raw_body)
        # An oversized body is told as 413, not as a missing Content-Type: the body was never read.
        if refusal is not None and not (too_large and refusal.status == 415):
            raise refusal


def surface(world: World) -> Surface:
    return plain_surface("admin", owns, ADMIN, AdminError,
                         gate=AdminGate(AdminGuard(world.options.host, world.options.allow_hosts,
                                                    world.options.admin_token)))
