"""Courier pickups: `POST /shipment-management/pickup-proposals` (getPickupProposals), `POST …/pickups/create-commands`
(createPickup) and its status (createPickupStatus), `GET …/pickups/{pickupId}` (getPickupDetails). Rules:
targ.allegro.shipping.pickups."""

from __future__ import annotations

import datetime as dt

from targ.allegro.shipping import commands, pickups, shipments
from targ.allegro.shipping.errors import bad_request, pickup_not_found, shipment_not_found
from targ.allegro.shipping.operations.caller import seller_id, send, status
from targ.handlers import handler
from targ.http.request import Reply, Request


def _ready_date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)) if len(str(value)) == 10 else None
    except ValueError:
        return None


@handler("allegro", "getPickupProposals", backing="derived")
def pickup_proposals(req: Request) -> Reply:
    seller = seller_id(req)
    body = req.body or {}
    found = []
    for shipment_id in dict.fromkeys(str(s) for s in body["shipmentIds"]):
        shipment = shipments.own(req.world, seller, shipment_id)
        if shipment is None:
            # As on the other shipment operations (the label's "Shipment Not Found"), though this one declares no 404.
            raise shipment_not_found("shipmentIds")
        found.append(shipment)
    address = body["address"]
    if not str(address.get("name") or "").strip() and not str(address.get("company") or "").strip():
        # #12376 staff: the address needs a name or a company.
        raise bad_request("name_required", "address.name")
    ready = _ready_date(body.get("readyDate"))
    if body.get("readyDate") is not None and ready is None:
        raise bad_request("ready_date", "readyDate")
    country = str(address.get("countryCode") or "PL")
    proposals = [{"shipmentId": s["id"], "proposalItems": pickups.proposals(req.world, s, country, ready)}
                 for s in found]
    return Reply([{"address": address, "proposals": proposals}])


@handler("allegro", "createPickup")
def create_pickup(req: Request) -> Reply:
    return send(req, commands.PICKUP)


@handler("allegro", "createPickupStatus")
def pickup_status(req: Request) -> Reply:
    return status(req, commands.PICKUP)


@handler("allegro", "getPickupDetails")
def pickup_details(req: Request) -> Reply:
    pickup = pickups.own(req.world, seller_id(req), req.path_params["pickupId"])
    if pickup is None:
        raise pickup_not_found(req.path_params["pickupId"])
    return Reply(pickups.view(pickup))
