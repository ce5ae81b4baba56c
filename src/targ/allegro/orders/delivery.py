"""Delivery of a purchase: which method, at what cost, to which pickup point, by when.

* The method is the buyer's choice (`delivery.methodId`, a delivery method of the reference dataset available on the
  order's marketplace); without one, the first method of the offer's shipping rates set (else of the dataset) that
  fits the payment: cash on delivery needs a CASH_ON_DELIVERY method, any other payment an IN_ADVANCE one.
* The cost follows the seller's shipping rates set for that method (`/sale/shipping-rates`, the offer's
  `delivery.shippingRates`): the highest first-item rate among the offers, plus the next-item rate for each further
  unit. Without a rate, targ charges a plain parcel price per currency (`DEFAULT_COST`, within the method's
  constraints); personal pickup and e-mail delivery are free.
* Pickup methods (lockers, points) get a pickup point: the buyer's, an Allegro One point of the dataset for Allegro's
  methods, or a generated locker code for the other carriers.
* Times: dispatch within the offers' longest handling time (`delivery.handlingTime`, PT24H when unset), delivery
  within the method's shipping time after that.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.allegro.catalog.delivery import delivery_method
from targ.allegro.offers.documents import Offer, OfferView
from targ.allegro.orders.buyer_data import pickup_point_code
from targ.allegro.orders.model import MarketplaceRefusal
from targ.clock import iso, parse_duration
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

SHIPPING_RATES_KIND = "res.shipping-rates"   # the settings engine's shipping rates sets
DEFAULT_COST = {"PLN": Decimal("9.99"), "CZK": Decimal("79.00"), "EUR": Decimal("3.49"), "HUF": Decimal("1290.00")}
_FREE = ("Odbiór osobisty", "Przesyłka elektroniczna")
_PICKUP = ("Paczkomat", "Punkt", "Automat", "One Box", "Z-BOX", "Výdejní", "Výdajné", "Átvételi", "automata")
_DEFAULT_SHIPPING = ("PT24H", "PT72H")


def _rates_for(world: World, offer: OfferView) -> list[Json]:
    set_id = ((offer.get("delivery") or {}).get("shippingRates") or {}).get("id")
    rates = world.store.get(SHIPPING_RATES_KIND, set_id) if set_id else None
    return list((rates or {}).get("rates") or [])


def choose_method(world: World, marketplace: str, offers: list[Offer], method_id: str | None,
                  payment_type: str | None) -> tuple[Json, str]:
    """The delivery method and the payment type that goes with it."""
    if method_id is not None:
        method = delivery_method(method_id)
        if method is None or marketplace not in method["marketplaces"]:
            raise MarketplaceRefusal(400, "unknown_delivery_method",
                                     f"no delivery method {method_id!r} on marketplace {marketplace}")
        cod = method["paymentPolicy"] == "CASH_ON_DELIVERY"
        if payment_type is not None and (payment_type == "CASH_ON_DELIVERY") != cod:
            raise MarketplaceRefusal(400, "payment_not_accepted", f"delivery method {method['name']!r} takes "
                                     f"{method['paymentPolicy']} payments, not {payment_type}")
        return method, payment_type or ("CASH_ON_DELIVERY" if cod else "ONLINE")
    wanted = "CASH_ON_DELIVERY" if payment_type == "CASH_ON_DELIVERY" else "IN_ADVANCE"
    from_sets = [delivery_method(r["deliveryMethod"]["id"]) for o in offers for r in _rates_for(world, o)]
    candidates = [m for m in from_sets if m] + list(load(DELIVERY)["deliveryMethods"])
    for method in candidates:
        if marketplace in method["marketplaces"] and method["paymentPolicy"] == wanted:
            return method, payment_type or "ONLINE"
    raise MarketplaceRefusal(400, "unknown_delivery_method", f"no {wanted} delivery method on {marketplace}")


def cost(world: World, method: Json, lines: list[tuple[Offer, int]], currency: str) -> tuple[Decimal, int]:
    """(delivery cost, packages) for `lines` of (offer, quantity)."""
    units = sum(q for _, q in lines)
    rates = [r for offer, _ in lines for r in _rates_for(world, offer) if r["deliveryMethod"]["id"] == method["id"]]
    if rates:
        first = max(Decimal(r["firstItemRate"]["amount"]) for r in rates)
        following = min(Decimal(r["nextItemRate"]["amount"]) for r in rates)
        per_package = min(int(r.get("maxQuantityPerPackage") or 1) for r in rates) or 1
        return first + following * (units - 1), -(-units // per_package)
    if method["name"].startswith(_FREE):
        return Decimal(0), 1
    limits = (method.get("shippingRatesConstraints") or {}).get("firstItemRate") or {}
    price = DEFAULT_COST.get(currency, DEFAULT_COST["PLN"])
    if limits.get("max") is not None:
        price = min(price, Decimal(limits["max"]))
    return max(price, Decimal(limits.get("min") or 0)), 1


def is_pickup(method: Json) -> bool:
    return any(word in method["name"] for word in _PICKUP)


def _dataset_point(point: Json) -> Json:
    a = point["address"]
    return {"id": point["id"], "name": point["name"], "description": point.get("description", ""),
            "address": {"street": a["street"], "zipCode": a["postCode"], "city": a["city"],
                        "countryCode": a["countryCode"]}}


def pickup_point(world: World, method: Json, given: Any, near: Json, seed: str) -> Json | None:
    """The pickup point of a pickup method (None for the others); `near` is the buyer's address."""
    if not is_pickup(method):
        if given is not None:
            raise MarketplaceRefusal(400, "pickup_point_not_allowed",
                                     f"delivery method {method['name']!r} does not deliver to pickup points")
        return None
    allegro_points = {p["id"]: p for p in load(DELIVERY)["pickupPoints"]}
    allegro = method.get("carrier") == "ALLEGRO"
    if isinstance(given, dict):
        return {"id": str(given["id"]), "name": given.get("name", f"Punkt {given['id']}"),
                "description": given.get("description", ""), "address": given.get("address") or _point_address(near)}
    if isinstance(given, str):
        if given in allegro_points:
            return _dataset_point(allegro_points[given])
        if allegro:
            raise MarketplaceRefusal(400, "unknown_pickup_point", f"no Allegro pickup point {given!r}")
        code = given
    elif allegro:
        points = list(allegro_points.values())
        return _dataset_point(points[int(seed[:8], 16) % len(points)])
    else:
        code = pickup_point_code(near["city"], seed)
    name = f"Paczkomat {code}" if "Paczkomat" in method["name"] else f"Punkt odbioru {code}"
    return {"id": code, "name": name, "description": "Punkt odbioru przesyłek", "address": _point_address(near)}


def _point_address(near: Json) -> Json:
    return {"street": near["street"], "zipCode": near["zipCode"], "city": near["city"],
            "countryCode": near["countryCode"]}


def times(world: World, method: Json, offers: list[Offer], bought_ms: int) -> Json:
    """`CheckoutFormDeliveryTime`: the dispatch window, then the delivery window after it."""
    handling = max(parse_duration((o.get("delivery") or {}).get("handlingTime") or "PT24H") for o in offers)
    shipping = ((method.get("shippingRatesConstraints") or {}).get("shippingTime") or {}).get("default") or {}
    ship_from = parse_duration(shipping.get("from") or _DEFAULT_SHIPPING[0])
    ship_to = parse_duration(shipping.get("to") or _DEFAULT_SHIPPING[1])
    dispatched = bought_ms + handling
    return {"from": iso(dispatched + ship_from), "to": iso(dispatched + ship_to),
            "dispatch": {"from": iso(bought_ms), "to": iso(dispatched)}}
