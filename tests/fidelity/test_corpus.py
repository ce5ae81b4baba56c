"""A corpus of realistic integration requests, replayed against targ with the answer each must get (issue 15).

Bodies and query strings are shaped the way the vendors' guides and open-source connectors send them: nulls for
"not given", numbers as strings, prices as JSON numbers, echoed read shapes, repeated filters, offsets in dates, the
beta media type, `Accept-Language`, SDK-style Voucherify bodies. Each entry names where its shape comes from. The
session server validates every response against the vendor's schema (tests fail on a violation).

Placeholders: `{order}` a paid order of the demo seller, `{unpaid}` one not paid, `{foreign}` another seller's
order, `{offerA}`/`{offerC}` demo offers A and C, `{product}` the catalogue iPhone's product id, `{event}` the id of
the demo seller's first order event, `{ofRates}` the "One Fulfillment PL" shipping-rate set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

PUBLIC = "application/vnd.allegro.public.v1+json"
BETA = "application/vnd.allegro.beta.v1+json"


@dataclass
class Entry:
    name: str
    source: str
    method: str
    path: str
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)   # dotted path in the answer → the value it must hold
    vendor: str = "allegro"


def offer(**extra: Any) -> dict[str, Any]:
    """A product-offer body as connectors build it from the catalogue (EAN lookup), a draft unless told."""
    return {"productSet": [{"product": {"id": "{ean}", "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_1"]}],
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
            "stock": {"available": 5, "unit": "UNIT"}, "delivery": {"handlingTime": "PT48H"},
            "publication": {"status": "INACTIVE"}, **extra}


CORPUS = [
    # --- order sync loops --------------------------------------------------------------------------------------------
    Entry("events from the start", "DEV orders guide: poll /order/events", "GET", "/order/events?limit=100", 200,
          expect={"events.0.type": "BOUGHT"}),
    Entry("events after a known id", "DEV orders guide: from is exclusive", "GET", "/order/events?from={event}", 200,
          expect={"events.0.type": "FILLED_IN"}),
    Entry("events of two types, repeated", "connectors filter BOUGHT+READY", "GET",
          "/order/events?type=BOUGHT&type=READY_FOR_PROCESSING&limit=10", 200,
          expect={"events.1.type": "READY_FOR_PROCESSING", "events.2.type": "BOUGHT"}),
    Entry("event stats", "connectors start from the latest event", "GET", "/order/event-stats", 200),
    Entry("list ready orders", "DEV orders guide", "GET", "/order/checkout-forms?status=READY_FOR_PROCESSING", 200,
          expect={"totalCount": 1}),
    Entry("list two statuses, repeated", "#3432 NEWS", "GET",
          "/order/checkout-forms?status=BOUGHT&status=READY_FOR_PROCESSING&status=FILLED_IN", 200,
          expect={"totalCount": 2}),
    Entry("list fulfillment statuses, comma form", "#9408 staff", "GET",
          "/order/checkout-forms?fulfillment.status=NEW,PROCESSING", 200, expect={"totalCount": 2}),
    Entry("list since a time with an encoded offset", "PHP connectors' DATE_ATOM", "GET",
          "/order/checkout-forms?updatedAt.gte=2026-01-01T00:00:00%2B01:00", 200, expect={"totalCount": 2}),
    Entry("list with a repeated single-valued filter", "a bug in a query builder", "GET",
          "/order/checkout-forms?buyer.login=a&buyer.login=b", 422, expect={"errors.0.path": "buyer.login"}),
    Entry("order details", "every connector", "GET", "/order/checkout-forms/{order}", 200,
          expect={"status": "READY_FOR_PROCESSING"}),
    Entry("another seller's order", "spec: doesn't belong to the seller", "GET", "/order/checkout-forms/{foreign}",
          404, expect={"errors.0.code": "CheckoutFormNotFoundException"}),
    # --- fulfillment and tracking ------------------------------------------------------------------------------------
    Entry("fulfillment with a null summary", "ERP connectors serialising a DTO", "PUT",
          "/order/checkout-forms/{order}/fulfillment", 204, {"status": "PROCESSING", "shipmentSummary": None}),
    Entry("fulfillment with the revision", "DEV orders guide: optimistic locking", "PUT",
          "/order/checkout-forms/{order}/fulfillment?checkoutForm.revision=00000000", 409, {"status": "SENT"},
          expect={"errors.0.code": "CONFLICT"}),
    Entry("tracking number with a null carrierName", "#2383", "POST", "/order/checkout-forms/{order}/shipments", 201,
          {"carrierId": "INPOST", "waybill": "620111222333444555666777", "carrierName": None, "lineItems": None},
          expect={"waybill": "620111222333444555666777"}),
    Entry("tracking number of another carrier", "spec: carrierName for OTHER", "POST",
          "/order/checkout-forms/{order}/shipments", 201,
          {"carrierId": "OTHER", "carrierName": "Kurier Lokalny", "waybill": "KL123456"}),
    Entry("tracking number without a carrier", "a typo in a connector", "POST",
          "/order/checkout-forms/{order}/shipments", 422, {"carrierId": None, "waybill": "X1"},
          expect={"errors.0.path": "carrierId"}),
    Entry("invoice for an order without one", "#4992", "POST", "/order/checkout-forms/{unpaid}/invoices", 422,
          {"file": {"name": "FV-1.pdf"}, "invoiceNumber": "FV 1/2026"},
          expect={"errors.0.code": "ORDER-WITHOUT-INVOICE"}),
    # --- offers ------------------------------------------------------------------------------------------------------
    Entry("offer with the guide's nulls", "seed 003", "POST", "/sale/product-offers", 201,
          offer(external=None, sizeTable=None, sellingMode={"format": "BUY_NOW", "minimalPrice": None,
                "startingPrice": None, "price": {"amount": "85", "currency": "PLN"}}),
          expect={"sellingMode.price.amount": "85"}),
    Entry("offer with stock as a string", "seed 003, #9872", "POST", "/sale/product-offers", 201,
          offer(stock={"available": "12", "unit": "UNIT"}), expect={"stock.available": 12}),
    Entry("offer with a price as a number", "#2871", "POST", "/sale/product-offers", 201,
          offer(sellingMode={"format": "BUY_NOW", "price": {"amount": 49.9, "currency": "PLN"}})),
    Entry("offer with a float artefact price", "#7790", "POST", "/sale/product-offers", 422,
          offer(sellingMode={"format": "BUY_NOW", "price": {"amount": 3.0900000000000003, "currency": "PLN"}}),
          expect={"errors.0.code": "InvalidPricePrecision"}),
    Entry("offer with a misspelt property", "#10240", "POST", "/sale/product-offers", 422,
          offer(parametres=[]), expect={"errors.0.code": "UnknownJSONProperty",
                                        "errors.0.metadata.unknownProperties": "...parametres"}),
    Entry("offer with images as objects", "#8041 (the /sale/offers shape)", "POST", "/sale/product-offers", 422,
          offer(images=[{"url": "https://example.com/a.jpg"}]),
          expect={"errors.0.code": "JsonMappingException", "errors.0.path": "images[0]"}),
    Entry("offer listed without a publication status", "#3257 NEWS, #6084", "POST", "/sale/product-offers", 202,
          {k: v for k, v in offer().items() if k != "publication"}, expect={"publication.status": "INACTIVE"}),
    Entry("One Fulfillment offer listed with no stock", "seed 003", "POST", "/sale/product-offers", 201,
          {"productSet": [{"product": {"id": "{product}"}}], "parameters": [{"id": "11323", "valuesIds": ["11323_1"]}],
           "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
           "stock": {"available": "0", "unit": "UNIT"},
           "delivery": {"handlingTime": "PT24H", "shippingRates": {"id": "{ofRates}"}},
           "location": {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Adamów 50", "postCode": "05-825"},
           "payments": {"invoice": "VAT"},
           "taxSettings": {"rates": [{"rate": "23.00", "countryCode": "PL"}], "subject": "GOODS"}},
          expect={"publication.status": "ENDED", "publication.endedBy": "EMPTY_STOCK"}),
    Entry("stock update as a string", "stock sync connectors", "PATCH", "/sale/product-offers/{offerA}", 200,
          {"stock": {"available": "42"}}, expect={"stock.available": 42}),
    Entry("price update echoing parameters", "GET-modify-PATCH", "PATCH", "/sale/product-offers/{offerA}", 200,
          {"parameters": [{"id": "11323", "name": "Stan", "values": ["Nowy"], "valuesIds": ["11323_1"]}],
           "sellingMode": {"price": {"amount": "45.00", "currency": "PLN"}}},
          expect={"sellingMode.price.amount": "45.00"}),
    Entry("removing the external id with null", "#3764 NEWS", "PATCH", "/sale/product-offers/{offerA}", 200,
          {"external": None}),
    # --- media types and languages -----------------------------------------------------------------------------------
    Entry("the default Accept of requests", "#10246: requests sends */*", "GET", "/order/checkout-forms", 406,
          headers={"Accept": "*/*"}, expect={"errors.0.code": "NotAcceptableException"}),
    Entry("the beta media type on a public resource", "#3310, #11561", "GET", "/order/checkout-forms", 406,
          headers={"Accept": BETA}),
    Entry("the beta media type where it is declared", "spec: /sale/user-ratings is beta", "GET",
          "/sale/user-ratings", 200, headers={"Accept": BETA}),
    Entry("English error messages", "Accept-Language for logs", "GET", "/order/checkout-forms/{foreign}", 404,
          headers={"Accept-Language": "en-US"}, expect={"errors.0.code": "CheckoutFormNotFoundException"}),
    # --- Voucherify -----------------------------------------------------------------------------------------------
    Entry("order upsert as the SDK sends it", "voucherify SDK OrdersApi.create_order", "POST", "/v1/orders", 200,
          {"source_id": "shop-1001", "status": "PAID", "amount": 12900,
           "items": [{"source_id": "sku-1", "related_object": "sku", "quantity": 2, "price": 6450}],
           "customer": {"source_id": "c-1", "email": "jan@example.com"}, "metadata": {"channel": "web"}},
          expect={"source_id": "shop-1001", "amount": 12900}, vendor="voucherify"),
    Entry("an amount beyond JavaScript's integers", "issue 14", "POST", "/v1/orders", 400,
          {"source_id": "shop-big", "amount": 2**70}, expect={"key": "invalid_payload"}, vendor="voucherify"),
]


@pytest.fixture
def world(targ: TargServer) -> dict[str, str]:
    demo = targ.demo
    admin = targ.admin
    first = admin.call("POST", "/buyer/purchases", {"lineItems": [{"offerId": demo["offers"][0]["id"],
                                                                   "quantity": 1}]})
    targ.clock.advance("PT1H")
    unpaid = admin.call("POST", "/buyer/purchases", {"lineItems": [{"offerId": demo["offers"][0]["id"],
                                                                    "quantity": 1}], "pay": False})
    other = admin.call("POST", "/sellers", {"login": "inny-sprzedawca"})
    headers = {"Authorization": f"Bearer {other['accessToken']}", "Accept": PUBLIC, "Content-Type": PUBLIC}
    with httpx.Client(base_url=targ.url, headers=headers) as them:
        made = them.post("/sale/product-offers", json={
            "productSet": [{"product": {"id": demo["offers"][0]["productId"]}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_1"]}],
            "sellingMode": {"price": {"amount": "9.99", "currency": "PLN"}}, "stock": {"available": 5}})
        assert made.status_code == 202, made.text
    targ.clock.advance("PT1M")   # the listing's job (not drain: it would run the unpaid order's deadline too)
    foreign = admin.call("POST", "/buyer/purchases", {"lineItems": [{"offerId": made.json()["id"], "quantity": 1}]})
    me = {"Authorization": f"Bearer {targ.demo['accessToken']}", "Accept": PUBLIC}
    with httpx.Client(base_url=targ.url, headers=me) as api:
        rates = [r for r in api.get("/sale/shipping-rates").json()["shippingRates"]
                 if r["name"] == "One Fulfillment PL"]
        [product] = api.get("/sale/products", params={"phrase": ean13("590123412001"), "mode": "GTIN"}).json()[
            "products"]
    return {"order": first["checkoutFormId"], "unpaid": unpaid["checkoutFormId"],
            "foreign": foreign["checkoutFormId"], "offerA": demo["offers"][0]["id"],
            "offerC": demo["offers"][2]["id"], "event": first["events"][0]["id"], "ean": ean13("590123412001"),
            "product": product["id"], "ofRates": rates[0]["id"]}


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _at(body: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        body = body[int(part)] if isinstance(body, list) else body[part]
    return body


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    assert len({e.name for e in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("entry", CORPUS, ids=[e.name for e in CORPUS])
def test_replayed(entry: Entry, targ: TargServer, world: dict[str, str]) -> None:
    if entry.vendor == "voucherify":
        demo = targ.demo
        headers = {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"],
                   "Content-Type": "application/json"}
    else:
        headers = {"Authorization": f"Bearer {targ.demo['accessToken']}", "Accept": PUBLIC, "Content-Type": PUBLIC}
    headers.update(entry.headers)
    content = _fill(json.dumps(entry.body), world).encode() if entry.body is not None else None
    with httpx.Client(base_url=targ.url, timeout=30) as http:
        resp = http.request(entry.method, _fill(entry.path, world), content=content, headers=headers)
    assert resp.status_code == entry.status, f"{entry.name} ({entry.source}): {resp.text[:500]}"
    answer = resp.json() if resp.content else None
    for dotted, value in entry.expect.items():
        assert _at(answer, dotted) == value, (entry.name, dotted, answer)
