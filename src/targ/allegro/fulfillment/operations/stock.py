"""`GET /fulfillment/stock` (JSON or CSV) and `GET /fulfillment/available-products`.

Stock filters (spec and seed 003): `phrase` (in the product name, any case), `productId`, `productAvailability`
(ORed: UNAVAILABLE = nothing available, LOW = available but LOW_STOCK, SUFFICIENT = the rest), `productStatus`
UNFULFILLABLE (units on hold), `asnStatus` (SUBMITTED: a notice with the product is on its way; NOT_FOUND: none is),
`outOfStockInFrom/To` (rows without a prediction drop out), and the guide's `storageFee` (FREE, PAID,
TO_BE_PAID_SOON; not in the spec's parameters, read from the query). Sorting: every `sort` value of the spec, ties by
name then product id; `reserve` puts rows with nothing available or NOT_ENOUGH_DATA first, `storageFee` follows the
guide's order (no stock, free, to be paid soon, charged by gross amount).

`Accept: text/csv` answers the same rows as a CSV file with the guide's columns, every field quoted; as the spec
says, `offset`, `limit`, `sort` and `productId` are ignored for CSV (all rows, by name)."""

from __future__ import annotations

from targ.allegro.fulfillment import products
from targ.allegro.fulfillment.common import page
from targ.allegro.fulfillment.operations.caller import negotiated, seller_id
from targ.allegro.fulfillment.stock import rows
from targ.allegro.fulfillment.stock_listing import CSV, _csv, ordered, select
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getFulfillmentStock")
def get_stock(req: Request) -> Reply:
    seller = seller_id(req)
    media = negotiated(req)
    found = select(req, rows(req.world, seller), for_csv=media == CSV)
    if media == CSV:
        return Reply(_csv(ordered(found, "name"), req.world.clock.now_ms()), 200, media_type=CSV)
    shown = page(ordered(found, req.params.get("sort") or "name"), req.params.get("offset", 0),
                 req.params.get("limit", 50))
    return Reply({"stock": [r.view() for r in shown], "count": len(shown), "totalCount": len(found)})


@handler("allegro", "getAvailableProducts")
def get_available_products(req: Request) -> Reply:
    """Products of the seller's One Fulfillment offers, by name (seed 003)."""
    found = sorted(products.of_seller(req.world, seller_id(req)).values(), key=lambda p: (p.name.casefold(), p.id))
    shown = page(found, req.params.get("offset", 0), req.params.get("limit", 50))
    return Reply({"products": [p.view() for p in shown], "count": len(shown), "totalCount": len(found)})
