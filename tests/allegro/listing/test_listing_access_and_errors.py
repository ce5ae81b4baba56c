"""`GET /offers/listing`: application tokens, verified applications, and the vendor's refusals of bad queries."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from listing_helpers import ALLEGRO_JSON, app_token, error, found

from targ.testing import TargServer


def test_an_application_token_searches(http: httpx.Client, demo: dict[str, Any]) -> None:
    token = app_token(http, demo["clientId"], demo["clientSecret"])
    headers = {"Authorization": f"Bearer {token}", "Accept": ALLEGRO_JSON}
    resp = http.get("/offers/listing", params={"phrase": "lampka"}, headers=headers)
    assert resp.status_code == 200, resp.text
    assert [o["id"] for o in resp.json()["items"]["regular"]] == [demo["offers"][1]["id"]]


def test_an_unverified_application_is_refused(targ: TargServer, http: httpx.Client) -> None:
    client = targ.admin.call("POST", "/clients", {"verified": False})
    token = app_token(http, client["clientId"], client["clientSecret"])
    resp = http.get("/offers/listing", params={"phrase": "lampka"},
                    headers={"Authorization": f"Bearer {token}", "Accept": ALLEGRO_JSON})
    # The vendor's answer, verbatim (allegro-api #12088, #12917).
    assert error(resp, 403) == {
        "code": "VerificationRequired", "message": "Access is denied. Verification is required.", "details": None,
        "path": None, "userMessage": "No access to the specified resource. Access is possible only for verified "
                                     "applications.", "metadata": {}}
    bad = http.post("/__targ/clients", json={"verified": "no"})
    assert bad.status_code == 400 and bad.json()["error"] == "bad_request"


@pytest.mark.parametrize(("params", "status", "path"), [
    ({}, 400, "phrase"),                                                  # none of phrase, category, seller
    ({"marketplaceId": "allegro-pl"}, 400, "phrase"),
    ({"seller.id": "", "phrase": ""}, 400, "phrase"),
    ({"phrase": "x", "sort": "-relevance"}, 422, "sort"),                 # not one of the spec's values
    ({"phrase": "x", "limit": 61}, 422, "limit"),                         # over the maximum
    ({"phrase": "x", "limit": 0}, 422, "limit"),
    ({"phrase": "x", "offset": 600}, 422, "offset"),
    ({"phrase": "x", "offset": 550}, 422, "offset"),                      # 550 + 60 > 600
    ({"phrase": "x", "offset": "abc"}, 422, "offset"),
    ({"seller.id": "1", "seller.login": "demo-seller"}, 422, "seller.login"),
    ({"phrase": "x", "marketplaceId": "allegro-de"}, 422, "marketplaceId"),
    ({"phrase": "x", "marketplaceId": "allegro-cz", "currency": "PLN"}, 422, "currency"),
    ({"phrase": "x", "shipping.country": "DE"}, 422, "shipping.country"),
    ({"phrase": "x", "marketplaceId": "allegro-sk", "searchMode": "CLOSED"}, 422, "searchMode"),
    ({"phrase": "x", "searchMode": "DESCRIPTIONS"}, 422, "searchMode"),
    ({"phrase": "x", "include": "offers"}, 422, "include"),
    ({"phrase": "x", "price.from": "tanio"}, 422, "price.from"),
    ({"phrase": "x", "price.to": "-5"}, 422, "price.to"),
    ({"phrase": "x", "sellingMode.format": "SWAP"}, 422, "sellingMode.format"),
    ({"phrase": "x", "parameter.11323": "11323_999"}, 422, "parameter.11323"),
    ({"phrase": "x", "parameter.11323.from": "1"}, 422, "parameter.11323.from"),
    ({"phrase": "x", "fallback": "maybe"}, 422, "fallback"),
])
def test_bad_queries_are_refused_naming_the_parameter(allegro: httpx.Client, params: dict[str, Any], status: int,
                                                      path: str) -> None:
    problem = error(allegro.get("/offers/listing", params=params), status)
    assert problem["path"] == path and problem["code"] == "VALIDATION_ERROR", problem


def test_unknown_category_is_404(allegro: httpx.Client) -> None:
    problem = error(allegro.get("/offers/listing", params={"category.id": "123456789"}), 404)
    assert problem["message"] == "Category '123456789' not found"
    assert problem["details"] == "ResourceNotFoundException"


def test_unknown_filters_are_ignored(allegro: httpx.Client, demo: dict[str, Any]) -> None:
    mug = demo["offers"][0]["id"]
    assert found(allegro, phrase="kubek", colour="red", **{"parameter.999999999": "x"}) == [mug]


def test_the_operation_is_backed_by_state(http: httpx.Client) -> None:
    rows = {r["operationId"]: r for r in http.get("/__targ/coverage").json()["operations"]}
    assert rows["getListing"]["backing"] == "stateful"
    assert rows["getListing"]["module"] == "targ.allegro.listing.operations"
