"""What each exported object's CSV is made of: its fields, default fields, sort orders, filterable fields, and how a
stored record turns into cells.

Orders and customers come from the project's state. targ keeps no vouchers, redemptions, publications, points
expirations or voucher transactions, so their exports are truthfully empty: the header row only.
Cells: dates in UTC ISO 8601 (as the vendor exports them), integers as digits, a missing value as an empty cell,
`metadata` as its JSON object, `metadata.<key>` as the value (JSON for lists and objects).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from targ.clock import iso
from targ.voucherify.customers.models import ADDRESS_FIELDS, CUSTOMER_KIND
from targ.voucherify.customers.summary import OrderIndex
from targ.voucherify.orders.models import ORDER_KIND

if TYPE_CHECKING:
    from targ.store.base import Doc
    from targ.world import World

DATE_FIELDS = frozenset({"created_at", "updated_at"})

ORDER_FIELDS = ("id", "source_id", "created_at", "updated_at", "status", "amount", "discount_amount",
                "items_discount_amount", "total_discount_amount", "total_amount", "customer_id", "referrer_id",
                "metadata")
CUSTOMER_FIELDS = ("name", "id", "description", "email", "source_id", "created_at",
                   *(f"address_{k}" for k in ADDRESS_FIELDS),
                   "redemptions_total_redeemed", "redemptions_total_failed", "redemptions_total_succeeded",
                   "redemptions_total_rolled_back", "redemptions_total_rollback_failed",
                   "redemptions_total_rollback_succeeded", "orders_total_amount", "orders_total_count",
                   "orders_average_amount", "orders_last_order_amount", "orders_last_order_date", "loyalty_points",
                   "loyalty_referred_customers", "updated_at", "phone", "birthday", "metadata", "birthdate")


@dataclass(frozen=True)
class Source:
    defaults: tuple[str, ...]                              # the documented default fields
    fields: tuple[str, ...] | None = None                  # allowed fields (None: whatever the spec allows)
    orders: tuple[str, ...] | None = None                  # allowed `order` values (None: whatever the spec allows)
    kind: str | None = None                                # the stored kind (None: targ holds no such records)
    read: Callable[[World, str], Callable[[dict[str, Any], str], Any]] | None = None
    filterable: frozenset[str] = field(default_factory=frozenset)

    def records(self, world: World, project: str) -> list[Doc]:
        return world.store.find(self.kind, project) if self.kind else []


def _order_reader(world: World, project: str) -> Callable[[dict[str, Any], str], Any]:
    def get(order: dict[str, Any], name: str) -> Any:
        if name.startswith("metadata."):
            return (order.get("metadata") or {}).get(name[len("metadata."):])
        return order.get(name)
    return get


def _customer_reader(world: World, project: str) -> Callable[[dict[str, Any], str], Any]:
    index = OrderIndex(world, project)

    def get(customer: dict[str, Any], name: str) -> Any:
        if name.startswith("metadata."):
            return (customer.get("metadata") or {}).get(name[len("metadata."):])
        if name.startswith("address_"):
            return (customer.get("address") or {}).get(name[len("address_"):])
        if name.startswith("orders_"):
            return index.summary(customer["id"])[name[len("orders_"):]]
        if name.startswith("redemptions_") or name == "loyalty_points":
            return 0
        if name == "loyalty_referred_customers":
            return index.referred_count(customer["id"])
        return customer.get(name)
    return get


def _dates(*names: str) -> tuple[str, ...]:
    return tuple(f"{sign}{n}" for n in names for sign in ("-", ""))


SOURCES: dict[str, Source] = {
    "order": Source(("id", "source_id", "status"), ORDER_FIELDS, _dates("created_at", "updated_at", "status"),
                    ORDER_KIND, _order_reader, frozenset(ORDER_FIELDS)),
    "customer": Source(("name", "source_id"), CUSTOMER_FIELDS,
                       _dates("name", "id", "email", "source_id", "created_at", "updated_at"), CUSTOMER_KIND,
                       _customer_reader, frozenset(CUSTOMER_FIELDS)),
    "voucher": Source(("code", "voucher_type", "value", "discount_type")),
    "publication": Source(("code", "customer_id", "date", "channel")),
    "redemption": Source(("id", "object", "voucher_code", "customer_id", "date", "result")),
    "points_expiration": Source(("id", "campaign_id", "voucher_id", "status", "expires_at", "points")),
    "voucher_transactions": Source(("id", "type", "source_id", "status", "reason", "source", "balance", "amount",
                                    "created_at")),
}


def cell(value: Any, name: str) -> str:
    if value is None:
        return ""
    if name in DATE_FIELDS and isinstance(value, int):
        return iso(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    return str(value)


def sort_key(get: Callable[[dict[str, Any], str], Any], name: str) -> Callable[[dict[str, Any]], Any]:
    """Missing values sort first; `updated_at` falls back to `created_at` for records never updated."""
    def key(record: dict[str, Any]) -> Any:
        value = get(record, name)
        if value is None and name == "updated_at":
            value = get(record, "created_at")
        return (value is not None, value if value is not None else "")
    return key
