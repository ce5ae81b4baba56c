"""Carriers, delivery methods and Allegro pickup points."""

from __future__ import annotations

import httpx
from catalog_helpers import ALLEGRO_JSON

from targ.allegro.catalog.delivery import canonical_carrier, delivery_method


def test_carriers(app: httpx.Client, allegro: httpx.Client) -> None:
    body = app.get("/order/carriers").json()
    assert body == allegro.get("/order/carriers").json()
    carriers = {c["id"]: c for c in body["carriers"]}
    assert carriers["OTHER"] == {"id": "OTHER"}                       # reserved for custom carriers: no name
    assert carriers["POCZTA_POLSKA"] == {"id": "POCZTA_POLSKA", "name": "Poczta Polska"}
    assert "X_PRESS_COURIERS" not in carriers and body["carriers"][-1]["id"] == "OTHER"
    assert {"ALLEGRO", "DB_SCHENKER", "DHL", "DPD", "DPD_SK", "INPOST", "ORLEN", "SUUS", "UPS"} <= set(carriers)
    assert canonical_carrier("X_PRESS_COURIERS") == "ALLEGRO" and canonical_carrier("NOPE") is None


def test_delivery_methods(app: httpx.Client) -> None:
    methods = app.get("/sale/delivery-methods").json()["deliveryMethods"]
    example = next(m for m in methods if m["id"] == "758fcd59-fbfa-4453-ae07-4800d72c2ca5")
    assert example["name"] == "List polecony priorytetowy" and example["paymentPolicy"] == "IN_ADVANCE"
    assert "carrier" not in example and delivery_method(example["id"])["carrier"] == "POCZTA_POLSKA"
    czech = app.get("/sale/delivery-methods", params={"marketplace": "allegro-cz"}).json()["deliveryMethods"]
    assert czech and all(m["marketplaces"] == ["allegro-cz"] for m in czech)
    assert {m["shippingRatesConstraints"]["firstItemRate"]["currency"] for m in czech} == {"CZK"}
    assert len(methods) > len(czech) > 0
    assert app.get("/sale/delivery-methods", params={"marketplace": "ebay-de"}).json() == {"deliveryMethods": []}


def test_pickup_points_and_if_modified_since(app: httpx.Client) -> None:
    full = app.get("/order/carriers/ALLEGRO/points")
    assert full.status_code == 200
    last_modified = full.headers["last-modified"]
    assert last_modified == "Mon, 15 Dec 2025 06:00:00 GMT"
    points = full.json()["points"]
    assert len(points) == 56 and {p["type"] for p in points} == {"APM", "PUDO"}
    assert all(p["address"]["countryCode"] == "PL" for p in points)
    same = app.get("/order/carriers/ALLEGRO/points", headers={"If-Modified-Since": last_modified})
    assert same.status_code == 304 and same.content == b"" and same.headers["last-modified"] == last_modified
    older = app.get("/order/carriers/ALLEGRO/points", headers={"If-Modified-Since": "Sat, 01 Dec 2018 10:00:00 GMT"})
    assert older.status_code == 200 and older.json() == full.json()
    bad = app.get("/order/carriers/ALLEGRO/points", headers={"If-Modified-Since": "yesterday"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["path"] == "If-Modified-Since"
    dpd = app.get("/order/carriers/ALLEGRO/points", params=[("carriers", "DPD"), ("carriers", "UPS")]).json()
    assert 0 < len(dpd["points"]) < len(points)
    assert all({"DPD", "UPS"} & set(p["carriers"]) for p in dpd["points"])


def test_sellers_settings_point_at_real_reference_data(allegro: httpx.Client) -> None:
    """The resource engine checks the ids a seller's shipping rates name against the dataset (catalog.lookups)."""
    def create(method_id: str) -> httpx.Response:
        price = {"amount": "12.00", "currency": "PLN"}
        body = {"name": f"Cennik {method_id[:8]}", "rates": [{"deliveryMethod": {"id": method_id},
                                                              "maxQuantityPerPackage": 1, "firstItemRate": price,
                                                              "nextItemRate": price}]}
        return allegro.post("/sale/shipping-rates", json=body, headers={"Content-Type": ALLEGRO_JSON})

    assert create("758fcd59-fbfa-4453-ae07-4800d72c2ca5").status_code == 201
    unknown = create("00000000-0000-4000-8000-000000000000")
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["path"] == "rates[0].deliveryMethod.id"
