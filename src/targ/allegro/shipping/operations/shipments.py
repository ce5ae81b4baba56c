"""Shipments: `POST /shipment-management/shipments/create-commands` (createNewShipment) and its status
(getShipmentCreationStatus), `POST …/cancel-commands` (cancelShipment) and its status
(getShipmentCancellationStatus), `GET /shipment-management/shipments/{shipmentId}` (getShipmentDetails). The
commands' rules: targ.allegro.shipping.commands; the shipments': targ.allegro.shipping.shipments."""

from __future__ import annotations

from targ.allegro.shipping import commands, shipments
from targ.allegro.shipping.errors import shipment_not_found
from targ.allegro.shipping.operations.caller import seller_id, send, status
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "createNewShipment")
def create_shipment(req: Request) -> Reply:
    return send(req, commands.CREATE)


@handler("allegro", "getShipmentCreationStatus")
def creation_status(req: Request) -> Reply:
    return status(req, commands.CREATE)


@handler("allegro", "cancelShipment")
def cancel_shipment(req: Request) -> Reply:
    return send(req, commands.CANCEL)


@handler("allegro", "getShipmentCancellationStatus")
def cancellation_status(req: Request) -> Reply:
    return status(req, commands.CANCEL)


@handler("allegro", "getShipmentDetails")
def shipment_details(req: Request) -> Reply:
    shipment = shipments.own(req.world, seller_id(req), req.path_params["shipmentId"])
    if shipment is None:
        raise shipment_not_found()
    return Reply(shipments.view(req.world, shipment))
