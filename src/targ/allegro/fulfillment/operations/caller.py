"""What the fulfillment operations read from the request: the calling seller and the negotiated media type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import access_denied
from targ.http.media import pick

if TYPE_CHECKING:
    from targ.http.request import Request


def seller_id(req: Request) -> str:
    """The seller the token acts for; an application token has no seller (403, as on every user operation)."""
    principal = req.principal
    if principal is None or principal.seller_id is None:
        raise access_denied()
    return principal.seller_id


def negotiated(req: Request) -> str | None:
    """The success media type the edge chose for this request (the same choice, made again from `Accept`)."""
    if req.operation is None:
        return None
    offered = req.operation.response_media_types(req.operation.success_status)
    return pick(req.headers.get("accept"), offered, wildcards=False)
