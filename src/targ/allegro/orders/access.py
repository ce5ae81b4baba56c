"""What the seller's order operations share: the calling seller, the caller's order (404 when there is none, it is
past retention or it is another seller's: the spec's "Order not found or doesn't belong to the seller",
allegro-behaviour.md §2 and §5), and the optimistic-locking check."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.orders.documents import CheckoutForm, as_checkout_form
from targ.allegro.orders.model import ORDER_KIND, retained
from targ.http.request import Request

NotFound = Callable[[str], AllegroError]


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    seller = req.principal.seller_id if req.principal else None
    if not seller:
        raise access_denied()
    return seller


def checkout_form_not_found(order_id: str) -> AllegroError:
    """The vendor's 404 for an unknown or expired order (allegro-behaviour.md §2)."""
    message = f"Checkout form {order_id} not found"
    return AllegroError(404, "CheckoutFormNotFoundException", message, path=f"/order/checkout-forms/{order_id}",
                        user_message=message)


def order_not_found(order_id: str) -> AllegroError:
    """The invoice endpoints' 404 (#9895)."""
    message = f"Order with id [{order_id}] not found"
    return AllegroError(404, "ORDER-NOT-FOUND", message, user_message=message)


def seller_order(req: Request, order_id: str, not_found: NotFound = checkout_form_not_found) -> CheckoutForm:
    """The caller's order, to change."""
    doc = req.world.store.get_doc(ORDER_KIND, order_id)
    if doc is None or not retained(req.world, doc.data) or doc.owner != seller_id(req):
        raise not_found(order_id)
    return as_checkout_form(doc.data)


def read_seller_order(req: Request, order_id: str, not_found: NotFound = checkout_form_not_found) -> Mapping[str, Any]:
    """The caller's order, to read only: the store's shared decoded copy (`Store.peek`), cheaper for an order read
    far more often than it changes."""
    doc = req.world.store.peek(ORDER_KIND, order_id)
    if doc is None or not retained(req.world, doc.data) or doc.owner != seller_id(req):
        raise not_found(order_id)
    return doc.data


def check_revision(req: Request, order: Mapping[str, Any]) -> None:
    """`checkoutForm.revision` older than the buyer's last change → 409 (the spec: "Provided revision is
    outdated"); no revision → no check."""
    wanted = req.param("checkoutForm.revision")
    if wanted is not None and wanted != order["revision"]:
        message = (f"Provided revision {wanted} of checkout form {order['id']} is outdated; the current revision "
                   f"is {order['revision']}")
        raise AllegroError(409, "CONFLICT", message, path="checkoutForm.revision", user_message=message)
