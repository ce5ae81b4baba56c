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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from targ.clock import parse_time

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


def of_seller(world: World, seller: str, offer_products: dict[str, str]) -> Sales:
    """`offer_products`: the seller's One Fulfillment offer id → its product id."""
    on_order: dict[str, int] = defaultdict(int)
    by_day: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    if not offer_products:
        return Sales()
    for doc in world.store.find(ORDER_KIND, seller):
        order = doc.data
        if order.get("status") == "CANCELLED":
            continue
        reserved = (order.get("fulfillment") or {}).get("status") not in GONE
        for item in order.get("lineItems") or ():
            pid = offer_products.get(str((item.get("offer") or {}).get("id")))
            if pid is None:
                continue
            quantity = int(item.get("quantity") or 0)
            if reserved:
                on_order[pid] += quantity
            bought = item.get("boughtAt")
            if bought:
                by_day[pid][parse_time(bought) // DAY_MS] += quantity
    return Sales(dict(on_order), {pid: dict(days) for pid, days in by_day.items()})
