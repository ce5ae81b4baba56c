"""`POST /pricing/offer-fee-preview` (calculateFeePreviewUsingPOST) and `GET /pricing/offer-quotes`
(offerQuotesPublicUsingGET). Rules and sources: targ.allegro.money.fees."""

from __future__ import annotations

from typing import Any

import orjson

from targ.allegro.errors import AllegroError
from targ.allegro.money import fees
from targ.allegro.orders.access import seller_id
from targ.allegro.sellers import get_seller
from targ.handlers import handler
from targ.http.request import Reply, Request

# "List of offer Ids, maximum 20 values." (the spec's `offer.id`)
MAX_OFFERS = 20


@handler("allegro", "calculateFeePreviewUsingPOST", backing="dataset")
def fee_preview(req: Request) -> Reply:
    """The fees of the offer as sent, for the asked marketplace or the seller's base one. Nothing is stored."""
    account = get_seller(req.world, seller_id(req)) or {}
    base = (account.get("baseMarketplace") or {}).get("id") or "allegro-pl"
    return Reply(fees.preview(req.body or {}, _sent(req), base))


def _sent(req: Request) -> Any:
    """The body as sent (the pipeline has parsed it already, so it is JSON)."""
    try:
        return orjson.loads(req.raw_body) if req.raw_body.strip() else None
    except orjson.JSONDecodeError:
        return None


@handler("allegro", "offerQuotesPublicUsingGET", backing="derived")
def offer_quotes(req: Request) -> Reply:
    seller = seller_id(req)
    asked = req.param("offer.id")
    ids = [str(i) for i in (asked if isinstance(asked, list) else [asked])]
    if len(set(ids)) > MAX_OFFERS:
        # The operation declares 400 for an invalid request and no 422 (wording *decided*).
        raise AllegroError(400, "VALIDATION_ERROR", path="offer.id", user_key="money.offer_ids",
                           user_params={"count": str(len(set(ids)))})
    quotes = fees.quotes(req.world, seller, ids)
    return Reply({"count": len(quotes), "quotes": quotes})
