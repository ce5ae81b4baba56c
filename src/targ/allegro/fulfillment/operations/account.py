"""The operations (getTaxId, addTaxId, updateTaxId, getFulfillmentRemovalPreferences,
createFulfillmentRemovalPreferences, getRefundDispositionsReport); what they do, the vendor's rules and their sources:
`targ.allegro.fulfillment.account`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.fulfillment.common import error
from targ.allegro.fulfillment.operations.caller import seller_id
from targ.clock import iso, parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    pass

from targ.allegro.fulfillment.account import (
    DAY_MS,
    DISPOSITION_KIND,
    REMOVAL_KIND,
    REPORT_DAYS,
    TAX_KIND,
    Json,
    store_tax_id,
    tax_body,
    tax_not_found,
)


@handler("allegro", "getTaxId")
def get_tax_id(req: Request) -> Reply:
    doc = req.world.store.get(TAX_KIND, seller_id(req))
    if doc is None:
        raise tax_not_found()
    return Reply({"taxId": doc["taxId"], "verificationStatus": doc["verificationStatus"]})


@handler("allegro", "addTaxId")
def add_tax_id(req: Request) -> Reply:
    seller = seller_id(req)
    tax_id = tax_body(req)
    if req.world.store.get(TAX_KIND, seller) is not None:
        raise error(422, "TAX_ID_ALREADY_EXISTS", "tax_id_exists", path="taxId")
    store_tax_id(req, seller, tax_id)
    return Reply(None, 201)


@handler("allegro", "updateTaxId")
def update_tax_id(req: Request) -> Reply:
    seller = seller_id(req)
    tax_id = tax_body(req)
    if req.world.store.get(TAX_KIND, seller) is None:
        raise tax_not_found()
    store_tax_id(req, seller, tax_id)
    return Reply(None, 200)


# --- removal preferences -----------------------------------------------------------------------------------------
@handler("allegro", "getFulfillmentRemovalPreferences")
def get_removal_preferences(req: Request) -> Reply:
    doc = req.world.store.get(REMOVAL_KIND, seller_id(req))
    if doc is None:
        raise error(404, "NOT_FOUND", "removal_not_found")
    return Reply(doc)


@handler("allegro", "createFulfillmentRemovalPreferences")
def put_removal_preferences(req: Request) -> Reply:
    seller = seller_id(req)
    body: Json = dict(req.body or {})
    if body.get("operation") == "WITHDRAWAL" and not body.get("address"):
        raise error(422, "VALIDATION_ERROR", "removal_address", path="address")
    req.world.store.put(REMOVAL_KIND, seller, body, owner=seller)
    return Reply(body, 201)


@handler("allegro", "getRefundDispositionsReport")
def get_refund_dispositions(req: Request) -> Reply:
    seller = seller_id(req)
    now = req.world.clock.now_ms()
    earliest = now - REPORT_DAYS * DAY_MS
    gte = parse_time(req.params["createdAt.gte"]) if req.params.get("createdAt.gte") else earliest
    lte = parse_time(req.params["createdAt.lte"]) if req.params.get("createdAt.lte") else now
    if gte < earliest or gte > lte:
        name = "createdAt.gte" if gte < earliest else "createdAt.lte"
        raise error(422, "CREATED_AT_INVALID", "created_at", {"name": name, "earliest": iso(earliest)},
                    path="/fulfillment/returns/refund-dispositions?createdAt.gte&createdAt.lte",
                    metadata={"minimum": iso(earliest)})
    rows = [d.data for d in req.world.store.find(DISPOSITION_KIND, seller)
            if gte <= parse_time(d.data["createdAt"]) <= lte]
    rows.sort(key=lambda r: parse_time(r["createdAt"]))
    offset, limit = req.params.get("offset", 0), req.params.get("limit", 100)
    return Reply({"report": rows[offset:offset + limit]})
