"""Turning a `POST /sale/product-offers` or `PATCH /sale/product-offers/{id}` body into an offer document.

The product of each `productSet` element is found by id (`idType` GTIN/MPN: by EAN or producer code), by the EAN
among full product data (the guide: "if we recognise that the product exists in our base, we take its data"), or
becomes a proposal: a new product owned by the seller, created once every check has passed. The offer takes the
product's name, category and images where the body leaves them out, and the vendor's defaults for the rest
(BUY_NOW, UNIT, INACTIVE, the seller's base marketplace). Everything is checked before anything is written:
a refused body leaves no draft behind (allegro-api#10449).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, cast

from targ.allegro.catalog.marketplaces import tax_rates
from targ.allegro.offers.documents import Offer, as_offer
from targ.allegro.offers.model import Seller, currency_of
from targ.allegro.products import model as products
from targ.allegro.products import parameters as params
from targ.allegro.products.parameters import invalid
from targ.allegro.resources.engine import merge_patch
from targ.allegro.resources.shape import properties, request_schema
from targ.allegro.sellers import MARKETPLACES
from targ.clock import iso
from targ.json_types import Json
from targ.spec.bundle import load_bundle

if TYPE_CHECKING:
    from targ.world import World


@dataclass
class Draft:
    offer: Offer                      # the offer being built from the seller's body (`writable`)
    proposals: dict[int, Json] = field(default_factory=dict)   # productSet index → product to propose
    products: dict[int, Json] = field(default_factory=dict)    # productSet index → the product (found or proposed)


def writable(body: Json) -> Json:
    """The body's fields the request schema declares (the vendor ignores read-only ones such as `id`)."""
    declared = properties(request_schema(load_bundle("allegro").by_id["createProductOffers"]))
    return {k: copy.deepcopy(v) for k, v in body.items() if k in declared}


def _product_for(world: World, seller: Seller, element: Json, index: int, draft: Draft) -> Json:
    where = f"productSet[{index}].product"
    data = element.get("product") or {}
    product_id, id_type = data.get("id"), data.get("idType")
    found: Json | None
    if product_id:
        if id_type == "GTIN":
            found = products.by_gtin(world, str(product_id), seller.id)
        elif id_type == "MPN":
            found = products.by_mpn(world, str(product_id), seller.id)
        else:
            found = products.visible(world, str(product_id), seller.id)
        if found is None:
            # The vendor's code for product data that matches nothing (allegro-api#9737).
            raise invalid(f"Product not found for the given data: {product_id}.", f"{where}.id",
                          code="MatchingProductForDataNotFoundException",
                          user_message="Nie znaleziono produktu dla podanych danych.")
        return found
    ean = params.values_of(data.get("parameters"), params.GTIN_PARAMETER)
    found = products.by_gtin(world, ean[0], seller.id) if ean else None
    if found is not None:
        return found
    proposal = products.check_proposal(world, seller.id, data, where=where)
    draft.proposals[index] = proposal
    return {"id": None, **proposal}


def _product_set(world: World, seller: Seller, elements: list[Json], draft: Draft) -> list[Json]:
    out = []
    for i, element in enumerate(elements):
        product = _product_for(world, seller, element, i, draft)
        draft.products[i] = product
        stored = {k: copy.deepcopy(v) for k, v in element.items() if k != "product"}
        stored.setdefault("quantity", {"value": 1})
        stored["product"] = {"id": product["id"], "publication": {"status": product["publication"]["status"]},
                             "parameters": copy.deepcopy(product.get("parameters") or [])}
        out.append(stored)
    return out


def _price(value: Json | None, currency: str, where: str) -> None:
    if value is None:
        return
    try:
        amount = Decimal(str(value.get("amount")))
    except InvalidOperation:
        raise invalid(f"'{value.get('amount')}' is not a valid amount.", f"{where}.amount") from None
    if not amount.is_finite() or amount <= 0:
        raise invalid("The price must be greater than zero.", f"{where}.amount")
    if amount != amount.quantize(Decimal("0.01")):
        # The vendor's code and message key (allegro-behaviour.md §5).
        raise invalid("prices.price.amount.invalidPrecision", f"{where}.amount", code="InvalidPricePrecision")
    if value.get("currency") != currency:
        raise invalid(f"The price must be given in {currency}.", f"{where}.currency")


def _additional_marketplaces(offer: Json, seller: Seller) -> None:
    for marketplace, extra in (offer.get("additionalMarketplaces") or {}).items():
        where = f"additionalMarketplaces.{marketplace}"
        if marketplace not in MARKETPLACES or marketplace == seller.marketplace:
            raise invalid(f"Marketplace {marketplace} cannot be an additional marketplace of this offer.", where)
        _price((extra.get("sellingMode") or {}).get("price"), currency_of(marketplace), f"{where}.sellingMode.price")
        extra.setdefault("publication", {"state": "NOT_REQUESTED"})


