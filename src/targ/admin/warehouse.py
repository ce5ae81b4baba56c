"""The warehouse side of One Fulfillment, on demand (PRODUCT.md "Admin API"): what Allegro's staff do with a
delivery, for tests that do not want to wait for the clock (targ/allegro/fulfillment/warehouse.py).

* `POST /__targ/warehouse/advance-ship-notices/{id}/arrive` - the delivery is at the warehouse: IN_TRANSIT →
  UNPACKING;
* `POST …/receive` `{"content": [{"product": {"id"}, "received": [{"quantity", "receivedType", "reasonCode"?}]}]}`
  - the warehouse's count, added to what was counted before (UNPACKING only);
* `POST …/complete` - unpacking is over: UNPACKING → COMPLETED, the units enter the stock.

Each answers 200 `{"advanceShipNotice": <as GET /fulfillment/advance-ship-notices/{id} shows it>,
"receivingState": <as GET …/receiving-state shows it, or null>}`; 404 for an unknown notice, 409 `conflict` when the
notice is not in the step's status, 400 `bad_request` for a count that makes no sense.

One Fulfillment orders (targ/allegro/fulfillment/outbound.py), without waiting for the clock:
* `POST /__targ/warehouse/orders/{checkoutFormId}/pack` - picked and packed: READY_FOR_SHIPMENT;
* `POST …/ship` - handed to the carrier: SENT, with its parcel and tracking number.
Both take the steps still missing and answer 200 `{"checkoutFormId", "fulfillmentStatus", "events": [the
FULFILLMENT_STATUS_CHANGED events journaled], "parcels": [as GET /fulfillment/orders/{id}/parcels lists them]}`;
404 `not_found`; 409 `not_one_fulfillment`, `not_ready`, `order_cancelled`, `conflict` (there already),
`insufficient_stock` (a suspended order whose units are still missing). A refusal changes nothing.

`POST /__targ/warehouse/stock-losses` `{"sellerId", "productId", "quantity"}` - a stocktaking finds units missing:
201 `{"sellerId", "productId", "quantity", "sellable", "onHold"}`; 404 `not_found` (no such units), 409
`insufficient_stock` (more than the shelves hold: units picked for orders are not on them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from targ.admin import ADMIN
from targ.admin.core import json_object
from targ.admin.refusals import refusals
from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment import outbound, parcels, products, warehouse
from targ.allegro.fulfillment.common import whole
from targ.allegro.orders import model as orders
from targ.http.errors import AdminError
from targ.http.request import Reply, Request

BASE = "/warehouse/advance-ship-notices/{id}"


def _act(req: Request, step: Callable[[str, dict[str, Any]], None]) -> Reply:
    found = notices.load(req.world, req.path_params["id"])
    if found is None:
        raise AdminError(404, "not_found", f"no advance ship notice with id {req.path_params['id']!r}")
    seller, asn = found
    with refusals():
        step(seller, asn)
    received = notices.receiving_view(asn) if asn["status"] in (notices.UNPACKING, notices.COMPLETED) else None
    return Reply({"advanceShipNotice": notices.view(asn, req.base_url), "receivingState": received}, 200)


@ADMIN.route("POST", BASE + "/arrive")
def arrive(req: Request) -> Reply:
    return _act(req, lambda seller, asn: warehouse.arrive(req.world, seller, asn))


@ADMIN.route("POST", BASE + "/receive")
def receive(req: Request) -> Reply:
    body = json_object(req)

    def count(seller: str, asn: dict[str, Any]) -> None:
        # Checked in full before anything is written: a refusal leaves the count as it was.
        warehouse.expect(asn, notices.UNPACKING, "receive")
        counts = warehouse.parse_counts(body, asn, set(products.of_seller(req.world, seller)))
        warehouse.receive(req.world, seller, asn, counts)

    return _act(req, count)


@ADMIN.route("POST", BASE + "/complete")
def complete(req: Request) -> Reply:
    return _act(req, lambda seller, asn: warehouse.complete(req.world, seller, asn))


@ADMIN.route("POST", "/warehouse/orders/{id}/pack")
def pack(req: Request) -> Reply:
    return _drive(req, outbound.PACKED)


@ADMIN.route("POST", "/warehouse/orders/{id}/ship")
def ship(req: Request) -> Reply:
    return _drive(req, outbound.SENT)


def _drive(req: Request, target: str) -> Reply:
    order_id = req.path_params["id"]
    order = orders.get(req.world, order_id)
    if order is None or not orders.retained(req.world, order):
        raise AdminError(404, "not_found", f"no checkout form {order_id!r}")
    with refusals():
        journaled = outbound.drive(req.world, order, target)
    return Reply({"checkoutFormId": order_id, "fulfillmentStatus": order["fulfillment"]["status"],
                  "events": journaled, "parcels": parcels.view(req.world, order_id)}, 200)


@ADMIN.route("POST", "/warehouse/stock-losses")
def stock_loss(req: Request) -> Reply:
    body = json_object(req)
    unknown = sorted(set(body) - {"sellerId", "productId", "quantity"})
    seller, product_id, quantity = body.get("sellerId"), body.get("productId"), whole(body.get("quantity"))
    if unknown or not isinstance(seller, str) or not isinstance(product_id, str) or quantity is None or quantity < 1:
        raise AdminError(400, "bad_request", "the body is {\"sellerId\", \"productId\", \"quantity\": a whole "
                         "number ≥ 1}" + (f"; unknown field {unknown[0]!r}" if unknown else ""))
    with refusals():
        entry = warehouse.lose(req.world, seller, product_id, quantity)
    return Reply({"sellerId": seller, "productId": product_id, "quantity": quantity,
                  "sellable": int(entry["sellable"]), "onHold": int(entry["onHold"])}, 201)
