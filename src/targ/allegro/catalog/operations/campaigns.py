"""The operations (badgeCampaigns_get_all, getAlleDiscountCampaigns, searchFundraisingCampaigns); what they do, the
vendor's rules and their sources: `targ.allegro.catalog.campaigns`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.handlers import handler
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    pass

from targ.allegro.catalog.campaigns import alle_discount_campaigns, badge_campaigns, campaign_window


@handler("allegro", "badgeCampaigns_get_all", backing="dataset")
def list_badge_campaigns(req: Request) -> Reply:
    marketplace = req.param("marketplace.id")
    out = []
    for c in badge_campaigns(req.world):
        if marketplace is not None and c["marketplace"]["id"] != marketplace:
            continue
        out.append({**c, **{k: campaign_window(req.world, c[k]) for k in ("application", "visibility", "publication")}})
    return Reply({"badgeCampaigns": out})


@handler("allegro", "getAlleDiscountCampaigns", backing="dataset")
def list_alle_discount_campaigns(req: Request) -> Reply:
    wanted = req.param("campaignId")
    campaigns = [c for c in alle_discount_campaigns(req.world) if wanted is None or c["id"] == wanted]
    return Reply({"alleDiscountCampaigns": campaigns})


@handler("allegro", "searchFundraisingCampaigns", backing="dataset")
def search_fundraising(req: Request) -> Reply:
    """Campaigns whose name or organisation name starts with the phrase (any word of it, case-insensitive)."""
    phrase = (req.param("phrase") or "").strip().lower()

    def matches(text: str) -> bool:
        text = text.lower()
        return text.startswith(phrase) or any(word.startswith(phrase) for word in text.split())

    found = [c for c in load(REFERENCE)["fundraisingCampaigns"]
             if phrase and (matches(c["name"]) or matches(c["organization"]["name"]))]
    return Reply({"campaigns": found[:req.param("limit")]})