def _tax(offer: Json) -> None:
    category = (offer.get("category") or {}).get("id")
    for i, rate in enumerate((offer.get("taxSettings") or {}).get("rates") or ()):
        country = rate.get("countryCode") or "PL"
        if category and rate.get("rate") not in tax_rates(category, country):
            raise invalid(f"Tax rate {rate.get('rate')} is not allowed in category {category} for {country}.",
                          f"taxSettings.rates[{i}].rate")


def _required_parameters(world: World, offer: Json, draft: Draft, category: Json) -> None:
    have = list(offer.get("parameters") or [])
    for product in draft.products.values():
        have += product.get("parameters") or []
    missing = params.missing_required(have, category, world, product=False)
    if missing:
        raise invalid(f"Missing required parameters: {', '.join(missing)}.", "parameters",
                      code="ConstraintViolationException.MissingRequiredParameters",
                      user_message="Uzupełnij wymagane parametry.", metadata={"parameters": ",".join(missing)})


def complete(world: World, seller: Seller, offer: Json, draft: Draft, *, creating: bool, checked: bool = True) -> None:
    """Fills the defaults and checks everything the vendor checks on a body (in place). `checked=False` skips the
    checks that read the reference dataset: only for the demo offers, built at server start, when nothing may be
    read yet (docs/datasets.md); a test proves they pass every check."""
    first = draft.products.get(0)
    if first is not None:
        offer.setdefault("name", first["name"])
        offer.setdefault("category", {"id": first["category"]["id"]})
        offer.setdefault("images", [i["url"] for i in first.get("images") or ()])
    if not offer.get("name"):
        raise invalid("The offer title is required.", "name")
    if checked:
        category = products.leaf_category((offer.get("category") or {}).get("id"), "category.id")
        offer["category"] = {"id": category["id"]}
        offer["parameters"] = params.normalise(offer.get("parameters"), category)
        _required_parameters(world, offer, draft, category)
    selling = offer.setdefault("sellingMode", {})
    selling.setdefault("format", "BUY_NOW")
    for kind in ("price", "minimalPrice", "startingPrice"):
        _price(selling.get(kind), seller.currency, f"sellingMode.{kind}")
    offer.setdefault("stock", {}).setdefault("unit", "UNIT")
    offer["stock"].setdefault("available", 0)
    offer.setdefault("language", "pl-PL")
    offer.setdefault("b2b", {"buyableOnlyByBusiness": False})
    publication = offer.setdefault("publication", {})
    if creating:
        publication["status"] = "INACTIVE"   # activation, when asked for, is the caller's next step
    publication.setdefault("republish", False)
    publication.setdefault("marketplaces", {"base": {"id": seller.marketplace}, "additional": []})
    _additional_marketplaces(offer, seller)
    if checked:
        _tax(offer)
    offer["validation"] = {"errors": [], "warnings": [], "validatedAt": iso(world.clock.now_ms())}


def for_create(world: World, seller: Seller, body: Json, offer_id: str, *, checked: bool = True) -> Draft:
    offer: Json = {"id": offer_id, **writable(body)}
    draft = Draft(as_offer(offer))
    offer["productSet"] = _product_set(world, seller, offer.get("productSet") or [], draft)
    if not offer["productSet"]:
        offer.pop("productSet")
    complete(world, seller, offer, draft, creating=True, checked=checked)
    return draft


def for_patch(world: World, seller: Seller, existing: Offer, body: Json) -> Draft:
    changes = writable(body)
    offer = merge_patch(cast(Json, copy.deepcopy(existing)), {k: v for k, v in changes.items() if k != "productSet"})
    if "productSet" in changes:
        draft = Draft(as_offer(offer))
        offer["productSet"] = _product_set(world, seller, changes["productSet"] or [], draft)
    else:
        draft = of_stored(world, seller.id, offer)
    complete(world, seller, offer, draft, creating=False)
    return draft


def of_stored(world: World, seller_id: str, offer: Offer) -> Draft:
    """A draft around an offer as stored (its products looked up), for checks on a changed copy."""
    draft = Draft(as_offer(offer))
    for i, element in enumerate(offer.get("productSet") or ()):
        product = products.visible(world, element["product"]["id"], seller_id)
        if product is not None:
            draft.products[i] = product
    return draft


def store_proposals(world: World, seller: Seller, draft: Draft) -> None:
    """Creates the proposed products (after every check passed) and links them into the offer."""
    for index, proposal in draft.proposals.items():
        product = products.store_proposal(world, seller.id, proposal)
        draft.products[index] = product
        draft.offer["productSet"][index]["product"]["id"] = product["id"]
