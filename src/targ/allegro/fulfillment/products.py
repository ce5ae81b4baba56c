"""The seller's One Fulfillment products: what may be announced, and how a product is named in stock reports.

Seed 003: only products linked to the seller's offers may be announced; a new offer for a new product adds it, a
deleted offer removes it. A One Fulfillment seller has one offer per product, so a product here carries that offer
(the first one, in creation order, should there be more). Offers are read from the offers area's documents (kind
`offer`): `oneFulfillment`, `product.id` (else the first `productSet` entry), `name`, `ean`, `images`,
`publication.status`, `stock.available`. Names, GTINs and images come from the product itself (kind `product`) when
the catalogue has it, else from the offer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from targ.allegro.products.catalog import PRODUCT_KIND
from targ.allegro.products.model import gtins
from targ.json_types import Json
from targ.store.memo import memo

if TYPE_CHECKING:
    from targ.world import World

OFFER_KIND = "offer"


@dataclass(frozen=True)
class FfProduct:
    id: str
    name: str
    gtins: list[str]
    image: str | None
    offer_id: str | None = None       # None: the product's offer is gone (its units may still be stored)
    offer_active: bool = False
    offer_stock: int = 0

    def view(self) -> Json:
        """AvailableProductResponse / StockProduct."""
        out: Json = {"id": self.id, "name": self.name, "gtins": list(self.gtins)}
        if self.image:
            out["image"] = self.image
        return out


def is_one_fulfillment(offer: Mapping[str, Any]) -> bool:
    return bool(offer.get("oneFulfillment")) or (offer.get("fulfillment") or {}).get("provider") == "ALLEGRO"


def product_of(offer: Mapping[str, Any]) -> str | None:
    own = (offer.get("product") or {}).get("id")
    if own:
        return str(own)
    return next((str(e["product"]["id"]) for e in offer.get("productSet") or ()
                 if (e.get("product") or {}).get("id")), None)


def of_seller(world: World, seller: str) -> dict[str, FfProduct]:
    """Product id → product, for every product linked to one of the seller's One Fulfillment offers."""
    return dict(memo(world.store, ("products", seller), (OFFER_KIND, PRODUCT_KIND), lambda: _of_seller(world, seller)))


def _of_seller(world: World, seller: str) -> dict[str, FfProduct]:
    out: dict[str, FfProduct] = {}
    for doc in world.store.scan(OFFER_KIND, seller):    # read only: scan shares decoded documents
        offer = doc.data
        pid = product_of(offer) if is_one_fulfillment(offer) else None
        if pid and pid not in out:
            out[pid] = describe(world, pid, offer)
    return out


def describe(world: World, product_id: str, offer: Mapping[str, Any] | None = None) -> FfProduct:
    """The product as stock reports name it, with its One Fulfillment offer when there is one."""
    product = world.store.get(PRODUCT_KIND, product_id) or {}
    offer = offer or {}
    codes = gtins(product) if product else []
    if not codes and offer.get("ean"):
        codes = [str(offer["ean"])]
    images = [i["url"] if isinstance(i, dict) else str(i) for i in (product.get("images") or offer.get("images") or ())]
    name = str(product.get("name") or offer.get("name") or product_id)
    if not offer:
        return FfProduct(id=product_id, name=name, gtins=codes, image=images[0] if images else None)
    return FfProduct(id=product_id, name=name, gtins=codes, image=images[0] if images else None,
                     offer_id=str(offer["id"]), offer_active=(offer.get("publication") or {}).get("status") == "ACTIVE",
                     offer_stock=int((offer.get("stock") or {}).get("available") or 0))


def of_offer(world: World, offer_id: str) -> str | None:
    """The product of one One Fulfillment offer (None for any other offer): one document read, where `of_seller`
    reads all of the seller's offers."""
    offer = world.store.get(OFFER_KIND, offer_id)
    return product_of(offer) if offer is not None and is_one_fulfillment(offer) else None


def by_offer(known: dict[str, FfProduct]) -> dict[str, str]:
    """Offer id → product id (how order line items, which name offers, are matched to products)."""
    return {p.offer_id: p.id for p in known.values() if p.offer_id}
