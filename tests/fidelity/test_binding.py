"""Allegro request bodies read the way the vendor's lenient binder reads them (issue 15; allegro-behaviour.md §7):
nulls as "not given", numbers as strings and prices as numbers, unknown properties refused only on product-offers,
a value of the wrong JSON shape is JsonMappingException. `--strict-requests` keeps the spec's check as written."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
IPHONE_EAN = ean13("590123412001")
CONDITION_NEW = [{"id": "11323", "valuesIds": ["11323_1"]}]


def offer_body(**extra: Any) -> dict[str, Any]:
    return {"productSet": [{"product": {"id": IPHONE_EAN, "idType": "GTIN"}}], "parameters": CONDITION_NEW,
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
            "stock": {"available": 5, "unit": "UNIT"}, "delivery": {"handlingTime": "PT48H"}, **extra}


@pytest.fixture
def order(targ: TargServer) -> str:
    offer = targ.demo["offers"][0]["id"]
    return str(targ.admin.call("POST", "/buyer/purchases",
                               {"lineItems": [{"offerId": offer, "quantity": 1}]})["checkoutFormId"])


def errors(resp: httpx.Response) -> list[dict[str, Any]]:
    return list(resp.json()["errors"])


def test_nulls_are_not_given_at_any_depth(api: httpx.Client, order: str) -> None:
    shipment = api.post(f"/order/checkout-forms/{order}/shipments",
                        json={"carrierId": "INPOST", "waybill": "620111222333444555666777", "carrierName": None,
                              "lineItems": None})
    assert shipment.status_code == 201, shipment.text
    assert "carrierName: null read as not given" in shipment.headers["x-targ-lenient"]
    fulfilled = api.put(f"/order/checkout-forms/{order}/fulfillment",
                        json={"status": "PROCESSING", "shipmentSummary": None})
    assert fulfilled.status_code == 204, fulfilled.text
    created = api.post("/sale/product-offers", json=offer_body(
        external=None, sizeTable=None, sellingMode={"format": "BUY_NOW", "minimalPrice": None,
                                                   "price": {"amount": "3999.00", "currency": "PLN"}}))
    assert created.status_code in (201, 202), created.text
    assert "external" not in created.json() or created.json()["external"] is None


def test_a_null_for_a_required_property_is_missing(api: httpx.Client, order: str) -> None:
    resp = api.post(f"/order/checkout-forms/{order}/shipments", json={"carrierId": None, "waybill": "6201112"})
    assert resp.status_code == 422
    assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", "carrierId")]
    assert api.get(f"/order/checkout-forms/{order}/shipments").json()["shipments"] == []


def test_numbers_as_strings_and_prices_as_numbers(api: httpx.Client) -> None:
    created = api.post("/sale/product-offers", json=offer_body(
        stock={"available": "7", "unit": "UNIT"},
        sellingMode={"format": "BUY_NOW", "price": {"amount": 45.5, "currency": "PLN"}}))
    assert created.status_code in (201, 202), created.text
    body = created.json()
    assert body["stock"]["available"] == 7
    assert body["sellingMode"]["price"]["amount"] in ("45.5", "45.50")
    assert "stock.available: the string '7' read as a number" in created.headers["x-targ-lenient"]
    imprecise = api.post("/sale/product-offers", json=offer_body(
        sellingMode={"format": "BUY_NOW", "price": {"amount": 3.0900000000000003, "currency": "PLN"}}))
    assert imprecise.status_code == 422          # on precision, not on type (#7790)
    assert errors(imprecise)[0]["code"] == "InvalidPricePrecision"
    assert errors(imprecise)[0]["path"] == "sellingMode.price.amount"


def test_unknown_properties_are_refused_on_product_offers(targ: TargServer, api: httpx.Client) -> None:
    resp = api.post("/sale/product-offers", json=offer_body(
        parametres=[], sellingMode={"format": "BUY_NOW", "netPrice": {"amount": "1", "currency": "PLN"},
                                    "price": {"amount": "3999.00", "currency": "PLN"}}))
    assert resp.status_code == 422
    # Named with the parent's name, "..." for the body itself or an array element: "sellingMode.netPrice,
    # ...parametres" is staff's reading of such a request (#10240).
    assert errors(resp) == [{"code": "UnknownJSONProperty", "message": "Unknown properties found in the request.",
                             "details": None, "path": None,
                             "userMessage": "Przesłane dane zawierają nieobsługiwane właściwości. Skontaktuj się z "
                                            "dostawcą oprogramowania.",
                             "metadata": {"unknownProperties": "sellingMode.netPrice, ...parametres"}}]
    nested = api.post("/sale/product-offers", json=offer_body(
        parameters=[{"id": "11323", "valuesIds": ["11323_1"], "unit": "kg"}],                 # #11503: "...unit"
        productSet=[{"product": {"id": IPHONE_EAN, "idType": "GTIN", "ean": "x"}}],
        stock={"available": 5, "unit": "UNIT", "availble": 5}))
    assert errors(nested)[0]["metadata"] == {"unknownProperties": "product.ean, ...unit, stock.availble"}
    many = api.post("/sale/product-offers", json=offer_body(**{f"extra{i}": i for i in range(12)}))
    assert errors(many)[0]["metadata"] == {"unknownProperties": ", ".join(f"...extra{i}" for i in range(10))}
    offer = targ.demo["offers"][0]["id"]
    patched = api.patch(f"/sale/product-offers/{offer}", json={"product": {"id": "x"}},
                        headers={"Accept-Language": "en-US"})
    assert patched.status_code == 422
    assert errors(patched)[0]["metadata"] == {"unknownProperties": "...product"}
    assert errors(patched)[0]["userMessage"] == ("The uploaded data includes unsupported properties. Contact your "
                                                 "app creator.")                       # #11589, #11878 (2025)


def test_unknown_properties_are_ignored_elsewhere(api: httpx.Client, order: str) -> None:
    resp = api.post(f"/order/checkout-forms/{order}/shipments",
                    json={"carrierId": "INPOST", "waybill": "620111222333444555666777", "trackingUrl": "x"})
    assert resp.status_code == 201, resp.text
    assert "trackingUrl" not in resp.json()


def test_a_value_of_the_wrong_shape_is_not_readable(api: httpx.Client) -> None:
    resp = api.post("/sale/product-offers", json=offer_body(images=[{"url": "https://example.com/a.jpg"}]))
    assert resp.status_code == 422
    # The vendor's userMessage (#3809 in Polish, #5601 and openlinker-project/openlinker#387 in English).
    assert errors(resp) == [{"code": "JsonMappingException", "message": "Message is not readable.", "details": None,
                             "path": "images[0]",
                             "userMessage": "Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.",
                             "metadata": {}}]
    english = api.post("/sale/product-offers", json=offer_body(images=[{"url": "https://example.com/a.jpg"}]),
                       headers={"Accept-Language": "en-US"})
    assert errors(english)[0]["userMessage"] == "Request contains invalid data. Contact the application author."


def test_patch_null_removes_the_value(targ: TargServer, api: httpx.Client) -> None:
    created = api.post("/sale/product-offers", json=offer_body(external={"id": "ext-1"},
                                                                publication={"status": "INACTIVE"}))
    assert created.status_code in (201, 202), created.text
    offer = created.json()["id"]
    assert api.get(f"/sale/product-offers/{offer}").json()["external"] == {"id": "ext-1"}
    patched = api.patch(f"/sale/product-offers/{offer}", json={"external": None})
    assert patched.status_code in (200, 202), patched.text
    assert api.get(f"/sale/product-offers/{offer}").json().get("external") is None


def test_strict_requests_hold_the_client_to_the_spec() -> None:
    with TargServer(strict_requests=True, validate_responses=True) as srv:
        headers = {"Authorization": f"Bearer {srv.demo['accessToken']}", "Accept": ALLEGRO_JSON,
                   "Content-Type": ALLEGRO_JSON}
        order = srv.admin.call("POST", "/buyer/purchases",
                               {"lineItems": [{"offerId": srv.demo["offers"][0]["id"], "quantity": 1}]})
        with httpx.Client(base_url=srv.url, headers=headers) as api:
            resp = api.post(f"/order/checkout-forms/{order['checkoutFormId']}/shipments",
                            json={"carrierId": "INPOST", "waybill": "620111222333444555666777", "carrierName": None})
            assert resp.status_code == 422 and errors(resp)[0]["path"] == "carrierName"
            strings = api.post("/sale/product-offers", json=offer_body(stock={"available": "7", "unit": "UNIT"}))
            assert strings.status_code == 422 and errors(strings)[0]["path"] == "stock.available"
