"""Shipments made with Ship with Allegro: created from a checked input, shown as `ShipmentDto`, cancelled.

Storage: one document of kind `wza_shipment` per shipment (id = the shipment id, a UUID as the spec's; owner = the
seller) holding the `ShipmentDto` fields and `_targ`: the order it ships (`orderId`), the command that made it, the
pickup booked for it (`pickupId`) and its waybills' carrier.

* **Creating** gives every package a waybill of the service's carrier (targ.allegro.shipping.waybills) and adds each
  to the order's shipments with every line item, exactly as `POST /order/checkout-forms/{id}/shipments` does
  (targ.allegro.orders.shipments.record): the order's `lineItemsSent`, and the carrier starts tracking the parcel on
  the clock. The vendor adds them itself (#3601 NEWS: "Numery przesyłek automatycznie dodamy do odpowiednich
  zamówień"; #9637 staff: "It should work automatically").
* **Cancelling** (the services that allow it: Poczta Polska and Packeta, #12535 staff; never the Allegro carrier,
  #7630, #10574) is possible until the carrier has the parcel: "Nie możesz anulować paczki odebranej przez kuriera lub
  nadanej w paczkomacie" (the vendor's guide, quoted in #8527; #7861 staff) — every parcel still `PENDING` in the
  carrier's tracking and no booked pickup's window started. A cancelled shipment gets its `canceledDate`; its
  waybills stay on the order (#9536, #10196 staff: cancelling does not remove them, and no API does), and the carrier,
  never given the parcel, moves it no further.
* `pickupAvailable`: the service's carrier takes pickups, the shipment is not cancelled, no pickup is booked for it
  and the carrier has none of its parcels yet (#12369, #9635: "Package status forbids pickup orders" once it has).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.orders import carrier, model
from targ.allegro.orders import shipments as order_shipments
from targ.allegro.shipping.checks import Checked
from targ.allegro.shipping.services import Service, service_of
from targ.allegro.shipping.waybills import next_waybill
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

SHIPMENT_KIND = "wza_shipment"
CARRIER_NAMES = {"INPOST": "InPost", "ALLEGRO": "Allegro One", "DPD": "DPD", "DPD_SK": "DPD", "ORLEN": "ORLEN Paczka",
                 "POCZTA_POLSKA": "Poczta Polska", "UPS": "UPS", "DHL": "DHL", "PACKETA": "Packeta", "PPL": "PPL",
                 "FOXPOST": "Foxpost"}


def carrier_name(carrier_id: str) -> str:
    return CARRIER_NAMES.get(carrier_id, carrier_id)


# What the request carries over to the shipment as given.
COPIED = ("deliveryMethodId", "sender", "receiver", "referenceNumber", "insurance", "cashOnDelivery")


def create(world: World, seller_id: str, body: Json, checked: Checked, command_id: str) -> Json:
    """The shipment, stored, its waybills on the order and tracked by the carrier."""
    service = checked.service
    carrier_id = service["carrierId"]
    packages = []
    for given in body["packages"]:
        package = {k: given[k] for k in ("type", "length", "width", "height", "weight", "textOnLabel") if k in given}
        package["waybill"] = next_waybill(world, carrier_id)
        packages.append(package)
    shipment: Json = {"id": world.ids.uuid(SHIPMENT_KIND)}
    shipment.update({k: body[k] for k in COPIED if k in body})
    shipment.update({
        "packages": packages,
        "createdDate": iso(world.clock.now_ms()),
        "carrier": carrier_id,
        "labelFormat": body.get("labelFormat") or "PDF",   # #11465: no format given is a PDF
        "additionalServices": list(body.get("additionalServices") or []),
        "additionalProperties": {**(body.get("additionalProperties") or {}), **_read_only(world, service)},
        "transport": [carrier_name(carrier_id)],
        "_targ": {"orderId": checked.order_id, "commandId": command_id, "pickupId": None},
    })
    order = model.get_form(world, checked.order_id)
    assert order is not None
    line_items = [li["id"] for li in order["lineItems"]]
    for package in packages:
        order_shipments.record(world, order, carrier_id, package["waybill"], line_items)
    world.store.put(SHIPMENT_KIND, shipment["id"], shipment, owner=seller_id)
    return shipment


def _read_only(world: World, service: Service) -> dict[str, str]:
    """The values the carrier sets (`readOnly` additional properties): InPost's sending code, 8 digits."""
    return {p["id"]: world.ids.token("wza_sending_code", 8, "0123456789")
            for p in service["additionalProperties"] if p["readOnly"]}


def own(world: World, seller_id: str, shipment_id: str) -> Json | None:
    """The seller's shipment, or None (unknown, or another seller's: each seller sees only their own)."""
    doc = world.store.get_doc(SHIPMENT_KIND, shipment_id)
    return doc.data if doc is not None and doc.owner == seller_id else None


def save(world: World, seller_id: str, shipment: Json) -> None:
    world.store.put(SHIPMENT_KIND, shipment["id"], shipment, owner=seller_id)


def parcel_codes(world: World, shipment: Json) -> list[str]:
    """Each package's latest tracking status at the carrier, as the clock has it now."""
    codes = []
    for package in shipment["packages"]:
        parcel = carrier.get_parcel(world, shipment["carrier"], package["waybill"])
        codes.append(parcel["statuses"][-1]["code"] if parcel else "PENDING")
    return codes


def with_carrier(world: World, shipment: Json) -> bool:
    """The carrier has (or had) the parcels: any of them moved past PENDING."""
    return any(code != "PENDING" for code in parcel_codes(world, shipment))


def cancelled(shipment: Json) -> bool:
    return "canceledDate" in shipment


def pickup_available(world: World, shipment: Json) -> bool:
    service = service_of(shipment["deliveryMethodId"])
    return (service["pickup"] is not None and not cancelled(shipment) and not shipment["_targ"]["pickupId"]
            and not with_carrier(world, shipment))


def cancel(world: World, seller_id: str, shipment: Json) -> None:
    """Cancels a shipment the rules let go (targ.allegro.shipping.commands checks them): the carrier never gets it."""
    shipment["canceledDate"] = iso(world.clock.now_ms())
    for package in shipment["packages"]:
        carrier.halt(world, shipment["carrier"], package["waybill"])
    save(world, seller_id, shipment)


def view(world: World, shipment: Json) -> Json:
    """`ShipmentDto`."""
    out: dict[str, Any] = {k: v for k, v in shipment.items() if k != "_targ"}
    out["pickupAvailable"] = pickup_available(world, shipment)
    return out


def order_of(shipment: Json) -> str:
    return str(shipment["_targ"]["orderId"])
