"""Categories, parameters and product parameters; the tree's history and announced changes; matching."""

from __future__ import annotations

from typing import Any

import httpx
from catalog_helpers import advance, app_client

from targ.allegro.catalog.tree import tree
from targ.testing import TargServer

ROOT = "954b95b6-43cf-4104-8354-dea4d9b10ddf"


def _category(name: str) -> dict[str, Any]:
    return next(c for c in tree().categories if c["name"] == name)


def test_main_categories_with_an_application_token(app: httpx.Client) -> None:
    body = app.get("/sale/categories").json()
    assert body == app.get("/sale/categories", params={"parent.id": ROOT}).json()
    first = body["categories"][0]
    assert list(first) == ["id", "name", "leaf", "options"]          # main categories have no parent
    assert first == {"id": "5", "name": "Dom i Ogród", "leaf": False, "options": {
        "variantsByColorPatternAllowed": True, "advertisement": False, "advertisementPriceOptional": False,
        "offersWithProductPublicationEnabled": True, "productCreationEnabled": True, "customParametersEnabled": True,
        "sellerCanRequirePurchaseComments": False}}
    assert len(body["categories"]) == 13


def test_children_leaves_and_unknown_parents(allegro: httpx.Client) -> None:
    phones = allegro.get("/sale/categories", params={"parent.id": "4"}).json()["categories"]
    assert (phones[0]["id"], phones[0]["parent"], phones[0]["leaf"]) == ("165", {"id": "4"}, True)
    assert allegro.get("/sale/categories", params={"parent.id": "165"}).json() == {"categories": []}
    missing = allegro.get("/sale/categories", params={"parent.id": "1234"})
    assert missing.status_code == 404
    assert missing.json()["errors"][0] == {
        "code": "ERROR", "message": "Category '1234' in tree 'listing-pl' not found",
        "details": "ResourceNotFoundException", "path": None,
        "userMessage": "Category '1234' in tree 'listing-pl' not found", "metadata": {}}


def test_category_by_id_and_languages(allegro: httpx.Client) -> None:
    assert allegro.get("/sale/categories/165").json()["name"] == "Smartfony i telefony komórkowe"
    english = allegro.get("/sale/categories/165", headers={"Accept-Language": "en-US"}).json()
    assert english["name"] == "Smartphones and Cell Phones"
    cars = allegro.get(f"/sale/categories/{_category('Samochody osobowe')['id']}").json()
    assert cars["options"]["advertisement"] and not cars["options"]["productCreationEnabled"]
    missing = allegro.get("/sale/categories/82284")
    assert missing.status_code == 404 and missing.json()["errors"][0]["message"] == "Category '82284' not found"


def test_parameters_follow_the_spec_example(allegro: httpx.Client) -> None:
    params = {p["id"]: p for p in allegro.get("/sale/categories/491/parameters").json()["parameters"]}
    cores = params["202877"]
    assert cores["name"] == "Liczba rdzeni procesora" and cores["type"] == "integer" and not cores["required"]
    assert cores["requiredIf"] == {"parametersWithValue": [{"id": "202870", "oneOfValueIds": ["202870_1"]}],
                                   "parametersWithoutValue": []}
    assert cores["displayedIf"] == {"parametersWithValue": [{"id": "202870", "oneOfValueIds": ["202870_1",
                                                                                              "202870_2"]}]}
    assert cores["options"]["dependsOnParameterId"] == "202870"
    assert cores["restrictions"] == {"min": 0, "max": 1000000, "range": False}
    condition = params["11323"]                          # inherited from the main category
    assert condition["required"] and condition["dictionary"][0] == {"id": "11323_1", "value": "Nowy",
                                                                    "dependsOnValueIds": []}
    assert allegro.get("/sale/categories/1/parameters/").status_code == 404   # another path
    assert allegro.get("/sale/categories/31337/parameters").status_code == 404


def test_one_fulfillment_guide_example_fits_category_79155(allegro: httpx.Client) -> None:
    """The guide's POST /sale/product-offers example names category 79155 and these product parameters."""
    sent = {"223545": None, "223489": None, "75": ["75_2"], "74": None, "24648": ["24648_1", "24648_2"],
            "223333": None, "245669": None, "223541": ["223541_303061"]}
    product = {p["id"]: p for p in allegro.get("/sale/categories/79155/product-parameters").json()["parameters"]}
    for param_id, value_ids in sent.items():
        assert param_id in product, param_id
        if value_ids:
            assert set(value_ids) <= {d["id"] for d in product[param_id]["dictionary"]}
    assert product["223545"]["required"] and "options" not in product["223545"]
    assert "11323" not in product                        # the condition describes the offer, not the product


