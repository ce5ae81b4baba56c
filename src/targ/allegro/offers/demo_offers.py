"""The demo offers A, B and C (PRODUCT.md "Demo world"), made the way any offer is: a body through the offer model.

Each is created from its catalogue product (catalog.DEMO_PRODUCTS, in the same order), then listed: A and B are
seller-fulfilled, C is a One Fulfillment offer that meets every rule of the guide (created with 0 units, then given
the 20 units its completed advance ship notice put in the warehouse).

The demo world is built at server start, when the reference dataset may not be read yet (docs/datasets.md): the
bodies skip the dataset's checks here (tests/allegro/offers prove they pass them), and C names its shipping rates
only once the seller's "One Fulfillment PL" set exists: the settings engine creates a seller's defaults on first
use, and `bind_one_fulfillment_rates` then points C at it (references.ensure_defaults).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.offers import draft as drafts
from targ.allegro.offers import model, onefulfillment, publication
from targ.allegro.products.catalog import CONDITION, NEW, seed_catalog
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

SELLER_LOCATION = {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Warszawa", "postCode": "00-001"}


def demo_body(key: str, name: str, price: str, currency: str, product_id: str, one_ff: bool) -> Json:
    return {
        "name": name,
        "productSet": [{"product": {"id": product_id}, "quantity": {"value": 1}}],
        "parameters": [{"id": CONDITION, "valuesIds": [NEW]}],
        "sellingMode": {"format": "BUY_NOW", "price": {"amount": price, "currency": currency}},
        "stock": {"available": 0, "unit": "UNIT"},
        "delivery": {"handlingTime": "PT24H"},
        "location": dict(onefulfillment.WAREHOUSE if one_ff else SELLER_LOCATION),
        "payments": {"invoice": "VAT"},
        "taxSettings": {"rates": [{"rate": "23.00", "countryCode": "PL"}], "subject": "GOODS"},
        "external": {"id": f"demo-{key}"},
        "language": "pl-PL",
    }


def seed_demo_offers(world: World, seller_id: str, specs: tuple[tuple[str, str, str, int, bool], ...]) -> list[str]:
    """`specs`: (key, name, price, stock, One Fulfillment). Returns the offer ids, in order."""
    catalog = seed_catalog(world)
    seller = model.Seller(world, seller_id)
    ids = []
    for (key, name, price, stock, one_ff), product in zip(specs, catalog, strict=False):
        offer = drafts.for_create(world, seller, demo_body(key, name, price, seller.currency, product["id"], one_ff),
                                  model.new_id(world), checked=False).offer
        offer["oneFulfillment"] = one_ff
        offer["stock"]["available"] = stock      # C: the units its completed notice put in the warehouse
        publication.become_active(world, seller_id, offer)
        model.save(world, seller_id, None, offer, record=False)
        ids.append(offer["id"])
    return ids
