"""The operations (getFulfillmentStock, getAvailableProducts); what they do, the vendor's rules and their sources:
`targ.allegro.fulfillment.stock_listing`."""

from __future__ import annotations

from targ.allegro.fulfillment import products
from targ.allegro.fulfillment.common import page
from targ.allegro.fulfillment.operations.caller import negotiated, seller_id
from targ.allegro.fulfillment.stock import rows
from targ.allegro.fulfillment.stock_listing import CSV, as_csv, ordered, select
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getFulfillmentStock")
def get_stock(req: Request) -> Reply:
    seller = seller_id(req)
    media = negotiated(req)
    found = select(req, rows(req.world, seller), for_csv=media == CSV)
    if media == CSV:
        return Reply(as_csv(ordered(found, "name"), req.world.clock.now_ms()), 200, media_type=CSV)
    shown = page(ordered(found, req.params.get("sort") or "name"), req.params.get("offset", 0),
                 req.params.get("limit", 50))
    return Reply({"stock": [r.view() for r in shown], "count": len(shown), "totalCount": len(found)})


@handler("allegro", "getAvailableProducts")
def get_available_products(req: Request) -> Reply:
    """Products of the seller's One Fulfillment offers, by name (seed 003)."""
    found = sorted(products.of_seller(req.world, seller_id(req)).values(), key=lambda p: (p.name.casefold(), p.id))
    shown = page(found, req.params.get("offset", 0), req.params.get("limit", 50))
    return Reply({"products": [p.view() for p in shown], "count": len(shown), "totalCount": len(found)})
