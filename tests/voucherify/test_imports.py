"""OrdersApi.import_orders and AsyncActionsApi: the import as a background job, ENQUEUED → IN_PROGRESS → DONE on
the virtual clock, one at a time per project, with per-order failures; and 2000 orders at once."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import voucherify
from vf_helpers import JOB_START, JOB_STEP, assert_error, new_project, project_http
from voucherify import OrdersImportCreateRequestBodyItem as ImportItem

from targ.testing import TargServer

# The documented import example (orderImport14..20), with the ids of orderImport16 unknown to a fresh project.
DOCS_IMPORT: list[dict[str, Any]] = [
    {"source_id": "orderImport14", "status": "PAID", "metadata": {"payment_mean": ["paypal"]},
     "customer": {"source_id": "bob2.smith@email.com", "name": "Bob Smith", "birthdate": "2022-01-01"},
     "referrer": {"source_id": "jane.smith@email.com", "name": "Jane Smith", "birthday": "2022-03-03"},
     "items": [{"source_id": "prod_1", "related_object": "product", "quantity": 2,
                "product": {"name": "Apple iPhone 12", "price": 70000, "override": True}},
               {"source_id": "ComicBook_1", "related_object": "sku", "quantity": 1,
                "product": {"source_id": "Books", "name": "Comic Books1", "price": 1600, "override": True},
                "sku": {"sku": "Comics1", "source_id": "ComicBook_1", "price": 1600, "override": True}}]},
    {"source_id": "orderImport15", "status": "PAID", "customer": {"source_id": "bob2.smith@email.com"},
     "items": [{"source_id": "ComicBook_1", "quantity": 4, "related_object": "sku",
                "sku": {"source_id": "ComicBook_1"}},
               {"source_id": "vase_1", "quantity": 1, "related_object": "product",
                "product": {"source_id": "vase_1"}}]},
    {"source_id": "orderImport16", "status": "FULFILLED", "customer": {"id": "cust_LMY4ZylSdUYB1J4tzqNcl5VV"},
     "items": [{"product_id": "prod_0b72b0bd64d198e3ae", "quantity": 2}]},
    {"source_id": "orderImport17", "status": "CANCELED", "amount": 7000},
    {"source_id": "orderImport18", "status": "CREATED", "items": [
        {"source_id": "ComicBook_1", "amount": 900, "related_object": "sku"},
        {"source_id": "vase_1", "amount": 2000, "related_object": "product"}]},
    {"source_id": "orderImport19", "status": "CREATED", "items": [{"amount": 900}, {"amount": 2000}]},
    {"source_id": "orderImport20", "status": "CREATED",
     "items": [{"price": 900, "quantity": 2}, {"price": 2000, "quantity": 3}]},
]


def test_import_runs_in_the_background_and_reports(targ: TargServer, orders: voucherify.OrdersApi,
                                                   actions: voucherify.AsyncActionsApi) -> None:
    items = [ImportItem(source_id=f"imp-{n}", amount=100 + n) for n in range(450)]
    action_id = orders.import_orders(items).async_action_id
    assert action_id.startswith("aa_") and len(action_id) == 21
    seen = [actions.get_async_action(action_id)]
    assert orders.list_orders().total == 0  # nothing is written in the request
    targ.clock.advance(JOB_START)
    seen.append(actions.get_async_action(action_id))
    for _ in range(3):
        targ.clock.advance(JOB_STEP)
        seen.append(actions.get_async_action(action_id))
    assert [(a.status, a.progress) for a in seen] == [
        ("ENQUEUED", 0), ("IN_PROGRESS", 0), ("IN_PROGRESS", 44), ("IN_PROGRESS", 88), ("DONE", 100)]
    done = seen[-1]
    assert (done.type, done.object, done.processing_time) == ("ORDERS.IMPORT", "async_action", 1500)
    assert done.result == {"message": "450 order(s) imported successfully, 0 failed.", "done_count": 450,
                           "failed_count": 0, "failed": []}
    assert done.request_id.startswith("v-") and done.updated_at.isoformat() == "2026-01-01T00:00:04+00:00"
    assert orders.list_orders().total == 450
    assert orders.get_order("imp-449").amount == 549


def test_docs_import_upserts_like_create(targ: TargServer, orders: voucherify.OrdersApi,
                                         actions: voucherify.AsyncActionsApi, sdk: voucherify.ApiClient) -> None:
    action_id = orders.import_orders([ImportItem.from_dict(o) for o in DOCS_IMPORT]).async_action_id
    targ.drain()
    result = actions.get_async_action(action_id).result
    assert (result["done_count"], result["failed_count"]) == (6, 1)
    assert result["failed"] == [{"source_id": "orderImport16",
                                 "reason": "Cannot find customer with id cust_LMY4ZylSdUYB1J4tzqNcl5VV"}]
    amounts = {o.source_id: o.amount for o in orders.list_orders(limit=100).orders}
    assert amounts == {"orderImport14": 141600, "orderImport15": 6400, "orderImport17": 7000,
                       "orderImport18": 2900, "orderImport19": 2900, "orderImport20": 7800}
    bob = voucherify.CustomersApi(sdk).get_customer("bob2.smith@email.com")
    assert bob.name == "Bob Smith" and bob.summary.orders.total_count == 2
    assert voucherify.ProductsApi(sdk).get_sku("ComicBook_1").price == 1600


def test_failed_orders_write_nothing(targ: TargServer, voucherify_http: httpx.Client) -> None:
    body = [{"source_id": "bad", "customer": {"source_id": "would-be-new"}, "items": [{"product_id": "prod_x"}]},
            {"id": "ord_missing"}, {"source_id": "good", "customer": {"source_id": "real"}}]
    action_id = voucherify_http.post("/v1/orders/import", json=body).json()["async_action_id"]
    targ.drain()
    result = voucherify_http.get(f"/v1/async-actions/{action_id}").json()["result"]
    assert result["message"] == "1 order(s) imported successfully, 2 failed."
    assert result["failed"] == [{"source_id": "bad", "reason": "Cannot find product with id prod_x"},
                                {"source_id": None, "reason": "Cannot find order with id ord_missing"}]
    customers = voucherify_http.get("/v1/customers").json()["customers"]
    assert [c["source_id"] for c in customers] == ["real"]


def test_imports_run_one_at_a_time_per_project(targ: TargServer, voucherify_http: httpx.Client) -> None:
    first = voucherify_http.post("/v1/orders/import", json=[{"source_id": "a"}]).json()["async_action_id"]
    second = voucherify_http.post("/v1/orders/import", json=[{"source_id": "b"}]).json()["async_action_id"]
    with project_http(targ, new_project(targ)) as elsewhere:
        other = elsewhere.post("/v1/orders/import", json=[{"source_id": "c"}]).json()["async_action_id"]
        targ.clock.advance(JOB_START)

        def status(client: httpx.Client, aa: str) -> str:
            return client.get(f"/v1/async-actions/{aa}").json()["status"]
        assert (status(voucherify_http, first), status(voucherify_http, second)) == ("IN_PROGRESS", "ENQUEUED")
        assert status(elsewhere, other) == "IN_PROGRESS"  # another project has its own queue
        targ.clock.advance(JOB_STEP)
        assert (status(voucherify_http, first), status(voucherify_http, second)) == ("DONE", "ENQUEUED")
        targ.clock.advance(JOB_START)
        assert status(voucherify_http, second) == "IN_PROGRESS"
        targ.clock.advance(JOB_STEP)
        assert status(voucherify_http, second) == "DONE"
        assert_error(elsewhere.get(f"/v1/async-actions/{first}"), 404, "not_found")
    listed = voucherify_http.get("/v1/async-actions", params={"limit": 1}).json()
    assert [a["id"] for a in listed["async_actions"]] == [second] and listed["has_more"] is True
    assert "result" not in listed["async_actions"][0]


@pytest.mark.parametrize(("body", "details"), [
    ([{"items": [{"quantity": 1}, {"initial_quantity": 0}]}], "Property .[0].items[1].initial_quantity cannot be "
                                                              "lower than 1"),
    ([{}, {"amount": -1}], "Property .[1].amount cannot be lower than 0"),
    ([{}] * 2001, "Request body must contain at most 2000 orders"),
])
def test_a_bad_payload_is_400_and_queues_nothing(voucherify_http: httpx.Client, body: list[Any],
                                                 details: str) -> None:
    assert_error(voucherify_http.post("/v1/orders/import", json=body), 400, "invalid_payload", details)
    assert voucherify_http.get("/v1/async-actions").json()["async_actions"] == []


def test_import_without_a_body_is_400(orders: voucherify.OrdersApi) -> None:
    with pytest.raises(voucherify.exceptions.BadRequestException):
        orders.import_orders()


def test_unknown_async_action_is_404(actions: voucherify.AsyncActionsApi) -> None:
    with pytest.raises(voucherify.exceptions.NotFoundException) as err:
        actions.get_async_action("aa_0aeb82bd55d5beffb")
    assert '"details":"Cannot find async_action with id aa_0aeb82bd55d5beffb"' in err.value.body


def test_import_2000_orders(targ: TargServer, voucherify_http: httpx.Client) -> None:
    body = [{"source_id": f"bulk-{n}", "status": "PAID", "customer": {"source_id": f"c-{n % 50}"},
             "items": [{"source_id": f"p-{n % 20}", "related_object": "product", "quantity": 1 + n % 3,
                        "product": {"price": 1000 + n % 20, "override": True}}]} for n in range(2000)]
    action_id = voucherify_http.post("/v1/orders/import", json=body).json()["async_action_id"]
    targ.drain()
    action = voucherify_http.get(f"/v1/async-actions/{action_id}").json()
    assert action["status"] == "DONE" and action["result"]["done_count"] == 2000
    assert voucherify_http.get("/v1/orders").json()["total"] == 2000
    assert voucherify_http.get("/v1/orders/bulk-1999").json()["amount"] == 2 * 1019
    assert voucherify_http.get("/v1/customers", params={"limit": 1}).json()["total"] == 50
