"""What the seller's issue operations share, in both families (`/sale/issues*` and the deprecated `/sale/disputes*`):
the calling seller, and the caller's issue or dispute. Unknown → 404, another seller's → 403: every operation on one
declares both (docs/behaviour.md, "Post-purchase issues")."""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import access_denied
from targ.allegro.issues import errors, seller, store
from targ.http.request import Request
from targ.json_types import Json


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


def own_issue(req: Request) -> tuple[str, Json]:
    """(seller, issue) for `{issueId}`."""
    user = seller_id(req)
    return user, seller.own(req.world, user, req.path_params["issueId"])


def own_dispute(req: Request) -> tuple[str, Json]:
    """(seller, issue) for `{disputeId}`: an issue of type DISPUTE. A claim is not one: the deprecated resources
    never show claims (allegro-api #11998, staff: "nowe reklamacje (CLAIM) będą dostępne wyłącznie w odpowiedzi GET
    /sale/issues"), so its id is unknown there (404)."""
    user = seller_id(req)
    dispute_id = req.path_params["disputeId"]
    found = store.find(req.world, dispute_id)
    if found is None or found[1]["type"] != store.DISPUTE:
        raise errors.dispute_not_found(dispute_id)
    if found[0] != user:
        raise errors.not_allowed()
    return user, found[1]


def values(value: Any) -> set[str] | None:
    """A repeatable query parameter (`status`) as a set; None when not given."""
    if not value:
        return None
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}
