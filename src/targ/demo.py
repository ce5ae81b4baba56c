"""The demo world (PRODUCT.md "Demo world"), built once per process into the reset image by `seed`.

* seller `demo-seller` (feature ONE_FULFILLMENT, marketplace allegro-pl) with its OAuth client and a user token
  carrying every scope;
* one Voucherify project with its three key pairs;
* offers A (seller-fulfilled, stock 100), B (seller-fulfilled, stock 2) and C (One Fulfillment, 20 SELLABLE units
  received through a COMPLETED advance ship notice).

Offers are docs of kind `offer` owned by the seller, in a minimal product-offer shape; the notice is a doc of kind
`asn`. `demo_view` is what `GET /__targ/demo` (and `targ serve`, and `TargServer.demo`) shows; it re-mints the demo
token pair, deterministically, once the stored one no longer works at the current clock.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from targ.allegro.oauth.tokens import Minted, all_scopes, is_live, mint
from targ.allegro.sellers import create_seller, currency, get_client
from targ.clock import iso
from targ.voucherify.projects import create_project, get_project

if TYPE_CHECKING:
    from targ.world import World

META_KEY = "demo"
LOGIN = "demo-seller"
MARKETPLACE = "allegro-pl"

OFFER_KIND = "offer"
ASN_KIND = "asn"
FIRST_OFFER_ID = 7_700_000_000     # ids.number("offer", FIRST_OFFER_ID): offer ids are decimal strings
DAY_MS = 86_400_000

# (key, name, price, stock, One Fulfillment, EAN without its check digit)
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
    offer_ids = [_offer(world, seller, *spec)["id"] for spec in _OFFERS]
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


def _offer(world: World, seller: dict[str, Any], key: str, name: str, price: str, stock: int, one_ff: bool,
           ean12: str) -> dict[str, Any]:
    now = world.clock.now_ms()
    offer_id = world.ids.number(OFFER_KIND, FIRST_OFFER_ID)
    product_id = world.ids.uuid("product")
    marketplace = seller["baseMarketplace"]["id"]
    offer = {
        "id": offer_id,
        "name": name,
        "product": {"id": product_id},
        "productSet": [{"product": {"id": product_id}, "quantity": {"value": 1}}],
        "ean": ean12 + _ean_check(ean12),
        "external": {"id": f"demo-{key}"},
        "sellingMode": {"format": "BUY_NOW", "price": {"amount": price, "currency": currency(marketplace)}},
        "stock": {"available": stock, "unit": "UNIT"},
        "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": marketplace}}, "startedAt": iso(now)},
        "delivery": {"handlingTime": "PT24H"},
        "fulfillment": {"provider": "ALLEGRO" if one_ff else "SELLER"},
        "oneFulfillment": one_ff,
        "language": "pl-PL",
        "createdAt": iso(now),
        "updatedAt": iso(now),
    }
    world.store.put(OFFER_KIND, offer_id, offer, owner=seller["id"])
    return offer


def _ean_check(ean12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(ean12))
    return str((10 - total % 10) % 10)


def _completed_asn(world: World, seller_id: str, offer: dict[str, Any]) -> dict[str, Any]:
    """The notice that put offer C's units in the warehouse: created 5 days, received 1 day before the start."""
    now = world.clock.now_ms()
    created, submitted, completed = now - 5 * DAY_MS, now - 5 * DAY_MS + 3_600_000, now - DAY_MS
    asn_id = world.ids.uuid(ASN_KIND)
    day = datetime.fromtimestamp(created / 1000, UTC).strftime("%y%m%d")
    product = {"id": offer["product"]["id"]}
    quantity = offer["stock"]["available"]
    asn = {
        "id": asn_id,
        "displayNumber": f"A-{day}-{world.ids.sequence('asn_display'):07d}",
        "status": "COMPLETED",
        "createdAt": iso(created),
        "updatedAt": iso(completed),
        "submittedAt": iso(submitted),
        "items": [{"product": product, "quantity": quantity}],
        "handlingUnit": {"unitType": "BOX", "amount": 1, "labelsType": "SELLER"},
        "shipping": {"method": "COURIER_BY_SELLER", "courier": {"id": "DPD"}, "countryCode": "PL",
                     "estimatedTimeOfArrival": iso(now - 3 * DAY_MS)},
        "receiving": {"stage": "COMPLETED", "updatedAt": iso(completed),
                      "content": [{"product": product,
                                   "received": [{"quantity": quantity, "receivedType": "SELLABLE"}]}]},
    }
    world.store.put(ASN_KIND, asn_id, asn, owner=seller_id)
    return asn


def demo_view(world: World) -> dict[str, Any]:
    """`GET /__targ/demo`. Its access token always works at the current clock: when the stored pair has expired or
    been revoked (a refresh used it up), a new pair is minted and remembered."""
    meta: dict[str, Any] = world.store.meta_get(META_KEY)
    if meta is None:
        raise LookupError("this world has no demo seller")
    if not (is_live(world, meta["accessToken"], "access") and is_live(world, meta["refreshToken"], "refresh")):
        with world.store.transaction():
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
