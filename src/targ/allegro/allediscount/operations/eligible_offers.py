"""`GET /sale/alle-discount/{campaignId}/eligible-offers` (getOffersEligibleForAlleDiscount): the seller's offers the
campaign lists, computed now (targ.allegro.allediscount.eligibility), `offset`/`limit`, `offerId` and
`meetsConditions` filters. Offers with a live participation in the campaign are left out: they cannot be submitted
again."""

from __future__ import annotations

from targ.allegro.allediscount import campaigns, eligibility, participations
from targ.allegro.allediscount.campaigns import Campaign
from targ.allegro.allediscount.eligibility import Assessment
from targ.allegro.allediscount.operations import offer_filter, page, seller_id
from targ.allegro.offers import model
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def view(campaign: Campaign, found: Assessment) -> Json:
    """AlleDiscountEligibleOfferDto. Without a base price there is no required price to show."""
    conditions: Json = {"meetsConditions": found.meets_conditions,
                        "violations": [{"code": code, "message": code} for code in found.violations]}
    discount: Json = {"campaignConditions": conditions}
    if found.required_price is not None:
        discount["requiredMerchantPrice"] = participations.money(found.required_price, campaign.currency)
    discount["minimumGuaranteedDiscount"] = {"percentage": str(campaign.terms.guaranteed_discount)}
    base = participations.money(found.base_price, campaign.currency) if found.base_price is not None else None
    return {"id": found.offer_id, "product": {"id": found.product_id}, "basePrice": base, "alleDiscount": discount}


@handler("allegro", "getOffersEligibleForAlleDiscount", backing="derived")
def eligible_offers(req: Request) -> Reply:
    world, seller = req.world, seller_id(req)
    offset, limit = page(req)
    wanted = offer_filter(req)
    campaign = campaigns.get(world, str(req.param("campaignId")))
    if wanted is not None:
        doc = world.store.peek(model.OFFER_KIND, wanted)
        mine = doc is not None and doc.owner == seller
        found = [eligibility.assess(world, campaign, doc.data)] if mine and doc is not None else []
        found = [a for a in found if a.unlisted is None]
    else:
        found = eligibility.listed(world, seller, campaign)
    submitted = participations.live_offers(world, seller, campaign.id)
    found = [a for a in found if a.offer_id not in submitted]
    if req.param("meetsConditions") is True:
        found = [a for a in found if a.meets_conditions]
    shown = [view(campaign, a) for a in found[offset:offset + limit]]
    return Reply({"eligibleOffers": shown, "count": len(shown), "totalCount": len(found)})
