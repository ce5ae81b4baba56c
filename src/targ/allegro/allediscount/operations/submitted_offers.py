"""`GET /sale/alle-discount/{campaignId}/submitted-offers` (getOffersSubmittedToAlleDiscount): the seller's
participations in the campaign, live and not ("This list contains all active and non active offer
participations"), with their status now; `offset`/`limit`, `offerId` and `participationId` filters."""

from __future__ import annotations

from targ.allegro.allediscount import campaigns, participations
from targ.allegro.allediscount.operations import offer_filter, page, seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getOffersSubmittedToAlleDiscount")
def submitted_offers(req: Request) -> Reply:
    world, seller = req.world, seller_id(req)
    offset, limit = page(req)
    wanted = offer_filter(req)
    campaign = campaigns.get(world, str(req.param("campaignId")))
    found = participations.in_campaign(world, seller, campaign.id)
    if wanted is not None:
        found = [p for p in found if p["offer"]["id"] == wanted]
    participation_id = req.param("participationId")
    if participation_id is not None:
        found = [p for p in found if p["participationId"] == str(participation_id)]
    now = world.clock.now_ms()
    shown = [participations.view(p, now) for p in found[offset:offset + limit]]
    return Reply({"submittedOffers": shown, "count": len(shown), "totalCount": len(found)})
