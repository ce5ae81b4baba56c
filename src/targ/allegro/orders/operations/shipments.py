"""The operations (getOrderShipmentsUsingGET, createOrderShipmentsUsingPOST); what they do, the vendor's rules and
their sources: `targ.allegro.orders.shipments`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.orders import carrier, model
from targ.allegro.orders.access import read_seller_order
from targ.handlers import handler
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    pass

from targ.allegro.orders.shipments import (
    LIMIT_USER_MESSAGE,
    MAX_ORDERS_PER_WAYBILL,
    MAX_WAYBILLS_PER_ORDER,
    WAYBILL,
    carrier_of_body,
    find_shipment,
    line_items_of,
    record_with,
    shipments_of,
    stored_shipments,
)


@handler("allegro", "getOrderShipmentsUsingGET")
def list_shipments(req: Request) -> Reply:
    order = read_seller_order(req, req.path_params["id"])
    return Reply({"shipments": shipments_of(req.world, order["id"])})


@handler("allegro", "createOrderShipmentsUsingPOST")
def add_shipment(req: Request) -> Reply:
    # The order is only read here (the shared copy): it is written only when its shipment summary changes.
    order = read_seller_order(req, req.path_params["id"])
    body = req.body or {}
    carrier_id, carrier_name = carrier_of_body(body)
    waybill = str(body.get("waybill") or "")
    if not WAYBILL.match(waybill):
        raise AllegroError(400, "CarrierWaybillValidationException", "Provided waybill is not valid for this carrier",
                           path="waybill")
    line_items = line_items_of(order, body)
    shipments, exists = stored_shipments(req.world, order["id"])
    shipment = find_shipment(shipments, carrier_id, waybill)
    if shipment is None and len(shipments) >= MAX_WAYBILLS_PER_ORDER:
        raise AllegroError(409, "WaybillsAssignedToOrderLimitReached",
                           "Maximum waybills assigned to order limit reached", user_message=LIMIT_USER_MESSAGE)
    if carrier.register(req.world, carrier_id, waybill, order["id"], "pickupPoint" in order["delivery"],
                        MAX_ORDERS_PER_WAYBILL) is None:
        raise AllegroError(409, "WaybillAssignedToOrdersLimitReached",
                           f"Waybill {waybill} is already assigned to {MAX_ORDERS_PER_WAYBILL} orders", path="waybill")
    shipment, sent = record_with(req.world, order, shipments, exists, shipment, carrier_id, waybill, line_items,
                                 carrier_name)
    if sent is not None:
        # The order read is the store's shared copy: the new one shares every part but the path that changes.
        changed = {**order, "fulfillment": {**order["fulfillment"], "shipmentSummary": {"lineItemsSent": sent}}}
        model.save(req.world, changed)
    return Reply(shipment, 201)
