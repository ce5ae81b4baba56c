"""`/sale/product-offers`: creating an offer each way, reading, editing, parts, operations, and deleting drafts."""

from __future__ import annotations

from typing import Any

import httpx
from offers_helpers import CONDITION_NEW, IPHONE_EAN, NewSeller, create, offer, seller_body, send

from targ.testing import TargServer


def test_create_by_product_id_takes_the_products_data(allegro: httpx.Client, demo: dict[str, Any]) -> None:
    product_id = demo["offers"][0]["productId"]
    resp = send(allegro, "POST", "/sale/product-offers", {
        "productSet": [{"product": {"id": product_id}}], "parameters": CONDITION_NEW,
        "sellingMode": {"price": {"amount": "19.90", "currency": "PLN"}}, "stock": {"available": 3},
        "publication": {"status": "INACTIVE"}})
    assert resp.status_code == 201, resp.text
    made = resp.json()
    assert made["name"] == "Kubek ceramiczny biały 330 ml" and made["category"] == {"id": "210098"}
    assert made["productSet"][0]["product"]["id"] == product_id
    assert made["productSet"][0]["product"]["publication"] == {"status": "LISTED"}
    assert made["publication"]["status"] == "INACTIVE" and made["stock"] == {"available": 3, "unit": "UNIT"}
    assert made["sellingMode"]["format"] == "BUY_NOW" and len(made["images"]) == 2
    assert made["parameters"] == [{"id": "11323", "name": "Stan", "values": ["Nowy"], "valuesIds": ["11323_1"]}]
    assert offer(allegro, made["id"]) == made


def test_create_by_ean_and_by_matching_product_data(allegro: httpx.Client) -> None:
    by_ean = create(allegro, seller_body())
    assert by_ean["name"] == "Apple iPhone 15 128 GB czarny"
    data = {"name": "Mój iPhone", "category": {"id": "165"}, "images": ["https://example.com/a.jpg"],
            "parameters": [{"id": "225693", "values": [IPHONE_EAN]}]}
    matched = create(allegro, seller_body(productSet=[{"product": data}]))
    assert matched["productSet"][0]["product"]["id"] == by_ean["productSet"][0]["product"]["id"]


