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
  buyer can no longer cancel or change the order (#3085). None of this is a buyer change: no revision, no event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.orders import carrier
from targ.allegro.orders.access import seller_order
from targ.handlers import handler
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    pass

from targ.allegro.orders.shipments import (
    _LIMIT_USER_MESSAGE,
    _WAYBILL,
    MAX_ORDERS_PER_WAYBILL,
    MAX_WAYBILLS_PER_ORDER,
    _carrier,
    _find,
    _line_items,
    _record,
    _stored,
    shipments_of,
)


@handler("allegro", "getOrderShipmentsUsingGET")
def list_shipments(req: Request) -> Reply:
    order = seller_order(req, req.path_params["id"], readonly=True)
    return Reply({"shipments": shipments_of(req.world, order["id"])})


@handler("allegro", "createOrderShipmentsUsingPOST")
def add_shipment(req: Request) -> Reply:
    # The order is only read here (the shared copy): it is written only when its shipment summary changes.
    order = seller_order(req, req.path_params["id"], readonly=True)
    body = req.body or {}
    carrier_id, carrier_name = _carrier(body)
    waybill = str(body.get("waybill") or "")
    if not _WAYBILL.match(waybill):
        raise AllegroError(400, "CarrierWaybillValidationException", "Provided waybill is not valid for this carrier",
                           path="waybill")
    line_items = _line_items(order, body)
    shipments, exists = _stored(req.world, order["id"])
    shipment = _find(shipments, carrier_id, waybill)
    if shipment is None and len(shipments) >= MAX_WAYBILLS_PER_ORDER:
        raise AllegroError(409, "WaybillsAssignedToOrderLimitReached",
                           "Maximum waybills assigned to order limit reached", user_message=_LIMIT_USER_MESSAGE)
    if carrier.register(req.world, carrier_id, waybill, order["id"], "pickupPoint" in order["delivery"],
                        MAX_ORDERS_PER_WAYBILL) is None:
        raise AllegroError(409, "WaybillAssignedToOrdersLimitReached",
                           f"Waybill {waybill} is already assigned to {MAX_ORDERS_PER_WAYBILL} orders", path="waybill")
    return Reply(_record(req.world, order, False, shipments, exists, shipment, carrier_id, waybill, line_items,
                         carrier_name), 201)
