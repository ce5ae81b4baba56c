"""The seed 003 guide's `POST /sale/product-offers` example body, as written: placeholders filled (the product's and
the One Fulfillment shipping-rate set's ids), the title lengthened to the spec's 12 characters, and the condition
parameter and the VAT rate added per the guide's own rules ("parametr stan ... nowy", "określić wysokość stawki
VAT"). They lean on the binder: `"minimalPrice": null`, `"external": null`,
`"sizeTable": null`, `"netPrice": null` and `"available": "0"`. Listed with no stock, the offer is ended at once."""

from __future__ import annotations

import json

import httpx
from fulfillment_helpers import ALLEGRO_JSON

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

GUIDE_EXISTING_PRODUCT = """{
"payments": {"invoice": "VAT"},
"sellingMode": {"format": "BUY_NOW", "price": {"amount": "85", "currency": "PLN"},
                "minimalPrice": null, "startingPrice": null, "netPrice": null},
"location": {"city": "Adamów 50", "countryCode": "PL", "postCode": "05-825", "province": "MAZOWIECKIE"},
"images": ["https://a.allegroimg.pl/original/118b8e/25f2bbcd40ba9447b29160c00312"],
"description": {"sections": [{"items": [{"type": "TEXT", "content": "<p>Oferta testowa</p>"}]}]},
"name": "Test Offer",
"external": null,
"productSet": [{"product": {"id": "55a77307-d13c-4c6b-ae67-29726de17ed9"}}],
"stock": {"available": "0", "unit": "UNIT"},
"delivery": {"shippingRates": {"id": "SHIPPING_RATES_ID"}, "handlingTime": "PT24H"},
"sizeTable": null,
"parameters": []
}"""


def test_the_guides_body_for_an_existing_product_is_accepted_and_ended_at_once(targ: TargServer,
                                                                                allegro: httpx.Client) -> None:
    [rates] = [r for r in allegro.get("/sale/shipping-rates").json()["shippingRates"]
               if r["name"] == "One Fulfillment PL"]
    [product] = allegro.get("/sale/products", params={"phrase": ean13("590123412001"), "mode": "GTIN"}).json()[
        "products"]
    body = json.loads(GUIDE_EXISTING_PRODUCT.replace("55a77307-d13c-4c6b-ae67-29726de17ed9", product["id"])
                      .replace("SHIPPING_RATES_ID", rates["id"]))
    body["name"] = "Test Offer One Fulfillment"                  # the spec's 12 characters at least
    body["parameters"] = [{"id": "11323", "valuesIds": ["11323_1"]}]   # the guide: condition "new"
    body["taxSettings"] = {"rates": [{"rate": "23.00", "countryCode": "PL"}], "subject": "GOODS"}  # and a VAT rate
    resp = allegro.post("/sale/product-offers", content=json.dumps(body).encode(),
                        headers={"Content-Type": ALLEGRO_JSON})
    assert resp.status_code == 201, resp.text
    offer = resp.json()
    assert (offer["publication"]["status"], offer["publication"]["endedBy"]) == ("ENDED", "EMPTY_STOCK")
    assert offer["stock"] == {"available": 0, "unit": "UNIT"} and offer["sellingMode"]["price"]["amount"] == "85"
    lenient = resp.headers["x-targ-lenient"]
    for told in ("sellingMode.minimalPrice: null", "sellingMode.netPrice: an unknown property sent as null",
                 "external: null", "sizeTable: null", "stock.available: the string '0' read as a number"):
        assert told in lenient, told
