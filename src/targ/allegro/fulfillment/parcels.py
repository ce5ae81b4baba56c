"""Parcels the warehouse sent for One Fulfillment orders: what `GET /fulfillment/orders/{orderId}/parcels` lists
(seed 003: "informacje o produktach, które magazyn wysłał do odbiorcy ... numer seryjny oraz data ważności").

Storage: a doc of kind `fulfillment_order`, id = the checkout form id, owner = the seller, written when the order is
SENT (outbound.py): `{orderId, parcels: [{waybill, carrierId, items: [FulfillmentOrderParcelItem], sentAt}]}`.
One parcel per order (targ's choice: the warehouse packs an order into one box). Items: one per product and expiry
date, in line item order, with the serial numbers of the units packed (`[]` when the warehouse recorded none) and
the offer; an item without an expiry date leaves `expirationDate` out (the guide sends null; the schema's string is
not nullable).

Waybills look like the carrier's (`WAYBILL_FORMATS`); the warehouse ships with the carrier of the buyer's delivery
method (Allegro One Kurier for the "One Fulfillment PL" methods).
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

PARCELS_KIND = "fulfillment_order"
_UPPER = string.ascii_uppercase + string.digits
# carrier → (prefix, length of the rest, alphabet of the rest)
WAYBILL_FORMATS: dict[str, tuple[str, int, str]] = {
    "ALLEGRO": ("A", 11, _UPPER),
    "DPD": ("", 14, string.digits),
    "INPOST": ("", 24, string.digits),
    "DHL": ("", 10, string.digits),
    "UPS": ("1Z", 16, _UPPER),
    "POCZTA_POLSKA": ("00", 18, string.digits),
}
_OTHER_FORMAT = ("", 12, string.digits)


def new_waybill(world: World, carrier: str) -> str:
    prefix, length, alphabet = WAYBILL_FORMATS.get(carrier, _OTHER_FORMAT)
    return prefix + world.ids.token(f"waybill:{carrier}", length, alphabet)


def packed_items(product_id: str, offer_id: str, taken: list[Json]) -> list[Json]:
    """The units of one line item (`ledger.take`'s parts, oldest first) as parcel items: one per expiry date."""
    by_expiry: dict[str | None, Json] = {}
    for part in taken:
        expires = part.get("expirationDate")
        item = by_expiry.get(expires)
        if item is None:
            item = {"productId": product_id, "quantity": 0, "serialNumbers": []}
            if expires:
                item["expirationDate"] = expires
            item["offerId"] = offer_id
            by_expiry[expires] = item
        item["quantity"] += int(part["quantity"])
        item["serialNumbers"] += list(part.get("serialNumbers") or ())
    return list(by_expiry.values())


def record(world: World, seller: str, order_id: str, carrier: str, waybill: str, items: list[Json]) -> Json:
    doc = world.store.get(PARCELS_KIND, order_id) or {"orderId": order_id, "parcels": []}
    parcel = {"waybill": waybill, "carrierId": carrier, "items": items, "sentAt": iso(world.clock.now_ms())}
    doc["parcels"].append(parcel)
    world.store.put(PARCELS_KIND, order_id, doc, owner=seller)
    return parcel


def view(world: World, order_id: str) -> list[Json]:
    """`FulfillmentOrder.parcels`: nothing before the order is SENT."""
    doc = world.store.get(PARCELS_KIND, order_id) or {"parcels": []}
    return [{"waybill": p["waybill"], "items": [dict(i) for i in p["items"]]} for p in doc["parcels"]]
