"""Compatibility lists: supported categories, groups, products, and suggestions from the seller's offers."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from catalog_helpers import put_doc

from targ.allegro.catalog.tree import tree
from targ.testing import TargServer


def test_supported_categories(allegro: httpx.Client) -> None:
    supported = allegro.get("/sale/compatibility-list/supported-categories").json()["supportedCategories"]
    assert [(c["categoryId"], c["itemsType"], c["inputType"]) for c in supported] == [
        ("9108", "PRINTER", "TEXT"), ("620", "CAR", "ID"), ("257358", "CAR", "ID"),
        ("158", "MOTORCYCLE_EXPLODED", "ID")]


def test_groups_and_products(allegro: httpx.Client) -> None:
    groups = allegro.get("/sale/compatible-products/groups", params={"type": "CAR", "limit": 3}).json()
    assert groups["groups"][:3] == [{"id": "b0dfe6de8fb2f2b1309ad94c6cc4e09d", "text": "ABARTH"},
                                    {"id": "4144e097d2fa7a491cec2a7a4322f2bc", "text": "AC"},
                                    {"id": "de3e2253f276cd1c757f58860d77b9bb", "text": "ACURA"}]
    assert groups["count"] == 3 and groups["totalCount"] == 24
    audi = hashlib.md5(b"AUDI").hexdigest()
    products = allegro.get("/sale/compatible-products", params={"type": "CAR", "group.id": audi}).json()
    assert products["totalCount"] == 3 and all(p["group"]["id"] == audi for p in products["compatibleProducts"])
    a6 = next(p for p in products["compatibleProducts"] if "A6" in p["text"])
    assert a6["text"] == "AUDI A6 (4G2, 4GC, C7) 2014/09-2018/09 3.0 TDI quattro 326KM/240kW"
    k_typ = next(a["values"][0] for a in a6["attributes"] if a["id"] == "K_TYP_NR")
    by_tecdoc = allegro.get("/sale/compatible-products", params={"type": "CAR", "tecdoc.kTypNr": k_typ}).json()
    assert [p["id"] for p in by_tecdoc["compatibleProducts"]] == [a6["id"]]
    golf = allegro.get("/sale/compatible-products", params={"type": "CAR", "phrase": "golf tdi"}).json()
    assert [p["text"][:10] for p in golf["compatibleProducts"]] == ["VW GOLF VI"]
    printers = allegro.get("/sale/compatible-products", params={"type": "PRINTER"})
    assert printers.status_code == 422 and printers.json()["errors"][0]["path"] == "type"


def test_if_modified_since(allegro: httpx.Client) -> None:
    full = allegro.get("/sale/compatible-products/groups", params={"type": "MOTORCYCLE_EXPLODED"})
    since = {"If-Modified-Since": full.headers["last-modified"]}
    assert allegro.get("/sale/compatible-products/groups", params={"type": "MOTORCYCLE_EXPLODED"},
                       headers=since).status_code == 304
    assert allegro.get("/sale/compatible-products", params={"type": "CAR"}, headers=since).status_code == 304
    searched = allegro.get("/sale/compatible-products", params={"type": "CAR", "phrase": "audi"}, headers=since)
    assert searched.status_code == 200 and searched.json()["count"] == 3


def test_suggestion_from_the_sellers_offer(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    offer: dict[str, Any] = {"name": "Pióra wycieraczek Bosch Audi A6 C7 komplet", "category": {"id": "257358"},
                             "product": {"id": "0f8e2c1a-4d55-4d0b-8a77-2f9b8c6d1e01"}}
    put_doc(targ, "offer", "7799000100", demo["sellerId"], offer)
    body = allegro.get("/sale/compatibility-list-suggestions", params={"offer.id": "7799000100"}).json()
    assert body == {"type": "MANUAL", "items": [
        {"type": "TEXT", "text": "AUDI A6 (4G2, 4GC, C7) 2014/09-2018/09 3.0 TDI quattro 326KM/240kW"}]}
    by_product = allegro.get("/sale/compatibility-list-suggestions", params={"product.id": offer["product"]["id"]})
    assert by_product.json() == body
    for params in ({"offer.id": demo["offers"][0]["id"]}, {"offer.id": "1"}, {}):   # a mug, nothing, no id
        assert allegro.get("/sale/compatibility-list-suggestions", params=params).status_code == 404


def test_suggestion_in_a_subcategory_of_a_supported_one(targ: TargServer, demo: dict[str, Any],
                                                        allegro: httpx.Client) -> None:
    brake_pads = next(c for c in tree().categories if c["name"] == "Klocki hamulcowe")   # under 620
    put_doc(targ, "offer", "7799000101", demo["sellerId"],
            {"name": "Klocki hamulcowe przód VW Golf VII 1.6 TDI", "category": {"id": brake_pads["id"]}})
    items = allegro.get("/sale/compatibility-list-suggestions", params={"offer.id": "7799000101"}).json()["items"]
    assert [i["text"] for i in items] == ["VW GOLF VII (5G1, BQ1, BE1, BE2) 2012/08-2020/08 1.6 TDI 110KM/81kW"]

