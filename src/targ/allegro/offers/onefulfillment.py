"""One Fulfillment offer rules (seed 003, "Jak wystawić ofertę"), enforced when an offer uses a One Fulfillment
shipping-rate set ("One Fulfillment PL" / "One Fulfillment International", which the settings engine predefines for
sellers with the ONE_FULFILLMENT feature).

Each rule is refused with its own error: a `ConstraintViolationException.OneFulfillment…` code (the family the
vendor's offer validation uses, e.g. `ConstraintViolationException.ValidReturnPolicy`), an English `message`, the
offending field's `path` and a localised `userMessage`. Only one text is the vendor's own, the dispatch address
(allegro-api#13230); the others are targ's wording of the guide. The account and token prerequisites are checked
first: a seller without the feature gets 403 `OneFulfillmentNotAvailable`, a token without the fulfillment scopes
the vendor's 403 `AccessDenied`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from targ.allegro.auth import access_denied
from targ.allegro.catalog.tree import one_fulfillment_allowed
from targ.allegro.offers import model, references
from targ.allegro.products import model as products
from targ.allegro.products import parameters as params
from targ.allegro.products.catalog import CONDITION, NEW
from targ.allegro.resources.references import BOUND
from targ.http.errors import AllegroError

if TYPE_CHECKING:
    from targ.allegro.offers.draft import Draft
    from targ.allegro.offers.model import Seller
    from targ.world import World

Json = dict[str, Any]
SET_NAMES = references.ONE_FULFILLMENT_SETS
SCOPES = ("allegro:api:fulfillment:read", "allegro:api:fulfillment:write")
FEATURE = "ONE_FULFILLMENT"
WAREHOUSE = {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Adamów 50", "postCode": "05-825"}


@dataclass(frozen=True)
class Rule:
    code: str
    path: str | None
    en: str
    pl: str

    def error(self, language: str, path: str | None = None, **metadata: str) -> AllegroError:
        return AllegroError(422, f"ConstraintViolationException.OneFulfillment{self.code}", self.en,
                            path=path or self.path, user_message=self.en if language == "en-US" else self.pl,
                            metadata=metadata or None)


RULES = {r.code: r for r in (
    Rule("ProductRequired", "productSet", "A One Fulfillment offer must be linked to a product.",
         "Oferta One Fulfillment musi być powiązana z produktem."),
    Rule("BuyNowOnly", "sellingMode.format", "A One Fulfillment offer must be a Buy Now offer.",
         "Oferta One Fulfillment musi być ofertą Kup Teraz."),
    Rule("ConditionNew", "parameters", "A One Fulfillment offer must offer a new item (condition: new).",
         "W ofercie One Fulfillment parametr „Stan” musi mieć wartość „Nowy”."),
    Rule("EanRequired", "parameters", "A One Fulfillment offer needs an EAN (GTIN).",
         "Oferta One Fulfillment musi mieć numer EAN."),
    Rule("ProductWithoutEan", "productSet[0].product.id",
         "The product has no EAN, so no One Fulfillment offer can be created for it.",
         "Produkt nie ma numeru EAN, więc nie można wystawić dla niego oferty One Fulfillment."),
    Rule("EanMismatch", "parameters", "The EAN of a One Fulfillment offer must be the product's EAN.",
         "Numer EAN oferty One Fulfillment musi być numerem EAN produktu."),
    Rule("InitialStock", "stock.available", "A One Fulfillment offer is created with 0 units (stock.unit UNIT): "
         "its stock comes from the warehouse.",
         "Ofertę One Fulfillment wystawisz z liczbą 0 sztuk: stan pochodzi z magazynu."),
    Rule("HandlingTime", "delivery.handlingTime", "The handling time of a One Fulfillment offer must be 24 hours "
         "(PT24H).", "Czas wysyłki oferty One Fulfillment musi wynosić 24 godziny."),
    Rule("AdditionalInfo", "delivery.additionalInfo", "A One Fulfillment offer cannot have additional delivery "
         "information.", "Pole „dodatkowe informacje o dostawie” w ofercie One Fulfillment musi być puste."),
    # The vendor's own text (allegro-api#13230).
    Rule("Location", "location", "In One Fulfillment, it is only possible to dispatch from the following address: "
         "Polska, Mazowieckie, Adamów 50, 05-825.", "W One Fulfillment wysyłka jest możliwa tylko z adresu: "
         "Polska, Mazowieckie, Adamów 50, 05-825."),
    Rule("Category", "category.id", "One Fulfillment is not available in this category.",
         "W tej kategorii One Fulfillment nie jest dostępny."),
    Rule("Invoice", "payments.invoice", "A One Fulfillment offer must offer a VAT invoice.",
         "Oferta One Fulfillment musi mieć opcję faktury VAT."),
    Rule("VatRate", "taxSettings.rates", "A One Fulfillment offer must declare its VAT rate.",
         "Oferta One Fulfillment musi mieć określoną stawkę VAT."),
    Rule("OneOfferPerProduct", "productSet[0].product.id", "There already is a One Fulfillment offer for this "
         "product: only one is allowed per product.", "Dla jednego produktu możesz utworzyć tylko jedną ofertę "
         "One Fulfillment."),
    Rule("Republish", "publication.republish", "A One Fulfillment offer cannot be republished automatically.",
         "Oferta One Fulfillment nie może mieć opcji wznawiania."),
    Rule("PreSale", "delivery.shipmentDate", "A One Fulfillment offer cannot be a pre-sale offer.",
         "Oferta One Fulfillment nie może być ofertą w przedsprzedaży."),
    Rule("AdditionalServices", "additionalServices", "A One Fulfillment offer cannot have additional services.",
         "Oferta One Fulfillment nie może mieć usług dodatkowych."),
    Rule("StockChange", "stock.available", "The quantity of a One Fulfillment offer follows the warehouse and "
         "cannot be changed.", "Dla tego typu ofert nie jest możliwa zmiana liczby sztuk."),
    Rule("ProductChange", "productSet", "The product data of a One Fulfillment offer cannot be changed.",
         "Nie możesz zmieniać danych produktu w ofercie One Fulfillment."),
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


def check(world: World, seller: Seller, offer: Json, draft: Draft, language: str, *, creating: bool) -> None:
    """Every offer rule of the guide, in the guide's order; the first broken one answers."""
    def fail(code: str, path: str | None = None, **metadata: str) -> AllegroError:
        return RULES[code].error(language, path, **metadata)

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


def _one_offer_per_product(world: World, seller: Seller, offer: Json, product: Json, fail: Any) -> None:
    if not product.get("id"):
        return  # a product proposed with this offer has no other offer yet
    for doc in world.store.find(model.OFFER_KIND, seller.id):
        other = doc.data
        if other["id"] != offer["id"] and model.is_one_fulfillment(other) \
                and model.first_product_id(other) == product["id"]:
            raise fail("OneOfferPerProduct", offerId=other["id"])


def check_patch(offer: Json, body: Json, language: str) -> None:
    """What a One Fulfillment offer's owner may not change (the guide, "Jak zarządzać ofertą")."""
    if "productSet" in body:
        raise RULES["ProductChange"].error(language)
    wanted = (body.get("stock") or {}).get("available")
    if wanted is not None and wanted != (offer.get("stock") or {}).get("available"):
        raise RULES["StockChange"].error(language)
