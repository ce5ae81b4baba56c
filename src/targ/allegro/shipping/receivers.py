"""Which order a shipment is for: the one whose buyer's masked e-mail is the shipment's `receiver.email`.

The vendor links a shipment to an order by that address alone (#9330, #13054 staff: "the shipment is associated with
the order by the receiver mail ... `buyer.email` in GET /order/checkout-forms/{id}"; #6028); an address that is no
order of the seller's ends the command in ERROR (#10176). Allegro's masked address names the transaction as well as
the customer; targ's orders area gives a buyer one address for all their orders, so when a buyer has several orders
of the seller the shipment goes to the best fit: one whose delivery method is the shipment's, then one not yet
fully sent, then the newest. One Fulfillment orders are shipped by Allegro's warehouse, never by the seller.

The seller's retained orders are read newest first from the orders' listing, a page at a time, and the search stops
at the first order that fits on every count; a miss reads them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.orders import listing as _order_listing  # noqa: F401  (declares the orders' listing)
from targ.allegro.orders.model import ORDER_KIND, retained_since
from targ.store.listing import Query

if TYPE_CHECKING:
    from targ.world import World

PAGE = 200


def _score(order: Any, method_id: str) -> tuple[bool, bool]:
    return (order["delivery"]["method"].get("id") == method_id,
            order["fulfillment"]["shipmentSummary"]["lineItemsSent"] != "ALL")


def order_for(world: World, seller_id: str, email: str, method_id: str) -> str | None:
    """The id of the seller's order the address belongs to, or None."""
    wanted = email.strip().lower()
    if not wanted:
        return None
    best: tuple[tuple[bool, bool], str] | None = None
    offset = 0
    while True:
        query = Query(at_least={"lineItems.boughtAt": retained_since(world)}, order_by="lineItems.boughtAt",
                      desc=True, offset=offset, limit=PAGE)
        ids, _ = world.store.select(ORDER_KIND, seller_id, query)
        for order_id in ids:
            doc = world.store.peek(ORDER_KIND, order_id)
            if doc is None:
                continue
            order = doc.data
            if str(order["buyer"].get("email") or "").lower() != wanted:
                continue
            if order["fulfillment"]["provider"]["id"] == "ALLEGRO":   # One Fulfillment: Allegro's warehouse ships it
                continue
            score = _score(order, method_id)
            if score == (True, True):
                return order_id
            if best is None or score > best[0]:
                best = (score, order_id)
        if len(ids) < PAGE:
            return best[1] if best else None
        offset += PAGE
