"""The documented limits of product and SKU bodies that the loose spec schema leaves out: prices are amounts in
minor units and are never negative (as the order items' product and SKU prices, orders/validation.py)."""

from __future__ import annotations

from typing import Any

from targ.voucherify.common import invalid_payload


def check_price(body: dict[str, Any], prefix: str = "") -> None:
    price = body.get("price")
    if price is not None and price < 0:
        raise invalid_payload(f"Property .{prefix}price cannot be lower than 0")
