"""Which of a seller's offers a campaign lists, and whether each meets the campaign's conditions, now.

Computed from the offer as it is at the clock's time (nothing stored), so an offer becomes eligible or not as its
price, stock or status change. Sources: docs/behaviour.md, "AlleDiscount".

Listed (`GET /sale/alle-discount/{campaignId}/eligible-offers`): "Only offer linked to the product in published list
of goods (products) can be submitted" (the spec). A campaign's list of goods is Allegro's published catalogue (the
LISTED products, owner ""); a product a seller proposed is in no campaign's list. The offer must also be a live Buy
Now listing on the campaign's marketplace (ACTIVE; the base marketplace, or an additional one where its publication
is APPROVED), the Buy Now format being one of the conditions Allegro states for AlleObniżka. An offer that is not
listed has the reason a participation of it is DECLINED with (`unlisted`).

Conditions (`campaignConditions.violations`, the spec's codes):
* OFFER_PRICE_VERIFICATION_IN_PROGRESS: the offer has had a price on the marketplace for less than a day; its
  `basePrice` is null ("we are still gathering the information about the offer price");
* NOT_ENOUGH_STOCK: fewer units than the campaign's minimum;
* VAT_INVOICE_REQUIRED: `payments.invoice` is not VAT;
* NOT_NEW_OFFER: the offer's "Stan" (condition) is not "Nowy".

`basePrice` is the lowest price of the last 30 days (targ.allegro.offers.prices); `requiredMerchantPrice` is the base
price less the campaign's required reduction, rounded down to the grosz: the highest price a submission may propose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING

from targ.allegro.allediscount.campaigns import Campaign
from targ.allegro.offers import model, prices
from targ.allegro.offers.documents import OfferView
from targ.allegro.products.catalog import CONDITION, NEW, PRODUCT_KIND, PUBLIC
from targ.allegro.products.parameters import values_of

if TYPE_CHECKING:
    from targ.world import World

CENT = Decimal("0.01")
PRICE_VERIFICATION_MS = 86_400_000        # a day: targ's choice, no source gives the vendor's time
PRICE_VERIFICATION = "OFFER_PRICE_VERIFICATION_IN_PROGRESS"
NOT_ENOUGH_STOCK = "NOT_ENOUGH_STOCK"
VAT_INVOICE_REQUIRED = "VAT_INVOICE_REQUIRED"
NOT_NEW_OFFER = "NOT_NEW_OFFER"
PRODUCT_NOT_IN_CAMPAIGN = "PRODUCT_NOT_IN_CAMPAIGN"
NOT_VISIBLE = "OFFER_NOT_VISIBLE_ON_CAMPAIGN_MARKETPLACE"


@dataclass
class Assessment:
    """An offer against a campaign, now."""

    offer_id: str
    product_id: str | None
    unlisted: str | None = None               # why the campaign does not list it (a participation error code)
    base_price: Decimal | None = None
    required_price: Decimal | None = None
    violations: list[str] = field(default_factory=list)

    @property
    def meets_conditions(self) -> bool:
        return self.unlisted is None and not self.violations


def in_goods_list(world: World, product_id: str | None) -> bool:
    """The campaign's list of goods: Allegro's published catalogue."""
    if not product_id:
        return False
    doc = world.store.peek(PRODUCT_KIND, product_id)
    return doc is not None and doc.owner == PUBLIC and \
        (doc.data.get("publication") or {}).get("status") == "LISTED"


def visible_on(offer: OfferView, marketplace: str) -> bool:
    if model.base_marketplace(offer) == marketplace:
        return True
    extra = (offer.get("additionalMarketplaces") or {}).get(marketplace) or {}
    return (extra.get("publication") or {}).get("state") == "APPROVED"


def assess(world: World, campaign: Campaign, offer: OfferView) -> Assessment:
    product_id = model.first_product_id(offer)
    out = Assessment(str(offer["id"]), product_id)
    selling = offer.get("sellingMode") or {}
    if not in_goods_list(world, product_id):
        out.unlisted = PRODUCT_NOT_IN_CAMPAIGN
    elif model.status_of(offer) != "ACTIVE" or selling.get("format", "BUY_NOW") != "BUY_NOW" \
            or not visible_on(offer, campaign.marketplace) \
            or campaign.marketplace not in prices.prices_by_marketplace(offer):
        out.unlisted = NOT_VISIBLE
    if out.unlisted is not None:
        return out
    now = world.clock.now_ms()
    since = prices.priced_since(offer, campaign.marketplace)
    if since is None or now - since < PRICE_VERIFICATION_MS:
        out.violations.append(PRICE_VERIFICATION)
    else:
        out.base_price = prices.lowest(offer, campaign.marketplace, now)
    if out.base_price is not None:
        factor = (Decimal(100) - campaign.terms.required_reduction) / 100
        out.required_price = (out.base_price * factor).quantize(CENT, ROUND_DOWN)
    if int((offer.get("stock") or {}).get("available") or 0) < campaign.terms.minimum_stock:
        out.violations.append(NOT_ENOUGH_STOCK)
    if (offer.get("payments") or {}).get("invoice") != "VAT":
        out.violations.append(VAT_INVOICE_REQUIRED)
    if values_of(offer.get("parameters"), CONDITION) != [NEW]:
        out.violations.append(NOT_NEW_OFFER)
    return out


def listed(world: World, seller_id: str, campaign: Campaign) -> list[Assessment]:
    """The seller's offers the campaign lists, in the order they were created."""
    found = []
    for doc in world.store.scan(model.OFFER_KIND, seller_id):
        assessment = assess(world, campaign, doc.data)
        if assessment.unlisted is None:
            found.append(assessment)
    return found
