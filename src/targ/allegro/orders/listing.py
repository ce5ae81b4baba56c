"""`GET /order/checkout-forms`: every filter and sort of the spec over the seller's retained orders.

* `offset + limit` above 10 000 → 422 with the vendor's body (#4027). The vendor sends `userMessage: null`; the spec's
  `Error.userMessage` is a non-null string and every response must validate, so targ repeats the message there.
* Filters with a fixed set of values (`status`, `fulfillment.status`, `fulfillment.provider.id`,
  `fulfillment.shipmentSummary.lineItemsSent`) answer 400 `VALIDATION_ERROR` for any other value (the spec: "400 -
  request parameters contains illegal values").
* `status` and `fulfillment.status` take several values, repeated or comma-separated, and match any of them (#3432,
  #9408; spec.multivalued).
* Date filters take RFC 3339 times with a zone, `Z` or an offset (`%2B01:00` encoded). A time without a zone (#2347)
  or whose `+` arrived unencoded as a space (#2948) is refused by the parameter check (422 naming the parameter; the
  vendor answers 400 `ERROR` "An error has occurred" there, without naming it).
* The default order is `-lineItems.boughtAt`; equal times keep purchase order (newest first when descending).

The list is served from the orders' listing (targ.store.listing): the store keeps each order's filter and sort
fields in an indexed row, so a page costs its rows and a count, not a decode of every order, also right after a
write.
"""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import AllegroError
from targ.allegro.orders.model import ORDER_KIND, retained_since, view
from targ.clock import parse_time
from targ.http.request import Request
from targ.json_types import Json
from targ.store.listing import Listing, Query, Row, declare

PATH = "/order/checkout-forms"
MAX_WINDOW = 10_000
ENUMS = {
    "status": ("BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING", "CANCELLED"),
    "fulfillment.status": ("NEW", "PROCESSING", "READY_FOR_SHIPMENT", "READY_FOR_PICKUP", "SENT", "PICKED_UP",
                           "CANCELLED", "SUSPENDED", "RETURNED"),
    "fulfillment.provider.id": ("SELLER", "ALLEGRO"),
    "fulfillment.shipmentSummary.lineItemsSent": ("NONE", "SOME", "ALL"),
}
# The query parameters compared for equality, each a text field of the listing.
EQUALS = ("status", "fulfillment.status", "fulfillment.provider.id", "fulfillment.shipmentSummary.lineItemsSent",
          "payment.id", "delivery.method.id", "buyer.login", "marketplace.id")
TIMES = ("lineItems.boughtAt", "updatedAt")
# The filters that take several values (#3432 NEWS, #9408 staff); the others take one (nothing in the spec or the
# vendor's tracker says otherwise), and the parameter layer refuses two different values for them.
MULTI_VALUED = ("status", "fulfillment.status")


def _at(order: Json, *path: str) -> Any:
    """The value at `path`, or None where a part is missing: the listing is kept on every write of a checkout form,
    and a write must not fail on a document that is not a whole order (tests store partial ones)."""
    value: Any = order
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _row(order: Json) -> Row:
    try:
        return _whole_order_row(order)
    except (KeyError, TypeError, AttributeError):
        return _partial_row(order)


def _whole_order_row(order: Json) -> Row:
    """The row of a whole order, read directly (this runs on every write of an order)."""
    fulfillment, delivery = order["fulfillment"], order["delivery"]
    updated = order.get("updatedAt")
    provider = fulfillment.get("provider")
    return Row(
        texts={"status": order["status"], "fulfillment.status": fulfillment.get("status"),
               "fulfillment.provider.id": provider.get("id") if provider else None,
               "fulfillment.shipmentSummary.lineItemsSent": fulfillment["shipmentSummary"]["lineItemsSent"],
               "payment.id": order["payment"].get("id"), "delivery.method.id": delivery["method"].get("id"),
               "buyer.login": order["buyer"].get("login"), "marketplace.id": order["marketplace"].get("id")},
        numbers={"lineItems.boughtAt": int(order["_targ"].get("boughtAt") or 0),
                 "updatedAt": parse_time(updated) if updated else None},
        tags=[s["id"] for s in order.get("surcharges") or () if s.get("id")])


