"""Promotion packages of offers: `GET /sale/offers/{offerId}/promo-options`, `POST …/promo-options-modification`
and `GET /sale/offers/promo-options` (every offer of the seller that has a package).

Packages come from the reference dataset (`promotionPackages`: base and extra packages with their cycle). An offer
keeps per marketplace (`_promo`) its base package, extra packages and pending changes:
* CHANGE sets the base package (replacing another) or adds an extra one, valid from now, next cycle after the
  package's `cycleDuration`;
* REMOVE_NOW drops the package; REMOVE_WITH_END_OF_CYCLE keeps it until its next cycle (`validTo`).
An unknown package id (or a package of the other type) is a 422."""

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
