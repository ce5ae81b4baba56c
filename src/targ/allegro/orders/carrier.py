"""The carriers: every parcel tracking number a seller adds gets a tracking history on the virtual clock, served by
`GET /order/carriers/{carrierId}/tracking`, and the carrier admin action pushes any status.

Parcels are docs of kind `parcel`, id = `<carrierId>:<waybill>`, no owner (a carrier's parcel, whoever asked):
`{carrierId, waybill, route, orders, statuses: [{code, occurredAt, description, _at}], createdAt, updatedAt,
nextAt, stepMs}`. A new parcel starts PENDING and moves one step along its route every `carrierStepDelay`:

* to an address: PENDING → IN_TRANSIT → RELEASED_FOR_DELIVERY → DELIVERED;
* to a pickup point (the order has `delivery.pickupPoint`): PENDING → IN_TRANSIT → AVAILABLE_FOR_PICKUP → DELIVERED.

A pushed status joins the history at its `occurredAt` and the route goes on from it (NOTICE_LEFT → AVAILABLE_FOR_PICKUP
→ DELIVERED); after DELIVERED, RETURNED or ISSUE (a lost parcel) nothing moves by itself any more, nor for a parcel
whose Ship with Allegro shipment was cancelled before the carrier got it (`halt`).

The route is a time-driven transition, not a job: `nextAt` is when the next step falls due and `stepMs` the delay
in force when the route last (re)started (a registration or a push). Whoever reads a parcel sees it caught up with the
clock, each step at its own due time, exactly as if a job had run then; so a tracking number costs no job row, and
`POST /__targ/jobs/drain` (asynchronous jobs only, PRODUCT.md) leaves parcels where the clock has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.catalog.delivery import canonical_carrier
from targ.allegro.orders.model import MarketplaceRefusal
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

PARCEL_KIND = "parcel"
CODES = ("AVAILABLE_FOR_PICKUP", "DELIVERED", "IN_TRANSIT", "ISSUE", "NOTICE_LEFT", "PENDING",
         "RELEASED_FOR_DELIVERY", "RETURNED")
DESCRIPTIONS = {
    "PENDING": "Przesyłka przygotowana przez nadawcę",
    "IN_TRANSIT": "Przesyłka w drodze",
    "RELEASED_FOR_DELIVERY": "Przesyłka wydana do doręczenia",
    "AVAILABLE_FOR_PICKUP": "Przesyłka czeka na odbiór w punkcie",
    "NOTICE_LEFT": "Adresata nie zastano, pozostawiono awizo",
    "DELIVERED": "Przesyłka doręczona",
    "ISSUE": "Problem z doręczeniem przesyłki",
    "RETURNED": "Przesyłka zwrócona do nadawcy",
}
ROUTES = {
    "ADDRESS": {"PENDING": "IN_TRANSIT", "IN_TRANSIT": "RELEASED_FOR_DELIVERY", "RELEASED_FOR_DELIVERY": "DELIVERED",
                "NOTICE_LEFT": "AVAILABLE_FOR_PICKUP", "AVAILABLE_FOR_PICKUP": "DELIVERED"},
    "PICKUP_POINT": {"PENDING": "IN_TRANSIT", "IN_TRANSIT": "AVAILABLE_FOR_PICKUP",
                     "RELEASED_FOR_DELIVERY": "AVAILABLE_FOR_PICKUP", "NOTICE_LEFT": "AVAILABLE_FOR_PICKUP",
                     "AVAILABLE_FOR_PICKUP": "DELIVERED"},
}


def parcel_id(carrier: str, waybill: str) -> str:
    return f"{carrier}:{waybill}"


def get_parcel(world: World, carrier: str, waybill: str) -> Json | None:
    """The parcel as the carrier has moved it by now (None when the carrier does not know the waybill)."""
    parcel = world.store.get(PARCEL_KIND, parcel_id(carrier, waybill))
    return _caught_up(world, parcel) if parcel is not None else None


def _caught_up(world: World, parcel: Json) -> Json:
    """Applies every step that has fallen due by now, each at its own due time (the time a job would have run)."""
    at, now = parcel.get("nextAt"), world.clock.now_ms()
    route = ROUTES[parcel["route"]]
    while at is not None and at <= now:
        following = route.get(parcel["statuses"][-1]["code"])
        if following:
            _append(parcel, following, at, at)
        at = at + parcel["stepMs"] if following and route.get(following) else None
    parcel["nextAt"] = at
    return parcel


def _save(world: World, parcel: Json) -> None:
    world.store.put(PARCEL_KIND, parcel_id(parcel["carrierId"], parcel["waybill"]), parcel)


def _new(world: World, carrier: str, waybill: str, route: str) -> Json:
    now = iso(world.clock.now_ms())
    return {"carrierId": carrier, "waybill": waybill, "route": route, "orders": [], "statuses": [],
            "createdAt": now, "updatedAt": now, "nextAt": None, "stepMs": 0}


def _append(parcel: Json, code: str, at_ms: int, now_ms: int) -> None:
    parcel["statuses"].append({"code": code, "occurredAt": iso(at_ms), "description": DESCRIPTIONS[code],
                               "_at": at_ms})
    if len(parcel["statuses"]) > 1 and parcel["statuses"][-2]["_at"] > at_ms:
        parcel["statuses"].sort(key=lambda s: s["_at"])
    parcel["updatedAt"] = iso(now_ms)


def _restart_route(world: World, parcel: Json) -> None:
    """After a registration or a push: the next step falls due one `carrierStepDelay` from now, if the latest
    status has a next step at all."""
    if ROUTES[parcel["route"]].get(parcel["statuses"][-1]["code"]):
        parcel["stepMs"] = world.config.ms("carrierStepDelay")
        parcel["nextAt"] = world.clock.now_ms() + parcel["stepMs"]
    else:
        parcel["nextAt"] = None


def register(world: World, carrier: str, waybill: str, order_id: str, to_pickup_point: bool,
             max_orders: int | None = None) -> Json | None:
    """A tracking number added to an order: the carrier starts tracking it (once, however many orders share it).
    None, with nothing changed, when the waybill is already on `max_orders` other orders."""
    parcel = _new(world, carrier, waybill, "PICKUP_POINT" if to_pickup_point else "ADDRESS")
    now = world.clock.now_ms()
    _append(parcel, "PENDING", now, now)
    _restart_route(world, parcel)
    parcel["orders"].append(order_id)
    # Most waybills are new: try the insert first, and read the parcel only when the carrier knows it already.
    if world.store.insert_if_absent(PARCEL_KIND, parcel_id(carrier, waybill), parcel):
        return parcel
    known = get_parcel(world, carrier, waybill)
    assert known is not None
    if order_id not in known["orders"]:
        if max_orders is not None and len(known["orders"]) >= max_orders:
            return None
        known["orders"].append(order_id)
        _save(world, known)
    return known


def push(world: World, carrier_id: str, waybill: str, code: str, at_ms: int | None) -> Json:
    """The carrier reports a status (the admin action); an unknown waybill becomes a parcel of that carrier."""
    carrier = canonical_carrier(carrier_id)
    if carrier is None or carrier == "OTHER":
        raise MarketplaceRefusal(400, "unknown_carrier", f"no carrier {carrier_id!r} in GET /order/carriers")
    if code not in CODES:
        raise MarketplaceRefusal(400, "bad_request", f"code must be one of {', '.join(CODES)}")
    parcel = get_parcel(world, carrier, waybill) or _new(world, carrier, waybill, "ADDRESS")
    now = world.clock.now_ms()
    _append(parcel, code, now if at_ms is None else at_ms, now)
    _restart_route(world, parcel)
    _save(world, parcel)
    return {"carrierId": carrier, **history(parcel)}


def halt(world: World, carrier: str, waybill: str) -> None:
    """The carrier will never get the parcel (its shipment was cancelled before it was handed over): its history
    stays as it is by now and nothing moves by itself any more."""
    parcel = get_parcel(world, carrier, waybill)
    if parcel is not None:
        parcel["nextAt"] = None
        _save(world, parcel)


def history(parcel: Json) -> Json:
    """`ParcelTrackingHistory`."""
    statuses = [{k: v for k, v in s.items() if k != "_at"} for s in parcel["statuses"]]
    return {"waybill": parcel["waybill"],
            "trackingDetails": {"statuses": statuses, "createdAt": parcel["createdAt"],
                                "updatedAt": parcel["updatedAt"]}}
