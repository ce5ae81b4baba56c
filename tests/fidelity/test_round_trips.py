"""What targ returns, a client may send back (issue 15): a GET-modify-PATCH or a clone of an offer, and settings
read and written back, are accepted and change nothing they do not mean to."""

from __future__ import annotations

from typing import Any

import httpx

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
MOVING = ("updatedAt",)


def _still(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in MOVING}


def test_an_offer_read_is_accepted_back_by_patch_unchanged(targ: TargServer, api: httpx.Client) -> None:
    offer_id = targ.demo["offers"][0]["id"]
    read = api.get(f"/sale/product-offers/{offer_id}").json()
    assert read["parameters"][0]["values"] and read["parameters"][0]["valuesIds"]   # both, as the vendor returns
    patched = api.patch(f"/sale/product-offers/{offer_id}", json=read)
    assert patched.status_code == 200, patched.text
    assert "a read-only property, ignored" in patched.headers["x-targ-lenient"]
    assert _still(api.get(f"/sale/product-offers/{offer_id}").json()) == _still(read)


def test_an_offer_read_and_modified_is_patched(targ: TargServer, api: httpx.Client) -> None:
    offer_id = targ.demo["offers"][0]["id"]
    read = api.get(f"/sale/product-offers/{offer_id}").json()
    read["sellingMode"]["price"]["amount"] = "41.00"
    read["stock"]["available"] = 7
    assert api.patch(f"/sale/product-offers/{offer_id}", json=read).status_code == 200
    again = api.get(f"/sale/product-offers/{offer_id}").json()
    assert (again["sellingMode"]["price"]["amount"], again["stock"]["available"]) == ("41.00", 7)


def test_an_offer_read_is_a_clone_when_posted(targ: TargServer, api: httpx.Client) -> None:
    read = api.get(f"/sale/product-offers/{targ.demo['offers'][0]['id']}").json()
    clone = api.post("/sale/product-offers", json=read)
    assert clone.status_code == 202, clone.text
    made = clone.json()
    assert made["id"] != read["id"]
    for key in ("name", "parameters", "sellingMode", "stock", "category", "images", "productSet"):
        assert made[key] == read[key], key
    targ.drain()
    assert api.get(f"/sale/product-offers/{made['id']}").json()["publication"]["status"] == "ACTIVE"


def test_settings_read_are_accepted_back(api: httpx.Client) -> None:
    contact = api.post("/sale/offer-contacts", json={"name": "Obsługa sklepu",
                                                      "emails": [{"address": "sklep@example.com"}]})
    assert contact.status_code == 201, contact.text
    one = api.get(f"/sale/offer-contacts/{contact.json()['id']}").json()
    back = api.put(f"/sale/offer-contacts/{one['id']}", json=one)
    assert back.status_code == 200, back.text
    assert _still(back.json()) == _still(one)
    # every other setting: tests/allegro/resources/test_resources_crud.py::test_what_is_read_is_accepted_back
