"""The offer document and its views.

An offer is a doc of kind `offer` owned by the seller, stored in the shape `GET /sale/product-offers/{id}` answers
(SaleProductOfferResponseV1), plus state the vendor shows elsewhere or not at all, in top-level fields:

* `_sold`, `_startedAt`, `_endedAt`: the listing view's `stock.sold` and `publication.startedAt/endedAt`;
* `_published`: the offer has been activated at least once (only never-published drafts can be deleted);
* `_activation`: the pending activation's marker (a stale activation job finds another one and does nothing);
* `_translations`, `_promo`, `_automation`: manual translations, promotion packages, price automation rules;
* `_priceHistory`: each marketplace's prices over the last 30 days, stamped with the clock's time (prices.py);
* `product`, `ean`, `oneFulfillment`, `fulfillment`: denormalised for other areas (orders, fulfillment, the demo
  view): the first product's id, its EAN, and whether the offer is a One Fulfillment one.

Every change goes through `save`, which stamps `updatedAt`, refreshes the denormalised fields, records the price
history and the offer events the change implies (events.py). Views project the stored doc onto each operation's
response schema.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.offers import events, prices, references
from targ.allegro.offers.documents import Offer, OfferView, as_offer
from targ.allegro.products.catalog import EAN
from targ.allegro.products.parameters import values_of
from targ.allegro.products.parameters import view as view_parameter
from targ.allegro.resources.shape import array_property, project, response_schema
from targ.allegro.sellers import MARKETPLACES, get_seller
from targ.clock import iso
from targ.json_types import Json
from targ.spec.bundle import load_bundle

if TYPE_CHECKING:
    from targ.http.request import Request
    from targ.world import World

OFFER_KIND = "offer"
FIRST_OFFER_ID = 7_700_000_000     # ids.number("offer", FIRST_OFFER_ID): decimal offer ids, as the vendor's
LIVE = ("ACTIVE", "ACTIVATING")
# Keys of `publication` the product-offer view shows (the listing view shows startedAt/endedAt instead).
_PUBLICATION_KEYS = ("duration", "startingAt", "status", "republish", "endingAt", "endedBy", "marketplaces")


class Seller:
    """The caller as the offer area needs it: id, base marketplace and currency, features and token scopes."""

    def __init__(self, world: World, seller_id: str, scopes: frozenset[str] = frozenset()) -> None:
        account = get_seller(world, seller_id) or {}
        self.id = seller_id
        self.marketplace: str = (account.get("baseMarketplace") or {}).get("id") or "allegro-pl"
        self.currency = MARKETPLACES.get(self.marketplace, "PLN")
        self.features: list[str] = list(account.get("features") or ())
        self.scopes = scopes


def seller(req: Request) -> Seller:
    """The calling seller. Its default settings are made sure of first, as the settings engine does on any use:
    offers point at them (the One Fulfillment shipping rates)."""
    principal = req.principal
    if principal is None or principal.seller_id is None:
        raise access_denied()
    references.ensure_defaults(req.world, principal.seller_id, req)
    return Seller(req.world, principal.seller_id, principal.scopes)


def is_one_fulfillment(offer: Mapping[str, Any]) -> bool:
    return bool(offer.get("oneFulfillment"))


def status_of(offer: OfferView) -> str:
    return (offer.get("publication") or {}).get("status") or "INACTIVE"


def offer_not_found(offer_id: str, status: int = 404) -> AllegroError:
    return AllegroError(status, "NOT_FOUND", f"Offer {offer_id} not found.", user_message="Nie znaleziono oferty.")


def find_owned(req: Request, seller_id: str) -> Offer | None:
    """The caller's offer named by the path, None when there is no such offer; another seller's → 403 AccessDenied
    where the operation documents it, else None as well (as good as unknown)."""
    doc = req.world.store.get_doc(OFFER_KIND, str(req.param("offerId")))
    if doc is not None and doc.owner != seller_id:
        if req.operation is None or req.operation.declares(403):
            raise access_denied()
        return None
    return as_offer(doc.data) if doc is not None else None


def owned(req: Request, seller_id: str) -> Offer:
    """The caller's offer named by the path: unknown → 404, or the first of 422/400/403 the operation documents
    where it documents no 404."""
    offer = find_owned(req, seller_id)
    if offer is None:
        op = req.operation
        status = next((s for s in (404, 422, 400, 403) if op is None or op.declares(s)), 404)
        raise access_denied() if status == 403 else offer_not_found(str(req.param("offerId")), status)
    return offer


def owner_of(world: World, offer_id: str) -> str:
    doc = world.store.get_doc(OFFER_KIND, str(offer_id))
    return doc.owner if doc is not None else ""


def new_id(world: World) -> str:
    return world.ids.number(OFFER_KIND, FIRST_OFFER_ID)


def first_product_id(offer: OfferView) -> str | None:
    return next((e["product"]["id"] for e in offer.get("productSet") or () if (e.get("product") or {}).get("id")),
                None)


def offer_ean(offer: OfferView) -> str | None:
    """The offer's EAN: its own EAN parameter, else the first product's."""
    own = values_of(offer.get("parameters"), EAN)
    if own:
        return own[0]
    for element in offer.get("productSet") or ():
        found = values_of((element.get("product") or {}).get("parameters"), EAN)
        if found:
            return found[0]
    return None


def save(world: World, owner: str, before: Offer | None, after: Offer, *, record: bool = True) -> Offer:
    """The one writer of offers: stamps, refreshes the denormalised fields, stores, records the events
    (`record=False` only for the demo offers, listed before the world's history starts)."""
    now_ms = world.clock.now_ms()
    now = iso(now_ms)
    after["updatedAt"] = now
    after.setdefault("createdAt", now)
    after["product"] = {"id": first_product_id(after)} if first_product_id(after) else None
    after["ean"] = offer_ean(after)
    one_ff = bool(after.get("oneFulfillment"))
    after["fulfillment"] = {"provider": "ALLEGRO" if one_ff else "SELLER"}
    prices.record(after, now_ms)
    world.store.put(OFFER_KIND, after["id"], cast(Json, after), owner=owner)
    if record:
        events.record_changes(world, owner, before, after)
    return after


def edit(world: World, offer_id: str) -> tuple[str, Offer, Offer]:
    """(owner, before, a copy to change) of a stored offer, for `save(world, owner, before, after)`."""
    doc = world.store.get_doc(OFFER_KIND, str(offer_id))
    if doc is None:
        raise offer_not_found(offer_id)
    return doc.owner, as_offer(doc.data), as_offer(copy.deepcopy(doc.data))


# --- views ----------------------------------------------------------------------------------------------------------
def _schema(operation_id: str, status: int | None = None) -> Any:
    return response_schema(load_bundle("allegro").by_id[operation_id], status)


def product_offer_view(offer: Offer) -> Json:
    """SaleProductOfferResponseV1: parameters named in the answer's language, bookkeeping left out."""
    shown = dict(offer)
    shown["parameters"] = [view_parameter(p, labels=False) for p in offer.get("parameters") or ()]
    if offer.get("productSet"):
        shown["productSet"] = [_element_view(e) for e in offer["productSet"]]
    shown["publication"] = {k: v for k, v in (offer.get("publication") or {}).items() if k in _PUBLICATION_KEYS}
    stock = offer.get("stock") or {}
    shown["stock"] = {k: stock[k] for k in ("available", "unit") if k in stock}
    view: Json = project(_schema("getProductOffer"), shown)
    return view


def _element_view(element: Json) -> Json:
    product = dict(element.get("product") or {})
    product["parameters"] = [view_parameter(p, labels=False) for p in product.get("parameters") or ()]
    return {**element, "product": product}


def listing_view(offer: OfferView, marketplace: str | None = None) -> Json:
    """An item of `GET /sale/offers` (OfferListingDto). With `marketplace`, the price is that marketplace's."""
    publication = offer.get("publication") or {}
    selling = dict(offer.get("sellingMode") or {})
    extra = (offer.get("additionalMarketplaces") or {}).get(marketplace or "") or {}
    if (extra.get("sellingMode") or {}).get("price"):
        selling["price"] = extra["sellingMode"]["price"]
    rule = (offer.get("_automation") or {}).get(marketplace or base_marketplace(offer))
    if rule:
        selling["priceAutomation"] = {"rule": {"id": rule["rule"]["id"]}}
    images = offer.get("images") or []
    item: Json = {
        "id": offer["id"],
        "name": offer.get("name"),
        "category": offer.get("category"),
        "primaryImage": {"url": images[0]} if images else None,
        "sellingMode": selling,
        "saleInfo": sale_info(offer),
        "stock": {"available": int((offer.get("stock") or {}).get("available") or 0),
                  "sold": int(offer.get("_sold") or 0)},
        "stats": {"watchersCount": 0, "visitsCount": 0},
        "publication": {
            "status": status_of(offer),
            **{k: publication[k] for k in ("startingAt", "endingAt") if publication.get(k)},
            **({"startedAt": offer["_startedAt"]} if offer.get("_startedAt") else {}),
            **({"endedAt": offer["_endedAt"]} if offer.get("_endedAt") else {}),
            "marketplaces": publication.get("marketplaces") or {"base": {"id": base_marketplace(offer)},
                                                                "additional": []},
        },
        "afterSalesServices": offer.get("afterSalesServices"),
        "additionalServices": offer.get("additionalServices"),
        "external": offer.get("external"),
        "delivery": {"shippingRates": (offer.get("delivery") or {}).get("shippingRates")},
        "b2b": offer.get("b2b"),
        "fundraisingCampaign": offer.get("fundraisingCampaign"),
        "additionalMarketplaces": {mp: {"publication": (v.get("publication") or {}),
                                        "sellingMode": (v.get("sellingMode") or {})}
                                   for mp, v in (offer.get("additionalMarketplaces") or {}).items()},
    }
    row: Json = project(array_property(_schema("searchOffersUsingGET"))[1],
                        {k: v for k, v in item.items() if v is not None})
    return row


def sale_info(offer: OfferView) -> Json:
    """OfferListingDtoV1SaleInfo: an auction's current (highest bid) price and its bidders, as the bidding area keeps
    them in `_auction`; nobody bids on other offers."""
    auction = offer.get("_auction") or {}
    info: Json = {"biddersCount": int(auction.get("biddersCount") or 0)}
    if auction.get("currentPrice"):
        info["currentPrice"] = auction["currentPrice"]
    return info


def base_marketplace(offer: OfferView) -> str:
    return ((offer.get("publication") or {}).get("marketplaces") or {}).get("base", {}).get("id") or "allegro-pl"


def currency_of(marketplace: str) -> str:
    return MARKETPLACES.get(marketplace, "PLN")
