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
            out.append((getter, parse_time(str(raw)), upper))
    return out


def _wanted(req: Request) -> dict[str, frozenset[Any]]:
    """The equality filters given: query parameter → the values it accepts (several for the multi-valued ones)."""
    wanted: dict[str, frozenset[Any]] = {}
    for name in EQUALS:
        value = req.param(name)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        for one in values:
            if name in ENUMS and one not in ENUMS[name]:
                raise _validation(f"{name} must be one of {', '.join(ENUMS[name])}", name)
        wanted[name] = frozenset(values)
    return wanted


def _extra(req: Request) -> Callable[[Json], bool] | None:
    """The other filters (surcharge, date bounds), checked only on orders the equality filters kept."""
    surcharge = req.param("surcharges.id")
    bounds = _bounds(req)
    if surcharge is None and not bounds:
        return None

    def matches(order: Json) -> bool:
        if surcharge is not None and all(s.get("id") != surcharge for s in order["surcharges"]):
            return False
        return all((getter(order) <= limit) if upper else (getter(order) >= limit) for getter, limit, upper in bounds)
    return matches


def list_orders(req: Request, seller: str) -> Json:
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 100))
    if offset + limit > MAX_WINDOW:
        message = f"Offset and limit parameters exceed maximal result size of {MAX_WINDOW} items"
        raise AllegroError(422, "VALIDATION_ERROR", message, path=PATH)
    wanted = _wanted(req)
    extra = _extra(req)
    sort = req.param("sort") or "-lineItems.boughtAt"
    names = tuple(wanted)
    rows = _rows(req, seller, sort.lstrip("-"), names)
    want = tuple(wanted[name] for name in names)
    since = retained_since(req.world)
    ordered = reversed(rows) if sort.startswith("-") else rows
    found = [o for bought, key, o in ordered
             if bought >= since and all(k in w for k, w in zip(key, want, strict=True)) and (extra is None or extra(o))]
    page = [view(o) for o in found[offset:offset + limit]]
    return {"checkoutForms": page, "count": len(page), "totalCount": len(found)}


def _rows(req: Request, seller: str, field: str, names: tuple[str, ...]) -> list[tuple[int, tuple[Any, ...], Json]]:
    """`_sorted` with each order's purchase time and the values the equality filters `names` compare, so that a
    filtered list over 10 000 orders compares tuples instead of calling a getter per filter and order. Kept, like
    the sorted list, until an order changes."""
    def compute() -> list[tuple[int, tuple[Any, ...], Json]]:
        getters = [EQUALS[name] for name in names]
        return [(int(o["_targ"]["boughtAt"]), tuple(g(o) for g in getters), o)
                for o in _sorted(req, seller, field)]
    return memo(req.world.store, ("checkout-form-rows", seller, field, *names), (ORDER_KIND,), compute)


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
