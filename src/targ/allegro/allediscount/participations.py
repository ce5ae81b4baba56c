"""Offer participations in AlleDiscount campaigns: created by a successful submit command, verified, shown by
`GET /sale/alle-discount/{campaignId}/submitted-offers`, ended by a withdraw command or the campaign's end, and
giving the offer its campaign price while ACTIVE. Sources: docs/behaviour.md, "AlleDiscount".

Stored as docs of kind `alle-discount-participation` (id = the participation id, owner = the seller, alt = the offer
id). The status the vendor defines:

* VERIFICATION: just created; verified `jobDelay` later (a job) against the campaign's conditions as they are then
  (targ.allegro.allediscount.eligibility): DECLINED with `process.errors` (the spec's codes: PRODUCT_NOT_IN_CAMPAIGN,
  OFFER_NOT_VISIBLE_ON_CAMPAIGN_MARKETPLACE, CURRENCY_NOT_SUPPORTED, TOO_HIGH_PROPOSED_PRICE, and a condition's
  violation code when the offer does not meet it), else ACCEPTED;
* ACCEPTED until the campaign's publication starts, ACTIVE during it ("price on the platform is lowered"), FINISHED
  once it ends or when withdrawn. These follow the clock: the stored status says ACCEPTED, the publication window
  (kept on the participation) says which of the three it is now.

Prices: `proposedPrice` as submitted; `minimalPriceReduction` = the campaign's guaranteed discount of it, rounded half
up to the grosz, in the campaign's currency; `maximumSellingPrice` = the proposed price less that reduction: the
spec's ACCEPTED example (81.00, 8.10, 72.90). What a buyer pays for the offer while its participation is ACTIVE on
the order's marketplace is `maximumSellingPrice` (`campaign_price`).

"There can be only one submission for offer in one AlleDiscount campaign": while an offer's participation is live
(VERIFICATION, ACCEPTED, ACTIVE) a new submission fails; once it is DECLINED or FINISHED, a new one replaces it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.allediscount import campaigns, eligibility
from targ.allegro.allediscount.campaigns import Campaign
from targ.allegro.offers import model
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from collections.abc import Mapping

    from targ.store.base import Job
    from targ.world import World

PARTICIPATION_KIND = "alle-discount-participation"
VERIFY_JOB = "allegro.alle-discount.verify"
CENT = Decimal("0.01")
LIVE = frozenset({"VERIFICATION", "ACCEPTED", "ACTIVE"})


def money(amount: Decimal, currency: str) -> Json:
    return {"amount": str(amount.quantize(CENT)), "currency": currency}


def status(participation: Mapping[str, Any], now_ms: int) -> str:
    """The participation's status at `now_ms`."""
    stored = participation["status"]
    if stored != "ACCEPTED":
        return str(stored)
    start, end = participation["_publication"]
    if now_ms >= end:
        return "FINISHED"
    return "ACTIVE" if now_ms >= start else "ACCEPTED"


def of_offer(world: World, seller_id: str, offer_id: str) -> list[Json]:
    return [doc.data for doc in world.store.find(PARTICIPATION_KIND, seller_id, alt=str(offer_id))]


def in_campaign(world: World, seller_id: str, campaign_id: str) -> list[Json]:
    """The seller's participations in the campaign, in the order they were submitted."""
    return [doc.data for doc in world.store.find(PARTICIPATION_KIND, seller_id)
            if doc.data["campaign"]["id"] == campaign_id]


def live_offers(world: World, seller_id: str, campaign_id: str) -> set[str]:
    """The offers with a live participation in the campaign: one read for a whole list."""
    now = world.clock.now_ms()
    return {p["offer"]["id"] for p in in_campaign(world, seller_id, campaign_id) if status(p, now) in LIVE}


def live_in(world: World, seller_id: str, campaign_id: str, offer_id: str) -> Json | None:
    now = world.clock.now_ms()
    return next((p for p in of_offer(world, seller_id, offer_id)
                 if p["campaign"]["id"] == campaign_id and status(p, now) in LIVE), None)


def get(world: World, participation_id: str) -> tuple[str, Json] | None:
    """(owner, participation), None when no seller has one of that id."""
    doc = world.store.get_doc(PARTICIPATION_KIND, participation_id)
    return (doc.owner, doc.data) if doc is not None else None


