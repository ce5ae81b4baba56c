"""`GET /sale/offers` (the seller's offers, every filter, sort and paging of the spec) and `DELETE /sale/offers/{id}`.

Choices where the vendor is silent: `name` matches when every word of it is part of the title (case and diacritics
ignored); `category.id` takes the category's whole subtree; `productizationRequired` means a category whose
parameters include ones required for the product (offers there must be linked to a product); without `sort` offers
come in creation order. `count` is the page's size and `totalCount` the number of matches.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.allegro.offers import model
from targ.allegro.resources.docpath import first
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

Predicate = Callable[[Json, Any], bool]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _price(offer: Json, marketplace: str | None) -> Decimal | None:
    price = first(offer, "sellingMode.price.amount")
    if marketplace and marketplace != model.base_marketplace(offer):
        price = first(offer, f"additionalMarketplaces.{marketplace}.sellingMode.price.amount")
    return Decimal(str(price)) if price is not None else None


def _in_category(offer: Json, root: str) -> bool:
    category = tree().get(str(first(offer, "category.id") or ""))
    return category is not None and any(c["id"] == root for c in tree().path(category))


def _productization_required(offer: Json) -> bool:
    category = tree().get(str(first(offer, "category.id") or ""))
    return category is not None and any(ref.get("requiredForProduct") for ref in tree().refs(category))


def _listed_on(offer: Json, marketplace: str) -> bool:
    return marketplace == model.base_marketplace(offer) or marketplace in (offer.get("additionalMarketplaces") or {})


def _rule(offer: Json, marketplace: str | None) -> str | None:
    found = (offer.get("_automation") or {}).get(marketplace or model.base_marketplace(offer))
    return found["rule"]["id"] if found else None


def _empty(path: str) -> Predicate:
    return lambda offer, wanted: (first(offer, path) is None) == bool(wanted)


def _equals(path: str) -> Predicate:
    return lambda offer, wanted: str(first(offer, path)) == str(wanted)


# query parameter → predicate(offer, value); price and automation filters read the marketplace separately.
FILTERS: dict[str, Predicate] = {
    "offer.id": lambda o, ids: o["id"] in ids,
    "name": lambda o, text: all(w in _fold(o.get("name") or "") for w in _fold(text).split()),
    "publication.status": lambda o, statuses: model.status_of(o) in statuses,
    "publication.marketplace": _listed_on,
    "sellingMode.format": lambda o, formats: (first(o, "sellingMode.format") or "BUY_NOW") in formats,
    "external.id": lambda o, ids: first(o, "external.id") in ids,
    "delivery.shippingRates.id": _equals("delivery.shippingRates.id"),
    "delivery.shippingRates.id.empty": _empty("delivery.shippingRates.id"),
    "category.id": _in_category,
    "product.id.empty": lambda o, wanted: (model.first_product_id(o) is None) == bool(wanted),
    "productizationRequired": lambda o, wanted: _productization_required(o) == bool(wanted),
    "b2b.buyableOnlyByBusiness": lambda o, wanted: bool(first(o, "b2b.buyableOnlyByBusiness")) == bool(wanted),
    "fundraisingCampaign.id": _equals("fundraisingCampaign.id"),
    "fundraisingCampaign.id.empty": _empty("fundraisingCampaign.id"),
    "afterSalesServices.returnPolicy.id": _equals("afterSalesServices.returnPolicy.id"),
}
SORTS: dict[str, Callable[[Json, str | None], Any]] = {
    "sellingMode.price.amount": lambda o, mp: _price(o, mp) or Decimal(0),
    "stock.sold": lambda o, mp: int(o.get("_sold") or 0),
    "stock.available": lambda o, mp: int(first(o, "stock.available") or 0),
}


def search(req: Request, seller_id: str) -> Json:
    marketplace = req.param("publication.marketplace")
    offers = [d.data for d in req.world.store.find(model.OFFER_KIND, seller_id)]
    for name, predicate in FILTERS.items():
        wanted = req.param(name)
        if wanted is not None:
            offers = [o for o in offers if predicate(o, wanted)]
    low, high = req.param("sellingMode.price.amount.gte"), req.param("sellingMode.price.amount.lte")
    if low is not None or high is not None:
        offers = [o for o in offers if (price := _price(o, marketplace)) is not None
                  and (low is None or price >= Decimal(str(low))) and (high is None or price <= Decimal(str(high)))]
    rule = req.param("sellingMode.priceAutomation.rule.id")
    if rule is not None:
        offers = [o for o in offers if _rule(o, marketplace) == rule]
    no_rule = req.param("sellingMode.priceAutomation.rule.id.empty")
    if no_rule is not None:
        offers = [o for o in offers if (_rule(o, marketplace) is None) == bool(no_rule)]
    sort = req.param("sort")
    if sort:
        key = SORTS[sort.lstrip("-")]
        offers.sort(key=lambda o: key(o, marketplace), reverse=sort.startswith("-"))
    offset, limit = int(req.param("offset") or 0), int(req.param("limit") or 20)
    if offset + limit > 10_000_000:
        raise AllegroError(422, "VALIDATION_ERROR", "The sum of offset and limit may be at most 10000000.",
                           path="offset")
    page = offers[offset:offset + limit]
    return {"offers": [model.listing_view(o, marketplace) for o in page], "count": len(page),
            "totalCount": len(offers)}


@handler("allegro", "searchOffersUsingGET")
def list_offers(req: Request) -> Reply:
    return Reply(search(req, model.seller(req).id))


@handler("allegro", "deleteOfferUsingDELETE")
def delete_offer(req: Request) -> Reply:
    """Only drafts: offers never published (the vendor: "delete a draft offer")."""
    seller = model.seller(req)
    offer = model.owned(req, seller.id)
    if model.status_of(offer) != "INACTIVE" or offer.get("_published"):
        raise AllegroError(422, "VALIDATION_ERROR", "Only a draft offer (INACTIVE, never published) can be deleted.",
                           path="offerId", user_message="Możesz usunąć tylko szkic oferty.")
    req.world.store.delete(model.OFFER_KIND, offer["id"])
    return Reply(None)
