"""Parcel tracking numbers of an order: `GET/POST /order/checkout-forms/{id}/shipments`.

* `carrierId` is one of `GET /order/carriers` (`X_PRESS_COURIERS` is stored as `ALLEGRO`, #10058); another → 400.
  `OTHER` needs a `carrierName`; for any other carrier the name is ignored (the spec).
* A waybill is 1-64 characters without spaces; anything else → 400 `CarrierWaybillValidationException` (#8422).
* `lineItems` missing or empty means every line item; an id not in the order → 422 `OrderLineItemNotFoundException`
  (#2383).
* Limits (the vendor enforces some, #6928, and publishes none): at most `MAX_WAYBILLS_PER_ORDER` tracking numbers per
  order (409 `WaybillsAssignedToOrderLimitReached`) and one waybill on at most `MAX_ORDERS_PER_WAYBILL` orders (409,
  the spec's "waybill used in too many orders"). Adding the same carrier and waybill again to an order merges the
  line items into the existing shipment.
* The shipment id is the base64 of `<carrierId>:<waybill>`, as the vendor's are (`RFBEOjAwMDAwMDcyNjg3NTdR`).
* `fulfillment.shipmentSummary.lineItemsSent` becomes SOME or ALL; the carrier starts tracking the parcel; and the
  buyer can no longer cancel or change the order (#3085). None of this is a buyer change: no revision, no event.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.delivery import canonical_carrier
from targ.allegro.errors import AllegroError
from targ.allegro.orders import carrier, model
from targ.allegro.orders.documents import CheckoutFormOrJson
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

MAX_WAYBILLS_PER_ORDER = 20
MAX_ORDERS_PER_WAYBILL = 10
WAYBILL = re.compile(r"^\S{1,64}$")
# An order's shipments: one document per order (id = the order id, owner = the seller), `{"shipments": [...]}`,
# kept apart from the order so that adding a tracking number neither reads nor writes the whole order.
SHIPMENTS_KIND = "order_shipments"
LIMIT_USER_MESSAGE = ("Wystąpił błąd. Maksymalny limit przypisanych numerów przesyłki do zamówienia został "
                       "osiągnięty.")


def _invalid(message: str, path: str) -> AllegroError:
    return AllegroError(400, "VALIDATION_ERROR", message, path=path, details="request body")


def carrier_of_body(body: Json) -> tuple[str, str | None]:
    carrier_id = canonical_carrier(str(body.get("carrierId") or ""))
    if carrier_id is None:
        raise _invalid(f"Unknown carrier id: {body.get('carrierId')}", "carrierId")
    name = body.get("carrierName")
    if carrier_id != "OTHER":
        return carrier_id, None
    if not isinstance(name, str) or not name.strip():
        raise _invalid("carrierName is required when carrierId is OTHER", "carrierName")
    return carrier_id, name.strip()


def line_items_of(order: Mapping[str, Any], body: Json) -> list[str]:
    wanted = [str((li or {}).get("id")) for li in body.get("lineItems") or []]
    if not wanted:
        return [li["id"] for li in order["lineItems"]]
    for line_item_id in wanted:
        if model.line_item(order, line_item_id) is None:
            raise AllegroError(422, "OrderLineItemNotFoundException", "Provided line item not found",
                               path="lineItems", metadata={"lineItemId": line_item_id})
    return list(dict.fromkeys(wanted))


def shipments_of(world: World, order_id: str) -> list[Json]:
    """The order's shipments, as `GET …/shipments` lists them (oldest first)."""
    return stored_shipments(world, order_id)[0]


def stored_shipments(world: World, order_id: str) -> tuple[list[Json], bool]:
    """The order's shipments (a list of the caller's own), and whether its shipments document exists yet."""
    stored = world.store.get(SHIPMENTS_KIND, order_id)
    return (stored["shipments"], True) if stored else ([], False)


def lines_sent(order: Mapping[str, Any], shipments: list[Json]) -> str:
    sent = {li["id"] for s in shipments for li in s["lineItems"]}
    if not sent:
        return "NONE"
    return "ALL" if all(li["id"] in sent for li in order["lineItems"]) else "SOME"


def find_shipment(shipments: list[Json], carrier_id: str, waybill: str) -> Json | None:
    for shipment in shipments:
        if shipment["waybill"] == waybill and shipment["carrierId"] == carrier_id:
            return shipment
    return None


def record(world: World, order: CheckoutFormOrJson, carrier_id: str, waybill: str, line_items: list[str],
           carrier_name: str | None = None) -> Json:
    """Adds a tracking number (unchecked) to the order, or merges line items into the same one, updates the order's
    shipment summary (in `order` too, which the caller may go on changing) and has the carrier track the parcel.
    Also how Allegro's warehouse ships One Fulfillment orders (fulfillment outbound.py). Returns the shipment as
    `GET …/shipments` lists it."""
    shipments, exists = stored_shipments(world, order["id"])
    carrier.register(world, carrier_id, waybill, order["id"], "pickupPoint" in order["delivery"])
    shipment, sent = record_with(world, order, shipments, exists, find_shipment(shipments, carrier_id, waybill),
                                 carrier_id, waybill, line_items, carrier_name)
    if sent is not None:
        set_lines_sent(world, order, sent)
    return shipment


def record_with(world: World, order: Mapping[str, Any], shipments: list[Json], exists: bool, shipment: Json | None,
                carrier_id: str, waybill: str, line_items: list[str],
                carrier_name: str | None) -> tuple[Json, str | None]:
    """`record` with the order's shipments read (`exists`: the order has a shipments document already) and the
    shipment with this carrier and waybill found among them (None: a new one): writes the shipments and returns the
    shipment, and the order's new `lineItemsSent` when it changes (None otherwise), for the caller to set."""
    if shipment is None:
        shipment = {"id": base64.b64encode(f"{carrier_id}:{waybill}".encode()).decode(), "waybill": waybill,
                    "carrierId": carrier_id}
        if carrier_name:
            shipment["carrierName"] = carrier_name
        shipment["lineItems"] = []
        shipment["createdAt"] = iso(world.clock.now_ms())
        shipments.append(shipment)
    known = {li["id"] for li in shipment["lineItems"]}
    shipment["lineItems"] += [{"id": i} for i in line_items if i not in known]
    seller = model.seller_of(order)
    if exists:
        world.store.put(SHIPMENTS_KIND, order["id"], {"shipments": shipments}, owner=seller)
    else:
        world.store.insert(SHIPMENTS_KIND, order["id"], {"shipments": shipments}, owner=seller)
    summary = order["fulfillment"]["shipmentSummary"]["lineItemsSent"]
    # Shipments are only ever added: once every line item is sent, it stays so.
    sent = summary if summary == "ALL" else lines_sent(order, shipments)
    return shipment, (sent if sent != summary else None)


def set_lines_sent(world: World, order: CheckoutFormOrJson, sent: str) -> None:
    order["fulfillment"]["shipmentSummary"] = {"lineItemsSent": sent}
    model.save(world, order)