def create(world: World, seller_id: str, campaign: Campaign, offer_id: str, proposed: Json) -> Json:
    """A new participation in VERIFICATION (replacing a DECLINED or FINISHED one of the same offer and campaign),
    verified `jobDelay` later."""
    for old in of_offer(world, seller_id, offer_id):
        if old["campaign"]["id"] == campaign.id:
            world.store.delete(PARTICIPATION_KIND, old["participationId"])
    amount = Decimal(str(proposed["amount"]))
    reduction = (amount * campaign.terms.guaranteed_discount / 100).quantize(CENT, ROUND_HALF_UP)
    participation: Json = {
        "participationId": world.ids.uuid(PARTICIPATION_KIND),
        "offer": {"id": offer_id},
        "campaign": {"id": campaign.id},
        "prices": {"proposedPrice": {"amount": str(proposed["amount"]), "currency": str(proposed["currency"])},
                   "minimalPriceReduction": money(reduction, campaign.currency),
                   "maximumSellingPrice": money(amount - reduction, campaign.currency)},
        "status": "VERIFICATION",
        "errors": [],
        "purchaseLimit": campaign.terms.purchase_limit,
        "_marketplace": campaign.marketplace,
        "_publication": list(campaign.publication),
    }
    world.store.insert(PARTICIPATION_KIND, participation["participationId"], participation, owner=seller_id,
                       alt=offer_id)
    world.schedule(VERIFY_JOB, world.config.ms("jobDelay"), {"participation": participation["participationId"]},
                   owner=seller_id)
    return participation


def verdict(world: World, campaign: Campaign, participation: Json) -> list[str]:
    """Why the participation is declined (the spec's participation error codes), empty when it is accepted."""
    doc = world.store.get_doc(model.OFFER_KIND, participation["offer"]["id"])
    if doc is None:
        return [eligibility.PRODUCT_NOT_IN_CAMPAIGN]
    assessment = eligibility.assess(world, campaign, doc.data)
    if assessment.unlisted is not None:
        return [assessment.unlisted]
    errors = list(assessment.violations)
    proposed = participation["prices"]["proposedPrice"]
    if proposed["currency"] != campaign.currency:
        errors.append("CURRENCY_NOT_SUPPORTED")
    elif assessment.required_price is not None and Decimal(proposed["amount"]) > assessment.required_price:
        errors.append("TOO_HIGH_PROPOSED_PRICE")
    return errors


@runs(VERIFY_JOB)
def _verify(world: World, job: Job) -> None:
    doc = world.store.get_doc(PARTICIPATION_KIND, str(job.payload["participation"]))
    if doc is None or doc.data["status"] != "VERIFICATION":
        return                                          # replaced or withdrawn meanwhile
    participation = doc.data
    campaign = campaigns.find(world, participation["campaign"]["id"])
    found = [eligibility.PRODUCT_NOT_IN_CAMPAIGN] if campaign is None else verdict(world, campaign, participation)
    participation["status"] = "DECLINED" if found else "ACCEPTED"
    participation["errors"] = [{"code": code, "message": code} for code in found]
    world.store.put(PARTICIPATION_KIND, doc.id, participation, owner=doc.owner, alt=doc.alt)


def withdraw(world: World, owner: str, participation: Json) -> None:
    participation["status"] = "FINISHED"
    world.store.put(PARTICIPATION_KIND, participation["participationId"], participation, owner=owner,
                    alt=participation["offer"]["id"])


def view(participation: Mapping[str, Any], now_ms: int) -> Json:
    """AlleDiscountSubmittedOfferDto."""
    return {"participationId": participation["participationId"], "offer": dict(participation["offer"]),
            "campaign": dict(participation["campaign"]), "prices": participation["prices"],
            "process": {"status": status(participation, now_ms), "errors": list(participation["errors"])},
            "purchaseLimit": participation["purchaseLimit"]}


def campaign_price(world: World, seller_id: str, offer_id: str, marketplace: str) -> Json | None:
    """What a buyer pays for one unit of the offer on `marketplace` now, when a participation of it is ACTIVE there:
    its `maximumSellingPrice`."""
    now = world.clock.now_ms()
    for participation in of_offer(world, seller_id, offer_id):
        if participation["_marketplace"] == marketplace and status(participation, now) == "ACTIVE":
            price: Json = participation["prices"]["maximumSellingPrice"]
            return price
    return None
