"""An AlleDiscount campaign as the rules need it: the dataset's campaign (the very one `GET
/sale/alle-discount/campaigns` lists, targ.allegro.catalog.campaigns) with its windows in clock time and the terms
its type sets.

The spec defines two types: SOURCING, "no additional requirements", and DISCOUNT, which "requires price lower than
the lowest from 30 days, created badge has crossed out price". What the terms are in numbers, and their sources
(docs/behaviour.md, "AlleDiscount"):

* `required_reduction`: how far below the base price (the lowest price of the last 30 days) the seller's price must
  go. DISCOUNT 10 %: "merchants must reduce the offer price by at least 10% from the lowest price in the past 30
  days" (the Allegro Days AlleObniżka terms of June 2023, as reported); SOURCING 0 % ("no additional requirements";
  the spec's example offer whose `requiredMerchantPrice` equals its `basePrice`).
* `guaranteed_discount`: the reduction Allegro adds on top (`minimumGuaranteedDiscount`, `minimalPriceReduction`):
  DISCOUNT 10.00 % (the spec's ACCEPTED participation: 8.10 off a proposed 81.00), SOURCING 6.00 % (the spec's
  eligible-offer example with equal base and required prices).
* `minimum_stock` (NOT_ENOUGH_STOCK) and `purchase_limit`: no source gives the vendor's numbers; targ requires 5
  units and shows the spec's example limit, 20.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from targ.allegro.allediscount import errors
from targ.allegro.catalog.campaigns import alle_discount_campaigns
from targ.allegro.sellers import MARKETPLACES
from targ.clock import parse_time

if TYPE_CHECKING:
    from targ.json_types import Json
    from targ.world import World


@dataclass(frozen=True)
class Terms:
    required_reduction: Decimal       # percent below the base price
    guaranteed_discount: Decimal      # percent Allegro takes off the proposed price
    minimum_stock: int
    purchase_limit: int


TERMS = {
    "DISCOUNT": Terms(Decimal("10"), Decimal("10.00"), 5, 20),
    "SOURCING": Terms(Decimal("0"), Decimal("6.00"), 5, 20),
}


@dataclass(frozen=True)
class Campaign:
    id: str
    type: str
    marketplace: str
    application: tuple[int, int]      # [from, to) in clock ms: open for offer submission
    publication: tuple[int, int]      # [from, to): the reduced price is shown, participations are ACTIVE
    terms: Terms

    @property
    def currency(self) -> str:
        return MARKETPLACES[self.marketplace]

    def open_for_submission(self, now_ms: int) -> bool:
        return self.application[0] <= now_ms < self.application[1]


def _window(spec: Json) -> tuple[int, int]:
    return parse_time(spec["from"]), parse_time(spec["to"])


def find(world: World, campaign_id: str) -> Campaign | None:
    """The current campaign of that id (listed by `GET /sale/alle-discount/campaigns`), None if there is none."""
    for c in alle_discount_campaigns(world):
        if c["id"] == campaign_id:
            return Campaign(c["id"], c["type"], c["marketplace"]["id"], _window(c["application"]),
                            _window(c["publication"]), TERMS[c["type"]])
    return None


def get(world: World, campaign_id: str) -> Campaign:
    """The campaign a list names in its path: 404 CampaignNotFound when there is none."""
    campaign = find(world, campaign_id)
    if campaign is None:
        raise errors.campaign_not_found()
    return campaign
