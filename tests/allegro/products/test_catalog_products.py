"""Products: the demo catalogue, search, reads, proposals and change proposals."""

from __future__ import annotations

from typing import Any

import httpx

from targ.allegro.catalog.tree import tree
from targ.allegro.products.catalog import DEMO_PRODUCTS, ean13
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"


def _post(client: httpx.Client, path: str, body: dict[str, Any]) -> httpx.Response:
    return client.post(path, json=body, headers={"Content-Type": ALLEGRO_JSON})


def _search(client: httpx.Client, **params: Any) -> dict[str, Any]:
    resp = client.get("/sale/products", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


def _proposal(**extra: Any) -> dict[str, Any]:
    return {"name": "Kubek emaliowany 400 ml", "category": {"id": "210098"}, "language": "pl-PL",
            "images": [{"url": "https://example.com/kubek.jpg"}],
            "parameters": [{"id": "225693", "values": ["5909990000024"]}], **extra}


def test_the_demo_catalogue(allegro: httpx.Client, demo: dict[str, Any]) -> None:
    everything = _search(allegro)["products"]
    assert [p["name"] for p in everything] == [d.name for d in DEMO_PRODUCTS]
    assert [p["id"] for p in everything[:3]] == [o["productId"] for o in demo["offers"]]
    mug = allegro.get(f"/sale/products/{demo['offers'][0]['productId']}").json()
    assert mug["category"]["path"][-1] == {"id": "210098", "name": "Kubki"}
    gtin = next(p for p in mug["parameters"] if p["id"] == "225693")
    assert gtin["values"] == [demo["offers"][0]["ean"]] and gtin["options"]["isGTIN"] is True
    assert mug["publication"] == {"status": "LISTED"} and len(mug["images"]) == 2
    english = allegro.get(f"/sale/products/{demo['offers'][2]['productId']}", params={"language": "en-US"}).json()
    assert {p["name"] for p in english["parameters"]} >= {"Brand", "Battery capacity"}
    assert allegro.get("/sale/products/nope").status_code == 404


def test_search(allegro: httpx.Client) -> None:
    assert [p["name"] for p in _search(allegro, phrase="iphone")["products"]] == [
        "Apple iPhone 15 128 GB czarny", "Etui silikonowe do iPhone 15 czarne"]
    assert [p["name"] for p in _search(allegro, phrase="ladowarka")["products"]] == [
        "Ładowarka sieciowa USB-C 65 W GaN biała"]                      # diacritics ignored
    by_gtin = _search(allegro, phrase="0" + ean13("590123412002"), mode="GTIN")["products"]
    assert [p["name"] for p in by_gtin] == ["Samsung Galaxy S24 256 GB szary"]
    assert [p["name"] for p in _search(allegro, phrase="11717", mode="MPN")["products"]] == [
        "LEGO Classic 11717 Kreatywne klocki"]
    phones = _search(allegro, **{"phrase": "128 GB", "category.id": "4"})
    assert [p["name"] for p in phones["products"]] == ["Apple iPhone 15 128 GB czarny",
                                                       "Xiaomi Redmi Note 13 128 GB niebieski"]
    assert phones["categories"]["path"][-1]["id"] == "4"
    blue = _search(allegro, **{"phrase": "128 GB", "225247": "225247_5"})["products"]
    assert [p["name"] for p in blue] == ["Xiaomi Redmi Note 13 128 GB niebieski"]
    colours = next(f for f in _search(allegro, phrase="128 GB")["filters"] if f["id"] == "225247")
    assert {v["value"]: v["count"] for v in colours["values"]} == {"225247_1": 1, "225247_5": 1}
    assert allegro.get("/sale/products", params={"category.id": "4"}).status_code == 422
    assert allegro.get("/sale/products", params={"page.id": "garbage"}).status_code == 422
    assert "nextPage" not in _search(allegro)


def test_product_proposals(allegro: httpx.Client, seller: Any) -> None:
    made = _post(allegro, "/sale/product-proposals", _proposal())
    assert made.status_code == 201, made.text
    assert made.json()["publication"] == {"status": "PROPOSED"}
    assert [p["id"] for p in _search(allegro, phrase="emaliowany")["products"]] == [made.json()["id"]]
    assert _search(seller("other")[1], phrase="emaliowany")["products"] == []
    again = _post(allegro, "/sale/product-proposals", _proposal(name="Inny kubek"))
    assert again.status_code == 409 and again.json()["errors"][0]["metadata"] == {"productId": made.json()["id"]}
    book = _post(allegro, "/sale/product-proposals", _proposal(category={"id": "79155"}, parameters=[]))
    assert book.status_code == 422
    assert book.json()["errors"][0]["code"] == "ProductCreateFailedException"
    required = sum(1 for ref in tree().refs(tree().by_id["79155"]) if ref["requiredForProduct"])
    assert book.json()["errors"][0]["message"] == \
        f"Unable to create product without all required parameters (0 / {required})"
    not_leaf = _post(allegro, "/sale/product-proposals", _proposal(category={"id": "4"}))
    assert not_leaf.status_code == 422 and not_leaf.json()["errors"][0]["path"] == "category.id"


def test_change_proposals(targ: TargServer, allegro: httpx.Client, demo: dict[str, Any], seller: Any) -> None:
    mine = _post(allegro, "/sale/product-proposals", _proposal()).json()
    change = {"name": "Kubek emaliowany 400 ml niebieski", "category": {"id": "210098"}, "language": "pl-PL",
              "images": [{"url": "https://example.com/kubek2.jpg"}], "note": "Poprawiona nazwa",
              "parameters": [{"id": "224017", "values": ["KUB-EM-400"]}]}
    resp = _post(allegro, f"/sale/products/{mine['id']}/change-proposals", change)
    assert resp.status_code == 201, resp.text
    proposal = resp.json()
    assert resp.headers["location"] == f"{targ.url}/sale/products/change-proposals/{proposal['id']}"
    assert proposal["name"] == {"current": "Kubek emaliowany 400 ml", "proposal": change["name"],
                                "resolutionType": "ACCEPTED"}
    assert proposal["parameters"] == [{"id": "224017", "values": [{"proposal": "KUB-EM-400",
                                                                   "resolutionType": "ACCEPTED"}]}]
    assert allegro.get(f"/sale/products/{mine['id']}").json()["name"] == change["name"]
    catalogue = _post(allegro, f"/sale/products/{demo['offers'][0]['productId']}/change-proposals", change).json()
    assert catalogue["name"]["resolutionType"] == "UNRESOLVED"
    assert allegro.get(f"/sale/products/change-proposals/{catalogue['id']}").json() == catalogue
    assert seller("other")[1].get(f"/sale/products/change-proposals/{catalogue['id']}").status_code == 403
    assert allegro.get("/sale/products/change-proposals/nope").status_code == 404