def test_scheduled_requirement_takes_effect(targ: TargServer, allegro: httpx.Client) -> None:
    brake_pads = _category("Klocki hamulcowe")["id"]
    mpn = "224017"

    def required() -> bool:
        params = allegro.get(f"/sale/categories/{brake_pads}/parameters").json()["parameters"]
        return next(p for p in params if p["id"] == mpn)["required"]

    changes = allegro.get("/sale/category-parameters-scheduled-changes").json()["scheduledChanges"]
    assert {"category": {"id": brake_pads}, "parameter": {"id": mpn}} in [
        {k: c[k] for k in ("category", "parameter")} for c in changes]
    assert all(c["type"] == "REQUIREMENT_CHANGE" and c["scheduledAt"] < c["scheduledFor"] for c in changes)
    assert [c["scheduledFor"] for c in changes] == sorted(c["scheduledFor"] for c in changes)
    assert not required()
    advance(targ, allegro, "P21D")
    assert required()
    later = allegro.get("/sale/category-parameters-scheduled-changes").json()["scheduledChanges"]
    assert len(later) == len(changes) - 2 and mpn not in [c["parameter"]["id"] for c in later]
    window = allegro.get("/sale/category-parameters-scheduled-changes",
                         params={"scheduledFor.gte": "2026-02-20T00:00:00Z", "limit": 1}).json()
    assert [c["scheduledFor"] for c in window["scheduledChanges"]] == ["2026-03-02T00:00:00.000Z"]


def test_category_events_feed(targ: TargServer, app: httpx.Client) -> None:
    events = app.get("/sale/category-events").json()["events"]
    assert len(events) == 11 and events[0]["id"] == "MTEzMjQzODU3NA"        # the spec's example id
    assert [e["occurredAt"] for e in events] == sorted(e["occurredAt"] for e in events)
    deleted = [e for e in events if e["type"] == "CATEGORY_DELETED"]
    assert all(tree().get(e["redirectCategory"]["id"]) and not tree().get(e["category"]["id"]) for e in deleted)
    after = app.get("/sale/category-events", params={"from": events[2]["id"], "limit": 2}).json()["events"]
    assert after == events[3:5]
    moved = app.get("/sale/category-events", params=[("type", "CATEGORY_MOVED")]).json()["events"]
    assert [e["category"]["name"] for e in moved] == ["Powerbanki", "Dyski SSD"]
    bad = app.get("/sale/category-events", params={"from": "bm9wZQ"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["path"] == "from"
    targ.clock.advance("P30D")                                   # three months of retention move on
    with app_client(targ) as fresh:
        assert len(fresh.get("/sale/category-events").json()["events"]) == 8   # -80, -71, -64 days are gone


def test_matching_categories(allegro: httpx.Client) -> None:
    def names(query: str) -> list[str]:
        resp = allegro.get("/sale/matching-categories", params={"name": query})
        assert resp.status_code == 200, resp.text
        return [c["name"] for c in resp.json()["matchingCategories"]]

    found = allegro.get("/sale/matching-categories", params={"name": "bmw x3"}).json()["matchingCategories"][0]
    assert found["name"] == "Samochody osobowe"
    assert found["parent"]["parent"] == {"id": "3", "name": "Motoryzacja"}
    assert names("Kubek ceramiczny biały 330 ml")[0] == "Kubki"
    assert names("Lampka biurkowa LED czarna z USB")[0] == "Lampy biurkowe"
    assert names("Powerbank 10000 mAh USB-C czarny")[0] == "Powerbanki"
    assert names("Smartfon Samsung Galaxy S24")[0] == "Smartfony i telefony komórkowe"
    assert names("qwerty zzz") == []
    blank = allegro.get("/sale/matching-categories", params={"name": " - "})
    assert blank.status_code == 422 and blank.json()["errors"][0]["path"] == "name"


def test_matching_needs_a_user_token(app: httpx.Client) -> None:
    assert app.get("/sale/matching-categories", params={"name": "kubek"}).status_code == 403
