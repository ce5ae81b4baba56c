"""Files: `POST /shipment-management/label` (getShipmentLabels) and `POST /shipment-management/protocol`
(getShipmentProtocol), both `Accept: application/octet-stream` (the spec; #10603, #8971 staff: any other Accept is
406). What they hold: targ.allegro.shipping.labels and targ.allegro.shipping.protocol.

* Every id must be one of the seller's shipments: 404 `SHIPMENT_NOT_FOUND` naming `shipmentIds` otherwise (the
  operations' "Shipment Not Found"; another seller's shipments are not found either). An id given twice counts once.
* A cancelled shipment has no label any more: a request for cancelled shipments only is 204 "No Label For Given
  Parcel"; cancelled ones among others is 400 naming `shipmentIds` (targ's choice: printing the others alone would
  hide the mistake). Shipments with different label formats cannot share a file: 400.
* The protocol leaves out cancelled shipments and drop-off-only carriers; with nothing left, 204.
"""

from __future__ import annotations

import datetime as dt

from targ.allegro.orders import model
from targ.allegro.shipping import labels, protocol, shipments
from targ.allegro.shipping.errors import bad_request, shipment_not_found
from targ.allegro.shipping.operations.caller import seller_id
from targ.allegro.shipping.services import service_of
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def _shipments(req: Request) -> list[Json]:
    seller = seller_id(req)
    found = []
    for shipment_id in dict.fromkeys(str(s) for s in (req.body or {})["shipmentIds"]):
        shipment = shipments.own(req.world, seller, shipment_id)
        if shipment is None:
            raise shipment_not_found("shipmentIds")
        found.append(shipment)
    return found


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


@handler("allegro", "getShipmentLabels")
def shipment_labels(req: Request) -> Reply:
    wanted = _shipments(req)
    live = [s for s in wanted if not shipments.cancelled(s)]
    if not live:
        return Reply(None, 204)
    if len(live) < len(wanted):
        raise bad_request("shipment_cancelled", "shipmentIds")
    if len({s["labelFormat"] for s in live}) > 1:
        raise bad_request("label_formats", "shipmentIds")
    body = req.body or {}
    report = body.get("summaryReport")
    fields = list(report["fields"]) if report else []
    items = []
    for shipment in live:
        order = model.get(req.world, shipments.order_of(shipment))
        item = labels.Labelled(shipment, service_of(shipment["deliveryMethodId"])["name"], order)
        item.summary = labels.summary_lines(item, fields)
        items.append(item)
    placement = report["placement"] if report else None
    if live[0]["labelFormat"] == "ZPL":
        return Reply(labels.render_zpl(items, placement), 200, _attachment(f"labels-{live[0]['id']}.zpl"))
    pdf = labels.render_pdf(items, body.get("pageSize") or "A4", bool(body.get("cutLine")), placement)
    return Reply(pdf, 200, _attachment(f"labels-{live[0]['id']}.pdf"))


@handler("allegro", "getShipmentProtocol")
def shipment_protocol(req: Request) -> Reply:
    groups: dict[str, list[Json]] = {}
    for shipment in _shipments(req):
        if shipments.cancelled(shipment) or service_of(shipment["deliveryMethodId"])["pickup"] is None:
            continue
        groups.setdefault(shipment["carrier"], []).append(shipment)
    if not groups:
        return Reply(None, 204)
    now = dt.datetime.fromtimestamp(req.world.clock.now_ms() / 1000, dt.UTC)
    return Reply(protocol.render(list(groups.items()), now), 200, _attachment("protocol.pdf"))