def test_full_product_data_proposes_a_product_asynchronously(targ: TargServer, allegro: httpx.Client,
                                                             seller: NewSeller) -> None:
    data = {"name": "Kubek termiczny stalowy 450 ml", "category": {"id": "210098"},
            "images": ["https://example.com/kubek.jpg"], "parameters": [{"id": "225693", "values": ["5909990000017"]}]}
    resp = send(allegro, "POST", "/sale/product-offers", seller_body(productSet=[{"product": data}]))
    assert resp.status_code == 202, resp.text
    made = resp.json()
    product = made["productSet"][0]["product"]
    assert product["publication"] == {"status": "PROPOSED"} and made["name"] == data["name"]
    location = resp.headers["location"]
    assert location.startswith(f"{targ.url}/sale/product-offers/{made['id']}/operations/")
    assert resp.headers["retry-after"] == "5"
    pending = allegro.get(location.removeprefix(targ.url))
    assert pending.status_code == 202 and pending.json()["operation"]["status"] == "IN_PROGRESS"
    assert pending.json()["offer"] == {"id": made["id"]}
    targ.drain()
    done = allegro.get(location.removeprefix(targ.url), follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"{targ.url}/sale/product-offers/{made['id']}"
    # The proposal is a catalogue entry in the proposer's view only.
    found = allegro.get("/sale/products", params={"phrase": "5909990000017", "mode": "GTIN"}).json()["products"]
    assert [(p["id"], p["publication"]["status"]) for p in found] == [(product["id"], "PROPOSED")]
    _, other = seller("someone-else")
    assert other.get("/sale/products", params={"phrase": "5909990000017", "mode": "GTIN"}).json()["products"] == []
    assert other.get(f"/sale/products/{product['id']}").status_code == 404
    assert allegro.get(f"/sale/product-offers/{made['id']}/operations/nope").status_code == 404


def test_create_active_is_inactive_while_processing(targ: TargServer, allegro: httpx.Client) -> None:
    """202 with Location and Retry-After; INACTIVE until listed, ACTIVATING being for scheduled listings (#11875)."""
    resp = send(allegro, "POST", "/sale/product-offers", seller_body(publication={"status": "ACTIVE"}))
    assert resp.status_code == 202 and resp.json()["publication"]["status"] == "INACTIVE"
    assert "/operations/" in resp.headers["location"] and int(resp.headers["retry-after"]) >= 1
    targ.clock.advance("PT5S")
    assert offer(allegro, resp.json()["id"])["publication"]["status"] == "ACTIVE"
    later = send(allegro, "POST", "/sale/product-offers",
                 seller_body(publication={"status": "ACTIVE", "startingAt": "2026-01-02T00:00:00Z"}))
    assert later.json()["publication"]["status"] == "ACTIVATING"
    no_stock = send(allegro, "POST", "/sale/product-offers",
                    seller_body(stock={"available": 0}, publication={"status": "ACTIVE"}))
    assert no_stock.status_code == 422
    assert no_stock.json()["errors"][0] == {
        "code": "AvailableStockMustEqualToOneOrBeGreaterThanOne", "message": "The listed quantity cannot be less "
        "than 1.", "details": None, "path": "stock.available", "userMessage": "The listed quantity cannot be less "
        "than 1.", "metadata": {}}


def test_without_a_publication_status_the_offer_is_listed(targ: TargServer, allegro: httpx.Client,
                                                        demo: dict[str, Any]) -> None:
    """#3257 NEWS, #6084 staff: a product-offer created without `publication.status` is listed."""
    resp = send(allegro, "POST", "/sale/product-offers", {
        "productSet": [{"product": {"id": demo["offers"][0]["productId"]}}], "parameters": CONDITION_NEW,
        "sellingMode": {"price": {"amount": "19.90", "currency": "PLN"}}, "stock": {"available": 3}})
    assert resp.status_code == 202, resp.text
    assert resp.json()["publication"]["status"] == "INACTIVE"
    operation = resp.headers["location"]
    assert allegro.get(operation, follow_redirects=False).status_code == 202
    targ.drain()
    done = allegro.get(operation, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith(f"/sale/product-offers/{resp.json()['id']}")
    assert offer(allegro, resp.json()["id"])["publication"]["status"] == "ACTIVE"


def test_refused_bodies_leave_no_draft(allegro: httpx.Client, demo: dict[str, Any]) -> None:
    cases = [
        (seller_body(sellingMode={"price": {"amount": "10.00", "currency": "EUR"}}), "sellingMode.price.currency",
         "VALIDATION_ERROR"),
        (seller_body(sellingMode={"price": {"amount": "10.001", "currency": "PLN"}}), "sellingMode.price.amount",
         "InvalidPricePrecision"),
        (seller_body(parameters=[]), "parameters", "ConstraintViolationException.MissingRequiredParameters"),
        (seller_body(parameters=[{"id": "11323", "valuesIds": ["11323_9"]}]), "parameters[0].valuesIds",
         "VALIDATION_ERROR"),
        (seller_body(category={"id": "4"}), "category.id", "VALIDATION_ERROR"),
        (seller_body(productSet=[{"product": {"id": "5900000000000", "idType": "GTIN"}}]),
         "productSet[0].product.id", "MatchingProductForDataNotFoundException"),
        (seller_body(delivery={"shippingRates": {"id": "00000000-0000-4000-8000-000000000000"}}),
         "delivery.shippingRates.id", "VALIDATION_ERROR"),
        (seller_body(afterSalesServices={"returnPolicy": {"name": "No such policy"}}),
         "afterSalesServices.returnPolicy.name", "VALIDATION_ERROR"),
    ]
    for body, path, code in cases:
        resp = send(allegro, "POST", "/sale/product-offers", body)
        assert resp.status_code == 422, resp.text
        assert (resp.json()["errors"][0]["path"], resp.json()["errors"][0]["code"]) == (path, code)
    assert allegro.get("/sale/offers").json()["totalCount"] == len(demo["offers"])


def test_edit_parts_and_access(targ: TargServer, allegro: httpx.Client, seller: NewSeller) -> None:
    made = create(allegro, seller_body())
    path = f"/sale/product-offers/{made['id']}"
    edited = send(allegro, "PATCH", path, {"name": "iPhone 15 czarny, nowy", "stock": {"available": 7},
                                           "sellingMode": {"price": {"amount": "3899.00", "currency": "PLN"}}})
    assert edited.status_code == 200, edited.text
    assert (edited.json()["name"], edited.json()["stock"]["available"]) == ("iPhone 15 czarny, nowy", 7)
    assert edited.json()["sellingMode"] == {"format": "BUY_NOW", "price": {"amount": "3899.00", "currency": "PLN"}}
    parts = allegro.get(f"{path}/parts", params={"include": ["stock", "price"]}).json()
    assert parts == {"id": made["id"], "stock": {"available": 7},
                     "sellingMode": {"price": {"amount": "3899.00", "currency": "PLN"}}, "additionalMarketplaces": {}}
    activating = send(allegro, "PATCH", path, {"publication": {"status": "ACTIVE"}})
    assert activating.status_code == 202 and "location" in activating.headers
    targ.drain()
    assert offer(allegro, made["id"])["publication"]["status"] == "ACTIVE"
    assert send(allegro, "PATCH", path, {"stock": {"available": 0}}).status_code == 422
    assert send(allegro, "PATCH", path, {"publication": {"status": "INACTIVE"}}).status_code == 422
    ended = send(allegro, "PATCH", path, {"publication": {"status": "ENDED"}}).json()
    assert ended["publication"]["status"] == "ENDED" and ended["publication"]["endedBy"] == "USER"
    _, other = seller("nosy")
    assert other.get(path).status_code == 403
    assert other.get("/sale/product-offers/123").status_code == 404


def test_only_drafts_can_be_deleted(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    draft = create(allegro, seller_body())
    assert allegro.delete(f"/sale/offers/{ids['A']}").status_code == 422
    assert allegro.delete(f"/sale/offers/{draft['id']}").status_code == 204
    assert allegro.get(f"/sale/product-offers/{draft['id']}").status_code == 404
    assert allegro.delete(f"/sale/offers/{draft['id']}").status_code == 404
