"""One Fulfillment offer rules (the guide, seed 003): each broken once with its own error, and a valid offer that
is accepted, listed once warehouse stock exists, and keeps its stock and product out of the seller's hands."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from offers_helpers import (
    ALLEGRO_JSON,
    CONDITION_NEW,
    NewSeller,
    create,
    in_world,
    offer,
    one_fulfillment_body,
    publish,
    send,
)

from targ.allegro.offers import draft as drafts
from targ.allegro.offers import model, onefulfillment
from targ.allegro.offers.demo_offers import demo_body
from targ.allegro.offers.stock import set_fulfillment_stock
from targ.allegro.offers.texts import ONE_FULFILLMENT
from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

PREFIX = "ConstraintViolationException.OneFulfillment"


def _product(ean12: str) -> list[dict[str, Any]]:
    return [{"product": {"id": ean13(ean12), "idType": "GTIN"}}]


def _group(client: httpx.Client) -> str:
    services = [{"definition": {"id": "GIFT_WRAP"}, "description": "Pakowanie", "configurations": [{}]}]
    body = {"name": "Prezent", "language": "pl-PL", "additionalServices": services}
    resp = send(client, "POST", "/sale/offer-additional-services/groups", body)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


# (rule, change to the valid body, path)
BROKEN: list[tuple[str, dict[str, Any], str]] = [
    ("ProductRequired", {"productSet": [], "name": "Kubek bez produktu, nowy", "category": {"id": "210098"}},
     "productSet"),
    ("BuyNowOnly", {"sellingMode": {"format": "AUCTION", "price": {"amount": "10.00", "currency": "PLN"}}},
     "sellingMode.format"),
    ("ConditionNew", {"parameters": [{"id": "11323", "valuesIds": ["11323_2"]}]}, "parameters"),
    ("EanRequired", {"productSet": [{"product": {"name": "Kubek bez EAN-u", "category": {"id": "210098"},
                                                 "images": ["https://example.com/k.jpg"]}}]}, "parameters"),
    ("ProductWithoutEan", {"productSet": [{"product": {"id": "HDMI21-2M", "idType": "MPN"}}]},
     "productSet[0].product.id"),
    ("EanMismatch", {"parameters": [*CONDITION_NEW, {"id": "225693", "values": [ean13("590123412002")]}]},
     "parameters"),
    ("InitialStock", {"stock": {"available": 5, "unit": "UNIT"}}, "stock.available"),
    ("InitialStock", {"stock": {"available": 0, "unit": "SET"}}, "stock.unit"),
    ("HandlingTime", {"delivery": {"handlingTime": "PT48H", "shippingRates": {"name": "One Fulfillment PL"}}},
     "delivery.handlingTime"),
    ("AdditionalInfo", {"delivery": {"handlingTime": "PT24H", "additionalInfo": "Wysyłka w weekend",
                                     "shippingRates": {"name": "One Fulfillment PL"}}}, "delivery.additionalInfo"),
    ("Location", {"location": {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Warszawa",
                               "postCode": "00-001"}}, "location"),
    ("Category", {"productSet": _product("590123412011")}, "category.id"),
    ("Invoice", {"payments": {"invoice": "WITHOUT_VAT"}}, "payments.invoice"),
    ("VatRate", {"taxSettings": {"rates": [], "subject": "GOODS"}}, "taxSettings.rates"),
    ("Republish", {"publication": {"republish": True}}, "publication.republish"),
    ("PreSale", {"delivery": {"handlingTime": "PT24H", "shipmentDate": "2026-02-01T00:00:00Z",
                              "shippingRates": {"name": "One Fulfillment PL"}}}, "delivery.shipmentDate"),
]


@pytest.mark.parametrize(("rule", "change", "path"), BROKEN, ids=[f"{r}-{p}" for r, _, p in BROKEN])
def test_each_rule_has_its_own_error(allegro: httpx.Client, rule: str, change: dict[str, Any], path: str) -> None:
    resp = send(allegro, "POST", "/sale/product-offers", one_fulfillment_body(**change))
    assert resp.status_code == 422, resp.text
    error = resp.json()["errors"][0]
    assert (error["code"], error["path"]) == (PREFIX + rule, path)
    assert (error["message"], error["userMessage"]) == ONE_FULFILLMENT[rule]


def test_the_dispatch_address_rule_speaks_the_vendors_words(allegro: httpx.Client) -> None:
    wrong = {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Warszawa", "postCode": "00-001"}
    error = send(allegro, "POST", "/sale/product-offers", one_fulfillment_body(location=wrong),
                 ).json()["errors"][0]
    assert error["message"] == ("In One Fulfillment, it is only possible to dispatch from the following address: "
                                "Polska, Mazowieckie, Adamów 50, 05-825.")
    english = allegro.post("/sale/product-offers", json=one_fulfillment_body(location=wrong),
                           headers={"Content-Type": ALLEGRO_JSON, "Accept-Language": "en-US"})
    assert english.json()["errors"][0]["userMessage"] == error["message"]


def test_no_additional_services(allegro: httpx.Client) -> None:
    body = one_fulfillment_body(additionalServices={"id": _group(allegro)})
    error = send(allegro, "POST", "/sale/product-offers", body).json()["errors"][0]
    assert (error["code"], error["path"]) == (PREFIX + "AdditionalServices", "additionalServices")


def test_a_valid_offer_is_accepted_and_waits_for_warehouse_stock(targ: TargServer, allegro: httpx.Client) -> None:
    made = create(allegro, one_fulfillment_body())
    rates = allegro.get("/sale/shipping-rates").json()["shippingRates"]
    assert made["delivery"]["shippingRates"] == {"id": rates[0]["id"]}          # "One Fulfillment PL", by name
    assert (made["publication"]["status"], made["stock"]) == ("INACTIVE", {"available": 0, "unit": "UNIT"})
    again = send(allegro, "POST", "/sale/product-offers", one_fulfillment_body()).json()["errors"][0]
    assert (again["code"], again["metadata"]) == (PREFIX + "OneOfferPerProduct", {"offerId": made["id"]})
    # Published with nothing in the warehouse, it ends at once (EMPTY_STOCK) and comes back when units arrive.
    assert [t["status"] for t in publish(targ, allegro, made["id"])] == ["SUCCESS"]
    waiting = offer(allegro, made["id"])["publication"]
    assert (waiting["status"], waiting["endedBy"]) == ("ENDED", "EMPTY_STOCK")
    in_world(targ, set_fulfillment_stock, made["id"], 12)
    assert offer(allegro, made["id"])["publication"]["status"] == "ACTIVE"
    path = f"/sale/product-offers/{made['id']}"
    stock = send(allegro, "PATCH", path, {"stock": {"available": 3}}).json()["errors"][0]
    assert stock["code"] == PREFIX + "StockChange"
    product = send(allegro, "PATCH", path, {"productSet": [{"product": {"id": ean13("590123412002"),
                                                                      "idType": "GTIN"}}]}).json()["errors"][0]
    assert product["code"] == PREFIX + "ProductChange"
    renamed = send(allegro, "PATCH", path, {"name": "iPhone 15 128 GB z magazynu Allegro"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "iPhone 15 128 GB z magazynu Allegro"
    location = send(allegro, "PATCH", path, {"location": {"countryCode": "PL", "city": "Kraków"}})
    assert location.json()["errors"][0]["code"] == PREFIX + "Location"


def test_account_and_token_prerequisites(targ: TargServer, allegro: httpx.Client, demo: dict[str, Any],
                                         seller: NewSeller) -> None:
    _, plain = seller("no-fulfillment")
    refused = send(plain, "POST", "/sale/product-offers", one_fulfillment_body())
    assert refused.status_code == 403 and refused.json()["errors"][0]["code"] == "OneFulfillmentNotAvailable"
    scopes = [s for s in demo["scopes"] if "fulfillment" not in s]
    token = targ.admin.call("POST", f"/sellers/{demo['sellerId']}/tokens", {"scopes": scopes})["accessToken"]
    narrow = allegro.post("/sale/product-offers", json=one_fulfillment_body(),
                          headers={"Authorization": f"Bearer {token}", "Content-Type": ALLEGRO_JSON})
    assert narrow.status_code == 403
    assert narrow.json()["errors"][0]["code"] == "AccessDenied"
    assert narrow.json()["errors"][0]["metadata"] == {
        "missingScopes": "allegro:api:fulfillment:read allegro:api:fulfillment:write"}


def test_the_demo_offers_pass_every_check(targ: TargServer, demo: dict[str, Any]) -> None:
    """The demo world is built without reading the dataset (docs/datasets.md); its offers pass the full checks."""
    def check(world: Any) -> None:
        seller = model.Seller(world, demo["sellerId"])
        for key, shown in zip("ABC", demo["offers"], strict=True):
            one_ff = shown["oneFulfillment"]
            body = demo_body(key, shown["name"], shown["price"]["amount"], "PLN", shown["productId"], one_ff)
            draft = drafts.for_create(world, seller, body, shown["id"])
            assert draft.products[0]["id"] == shown["productId"]
            if one_ff:
                onefulfillment.check(world, seller, draft.offer, draft, creating=True)
    in_world(targ, check)
