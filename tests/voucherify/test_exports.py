"""Order exports through the unchanged SDK (OrdersApi.create_order_export, ExportsApi.get_export/download_export)
and plain HTTP: the job's lifecycle, the CSV rows matching the filter, the token, list and delete."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import voucherify
from vf_helpers import JOB_START, JOB_STEP, assert_error, csv_rows, new_project, project_http, token_of
from voucherify import OrdersCreateRequestBody, OrdersExportCreateRequestBody

from targ.testing import TargServer

SEED = [  # source_id, status, amount, metadata, customer source id
    ("o-1", "PAID", 5000, {"channel": "web", "tags": ["a", "b"]}, "ann"),
    ("o-2", "CREATED", 150000, {"channel": "shop"}, None),
    ("o-3", "PAID", 200000, {"channel": "shop"}, "bob"),
    ("o-4", "CANCELED", 700, {}, "ann"),
    ("x-5", "FULFILLED", 120000, {"channel": "web"}, None),
]


@pytest.fixture
def seeded(targ: TargServer, orders: voucherify.OrdersApi) -> dict[str, str]:
    """Five orders created a day apart (2026-01-01 .. 2026-01-05); source id → id."""
    ids = {}
    for source_id, status, amount, metadata, customer in SEED:
        body: dict[str, Any] = {"source_id": source_id, "status": status, "amount": amount, "metadata": metadata}
        if customer:
            body["customer"] = {"source_id": customer}
        ids[source_id] = orders.create_order(OrdersCreateRequestBody.from_dict(body)).id
        targ.clock.advance("P1D")
    return ids


def export_csv(targ: TargServer, http: httpx.Client, parameters: dict[str, Any]) -> list[list[str]]:
    resp = http.post("/v1/orders/export", json={"parameters": parameters})
    assert resp.status_code == 200, resp.text
    targ.drain()
    url = http.get(f"/v1/exports/{resp.json()['id']}").json()["result"]["url"]
    return csv_rows(httpx.get(url).text)


def test_export_lifecycle_and_download(targ: TargServer, seeded: dict[str, str], orders: voucherify.OrdersApi,
                                       exports: voucherify.ExportsApi) -> None:
    created = orders.create_order_export(OrdersExportCreateRequestBody.from_dict({"parameters": {
        "order": "created_at", "fields": ["id", "source_id", "status", "amount", "customer_id", "created_at"],
        "filters": {"status": {"conditions": {"$in": ["PAID", "FULFILLED"]}}}}}))
    assert created.id.startswith("exp_") and created.status == "SCHEDULED" and created.result is None
    assert (created.exported_object, created.channel, created.parameters.order) == ("order", "API", "created_at")
    seen = [exports.get_export(created.id).status]
    targ.clock.advance(JOB_START)
    seen.append(exports.get_export(created.id).status)
    targ.clock.advance(JOB_STEP)
    done = exports.get_export(created.id)
    assert [*seen, done.status] == ["SCHEDULED", "IN_PROGRESS", "DONE"]
    assert done.result.url.startswith(f"{targ.url}/v1/exports/{created.id}?token=")
    text = exports.download_export(created.id, token=token_of(done.result.url))
    ann = orders.get_order("o-1").customer_id
    assert csv_rows(text) == [
        ["id", "source_id", "status", "amount", "customer_id", "created_at"],
        [seeded["o-1"], "o-1", "PAID", "5000", ann, "2026-01-01T00:00:00.000Z"],
        [seeded["o-3"], "o-3", "PAID", "200000", orders.get_order("o-3").customer_id, "2026-01-03T00:00:00.000Z"],
        [seeded["x-5"], "x-5", "FULFILLED", "120000", "", "2026-01-05T00:00:00.000Z"],
    ]


def test_empty_export_has_the_default_fields(targ: TargServer, seeded: dict[str, str],
                                             orders: voucherify.OrdersApi, exports: voucherify.ExportsApi) -> None:
    created = orders.create_order_export()
    assert created.parameters.fields == ["id", "source_id", "status"]
    targ.drain()
    got = exports.get_export(created.id)
    assert got.parameters.order == "-created_at" and got.parameters.filters == {"junction": "and"}
    rows = csv_rows(exports.download_export(created.id, token=token_of(got.result.url)))
    assert rows[0] == ["id", "source_id", "status"]
    assert [r[1] for r in rows[1:]] == ["x-5", "o-4", "o-3", "o-2", "o-1"]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"amount": {"conditions": {"$more_than": 100000}}}, ["o-2", "o-3", "x-5"]),
    ({"amount": {"conditions": {"$less_than_equal": [5000]}}}, ["o-1", "o-4"]),
    ({"status": {"conditions": {"$not_in": ["PAID"]}}}, ["o-2", "o-4", "x-5"]),
    ({"status": {"conditions": {"$is": "CANCELED"}}}, ["o-4"]),
    ({"source_id": {"conditions": {"$starts_with": "x-"}}}, ["x-5"]),
    ({"created_at": {"conditions": {"$after": "2026-01-02T12:00:00Z", "$before": "2026-01-04T12:00:00Z"}}},
     ["o-3", "o-4"]),
    ({"created_at": {"conditions": {"$is": "2026-01-02"}}}, ["o-2"]),
    ({"metadata.channel": {"conditions": {"$is": "web"}}}, ["o-1", "x-5"]),
    ({"metadata.tags": {"conditions": {"$contains": "b"}}}, ["o-1"]),
    ({"metadata.channel": {"conditions": {"$is_unknown": True}}}, ["o-4"]),
    ({"customer_id": {"conditions": {"$has_value": True}}}, ["o-1", "o-3", "o-4"]),
    ({"junction": "or", "status": {"conditions": {"$is": "CREATED"}},
      "total_amount": {"conditions": {"$less_than": 1000}}}, ["o-2", "o-4"]),
    ({"junction": "and", "status": {"conditions": {"$is": "PAID"}},
      "metadata.channel": {"conditions": {"$in": ["shop"]}}}, ["o-3"]),
    ({"created_at": {"conditions": {"$more_than_ago": 3}}}, ["o-1", "o-2"]),
])
def test_filters_select_the_rows(targ: TargServer, seeded: dict[str, str], voucherify_http: httpx.Client,
                                 filters: dict[str, Any], expected: list[str]) -> None:
    rows = export_csv(targ, voucherify_http, {"order": "created_at", "fields": ["source_id"], "filters": filters})
    assert [r[0] for r in rows[1:]] == expected


def test_metadata_column_and_status_order(targ: TargServer, seeded: dict[str, str],
                                          voucherify_http: httpx.Client) -> None:
    rows = export_csv(targ, voucherify_http, {"order": "-status", "fields": ["source_id", "metadata", "status"]})
    assert [r[2] for r in rows[1:]] == ["PAID", "PAID", "FULFILLED", "CREATED", "CANCELED"]
    assert rows[-1] == ["o-4", "{}", "CANCELED"]
    assert ["o-1", '{"channel":"web","tags":["a","b"]}', "PAID"] in rows


def test_the_file_is_a_snapshot(targ: TargServer, seeded: dict[str, str], voucherify_http: httpx.Client) -> None:
    export_id = voucherify_http.post("/v1/orders/export", json={}).json()["id"]
    targ.drain()
    voucherify_http.post("/v1/orders", json={"source_id": "late"})
    url = voucherify_http.get(f"/v1/exports/{export_id}").json()["result"]["url"]
    assert len(csv_rows(httpx.get(url).text)) == 1 + len(SEED)


def test_create_export_for_orders_and_others(targ: TargServer, seeded: dict[str, str],
                                             voucherify_http: httpx.Client) -> None:
    made = voucherify_http.post("/v1/exports", json={"exported_object": "order",
                                                     "parameters": {"fields": ["source_id", "total_amount"]}})
    customers = voucherify_http.post("/v1/exports", json={"exported_object": "customer", "parameters": {
        "order": "source_id", "fields": ["source_id", "orders_total_count", "orders_total_amount"]}})
    vouchers = voucherify_http.post("/v1/exports", json={"exported_object": "voucher"})
    assert made.status_code == customers.status_code == vouchers.status_code == 200
    assert vouchers.json()["parameters"]["fields"] == ["code", "voucher_type", "value", "discount_type"]
    targ.drain()

    def download(export: httpx.Response) -> list[list[str]]:
        url = voucherify_http.get(f"/v1/exports/{export.json()['id']}").json()["result"]["url"]
        return csv_rows(httpx.get(url).text)
    assert download(made)[1] == ["x-5", "120000"]
    assert download(customers) == [["source_id", "orders_total_count", "orders_total_amount"],
                                   ["ann", "2", "5700"], ["bob", "1", "200000"]]
    assert download(vouchers) == [["code", "voucher_type", "value", "discount_type"]]


@pytest.mark.parametrize(("path", "body", "key", "details"), [
    ("/v1/exports", {"exported_object": "order", "parameters": {"fields": ["id", "code"]}},
     "invalid_export_fields", "Unsupported field used. Allowed fields: id, source_id, created_at, updated_at, "
                              "status, amount, discount_amount, items_discount_amount, total_discount_amount, "
                              "total_amount, customer_id, referrer_id, metadata"),
    ("/v1/exports", {"parameters": {}}, "invalid_payload", "Property .exported_object is required"),
    ("/v1/exports", {"exported_object": "order", "parameters": {"order": "-code"}}, "invalid_payload",
     "Property .parameters.order should be equal to one of the allowed values [ -created_at, created_at, "
     "-updated_at, updated_at, -status, status ]"),
    ("/v1/orders/export", {"parameters": {"filters": {"status": {"conditions": {"$like": "x"}}}}},
     "invalid_payload", None),
    ("/v1/orders/export", {"parameters": {"filters": {"colour": {"conditions": {"$is": "x"}}}}},
     "invalid_payload", None),
    ("/v1/orders/export", {"parameters": {"fields": ["metadata.payment_mean"]}}, "invalid_payload", None),
])
def test_bad_export_requests(voucherify_http: httpx.Client, path: str, body: dict[str, Any], key: str,
                             details: str | None) -> None:
    err = assert_error(voucherify_http.post(path, json=body), 400, key, details)
    if "filters" in str(body):
        assert err["details"].startswith("Property .parameters.filters should match either")
    assert voucherify_http.get("/v1/exports").json()["total"] == 0


def test_download_is_authorised_by_the_token_alone(targ: TargServer, voucherify_http: httpx.Client) -> None:
    export_id = voucherify_http.post("/v1/orders/export", json={}).json()["id"]
    plain = {"Accept": "text/plain"}
    # Before DONE there is no token to match.
    assert_error(voucherify_http.get(f"/v1/exports/{export_id}", params={"token": "guess"}, headers=plain),
                 401, "unauthorized")
    targ.drain()
    url = voucherify_http.get(f"/v1/exports/{export_id}").json()["result"]["url"]
    resp = httpx.get(url)  # no key pair, Accept */*
    assert resp.status_code == 200 and resp.headers["content-type"] == "text/plain; charset=utf-8"
    assert resp.text == "id,source_id,status\n"
    assert_error(httpx.get(url + "x"), 401, "unauthorized")
    assert_error(voucherify_http.get(f"/v1/exports/{export_id}", headers=plain), 401, "unauthorized")
    assert_error(httpx.get(f"{targ.url}/v1/exports/exp_nope?token=x"), 404, "not_found")
    with project_http(targ, new_project(targ)) as other:
        assert_error(other.get(f"/v1/exports/{export_id}"), 404, "not_found")
        assert other.get(url).status_code == 200  # the token is all the download needs


def test_result_url_follows_the_host_header(targ: TargServer, voucherify_http: httpx.Client) -> None:
    export_id = voucherify_http.post("/v1/orders/export", json={}).json()["id"]
    targ.drain()
    got = voucherify_http.get(f"/v1/exports/{export_id}", headers={"Host": "vouchers.test:8443"}).json()
    assert got["result"]["url"].startswith(f"http://vouchers.test:8443/v1/exports/{export_id}?token=")


def test_list_and_delete_exports(targ: TargServer, voucherify_http: httpx.Client,
                                 exports: voucherify.ExportsApi) -> None:
    ids = []
    for _ in range(3):
        ids.append(voucherify_http.post("/v1/orders/export", json={}).json()["id"])
        targ.clock.advance("PT1S")
    targ.clock.advance("PT1.8S")  # created at 0, 1 and 2 s: now DONE, DONE and IN_PROGRESS
    listed = exports.list_exports(limit=2, page=1)
    assert [e.id for e in listed.exports] == ids[::-1][:2] and listed.total == 3
    assert [e.id for e in exports.list_exports(order="created_at").exports] == ids
    assert [e.status for e in exports.list_exports(order="status").exports] == ["DONE", "DONE", "IN_PROGRESS"]
    exports.delete_export(ids[0])
    resp = voucherify_http.delete(f"/v1/exports/{ids[1]}")
    assert resp.status_code == 204 and resp.content == b"" and "content-type" not in resp.headers
    assert exports.list_exports().total == 1
    with pytest.raises(voucherify.exceptions.NotFoundException):
        exports.get_export(ids[0])
    assert_error(voucherify_http.delete(f"/v1/exports/{ids[0]}"), 404, "not_found")
    targ.drain()  # the deleted exports' pending jobs find nothing to do
    assert exports.get_export(ids[2]).status == "DONE"
