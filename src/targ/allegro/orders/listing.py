"""`GET /order/checkout-forms`: every filter and sort of the spec over the seller's retained orders.

* `offset + limit` above 10 000 → 422 with the vendor's body (#4027). The vendor sends `userMessage: null`; the spec's
  `Error.userMessage` is a non-null string and every response must validate, so targ repeats the message there.
* Filters with a fixed set of values (`status`, `fulfillment.status`, `fulfillment.provider.id`,
  `fulfillment.shipmentSummary.lineItemsSent`) answer 400 `VALIDATION_ERROR` for any other value (the spec: "400 -
  request parameters contains illegal values").
* Date filters need a `Z` time (#2347, #2948): an offset such as `+01:00` gives the vendor's 400
  `{"code": "ERROR", "message": "An error has occurred", "path": "/order/checkout-forms"}`.
* The default order is `-lineItems.boughtAt`; equal times keep purchase order (newest first when descending).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from targ.allegro.orders.model import ORDER_KIND, retained_since, view
from targ.clock import parse_time
from targ.http.errors import AllegroError
from targ.http.request import Request
from targ.store.memo import memo

Json = dict[str, Any]
PATH = "/order/checkout-forms"
MAX_WINDOW = 10_000
ENUMS = {
    "status": ("BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING", "CANCELLED"),
    "fulfillment.status": ("NEW", "PROCESSING", "READY_FOR_SHIPMENT", "READY_FOR_PICKUP", "SENT", "PICKED_UP",
                           "CANCELLED", "SUSPENDED", "RETURNED"),
    "fulfillment.provider.id": ("SELLER", "ALLEGRO"),
    "fulfillment.shipmentSummary.lineItemsSent": ("NONE", "SOME", "ALL"),
}
Getter = Callable[[Json], Any]
# query parameter → what it compares equal to in the stored order
EQUALS: dict[str, Getter] = {
    "status": lambda o: o["status"],
    "fulfillment.status": lambda o: o["fulfillment"]["status"],
    "fulfillment.provider.id": lambda o: o["fulfillment"]["provider"]["id"],
    "fulfillment.shipmentSummary.lineItemsSent": lambda o: o["fulfillment"]["shipmentSummary"]["lineItemsSent"],
    "payment.id": lambda o: (o.get("payment") or {}).get("id"),
    "delivery.method.id": lambda o: o["delivery"]["method"]["id"],
    "buyer.login": lambda o: o["buyer"]["login"],
    "marketplace.id": lambda o: o["marketplace"]["id"],
}
TIMES: dict[str, Getter] = {
    "lineItems.boughtAt": lambda o: int(o["_targ"]["boughtAt"]),
    "updatedAt": lambda o: parse_time(o["updatedAt"]),
}


def _validation(message: str, path: str) -> AllegroError:
    return AllegroError(400, "VALIDATION_ERROR", message, path=path, details="query parameter")


def _bounds(req: Request) -> list[tuple[Getter, int, bool]]:
    """(getter, limit, is upper bound) per date filter given."""
    out = []
    for field, getter in TIMES.items():
        for suffix, upper in (("lte", True), ("gte", False)):
            raw = req.param(f"{field}.{suffix}")
            if raw is None:
                continue
            if not str(raw).endswith(("Z", "z")):
                raise AllegroError(400, "ERROR", "An error has occurred", path=PATH)
            out.append((getter, parse_time(str(raw)), upper))
    return out


def _matcher(req: Request) -> Callable[[Json], bool]:
    wanted: list[tuple[Getter, Any]] = []
    for name, getter in EQUALS.items():
        value = req.param(name)
        if value is None:
            continue
        if name in ENUMS and value not in ENUMS[name]:
            raise _validation(f"{name} must be one of {', '.join(ENUMS[name])}", name)
        wanted.append((getter, value))
    surcharge = req.param("surcharges.id")
    bounds = _bounds(req)

    # A plain loop for the equality filters: this runs once per order of the seller (10 000 of them), where a
    # generator costs more than the comparisons.
    def matches(order: Json) -> bool:
        for getter, value in wanted:
            if getter(order) != value:
                return False
        if surcharge is not None and all(s.get("id") != surcharge for s in order["surcharges"]):
            return False
        return all((getter(order) <= limit) if upper else (getter(order) >= limit) for getter, limit, upper in bounds)
    return matches


def list_orders(req: Request, seller: str) -> Json:
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 100))
    if offset + limit > MAX_WINDOW:
        message = f"Offset and limit parameters exceed maximal result size of {MAX_WINDOW} items"
        raise AllegroError(422, "VALIDATION_ERROR", message, path=PATH)
    matches = _matcher(req)
    sort = req.param("sort") or "-lineItems.boughtAt"
    ordered = _sorted(req, seller, sort.lstrip("-"))
    since = retained_since(req.world)
    found = [o for o in (reversed(ordered) if sort.startswith("-") else ordered)
             if int(o["_targ"]["boughtAt"]) >= since and matches(o)]
    page = [view(o) for o in found[offset:offset + limit]]
    return {"checkoutForms": page, "count": len(page), "totalCount": len(found)}


def _sorted(req: Request, seller: str, field: str) -> list[Json]:
    """All the seller's orders (retained or not) ascending by `field`, equal values in purchase order. Reading
    and sorting 10 000 orders costs far more than filtering them, so the sorted list is kept until an order changes
    (shared and read-only, as `scan` data is); descending is the same list reversed."""
    key = TIMES[field]

    def compute() -> list[Json]:
        docs = req.world.store.scan(ORDER_KIND, seller)
        docs.sort(key=lambda d: (key(d.data), d.seq))
        return [d.data for d in docs]
    return memo(req.world.store, ("checkout-forms", seller, field), (ORDER_KIND,), compute)
