"""Plain HTTP: the exact status codes, content types and error bodies of the Orders API, and the SDK pitfalls of
voucherify-wire.md (never an empty 2xx body, never a float amount, export `parameters.order` never "")."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from vf_helpers import assert_error, new_project, project_http, walk_numbers

from targ.testing import TargServer

JSON = "application/json; charset=utf-8"


def test_every_success_status_and_content_type(targ: TargServer, voucherify_http: httpx.Client) -> None:
    calls: list[httpx.Response] = []
    calls.append(voucherify_http.post("/v1/orders", json={"source_id": "w-1"}))
    calls.append(voucherify_http.get("/v1/orders/w-1"))
    calls.append(voucherify_http.put("/v1/orders/w-1", json={"status": "PAID"}))
    calls.append(voucherify_http.get("/v1/orders"))
    calls.append(voucherify_http.post("/v1/orders/import", json=[{"source_id": "w-2"}]))
    calls.append(voucherify_http.get(f"/v1/async-actions/{calls[-1].json()['async_action_id']}"))
    calls.append(voucherify_http.get("/v1/async-actions"))
    calls.append(voucherify_http.post("/v1/orders/export", json={}))
    calls.append(voucherify_http.post("/v1/exports", json={"exported_object": "order"}))
    calls.append(voucherify_http.get(f"/v1/exports/{calls[-1].json()['id']}"))
    calls.append(voucherify_http.get("/v1/exports"))
    calls.append(voucherify_http.get("/v1/customers?limit=1"))
    calls.append(voucherify_http.get("/v1/products"))
    for resp in calls:
        assert (resp.status_code, resp.headers["content-type"]) == (200, JSON), (resp.request.url, resp.text)
        assert isinstance(resp.json(), dict) and resp.json()


def test_an_empty_body_creates_an_order(voucherify_http: httpx.Client) -> None:
    """`create_order()` sends Content-Length 0 with a JSON Content-Type: read as `{}`, answered with a body."""
    resp = voucherify_http.post("/v1/orders", content=b"", headers={"Content-Type": "application/json"})
    assert resp.status_code == 200 and resp.headers["content-type"] == JSON
    body = resp.json()
    assert body["status"] == "CREATED" and body["object"] == "order" and body["items"] == []
    assert body["metadata"] == {} and body["customer_id"] is None and "amount" not in body
    export = voucherify_http.post("/v1/orders/export", content=b"", headers={"Content-Type": "application/json"})
    assert export.status_code == 200 and export.json()["parameters"]["order"] == "-created_at"


def test_amounts_are_always_integers(targ: TargServer, voucherify_http: httpx.Client) -> None:
    voucherify_http.post("/v1/orders", json={"source_id": "f", "discount_amount": 3, "items": [
        {"source_id": "p", "related_object": "product", "quantity": 3, "discount_amount": 1,
         "product": {"price": 33.335, "override": True}},
        {"source_id": "s", "related_object": "sku", "quantity": 1,
         "product": {"source_id": "p"}, "sku": {"price": 0.5, "override": True}}]})
    targ.drain()
    bodies = [voucherify_http.get("/v1/orders/f").json(), voucherify_http.get("/v1/orders").json(),
              voucherify_http.get("/v1/products").json(), voucherify_http.get("/v1/customers").json()]
    numbers = [pair for body in bodies for pair in walk_numbers(body)]
    assert numbers and all(type(v) is int for _, v in numbers), numbers
    order = bodies[0]
    assert [i["price"] for i in order["items"]] == [33, 1]
    assert (order["amount"], order["total_discount_amount"], order["total_amount"]) == (100, 4, 96)


def test_not_found_bodies(voucherify_http: httpx.Client) -> None:
    cases = [("/v1/orders/ord_x", "order"), ("/v1/async-actions/aa_x", "async_action"),
             ("/v1/exports/exp_x", "export"), ("/v1/customers/cust_x", "customer"),
             ("/v1/products/prod_x", "product"), ("/v1/skus/sku_x", "sku")]
    for path, kind in cases:
        ref = path.rsplit("/", 1)[1]
        body = assert_error(voucherify_http.get(path), 404, "not_found", f"Cannot find {kind} with id {ref}")
        assert (body["message"], body["resource_id"], body["resource_type"]) == ("Resource not found", ref, kind)
    body = assert_error(voucherify_http.put("/v1/orders/a%2Fb", json={}), 404, "not_found")
    assert body["resource_id"] == "a/b"


@pytest.mark.parametrize(("body", "details"), [
    ({"items": [{"quantity": 0}]}, "Property .items[0].quantity cannot be lower than 1"),
    ({"items": [{"quantity": 1}] * 501}, "Property .items must contain at most 500 items"),
    ({"items": [{"quantity": "2"}]}, None),
    ({"amount": 10.5}, None),
    ({"status": "NEW"}, None),
    ({"amount": -5}, "Property .amount cannot be lower than 0"),
    ({"items": [{"price": -1, "quantity": 1}]}, "Property .items[0].price cannot be lower than 0"),
    ({"items": [{"quantity": 1, "product": {"price": -0.5}}]}, "Property .items[0].product.price cannot be lower "
                                                              "than 0"),
    ({"customer": "cust_1"}, None),
    ({"created_at": "yesterday"}, None),
])
def test_invalid_payloads_name_the_property(voucherify_http: httpx.Client, body: dict[str, Any],
                                            details: str | None) -> None:
    """The same order is refused alike by create and by import (where the path starts with its index)."""
    field = next(iter(body))
    for resp, at in ((voucherify_http.post("/v1/orders", json=body), "Property ."),
                     (voucherify_http.post("/v1/orders/import", json=[body]), "Property .[0].")):
        err = assert_error(resp, 400, "invalid_payload")
        assert err["message"] == "Invalid payload" and err["details"].startswith(at + field), err
        if details is not None:
            assert err["details"] == details.replace("Property .", at)
    assert voucherify_http.get("/v1/orders").json()["total"] == 0


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "page=0", "order=amount", "limit=ten"])
def test_invalid_query_params(voucherify_http: httpx.Client, query: str) -> None:
    err = assert_error(voucherify_http.get(f"/v1/orders?{query}"), 400, "invalid_query_params")
    assert err["message"] == "Invalid query params" and query.split("=")[0] in err["details"]


def test_wrong_keys_are_401(targ: TargServer) -> None:
    resp = httpx.get(f"{targ.url}/v1/orders", headers={"X-App-Id": "x", "X-App-Token": "y"})
    assert_error(resp, 401, "unauthorized")


def test_projects_are_isolated(targ: TargServer, voucherify_http: httpx.Client) -> None:
    mine = voucherify_http.post("/v1/orders", json={"source_id": "shared", "customer": {"source_id": "c"},
                                                    "items": [{"source_id": "p", "quantity": 1, "price": 1,
                                                               "product": {"override": True}}]}).json()
    with project_http(targ, new_project(targ)) as other:
        assert other.get("/v1/orders").json()["total"] == 0
        assert_error(other.get(f"/v1/orders/{mine['id']}"), 404, "not_found")
        assert_error(other.get("/v1/orders/shared"), 404, "not_found")
        assert_error(other.get(f"/v1/customers/{mine['customer_id']}"), 404, "not_found")
        theirs = other.post("/v1/orders", json={"source_id": "shared", "customer": {"source_id": "c"}}).json()
        assert theirs["id"] != mine["id"] and theirs["customer_id"] != mine["customer_id"]
        assert other.get("/v1/products").json()["total"] == 0
        assert_error(other.post("/v1/orders", json={"id": mine["id"]}), 404, "not_found")
    assert voucherify_http.get("/v1/orders").json()["total"] == 1
