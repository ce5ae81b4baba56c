"""The operations (getOfferPromoOptionsUsingGET, modifyOfferPromoOptionsUsingPOST,
getPromoOptionsForSellerOffersUsingGET); what they do, the vendor's rules and their sources:
`targ.allegro.offers.promo`."""

from __future__ import annotations

from targ.allegro.errors import AllegroError
from targ.allegro.offers import model
from targ.allegro.offers.promo import change, view
from targ.allegro.sellers import MARKETPLACES
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getOfferPromoOptionsUsingGET")
def read(req: Request) -> Reply:
    """An unknown offer is the vendor's 404, although the operation documents none (every offer path answers so)."""
    seller = model.seller(req)
    return Reply(view(model.owned(req, seller.id)))


@handler("allegro", "modifyOfferPromoOptionsUsingPOST")
def modify(req: Request) -> Reply:
    seller = model.seller(req)
    model.owned(req, seller.id)
    owner, before, offer = model.edit(req.world, req.param("offerId"))
    now, body = req.world.clock.now_ms(), req.body or {}
    promo = offer.setdefault("_promo", {})
    base = model.base_marketplace(offer)
    for i, modification in enumerate(body.get("modifications") or ()):
        change(promo.setdefault(base, {}), modification, now, f"modifications[{i}]")
    for i, extra in enumerate(body.get("additionalMarketplaces") or ()):
        marketplace = extra.get("marketplaceId")
        if marketplace not in MARKETPLACES or marketplace not in (offer.get("additionalMarketplaces") or {}):
            raise AllegroError(422, "VALIDATION_ERROR", f"The offer is not listed on {marketplace}.",
                               path=f"additionalMarketplaces[{i}].marketplaceId")
        for j, modification in enumerate(extra.get("modifications") or ()):
            change(promo.setdefault(marketplace, {}), modification, now,
                   f"additionalMarketplaces[{i}].modifications[{j}]")
    model.save(req.world, owner, before, offer)
    return Reply(view(offer))


@handler("allegro", "getPromoOptionsForSellerOffersUsingGET")
def list_options(req: Request) -> Reply:
    seller = model.seller(req)
    offers = [d.data for d in req.world.store.find(model.OFFER_KIND, seller.id)
              if any((d.data.get("_promo") or {}).values())]
    offset, limit = int(req.param("offset") or 0), int(req.param("limit") or 5000)
    page = offers[offset:offset + limit]
    return Reply({"promoOptions": [view(o) for o in page], "count": len(page), "totalCount": len(offers)})
