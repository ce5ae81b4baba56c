"""What a customer's orders add up to: `summary.orders` and `loyalty.referred_customers`, computed from the
project's orders (kept apart from customers/models.py, which orders/models.py imports)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from targ.voucherify.customers.models import order_summary, render_customer
from targ.voucherify.orders.models import ORDER_KIND

if TYPE_CHECKING:
    from targ.world import World


class OrderIndex:
    """The project's orders by customer and the customers each referrer brought: one pass over the orders."""

    def __init__(self, world: World, project: str) -> None:
        self.by_customer: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.referred: dict[str, set[str]] = defaultdict(set)
        for doc in world.store.find(ORDER_KIND, project):
            order = doc.data
            if order["customer_id"]:
                self.by_customer[order["customer_id"]].append(order)
                if order["referrer_id"]:
                    self.referred[order["referrer_id"]].add(order["customer_id"])

    def render(self, customer: dict[str, Any]) -> dict[str, Any]:
        return render_customer(customer, self.summary(customer["id"]), self.referred_count(customer["id"]))

    def summary(self, customer_id: str) -> dict[str, Any]:
        orders = sorted(self.by_customer.get(customer_id, []), key=lambda o: o["created_at"])
        return order_summary(orders)

    def referred_count(self, customer_id: str) -> int:
        return len(self.referred.get(customer_id, ()))
