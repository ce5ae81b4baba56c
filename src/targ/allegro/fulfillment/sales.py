"""What orders mean for One Fulfillment stock: units bought but not yet shipped, and daily sales.

Orders are the orders area's docs of kind `checkout_form`, owned by the seller. Only these fields are read:

* `status` - a CANCELLED order neither reserves units nor counts as a sale;
* `fulfillment.status` - SENT, PICKED_UP, CANCELLED and RETURNED orders have left the warehouse (or never will):
  they no longer reserve units;
* `lineItems[].offer.id`, `lineItems[].quantity`, `lineItems[].boughtAt` - what was bought, how many, when.

Line items count for a product when their offer is the seller's One Fulfillment offer of that product. With no
orders (or before the orders area exists) every figure is zero.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment import products
from targ.allegro.products.catalog import PRODUCT_KIND
from targ.clock import parse_time
from targ.json_types import Json
from targ.store.memo import memo

if TYPE_CHECKING:
    from targ.world import World

ORDER_KIND = "checkout_form"
DAY_MS = 86_400_000
# Fulfillment statuses after which the warehouse holds nothing for the order any more.
GONE = frozenset({"SENT", "PICKED_UP", "CANCELLED", "RETURNED"})


@dataclass
class Sales:
    on_order: dict[str, int] = field(default_factory=dict)                       # product → units reserved
    by_day: dict[str, dict[int, int]] = field(default_factory=dict)              # product → UTC day → units sold

    def sold(self, product_id: str, first_day: int, last_day: int) -> int:
        """Units sold on the UTC days first_day..last_day (inclusive; days since the epoch)."""
        days = self.by_day.get(product_id) or {}
        return sum(n for day, n in days.items() if first_day <= day <= last_day)


def units_of(order: Mapping[str, Any], offer_products: dict[str, str]) -> list[tuple[str, str, int, Json]]:
    """(product id, offer id, quantity, line item) for each line item of one of the seller's One Fulfillment offers
    (`offer_products`: offer id → product id)."""
    out = []
    for item in order.get("lineItems") or ():
        offer_id = str((item.get("offer") or {}).get("id"))
        pid = offer_products.get(offer_id)
        if pid is not None:
            out.append((pid, offer_id, int(item.get("quantity") or 0), item))
    return out


def of_seller(world: World, seller: str) -> Sales:
    """The seller's orders, summed up per One Fulfillment product (shared: not to be changed by the caller)."""
    return memo(world.store, ("sales", seller), (ORDER_KIND, products.OFFER_KIND, PRODUCT_KIND),
                lambda: _of_seller(world, seller, products.by_offer(products.of_seller(world, seller))))


def _of_seller(world: World, seller: str, offer_products: dict[str, str]) -> Sales:
    on_order: dict[str, int] = defaultdict(int)
    by_day: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    if not offer_products:
        return Sales()
    for doc in world.store.scan(ORDER_KIND, seller):    # read only: scan shares decoded documents
        order = doc.data
        if order.get("status") == "CANCELLED":
            continue
        fulfillment = (order.get("fulfillment") or {}).get("status")
        for pid, _, quantity, item in units_of(order, offer_products):
            if fulfillment not in GONE:
                on_order[pid] += quantity
            bought = item.get("boughtAt")
            if bought:
                by_day[pid][parse_time(bought) // DAY_MS] += quantity
    return Sales(dict(on_order), {pid: dict(days) for pid, days in by_day.items()})
