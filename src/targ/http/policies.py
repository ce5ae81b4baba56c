"""The policies a surface is made of (targ.http.pipeline). Each is a small object with one job; a vendor package
supplies its own (targ.allegro.edge, targ.voucherify.edge), the spec-driven ones are shared (targ.http.spec)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from targ.http.errors import TargError
    from targ.http.request import Reply, Request
    from targ.http.response import Response
    from targ.spec.bundle import Operation


@dataclass(slots=True)
class Route:
    """What routing found: the code to run (a bound handler, an admin route, or the spec-example fallback)."""

    run: Callable[[Request], Reply]
    outside_transaction: bool = False   # the code manages the store itself (reset, clock moves, draining jobs)
    backing: str = "stateful"


class Routes(Protocol):
    def match(self, req: Request) -> Route:
        """The route for the request, with `req.operation` and `req.path_params` set; raises 404/405."""


class Errors(Protocol):
    """How a surface says no: its error for each refusal the pipeline itself makes, and its envelope."""

    def not_found(self, req: Request) -> TargError: ...
    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError: ...
    def too_large(self, req: Request) -> TargError: ...
    def internal(self, req: Request, message: str) -> TargError: ...
    def render(self, req: Request, exc: TargError) -> Response: ...


class Checks(Protocol):
    def check(self, req: Request) -> str | None:
        """Authenticates and reads the request (raising the surface's errors); the media type to answer with."""


class Replies(Protocol):
    def render(self, req: Request, reply: Reply, media_type: str | None) -> Response: ...

    def check_error(self, req: Request, resp: Response) -> None:
        """Records an error response the vendor's schema does not allow (vendor surfaces only)."""


class Stamp(Protocol):
    """Per-request marks: what the request carries in (trace id, language) and every response carries out."""

    def begin(self, req: Request) -> None: ...
    def finish(self, req: Request, resp: Response) -> Response: ...


class Gate(Protocol):
    def admit(self, req: Request, too_large: bool) -> None:
        """Raises when the surface refuses this caller altogether (before anything else is looked at)."""


class Authenticator(Protocol):
    def authenticate(self, req: Request, op: Operation) -> None:
        """Sets `req.principal`, or raises the vendor's 401/403."""


class Negotiation(Protocol):
    def accept(self, req: Request, op: Operation) -> str | None:
        """The success media type to answer with; raises the vendor's 406."""

    def content_type(self, req: Request, op: Operation) -> str | None:
        """The declared request media type the body is read as; raises the vendor's 415/400."""


class NoStamp:
    def begin(self, req: Request) -> None:
        return None

    def finish(self, req: Request, resp: Response) -> Response:
        return resp
