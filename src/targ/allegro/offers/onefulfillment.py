"""One Fulfillment offer rules (seed 003, "Jak wystawić ofertę"), enforced when an offer uses a One Fulfillment
shipping-rate set ("One Fulfillment PL" / "One Fulfillment International", which the settings engine predefines for
sellers with the ONE_FULFILLMENT feature).

Each rule is refused with its own error: a `ConstraintViolationException.OneFulfillment…` code (the family the
vendor's offer validation uses, e.g. `ConstraintViolationException.ValidReturnPolicy`), an English `message`, the
offending field's `path` and a `userMessage` in the request's language (texts.py). Only one text is the vendor's
own, the dispatch address (allegro-api#13230); the others are targ's wording of the guide. The account and token
prerequisites are checked first: a seller without the feature gets 403 `OneFulfillmentNotAvailable`, a token
without the fulfillment scopes the vendor's 403 `AccessDenied`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.tree import one_fulfillment_allowed
from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.offers import model, references
from targ.allegro.offers.documents import OfferView
from targ.allegro.products import model as products
from targ.allegro.products import parameters as params
from targ.allegro.products.catalog import CONDITION, NEW
from targ.allegro.resources.references import BOUND
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.allegro.offers.draft import Draft
    from targ.allegro.offers.model import Seller
    from targ.world import World

SET_NAMES = references.ONE_FULFILLMENT_SETS
SCOPES = ("allegro:api:fulfillment:read", "allegro:api:fulfillment:write")
FEATURE = "ONE_FULFILLMENT"
WAREHOUSE = {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Adamów 50", "postCode": "05-825"}


@dataclass(frozen=True)
class Rule:
    """A rule and the field it names; its texts are `onefulfillment.<code>` of the message catalogue (texts.py)."""

    code: str
    path: str | None

    def error(self, path: str | None = None, **metadata: str) -> AllegroError:
        return AllegroError(422, f"ConstraintViolationException.OneFulfillment{self.code}", path=path or self.path,
                            user_key=f"onefulfillment.{self.code}", metadata=metadata or None)


RULES = {r.code: r for r in (
    Rule("ProductRequired", "productSet"),
    Rule("BuyNowOnly", "sellingMode.format"),
    Rule("ConditionNew", "parameters"),
    Rule("EanRequired", "parameters"),
    Rule("ProductWithoutEan", "productSet[0].product.id"),
    Rule("EanMismatch", "parameters"),
    Rule("InitialStock", "stock.available"),
    Rule("HandlingTime", "delivery.handlingTime"),
    Rule("AdditionalInfo", "delivery.additionalInfo"),
    Rule("Location", "location"),
    Rule("Category", "category.id"),
    Rule("Invoice", "payments.invoice"),
    Rule("VatRate", "taxSettings.rates"),
    Rule("OneOfferPerProduct", "productSet[0].product.id"),
    Rule("Republish", "publication.republish"),
    Rule("PreSale", "delivery.shipmentDate"),
    Rule("AdditionalServices", "additionalServices"),
    Rule("StockChange", "stock.available"),
    Rule("ProductChange", "productSet"),
)}


def _rates_ref(offer: Json) -> Json:
    rates = (offer.get("delivery") or {}).get("shippingRates")
    return rates if isinstance(rates, dict) else {}


def is_one_fulfillment_set(world: World, rates_id: str | None) -> bool:
    doc = world.store.get(BOUND[references.SHIPPING_RATES].kind, str(rates_id)) if rates_id else None
    return bool(doc and (doc.get("features") or {}).get("managedByAllegro") and doc.get("name") in SET_NAMES)


def wants_one_fulfillment(world: World, offer: Json) -> bool:
    """Whether the body asks for One Fulfillment: it names a One Fulfillment set, by name or by id."""
    ref = _rates_ref(offer)
    return ref.get("name") in SET_NAMES or is_one_fulfillment_set(world, ref.get("id"))


def check_access(seller: Seller) -> None:
    """The account and token prerequisites (the guide; allegro-behaviour.md §6)."""
    if FEATURE not in seller.features:
        raise AllegroError(403, "OneFulfillmentNotAvailable",
                           "The seller's account is not enabled for One Fulfillment by Allegro.",
                           path="delivery.shippingRates", user_message="Twoje konto nie korzysta z One Fulfillment.")
    missing = [s for s in SCOPES if s not in seller.scopes]
    if missing:
        denied = access_denied()
        denied.problems[0].metadata = {"missingScopes": " ".join(missing)}
        raise denied


def check(world: World, seller: Seller, offer: OfferView, draft: Draft, *, creating: bool) -> None:
    """Every offer rule of the guide, in the guide's order; the first broken one answers."""
    def fail(code: str, path: str | None = None, **metadata: str) -> AllegroError:
        return RULES[code].error(path, **metadata)

    product = draft.products.get(0)
    if product is None:
        raise fail("ProductRequired")
    if (offer.get("sellingMode") or {}).get("format", "BUY_NOW") != "BUY_NOW":
        raise fail("BuyNowOnly")
    if params.values_of(offer.get("parameters"), CONDITION) != [NEW]:
        raise fail("ConditionNew")
    product_eans = products.gtins(product)
    own_eans = [products.digits(v) for v in params.values_of(offer.get("parameters"), params.GTIN_PARAMETER)]
    if not product_eans:
        raise fail("ProductWithoutEan" if product.get("id") else "EanRequired")
    if own_eans and any(e.lstrip("0") not in [p.lstrip("0") for p in product_eans] for e in own_eans):
        raise fail("EanMismatch")
    stock = offer.get("stock") or {}
    if creating and int(stock.get("available") or 0) != 0:
        raise fail("InitialStock")
    if creating and stock.get("unit", "UNIT") != "UNIT":
        raise fail("InitialStock", "stock.unit")
    delivery = offer.get("delivery") or {}
    if delivery.get("handlingTime") != "PT24H":
        raise fail("HandlingTime")
    if delivery.get("additionalInfo"):
        raise fail("AdditionalInfo")
    location = offer.get("location") or {}
    if {k: location.get(k) for k in WAREHOUSE} != WAREHOUSE:
        raise fail("Location")
    if not one_fulfillment_allowed(offer["category"]["id"]):
        raise fail("Category")
    if (offer.get("payments") or {}).get("invoice") != "VAT":
        raise fail("Invoice")
    if not any(r.get("rate") for r in (offer.get("taxSettings") or {}).get("rates") or ()):
        raise fail("VatRate")
    _one_offer_per_product(world, seller, offer, product, fail)
    if (offer.get("publication") or {}).get("republish"):
        raise fail("Republish")
    if delivery.get("shipmentDate"):
        raise fail("PreSale")
    if (offer.get("additionalServices") or {}).get("id") or (offer.get("additionalServices") or {}).get("name"):
        raise fail("AdditionalServices")


def _one_offer_per_product(world: World, seller: Seller, offer: OfferView, product: Json, fail: Any) -> None:
    if not product.get("id"):
        return  # a product proposed with this offer has no other offer yet
    for doc in world.store.find(model.OFFER_KIND, seller.id):
        other = doc.data
        if other["id"] != offer["id"] and model.is_one_fulfillment(other) \
                and model.first_product_id(other) == product["id"]:
            raise fail("OneOfferPerProduct", offerId=other["id"])


def check_patch(offer: OfferView, body: Json) -> None:
    """What a One Fulfillment offer's owner may not change (the guide, "Jak zarządzać ofertą")."""
    if "productSet" in body:
        raise RULES["ProductChange"].error()
    wanted = (body.get("stock") or {}).get("available")
    if wanted is not None and wanted != (offer.get("stock") or {}).get("available"):
        raise RULES["StockChange"].error()
