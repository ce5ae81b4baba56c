"""`GET /affiliate/conversions/cps`: conversions derived from purchases that came by a publisher's link, following
their orders (payment, cancellation, returns, confirmation), filters, paging and refusals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from affiliate_helpers import buy, conversions, error, via

from targ.testing import TargServer

Publisher = tuple[dict[str, Any], httpx.Client]


def test_a_user_without_conversions_is_not_a_publisher(publisher: Publisher, http: httpx.Client,
                                                        ids: dict[str, str]) -> None:
    _, client = publisher
    problem = error(client.get("/affiliate/conversions/cps"), 403)
    assert problem["code"] == "AccessDenied"
    buy(http, ids["A"])                                          # a purchase without a marker changes nothing
    assert client.get("/affiliate/conversions/cps").status_code == 403


def test_conversions_follow_their_orders(targ: TargServer, publisher: Publisher, http: httpx.Client,
                                         allegro: httpx.Client, ids: dict[str, str]) -> None:
    account, client = publisher
    kept = buy(http, ids["A"], 2, **via("blog-recenzje", utm_source="blog", campaign="zima"))
    targ.clock.advance("PT1H")
    dropped = buy(http, ids["B"], 1, pay=False, **via(account["id"]))       # by user id, unpaid
    found = conversions(client)
    assert [c["offer"]["id"] for c in found] == [ids["A"], ids["B"]]        # oldest purchase first
    first = found[0]
    fee = Decimal(allegro.get("/billing/billing-entries", params={"order.id": kept["checkoutFormId"]})
                  .json()["billingEntries"][0]["value"]["amount"]).copy_abs()
    assert first == {
        "id": first["id"], "status": "CREATED", "lastModifiedAt": "2026-01-01T00:00:00.000Z",
        "orderCreatedAt": "2026-01-01T00:00:00.000Z", "quantity": 2, "marketplace": {"id": "allegro-pl"},
        "offer": {"id": ids["A"], "name": "Kubek ceramiczny biały 330 ml", "category": {"id": "210098"},
                  "unitPrice": {"amount": "39.99", "currency": "PLN"}, "seller": {"login": "demo-seller"}},
        "commission": {"publisher": {"amount": str((fee / 10).quantize(Decimal("0.01"))), "currency": "PLN"},
                       "allegro": {"amount": str(fee), "currency": "PLN"}},   # the commission billing charged
        "publisherUrlParameters": {}}
    shown = conversions(client, includePublisherUrlParameters="utm_source,absent")
    assert shown[0]["publisherUrlParameters"] == {"utm_source": "blog"} and shown[1]["publisherUrlParameters"] == {}

    # The buyer returns one mug: the quantity and the commission follow, and the conversion is modified.
    line = allegro.get(f"/order/checkout-forms/{kept['checkoutFormId']}").json()["lineItems"][0]["id"]
    targ.clock.advance("P2D")
    returned = http.post(f"/__targ/buyer/checkout-forms/{kept['checkoutFormId']}/returns",
                         json={"items": [{"lineItemId": line, "quantity": 1}]})
    assert returned.status_code == 201, returned.text
    # The unpaid order is cancelled by its buyer: its conversion is rejected.
    assert http.post(f"/__targ/buyer/checkout-forms/{dropped['checkoutFormId']}/cancel").status_code == 200
    now = conversions(client)
    assert [(c["status"], c["quantity"], c["lastModifiedAt"]) for c in now] == [
        ("CREATED", 1, "2026-01-03T01:00:00.000Z"), ("REJECTED", 1, "2026-01-03T01:00:00.000Z")]
    assert Decimal(now[0]["commission"]["allegro"]["amount"]) < fee

    # Thirty days after the purchase the kept order's conversion is confirmed.
    targ.clock.advance("P28D")
    confirmed = conversions(client, status="CONFIRMED")
    assert [(c["offer"]["id"], c["lastModifiedAt"]) for c in confirmed] == [(ids["A"], "2026-01-31T00:00:00.000Z")]
    assert [c["offer"]["id"] for c in conversions(client, status="REJECTED")] == [ids["B"]]


def test_filters_and_paging(targ: TargServer, publisher: Publisher, http: httpx.Client, ids: dict[str, str]) -> None:
    _, client = publisher
    for _ in range(3):
        buy(http, ids["A"], **via("blog-recenzje"))
        targ.clock.advance("PT1H")
    everything = conversions(client)
    assert [c["orderCreatedAt"] for c in everything] == [
        "2026-01-01T00:00:00.000Z", "2026-01-01T01:00:00.000Z", "2026-01-01T02:00:00.000Z"]
    window = {"orderCreatedAt.gte": "2026-01-01T01:00:00Z", "orderCreatedAt.lte": "2026-01-01T02:00:00.000Z"}
    assert [c["id"] for c in conversions(client, **window)] == [c["id"] for c in everything[1:]]
    assert conversions(client, **{"lastModifiedAt.gte": "2026-01-01T01:30:00Z"}) == everything[2:]
    assert conversions(client, **{"lastModifiedAt.lte": "2025-12-31T23:59:59Z"}) == []
    assert conversions(client, offset=1, limit=1) == everything[1:2]
    assert conversions(client, status="CONFIRMED") == []


def test_another_publisher_sees_only_its_own(targ: TargServer, publisher: Publisher, http: httpx.Client,
                                             ids: dict[str, str]) -> None:
    _, client = publisher
    other = targ.admin.call("POST", "/sellers", {"login": "vlog-okazje"})
    buy(http, ids["A"], **via("blog-recenzje"))
    buy(http, ids["C"], **via("vlog-okazje"))
    headers = {"Authorization": f"Bearer {other['accessToken']}", "Accept": "application/vnd.allegro.beta.v1+json"}
    theirs = http.get("/affiliate/conversions/cps", headers=headers).json()["conversions"]
    assert [c["offer"]["id"] for c in theirs] == [ids["C"]]
    assert [c["offer"]["id"] for c in conversions(client)] == [ids["A"]]


@pytest.mark.parametrize(("params", "status", "path"), [
    ({"status": "PENDING"}, 422, "status"),
    ({"orderCreatedAt.gte": "wczoraj"}, 422, "orderCreatedAt.gte"),
    ({"lastModifiedAt.gte": "2026-02-01T00:00:00Z", "lastModifiedAt.lte": "2026-01-01T00:00:00Z"}, 422,
     "lastModifiedAt.gte"),
    ({"limit": 10001}, 422, "limit"),
    ({"offset": -1}, 422, "offset"),
])
def test_bad_filters_are_refused(publisher: Publisher, http: httpx.Client, ids: dict[str, str],
                                 params: dict[str, Any], status: int, path: str) -> None:
    _, client = publisher
    buy(http, ids["A"], **via("blog-recenzje"))
    problem = error(client.get("/affiliate/conversions/cps", params=params), status)
    assert problem["path"] == path and problem["code"] == "VALIDATION_ERROR", problem


def test_the_beta_media_type_is_required(publisher: Publisher, http: httpx.Client, ids: dict[str, str]) -> None:
    _, client = publisher
    buy(http, ids["A"], **via("blog-recenzje"))
    resp = client.get("/affiliate/conversions/cps", headers={"Accept": "application/vnd.allegro.public.v1+json"})
    assert resp.status_code == 406


@pytest.mark.parametrize(("marker", "status", "key"), [
    ({"publisher": "nikt-taki"}, 404, "not_found"),
    ({"publisher": ""}, 400, "bad_request"),
    ({"publisher": "blog-recenzje", "urlParameters": {"utm_source": 5}}, 400, "bad_request"),
    ({"publisher": "blog-recenzje", "link": "x"}, 400, "bad_request"),
    ("blog-recenzje", 400, "bad_request"),
])
def test_bad_markers_are_refused_and_change_nothing(publisher: Publisher, http: httpx.Client, allegro: httpx.Client,
                                                    ids: dict[str, str], marker: Any, status: int, key: str) -> None:
    resp = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": ids["A"]}], "affiliate": marker})
    assert resp.status_code == status and resp.json()["error"] == key, resp.text
    assert allegro.get("/order/checkout-forms").json()["totalCount"] == 0
