"""`GET /billing/billing-entries` (getBillingEntries): the seller's billing account, newest first (the spec), with
its filters. `type.name` in English unless `Accept-Language: pl-PL` (the spec: "By default a message in English is
returned"). Rules in targ.allegro.money.billing."""

from __future__ import annotations

from targ.allegro import messages
from targ.allegro.money import billing, errors
from targ.allegro.money.listing import page, time_bounds, within
from targ.allegro.orders.access import seller_id
from targ.allegro.sellers import MARKETPLACES, get_seller
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getBillingEntries")
def entries(req: Request) -> Reply:
    seller = seller_id(req)
    low, high = time_bounds(req)
    account = get_seller(req.world, seller) or {}
    # "By default the marketplace ID where the user is registered."
    marketplace = req.param("marketplaceId") or (account.get("baseMarketplace") or {}).get("id", "allegro-pl")
    if marketplace not in MARKETPLACES:
        raise errors.invalid("marketplace", "marketplaceId", marketplace=str(marketplace))
    types = req.param("type.id")
    wanted = {str(t) for t in (types if isinstance(types, list) else [types])} if types else None
    offer_id, order_id = req.param("offer.id"), req.param("order.id")
    found = [e for e in billing.entries(req.world, seller)
             if e["_targ"]["marketplace"] == marketplace and within(e["_targ"]["ms"], low, high)
             and (wanted is None or e["type"]["id"] in wanted)
             and (offer_id is None or (e.get("offer") or {}).get("id") == offer_id)
             and (order_id is None or (e.get("order") or {}).get("id") == order_id)]
    # Type names in English unless Polish is asked for (the spec: "By default a message in English is returned"; the
    # request's language is Polish when no Accept-Language is sent).
    polish = req.language == messages.DEFAULT and bool(req.headers.get("accept-language"))
    with messages.speaking(messages.DEFAULT if polish else messages.ENGLISH):
        shown = [billing.view(e) for e in page(req, found, default_limit=100)]
    return Reply({"billingEntries": shown})
