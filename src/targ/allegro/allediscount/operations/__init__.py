"""AlleDiscount's operations, one module per resource, and what they share: the caller and the lists' paging."""

from __future__ import annotations

from collections.abc import Callable

from targ.allegro.allediscount import commands, errors
from targ.allegro.errors import AllegroProblem, access_denied
from targ.http.request import Reply, Request
from targ.json_types import Json

DEFAULT_LIMIT = 50      # targ's choice: the spec gives the maximum (200) and no default
MAX_LIMIT = 200


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


def page(req: Request) -> tuple[int, int]:
    """`offset` and `limit`, checked with the spec's codes (OffsetNegative, LimitBelowMin, LimitAboveMax)."""
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", DEFAULT_LIMIT))
    if offset < 0:
        raise errors.bad_parameter("OffsetNegative", "Url parameter offset cannot be negative", "offset")
    if limit < 1:
        raise errors.bad_parameter("LimitBelowMin", "Url parameter limit must be at least 1", "limit")
    if limit > MAX_LIMIT:
        raise errors.bad_parameter("LimitAboveMax", f"Url parameter limit cannot be greater than {MAX_LIMIT}",
                                   "limit")
    return offset, limit


def offer_filter(req: Request) -> str | None:
    """`offerId`, a decimal offer id (OfferIdInvalidFormat otherwise)."""
    offer_id = req.param("offerId")
    if offer_id is None:
        return None
    if not str(offer_id).isdigit():
        raise errors.bad_parameter("OfferIdInvalidFormat", "Url parameter offerId has invalid format", "offerId")
    return str(offer_id)


def command_created(req: Request, kind: str, problems: list[AllegroProblem],
                    command_input: Callable[[Json], Json]) -> Reply:
    """A submit or withdraw command registered (201, `Location` its status resource), its input read from the body
    once it has no problems; else 400 with them, nothing stored."""
    body = req.body or {}
    if problems:
        raise errors.bad_request(problems)
    command = commands.register(req.world, seller_id(req), kind, body, command_input(body))
    location = f"{req.base_url}{commands.PATHS[kind]}/{command['id']}"
    return Reply(commands.created_view(command), status=201, headers={"location": location})


def command_status(req: Request, kind: str) -> Reply:
    """The caller's command of `kind` named by `{commandId}`, as its status resource shows it."""
    return Reply(commands.status_view(commands.stored(req.world, kind, str(req.param("commandId")), seller_id(req))))
