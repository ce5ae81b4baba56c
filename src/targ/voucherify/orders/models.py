"""Voucherify orders: create = upsert, update of the fields given, the order amounts, and the order object.

"If you pass an `id` or a `source_id` that already exists in the order database, Voucherify will return a related
order object with updated fields": the same id comes back, `created_at` is kept and `updated_at` set. Customers,
referrers, products and SKUs are upserted on the way (customers/models.py, orders/items.py). Every lookup that can
fail runs before the first write, so a failing order writes nothing, also inside an import (which runs many
orders in one transaction and records the failures instead of raising them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from targ.clock import parse_time
from targ.http.errors import VoucherifyError
from targ.json_types import Json
from targ.voucherify.common import find_doc, given, invalid_payload, iso_or_none, not_found
from targ.voucherify.customers.models import find_customer, missing_customer, upsert_customer
from targ.voucherify.orders.documents import AmountField, OrderTotals, PlainField, VoucherifyOrder, as_order
from targ.voucherify.orders.items import build_item, item_problem

if TYPE_CHECKING:
    from targ.store.base import Doc
    from targ.world import World

ORDER_KIND = "vf_order"
# Fields copied from the request as given.
PLAIN_FIELDS: tuple[PlainField, ...] = ("status", "metadata", "initial_amount", "discount_amount")
# Amount fields of the order object, in the vendor's order; absent ones are left out of responses, as the vendor does.
AMOUNT_FIELDS: tuple[AmountField, ...] = ("amount", "initial_amount", "discount_amount", "items_discount_amount",
                                         "total_discount_amount", "total_amount")


def find_order(world: World, project: str, ref: str) -> Doc | None:
    """By Voucherify id or source id."""
    return find_doc(world, ORDER_KIND, project, ref)


def upsert_order(world: World, project: str, body: Json, *, imported: bool = False) -> VoucherifyOrder:
    """POST /v1/orders and each order of an import: the order `id` or `source_id` names, updated, or a new one.
    An unknown `id` is 404 (targ's choice: only Voucherify assigns order ids). An import assigns `created_at`
    itself, as the vendor documents ("to keep the real date, put it in metadata")."""
    existing = None
    if given(body, "id"):
        existing = find_doc(world, ORDER_KIND, project, body["id"], by_source=False)
        if existing is None:
            raise not_found("order", body["id"])
    elif given(body, "source_id"):
        existing = world.store.get_by_alt(ORDER_KIND, project, body["source_id"])
    return _write(world, project, existing, body, set_created=existing is None and not imported)


def update_order(world: World, project: str, existing: Doc, body: Json) -> VoucherifyOrder:
    """PUT /v1/orders/{id}: only the fields given change."""
    return _write(world, project, existing, body, set_created=True)


def _problem(world: World, project: str, existing: Doc | None, body: Json) -> VoucherifyError | None:
    if given(body, "source_id"):
        other = world.store.get_by_alt(ORDER_KIND, project, body["source_id"])
        if other is not None and (existing is None or other.id != existing.id):
            return VoucherifyError(409, "duplicate_found", "Duplicated resource found",
                                   f"An order with source_id {body['source_id']} already exists",
                                   resource_id=body["source_id"], resource_type="order")
    for key in ("customer", "referrer"):
        if (err := missing_customer(world, project, body.get(key))) is not None:
            return err
    if given(body, "referrer_id") and find_customer(world, project, body["referrer_id"]) is None:
        return not_found("customer", body["referrer_id"])
    upserted: set[str] = set()
    for i, item in enumerate(body.get("items") or []):
        if (err := item_problem(world, project, item, f"items[{i}]", upserted)) is not None:
            return err
    if given(body, "created_at"):
        try:
            parse_time(body["created_at"])
        except ValueError:
            return invalid_payload("Property .created_at must be a valid date-time")
    return None


def _write(world: World, project: str, existing: Doc | None, body: Json, *, set_created: bool) -> VoucherifyOrder:
    if (err := _problem(world, project, existing, body)) is not None:
        raise err
    now = world.clock.now_ms()
    if existing is None:
        order: VoucherifyOrder = {
            "id": "ord_" + world.ids.token("vf_order", 24), "source_id": None, "status": "CREATED",
            "amount": None, "initial_amount": None, "discount_amount": None, "items": [], "metadata": {},
            "customer_id": None, "referrer_id": None, "created_at": now, "updated_at": None,
        }
    else:
        order = as_order(dict(existing.data))
        order["updated_at"] = now
    if given(body, "source_id"):
        order["source_id"] = body["source_id"]
    if set_created and given(body, "created_at"):
        order["created_at"] = parse_time(body["created_at"])
    for key in PLAIN_FIELDS:
        if given(body, key):
            order[key] = body[key]
    _people(world, project, order, body)
    if given(body, "items"):
        order["items"] = [build_item(world, project, item) for item in body["items"]]
        line_amounts = [i["amount"] for i in order["items"] if "amount" in i]
        if line_amounts:
            order["amount"] = sum(line_amounts)
    # An amount sent with the order wins over the sum of its items (behaviour for a mismatch is undocumented).
    if given(body, "amount"):
        order["amount"] = body["amount"]
    derived = totals(order)
    order["items_discount_amount"] = derived["items_discount_amount"]
    order["total_discount_amount"] = derived["total_discount_amount"]
    order["total_amount"] = derived["total_amount"]
    world.store.put(ORDER_KIND, order["id"], cast(Json, order), owner=project, alt=order["source_id"])
    return order


def _people(world: World, project: str, order: VoucherifyOrder, body: Json) -> None:
    """Customer and referrer: upserted from their objects; `referrer_id` names an existing customer."""
    if (customer_id := upsert_customer(world, project, body.get("customer"))) is not None:
        order["customer_id"] = customer_id
    if (referrer_id := upsert_customer(world, project, body.get("referrer"))) is not None:
        order["referrer_id"] = referrer_id
    elif given(body, "referrer_id"):
        doc = find_customer(world, project, body["referrer_id"])
        order["referrer_id"] = doc.id if doc else None


def totals(order: VoucherifyOrder) -> OrderTotals:
    """The derived amounts: item discounts summed, total discount = order + item discounts, total = amount − total
    discount (every documented example holds to these)."""
    item_discounts = [i["discount_amount"] for i in order["items"] if "discount_amount" in i]
    items_discount = sum(item_discounts) if item_discounts else None
    discount = order["discount_amount"]
    total_discount = None
    if discount is not None or items_discount is not None:
        total_discount = (discount or 0) + (items_discount or 0)
    amount = order["amount"]
    total = amount - (total_discount or 0) if amount is not None else None
    return {"items_discount_amount": items_discount, "total_discount_amount": total_discount, "total_amount": total}


def render_order(order: VoucherifyOrder) -> Json:
    """The vendor's order object (OrderCalculated)."""
    out: Json = {
        "id": order["id"],
        "source_id": order["source_id"],
        "created_at": iso_or_none(order["created_at"]),
        "updated_at": iso_or_none(order["updated_at"]),
        "status": order["status"],
    }
    for key in AMOUNT_FIELDS:
        if order.get(key) is not None:
            out[key] = order[key]
    out["items"] = order["items"]
    out["metadata"] = order["metadata"] or {}
    for role, ref in (("customer", order["customer_id"]), ("referrer", order["referrer_id"])):
        if ref is not None:
            out[role] = {"id": ref, "object": "customer"}
    out["customer_id"] = order["customer_id"]
    out["referrer_id"] = order["referrer_id"]
    out["object"] = "order"
    return out
