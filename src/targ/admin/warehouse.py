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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from targ.admin import ADMIN
from targ.admin.core import json_object
from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment import products, warehouse
from targ.allegro.fulfillment.warehouse import WarehouseRefusal
from targ.http.errors import AdminError
from targ.http.request import Reply
from targ.http.routes import PlainRequest

BASE = "/warehouse/advance-ship-notices/{id}"


def _act(req: PlainRequest, step: Callable[[str, dict[str, Any]], None]) -> Reply:
    found = notices.load(req.world, req.path_params["id"])
    if found is None:
        raise AdminError(404, "not_found", f"no advance ship notice with id {req.path_params['id']!r}")
    seller, asn = found
    try:
        step(seller, asn)
    except WarehouseRefusal as exc:
        raise AdminError(exc.status, exc.key, exc.message) from None
    received = notices.receiving_view(asn) if asn["status"] in (notices.UNPACKING, notices.COMPLETED) else None
    return Reply({"advanceShipNotice": notices.view(asn, req.base_url), "receivingState": received}, 200)


@ADMIN.route("POST", BASE + "/arrive")
def arrive(req: PlainRequest) -> Reply:
    return _act(req, lambda seller, asn: warehouse.arrive(req.world, seller, asn))


@ADMIN.route("POST", BASE + "/receive")
def receive(req: PlainRequest) -> Reply:
    body = json_object(req)

    def count(seller: str, asn: dict[str, Any]) -> None:
        # Checked in full before anything is written: a refusal leaves the count as it was.
        warehouse.expect(asn, notices.UNPACKING, "receive")
        counts = warehouse.parse_counts(body, asn, set(products.of_seller(req.world, seller)))
        warehouse.receive(req.world, seller, asn, counts)

    return _act(req, count)


@ADMIN.route("POST", BASE + "/complete")
def complete(req: PlainRequest) -> Reply:
    return _act(req, lambda seller, asn: warehouse.complete(req.world, seller, asn))