def _partial_row(order: Json) -> Row:
    updated = _at(order, "updatedAt")
    return Row(
        texts={"status": _at(order, "status"), "fulfillment.status": _at(order, "fulfillment", "status"),
               "fulfillment.provider.id": _at(order, "fulfillment", "provider", "id"),
               "fulfillment.shipmentSummary.lineItemsSent": _at(order, "fulfillment", "shipmentSummary",
                                                                "lineItemsSent"),
               "payment.id": _at(order, "payment", "id"), "delivery.method.id": _at(order, "delivery", "method", "id"),
               "buyer.login": _at(order, "buyer", "login"), "marketplace.id": _at(order, "marketplace", "id")},
        # The purchase time keys the listing table, so it is never missing (0 for a document without one).
        numbers={"lineItems.boughtAt": int(_at(order, "_targ", "boughtAt") or 0),
                 "updatedAt": parse_time(updated) if updated else None},
        tags=[s["id"] for s in order.get("surcharges") or () if s.get("id")])


# Version 2: facets (the filters with a fixed set of values), so that their totals are sums.
LISTING = declare(Listing(ORDER_KIND, texts=EQUALS, numbers=TIMES, row=_row, version=2,
                          facets=("status", "fulfillment.status", "fulfillment.provider.id",
                                  "fulfillment.shipmentSummary.lineItemsSent", "marketplace.id")))


def _validation(message: str, path: str) -> AllegroError:
    return AllegroError(400, "VALIDATION_ERROR", message, path=path, details="query parameter")


def _values(name: str, value: str | list[str]) -> list[str]:
    """The values a filter was given. The parameter layer hands over several values (repeated or a comma list) as a
    list where the vendor takes several (spec.multivalued); a list or a comma list is read here too, so that the
    union never depends on how the values arrived."""
    given = value if isinstance(value, list) else [value]
    if name not in MULTI_VALUED:
        return given
    out: list[str] = []
    for item in given:
        out += [part for part in item.split(",") if part not in out]
    return out


def _query(req: Request) -> Query:
    query = Query(at_least={"lineItems.boughtAt": retained_since(req.world)})
    for name in EQUALS:
        value = req.param(name)
        if value is None:
            continue
        values = _values(name, value)
        for one in values:
            if name in ENUMS and one not in ENUMS[name]:
                raise _validation(f"{name} must be one of {', '.join(ENUMS[name])}", name)
        query.equals[name] = values
    for field in TIMES:
        for suffix, bounds in (("gte", query.at_least), ("lte", query.at_most)):
            raw = req.param(f"{field}.{suffix}")
            if raw is not None:
                at = parse_time(str(raw))
                bounds[field] = max(at, bounds[field]) if suffix == "gte" and field in bounds else at
    query.tag = req.param("surcharges.id")
    return query


def list_orders(req: Request, seller: str) -> Json:
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 100))
    if offset + limit > MAX_WINDOW:
        message = f"Offset and limit parameters exceed maximal result size of {MAX_WINDOW} items"
        raise AllegroError(422, "VALIDATION_ERROR", message, path=PATH)
    query = _query(req)
    sort = req.param("sort") or "-lineItems.boughtAt"
    query.order_by, query.desc = sort.lstrip("-"), sort.startswith("-")
    query.offset, query.limit = offset, limit
    ids, total = req.world.store.select(ORDER_KIND, seller, query)
    page = []
    for order_id in ids:
        doc = req.world.store.peek(ORDER_KIND, order_id)
        if doc is not None:
            page.append(view(doc.data))
    return {"checkoutForms": page, "count": len(page), "totalCount": total}
