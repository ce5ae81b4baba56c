"""What the derived answers share: the calling seller, the seller's offers, days and time windows."""

from __future__ import annotations

from targ.allegro.catalog.dataset import DAY_MS
from targ.allegro.errors import AllegroError, access_denied
from targ.clock import parse_time
from targ.http.request import Request
from targ.json_types import Json

OFFER_KIND = "offer"            # targ.demo and the offers area: the product-offer shape
ORDER_KIND = "checkout_form"    # the orders area: CheckoutForm as GET /order/checkout-forms/{id} shows it
USER_RATING_KIND = "user_rating"  # UserRating as GET /sale/user-ratings/{id} shows it, owned by the rated seller


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    seller = req.principal.seller_id if req.principal else None
    if not seller:
        raise access_denied()
    return seller


def owned_offer(req: Request, offer_id: str) -> Json:
    """One of the caller's offers: 404 when there is no such offer, 403 (where documented) for another's."""
    doc = req.world.store.get_doc(OFFER_KIND, offer_id)
    if doc is not None and doc.owner == seller_id(req):
        return doc.data
    op = req.operation
    if doc is not None and op is not None and op.declares(403):
        raise access_denied()
    message = f"Offer {offer_id} not found."
    raise AllegroError(404, "NOT_FOUND", message, user_message=message)


def day_start(ms: int) -> int:
    return ms - ms % DAY_MS


def time_param(req: Request, name: str) -> int | None:
    value = req.param(name)
    return parse_time(value) if value else None
