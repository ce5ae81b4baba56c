"""The stored offer (kind `offer`, id = the offer id, owner = the seller): `GET /sale/product-offers/{id}`'s
SaleProductOfferResponseV1 plus the state model.py describes (the `_` fields and the denormalised ones).

Annotations only: at run time a document is the plain dict the store decodes. Not total, as the vendor's own
schema: a draft holds only what the seller sent (and `id`); `model.save` adds the stamps and denormalised fields.
The vendor's sub-objects stay `Json`: targ keeps them as sent and projects them onto each response schema.
"""

from __future__ import annotations

from typing import Any, Required, TypedDict, cast

from targ.json_types import Json, JsonView


class Offer(TypedDict, total=False):
    # --- SaleProductOfferResponseV1 --------------------------------------------------------------------------------
    id: Required[str]                     # decimal, from FIRST_OFFER_ID
    productSet: list[Json]
    name: str
    category: Json                        # {"id"}
    attachments: list[Json]
    fundraisingCampaign: Json | None
    additionalServices: Json | None
    delivery: Json
    publication: Json
    additionalMarketplaces: dict[str, Json]   # marketplace id → {sellingMode, publication, ...}
    b2b: Json | None
    compatibilityList: Json | None
    language: str
    validation: Json
    warnings: list[Json]
    afterSalesServices: Json | None
    discounts: Json | None
    stock: Json                           # {"available", "unit"}
    parameters: list[Json]
    contact: Json | None
    createdAt: str
    updatedAt: str
    payments: Json
    sellingMode: Json
    location: Json
    images: list[str]
    description: Json
    external: Json | None
    sizeTable: Json | None
    taxSettings: Json | None
    messageToSellerSettings: Json | None
    # --- denormalised by model.save for other areas (orders, fulfillment, the demo view) ---------------------------
    product: Json | None                  # {"id"} of the first product
    ean: str | None
    oneFulfillment: bool
    fulfillment: Json                     # {"provider": "ALLEGRO" | "SELLER"}
    # --- targ's own state, never sent as such (model.py) -----------------------------------------------------------
    _sold: int
    _startedAt: str
    _endedAt: str
    _ending: int                          # the pending end job's marker
    _published: bool
    _activation: int                      # the pending activation job's marker
    _translations: Json
    _promo: Json
    _automation: dict[str, Json]          # marketplace id → price automation rule
    _priceHistory: dict[str, list[list[Any]]]   # marketplace id → [[since_ms, amount], ...] (prices.py)
    _auction: Json                        # an auction's bids and current price (targ.allegro.bidding.auction)


def as_offer(data: JsonView) -> Offer:
    """An `offer` document as the store hands it out (loose JSON), typed: where the offer area takes one in."""
    return cast(Offer, data)


# An offer to read: typed, or as the store hands it out to a scan or a listing (read-only, loose).
OfferView = Offer | JsonView
