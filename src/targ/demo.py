"""The demo world (PRODUCT.md "Demo world"), built once per process into the reset image by `seed`.

* seller `demo-seller` (feature ONE_FULFILLMENT, marketplace allegro-pl) with its OAuth client and a user token
  carrying every scope;
* one Voucherify project with its three key pairs;
* offers A (seller-fulfilled, stock 100), B (seller-fulfilled, stock 2) and C (One Fulfillment, 20 SELLABLE units
  received through a COMPLETED advance ship notice).

The offers are ordinary offers of the offer model (targ.allegro.offers.demo_offers), on products of the demo
catalogue; the notice is a doc of kind `asn`. `demo_view` is what `GET /__targ/demo` (and `targ serve`, and
`TargServer.demo`) shows; it re-mints the demo token pair, deterministically, once the stored one no longer works at
the current clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment.warehouse import seed_completed
from targ.allegro.oauth.tokens import Minted, all_scopes, is_live, mint
from targ.allegro.offers.demo_offers import seed_demo_offers
from targ.allegro.sellers import create_seller, get_client
from targ.voucherify.projects import create_project, get_project

if TYPE_CHECKING:
    from targ.world import World

META_KEY = "demo"
LOGIN = "demo-seller"
MARKETPLACE = "allegro-pl"

OFFER_KIND = "offer"
DAY_MS = 86_400_000

# (key, name, price, stock, One Fulfillment, EAN without its check digit: the catalogue's, products/catalog.py)
_OFFERS = (
    ("A", "Kubek ceramiczny biały 330 ml", "39.99", 100, False, "590123412345"),
    ("B", "Lampka biurkowa LED czarna z USB", "129.00", 2, False, "590123412346"),
    ("C", "Powerbank 10000 mAh USB-C czarny", "89.90", 20, True, "590123412347"),
)


def seed(world: World) -> None:
    """Builds the demo world. Runs inside the image-building transaction."""
    seller = create_seller(world, LOGIN, features=["ONE_FULFILLMENT"], marketplace=MARKETPLACE,
                           first_name="Demo", last_name="Seller", company_name="Demo Seller sp. z o.o.")
    project = create_project(world, "Demo project")
    offer_ids = seed_demo_offers(world, seller["id"], tuple(spec[:5] for spec in _OFFERS))
    one_fulfillment = world.store.get(OFFER_KIND, offer_ids[2])
    assert one_fulfillment is not None
    _completed_asn(world, seller["id"], one_fulfillment)
    pair = _mint(world, seller["id"], seller["clientId"])
    world.store.meta_set(META_KEY, {
        "sellerId": seller["id"], "clientId": seller["clientId"], "projectId": project["id"], "offerIds": offer_ids,
        "accessToken": pair.access_token, "refreshToken": pair.refresh_token,
    })


def _mint(world: World, seller_id: str, client_id: str) -> Minted:
    return mint(world, client_id=client_id, seller_id=seller_id, scopes=all_scopes(), grant="demo")


def _completed_asn(world: World, seller_id: str, offer: dict[str, Any]) -> dict[str, Any]:
    """The notice that put offer C's units in the warehouse: created 5 days, received 1 day before the start. An
    ordinary notice of the fulfillment model, with its receiving record and its units in the warehouse ledger."""
    now = world.clock.now_ms()
    return seed_completed(world, seller_id, offer["product"]["id"], int(offer["stock"]["available"]),
                          created=now - 5 * DAY_MS, submitted=now - 5 * DAY_MS + 3_600_000, completed=now - DAY_MS)


def demo_view(world: World) -> dict[str, Any]:
    """`GET /__targ/demo`. Its access token always works at the current clock: when the stored pair has expired or
    been revoked (a refresh used it up), a new pair is minted and remembered."""
    meta: dict[str, Any] = world.store.meta_get(META_KEY)
    if meta is None:
        raise LookupError("this world has no demo seller")
    if not (is_live(world, meta["accessToken"], "access") and is_live(world, meta["refreshToken"], "refresh")):
        # Its own transaction from the command line; the admin request's when `GET /__targ/demo` asks.
        with world.store.transaction(join=world.store.in_transaction()):
            pair = _mint(world, meta["sellerId"], meta["clientId"])
            meta = {**meta, "accessToken": pair.access_token, "refreshToken": pair.refresh_token}
            world.store.meta_set(META_KEY, meta)
    seller = world.store.get("seller", meta["sellerId"]) or {}
    client = get_client(world, meta["clientId"]) or {}
    project = get_project(world, meta["projectId"]) or {"keys": {}}
    offers = [o for o in (world.store.get(OFFER_KIND, i) for i in meta["offerIds"]) if o is not None]
    return {
        "sellerId": meta["sellerId"],
        "login": seller.get("login", LOGIN),
        "accessToken": meta["accessToken"],
        "refreshToken": meta["refreshToken"],
        "scopes": list(all_scopes()),
        "clientId": meta["clientId"],
        "clientSecret": client.get("clientSecret"),
        "voucherifyApplicationId": project["keys"].get("applicationId"),
        "voucherifySecretKey": project["keys"].get("secretKey"),
        "offers": [_offer_view(o) for o in offers],
    }


def _offer_view(offer: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": offer["id"],
        "name": offer["name"],
        "productId": offer["product"]["id"],
        "ean": offer["ean"],
        "price": {"amount": offer["sellingMode"]["price"]["amount"],
                  "currency": offer["sellingMode"]["price"]["currency"]},
        "stock": offer["stock"]["available"],
        "oneFulfillment": bool(offer.get("oneFulfillment")),
    }
