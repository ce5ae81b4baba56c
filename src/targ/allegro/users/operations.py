"""`GET /me` (meGET): the authenticated user, answered from the seller record."""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import access_denied
from targ.allegro.sellers import get_seller
from targ.handlers import handler
from targ.http.request import Reply, Request


def me_response(seller: dict[str, Any]) -> dict[str, Any]:
    """The spec's MeResponse, from a stored seller."""
    return {
        "id": seller["id"],
        "login": seller["login"],
        "firstName": seller["firstName"],
        "lastName": seller["lastName"],
        "email": seller["email"],
        "baseMarketplace": {"id": seller["baseMarketplace"]["id"]},
        "company": dict(seller["company"]),
        "features": list(seller["features"]),
    }


@handler("allegro", "meGET")
def me(req: Request) -> Reply:
    principal = req.principal
    seller = get_seller(req.world, principal.seller_id) if principal and principal.seller_id else None
    if seller is None:
        # "Forbidden - when token is without user context"
        raise access_denied()
    return Reply(me_response(seller))
