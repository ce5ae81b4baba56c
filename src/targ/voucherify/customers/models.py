"""Voucherify customers, as orders upsert them (`customer` and `referrer` of an order).

"If you also pass a customer ID (unique ID assigned by Voucherify), the source ID will be ignored": a customer is
found by `id`, else by `source_id`; an unknown `source_id` creates the customer, a known one updates the profile
fields given. The order keeps only the reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.voucherify.common import find_doc, given, iso_or_none, not_found

if TYPE_CHECKING:
    from targ.http.errors import VoucherifyError
    from targ.store.base import Doc
    from targ.world import World

CUSTOMER_KIND = "vf_customer"
PROFILE_FIELDS = ("name", "description", "email", "phone", "birthday", "birthdate", "address", "metadata")
ADDRESS_FIELDS = ("city", "state", "line_1", "line_2", "country", "postal_code")


def find_customer(world: World, project: str, ref: str) -> Doc | None:
    return find_doc(world, CUSTOMER_KIND, project, ref)


def missing_customer(world: World, project: str, data: dict[str, Any] | None) -> VoucherifyError | None:
    """The 404 an upsert of `data` would run into (an unknown Voucherify id), checked before anything is written."""
    if data and given(data, "id") and find_customer_by_id(world, project, data["id"]) is None:
        return not_found("customer", data["id"])
    return None


def find_customer_by_id(world: World, project: str, customer_id: str) -> Doc | None:
    return find_doc(world, CUSTOMER_KIND, project, customer_id, by_source=False)


def upsert_customer(world: World, project: str, data: dict[str, Any] | None) -> str | None:
    """The id of the customer `data` names, created or updated with the profile fields given; None when `data`
    names no one. Call `missing_customer` first: an unknown id is not created."""
    if not data or not any(given(data, k) for k in ("id", "source_id", *PROFILE_FIELDS)):
        return None
    return write_customer(world, project, lookup_customer(world, project, data), data)["id"]


def lookup_customer(world: World, project: str, data: dict[str, Any]) -> Doc | None:
    """The stored customer an upsert body names: by `id` (the source id is then ignored), else by `source_id`."""
    if given(data, "id"):
        return find_customer_by_id(world, project, data["id"])
    if given(data, "source_id"):
        return world.store.get_by_alt(CUSTOMER_KIND, project, data["source_id"])
    return None


def write_customer(world: World, project: str, existing: Doc | None, data: dict[str, Any]) -> dict[str, Any]:
    """Stores `existing` (or a new customer with the body's `source_id`) with the profile fields `data` gives;
    fields it does not give are left as they were."""
    now = world.clock.now_ms()
    if existing is None:
        customer: dict[str, Any] = {
            "id": "cust_" + world.ids.token("vf_customer", 24), "source_id": data.get("source_id"),
            "name": None, "description": None, "email": None, "phone": None, "birthday": None, "birthdate": None,
            "address": None, "metadata": {}, "created_at": now, "updated_at": None,
        }
    else:
        customer = dict(existing.data)
        customer["updated_at"] = now
    for key in PROFILE_FIELDS:
        if given(data, key):
            customer[key] = _address(data[key]) if key == "address" else data[key]
    world.store.put(CUSTOMER_KIND, customer["id"], customer, owner=project, alt=customer["source_id"])
    return customer


def merge_metadata(world: World, project: str, existing: Doc | None, source_id: str,
                   metadata: dict[str, Any]) -> dict[str, Any]:
    """A metadata bulk update of one customer: the keys given set, the others kept; an unknown source id is
    upserted (a new customer holding only that metadata)."""
    merged = {**((existing.data.get("metadata") or {}) if existing else {}), **metadata}
    return write_customer(world, project, existing, {"source_id": source_id, "metadata": merged})


def delete_customer(world: World, project: str, doc: Doc) -> None:
    """Gone for every later lookup; orders that named the customer keep its id, and its source id is free."""
    world.store.delete(CUSTOMER_KIND, doc.id)


def _address(address: dict[str, Any]) -> dict[str, Any]:
    return {k: address.get(k) for k in ADDRESS_FIELDS}


def render_customer(customer: dict[str, Any], orders: dict[str, Any], referred: int) -> dict[str, Any]:
    """The vendor's customer object. `orders` is the customer's order summary (see `order_summary`); targ has no
    redemptions or loyalty programs, so those counters are zero."""
    return {
        "id": customer["id"],
        "source_id": customer["source_id"],
        "name": customer["name"],
        "description": customer["description"],
        "email": customer["email"],
        "phone": customer["phone"],
        "birthday": customer["birthday"],
        "birthdate": customer["birthdate"],
        "address": customer["address"],
        "summary": {
            "redemptions": {
                "total_redeemed": 0, "total_failed": 0, "total_succeeded": 0, "total_rolled_back": 0,
                "total_rollback_failed": 0, "total_rollback_succeeded": 0,
                "gift": {"redeemed_amount": 0, "amount_to_go": 0},
                "loyalty_card": {"redeemed_points": 0, "points_to_go": 0},
            },
            "orders": orders,
        },
        "loyalty": {"points": 0, "referred_customers": referred, "campaigns": {}},
        "referrals": {"total": 0, "campaigns": []},
        "metadata": customer["metadata"] or {},
        "system_metadata": {},
        "created_at": iso_or_none(customer["created_at"]),
        "updated_at": iso_or_none(customer["updated_at"]),
        "object": "customer",
    }


def order_summary(orders: list[dict[str, Any]]) -> dict[str, Any]:
    """`summary.orders` over a customer's orders (in creation order): the sums use each order's total after
    discounts, as the customer actually pays."""
    totals = [o.get("total_amount") or 0 for o in orders]
    last = orders[-1] if orders else None
    return {
        "total_amount": sum(totals),
        "total_count": len(orders),
        "average_amount": sum(totals) // len(orders) if orders else 0,
        "last_order_amount": (last.get("total_amount") or 0) if last else 0,
        "last_order_date": iso_or_none(last["created_at"]) if last else None,
    }
