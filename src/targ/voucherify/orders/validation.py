"""The documented constraints of an order body that the (loose) spec schema leaves out.

The edge has already checked types and enums against the spec; these are the vendor's own limits: at most 500
items, quantities of at least 1 ("Property .items[0].initial_quantity cannot be lower than 1" is the vendor's own
example), no negative amounts. The first problem answers, as `invalid_payload` naming the property.
"""

from __future__ import annotations

from typing import Any

from targ.voucherify.common import invalid_payload

MAX_ITEMS = 500
MAX_IMPORT = 2000

ORDER_AMOUNTS = ("amount", "initial_amount", "discount_amount")
ITEM_MINIMUMS = {
    "quantity": 1, "initial_quantity": 1, "discount_quantity": 0,
    "amount": 0, "initial_amount": 0, "discount_amount": 0, "price": 0,
}


def check_order(body: dict[str, Any], prefix: str = "") -> None:
    """Raises `invalid_payload` for the first broken constraint. `prefix` places the order inside a larger body
    (an import's `[3]`); paths are written as the edge writes schema problems (`Property .[3].items[0].price`)."""
    dot = f"{prefix}." if prefix else ""
    for key in ORDER_AMOUNTS:
        _at_least(body.get(key), 0, f"{dot}{key}")
    items = body.get("items") or []
    if len(items) > MAX_ITEMS:
        raise invalid_payload(f"Property .{dot}items must contain at most {MAX_ITEMS} items")
    for i, item in enumerate(items):
        at = f"{dot}items[{i}]"
        for key, minimum in ITEM_MINIMUMS.items():
            _at_least(item.get(key), minimum, f"{at}.{key}")
        for part in ("product", "sku"):
            _at_least((item.get(part) or {}).get("price"), 0, f"{at}.{part}.price")


def check_import(orders: Any) -> None:
    if not isinstance(orders, list):
        raise invalid_payload("Request body must be an array of orders")
    if len(orders) > MAX_IMPORT:
        raise invalid_payload(f"Request body must contain at most {MAX_IMPORT} orders")
    for i, order in enumerate(orders):
        check_order(order, f"[{i}]")


def _at_least(value: Any, minimum: int, path: str) -> None:
    if value is not None and value < minimum:
        raise invalid_payload(f"Property .{path} cannot be lower than {minimum}")
