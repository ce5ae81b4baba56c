"""Bulk updates, metadata updates and CSV imports of customers, products and SKUs as async actions, driven by the
unchanged SDK: accepted with an action id, ENQUEUED → IN_PROGRESS → DONE on the virtual clock (or at once on
drain), one at a time per project, with the vendor's `type` values and `result` shapes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import voucherify
from vf_helpers import JOB_START, JOB_STEP, assert_error, csv_rows
from voucherify import (
    CustomersMetadataUpdateInBulkRequestBody,
    CustomersUpdateInBulkRequestBody,
    ProductsCreateRequestBody,
    ProductsMetadataUpdateInBulkRequestBody,
    ProductsUpdateInBulkRequestBody,
)

from targ.testing import TargServer


def _done(targ: TargServer, actions: voucherify.AsyncActionsApi, action_id: str) -> Any:
    targ.drain()
    action = actions.get_async_action(action_id)
    assert (action.status, action.progress, action.object) == ("DONE", 100, "async_action"), action
    return action


def test_customer_bulk_update_runs_on_the_clock(targ: TargServer, customers: voucherify.CustomersApi,
                                                actions: voucherify.AsyncActionsApi) -> None:
    customers.create_customer(voucherify.CustomersCreateRequestBody(source_id="john", name="John", email="j@x.io"))
    accepted = customers.update_customers_in_bulk([
        CustomersUpdateInBulkRequestBody(source_id="john", phone="+48 1"),
        CustomersUpdateInBulkRequestBody(source_id="jane", name="Jane", metadata={"lang": "en"})])
    action_id = accepted.async_action_id
    assert action_id.startswith("aa_") and len(action_id) == 21
    first = actions.get_async_action(action_id)
    assert (first.type, first.status, first.progress, first.result) == ("CUSTOMERS.BULK_UPDATE", "ENQUEUED", 0,
                                                                         None)
    with pytest.raises(voucherify.exceptions.NotFoundException):
        customers.get_customer("jane")
    targ.clock.advance(JOB_START)
    assert actions.get_async_action(action_id).status == "IN_PROGRESS"
    targ.clock.advance(JOB_STEP)
    done = actions.get_async_action(action_id)
    assert (done.status, done.progress, done.processing_time) == ("DONE", 100, 500)
    result = done.result
    assert (result["done_count"], result["failed_count"], result["errors"]) == (2, 0, [])
    assert result["reports_available_till"] == "2026-01-08T00:00:03.000Z"
    john, jane = customers.get_customer("john"), customers.get_customer("jane")
    assert (john.name, john.email, john.phone) == ("John", "j@x.io", "+48 1")
    assert (jane.name, jane.metadata) == ("Jane", {"lang": "en"})
    report = httpx.get(result["reports"][0])
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/csv")
    assert csv_rows(report.text) == [["id", "source_id", "found", "updated"], [john.id, "john", "true", "true"],
                                     [jane.id, "jane", "false", "true"]]
    targ.clock.advance("P7DT0.001S")
    assert httpx.get(result["reports"][0]).status_code == 404


def test_customer_metadata_update_merges_keys(targ: TargServer, customers: voucherify.CustomersApi,
                                             actions: voucherify.AsyncActionsApi) -> None:
    customers.create_customer(voucherify.CustomersCreateRequestBody(source_id="a", metadata={"keep": 1, "x": 1}))
    accepted = customers.update_customers_metadata_in_bulk(CustomersMetadataUpdateInBulkRequestBody(
        source_ids=["a", "b"], metadata={"x": 2, "lang": "pl"}))
    done = _done(targ, actions, accepted.async_action_id)
    assert done.type == "CUSTOMERS.METADATA_UPDATE" and done.result["done_count"] == 2
    assert customers.get_customer("a").metadata == {"keep": 1, "x": 2, "lang": "pl"}
    assert customers.get_customer("b").metadata == {"x": 2, "lang": "pl"}


def test_bulk_requests_are_checked_before_anything_is_queued(voucherify_http: httpx.Client) -> None:
    cases = [
        ("/v1/customers/bulk/async", [{"name": "no source id"}], "Property .[0].source_id is required"),
        ("/v1/customers/metadata/async", {"metadata": {"a": 1}}, "Property .source_ids is required"),
        ("/v1/customers/metadata/async", {"source_ids": [], "metadata": {}},
         "Property .source_ids must contain at least 1 item"),
        ("/v1/products/metadata/async", {"source_ids": ["p"]}, "Property .metadata is required"),
        ("/v1/products/bulk/async", [{"source_id": "p", "price": -5}], "Property .[0].price cannot be lower than 0"),
    ]
    for path, body, details in cases:
        assert_error(voucherify_http.post(path, json=body), 400, "invalid_payload", details)
    assert_error(voucherify_http.post("/v1/customers/bulk/async", json={"source_id": "x"}), 400, "invalid_payload")
    assert voucherify_http.get("/v1/async-actions").json()["async_actions"] == []


def test_bulk_actions_wait_for_each_other(targ: TargServer, customers: voucherify.CustomersApi,
                                          products: voucherify.ProductsApi,
                                          actions: voucherify.AsyncActionsApi) -> None:
    first = customers.update_customers_in_bulk([CustomersUpdateInBulkRequestBody(source_id="c", name="One")])
    second = products.update_products_in_bulk([ProductsUpdateInBulkRequestBody(source_id="p", name="P")])
    targ.clock.advance(JOB_START)
    statuses = [actions.get_async_action(a.async_action_id).status for a in (first, second)]
    assert statuses == ["IN_PROGRESS", "ENQUEUED"]
    targ.clock.advance(JOB_STEP)
    assert actions.get_async_action(second.async_action_id).status == "ENQUEUED"
    targ.clock.advance(JOB_START)
    assert actions.get_async_action(second.async_action_id).status == "IN_PROGRESS"
    targ.clock.advance(JOB_STEP)
    assert actions.get_async_action(second.async_action_id).status == "DONE"
    listed = actions.list_async_actions()
    assert [(a.id, a.type) for a in listed.async_actions] == [
        (second.async_action_id, "PRODUCTS.BULK_UPDATE"), (first.async_action_id, "CUSTOMERS.BULK_UPDATE")]


def test_customer_csv_import(targ: TargServer, customers: voucherify.CustomersApi,
                             actions: voucherify.AsyncActionsApi) -> None:
    existing = customers.create_customer(voucherify.CustomersCreateRequestBody(
        source_id="old@x.io", name="Old", metadata={"tier": "gold"}))
    data = ("Source_id,Name,Email,Birthdate,Address_City,Address_Country,Description,acquisition_channel\n"
            "new@x.io,New One,new@x.io,1990-02-03,Kraków,Poland,first,Website\n"
            "old@x.io,Old Renamed,,,Gdańsk,,,Facebook\n"
            "bad@x.io,Bad,,03/02/1990,,,,\n"
            "\n")
    accepted = customers.import_customers_using_csv(file=data.encode())
    done = _done(targ, actions, accepted.async_action_id)
    assert done.type == "CUSTOMERS.IMPORT_CSV"
    assert done.result == {
        "message": "2 customer(s) imported successfully, 1 failed.", "done_count": 2, "failed_count": 1,
        "failed": [{"source_id": "bad@x.io", "row": 3,
                    "reason": "birthdate: must be a date in the format YYYY-MM-DD (actual value is '03/02/1990')"}]}
    new = customers.get_customer("new@x.io")
    assert (new.name, new.email, str(new.birthdate), new.description) == ("New One", "new@x.io", "1990-02-03",
                                                                          "first")
    assert (new.address.city, new.address.country, new.metadata) == ("Kraków", "Poland",
                                                                      {"acquisition_channel": "Website"})
    old = customers.get_customer("old@x.io")
    assert (old.id, old.name, old.address.city) == (existing.id, "Old Renamed", "Gdańsk")
    assert old.metadata == {"tier": "gold", "acquisition_channel": "Facebook"}
    with pytest.raises(voucherify.exceptions.NotFoundException):
        customers.get_customer("bad@x.io")


def test_customer_csv_import_answers_202(voucherify_http: httpx.Client) -> None:
    resp = voucherify_http.post("/v1/customers/importCSV", files={"file": ("c.csv", b"source_id\nx\n", "text/csv")})
    assert resp.status_code == 202 and set(resp.json()) == {"async_action_id"}


def test_csv_import_without_a_file_is_the_vendors_400(voucherify_http: httpx.Client) -> None:
    for path in ("/v1/customers/importCSV", "/v1/products/importCSV", "/v1/skus/importCSV"):
        assert_error(voucherify_http.post(path), 400, "invalid_payload", "Payload should have required property 'file'")
        assert_error(voucherify_http.post(path, files={"other": ("a.csv", b"x", "text/csv")}), 400,
                     "invalid_payload", "Payload should have required property 'file'")
    assert voucherify_http.get("/v1/async-actions").json()["async_actions"] == []


def test_product_bulk_and_metadata_updates(targ: TargServer, products: voucherify.ProductsApi,
                                           actions: voucherify.AsyncActionsApi) -> None:
    products.create_product(ProductsCreateRequestBody(source_id="first", name="Phone", price=100,
                                                      metadata={"vendor": "A", "keep": True}))
    bulk = products.update_products_in_bulk([
        ProductsUpdateInBulkRequestBody(source_id="first", price=220000, attributes=["color"]),
        ProductsUpdateInBulkRequestBody(source_id="second", name="Phone 2", price=230000)])
    meta = products.update_products_metadata_in_bulk(ProductsMetadataUpdateInBulkRequestBody(
        source_ids=["first", "third"], metadata={"vendor": "B"}))
    targ.drain()
    assert [actions.get_async_action(a.async_action_id).type for a in (bulk, meta)] == [
        "PRODUCTS.BULK_UPDATE", "PRODUCTS.METADATA_UPDATE"]
    assert actions.get_async_action(meta.async_action_id).result["done_count"] == 2
    first = products.get_product("first")
    assert (first.name, first.price, first.attributes, first.metadata) == ("Phone", 220000, ["color"],
                                                                           {"vendor": "B", "keep": True})
    assert (products.get_product("second").name, products.get_product("third").metadata) == ("Phone 2",
                                                                                              {"vendor": "B"})


def test_product_and_sku_csv_imports(targ: TargServer, products: voucherify.ProductsApi,
                                     actions: voucherify.AsyncActionsApi) -> None:
    products.create_product(ProductsCreateRequestBody(source_id="shirt", name="Shirt", price=100))
    product_csv = ('name,source_id,price,attributes,image_url,origin\n'
                   'Shirt v2,shirt,999,,,\n'
                   'Cap,cap,1500,"color,size",https://x.io/cap.png,PL\n'
                   ',nameless,10,,,\n'
                   'Hat,hat,ten,,,\n')
    done = _done(targ, actions, products.import_products_using_csv(file=product_csv.encode()).async_action_id)
    assert done.type == "PRODUCTS.IMPORT_CSV"
    assert done.result == {"message": "2 product(s) imported successfully, 2 failed.", "done_count": 2,
                           "failed_count": 2, "failed": [
                               {"row": 3, "reason": "name: property is required"},
                               {"row": 4, "reason": "price: must be a non-negative integer (actual value is 'ten')"}]}
    shirt, cap = products.get_product("shirt"), products.get_product("cap")
    assert (shirt.name, shirt.price) == ("Shirt v2", 100)  # only the name of a stored product is updated
    assert (cap.name, cap.price, cap.attributes, cap.image_url, cap.metadata) == (
        "Cap", 1500, ["color", "size"], "https://x.io/cap.png", {"origin": "PL"})
    sku_csv = ("product_id,sku,source_id,price,attributes,warehouse\n"
               "cap,Red cap,cap-red,1600,\"{'color':'red'}\",W1\n"
               f"{cap.id},Blue cap,cap-blue,1700,,\n"
               "cap,Odd cap,cap-odd,1,\"{'weight':'1'}\",\n"
               "nope,X,x-1,1,,\n"
               "cap,No source,,1,,\n")
    done = _done(targ, actions, products.import_skus_using_csv(file=sku_csv.encode()).async_action_id)
    assert done.type == "SKUS.IMPORT_CSV" and done.result["message"] == "2 sku(s) imported successfully, 3 failed."
    assert done.result["failed"] == [
        {"source_id": "cap-odd", "row": 3, "reason": "attributes: weight is not an attribute of the product"},
        {"source_id": "x-1", "row": 4, "reason": "product_id: Cannot find product with id nope"},
        {"source_id": "", "row": 5, "reason": "source_id: property is required"}]
    red = products.get_sku("cap-red")
    assert (red.product_id, red.sku, red.price, red.attributes, red.metadata) == (
        cap.id, "Red cap", 1600, {"color": "red"}, {"warehouse": "W1"})
    assert [s.source_id for s in products.list_skus_in_product("cap").skus] == ["cap-blue", "cap-red"]
    again = "product_id,sku,source_id,price,image_url\ncap,Dark red cap,cap-red,1650,https://x.io/r.png\n"
    _done(targ, actions, products.import_skus_using_csv(file=again.encode()).async_action_id)
    red = products.get_sku("cap-red")
    assert (red.sku, red.price, red.image_url) == ("Dark red cap", 1650, None)


def test_a_failing_bulk_step_fails_its_action_and_the_next_one_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A step that raises (a bug) is the vendor's FAILED with the error as `result.message`; the queue moves on.
    Its own server: the job failure is reported as a violation, which the shared server's tests refuse."""
    from targ.voucherify.customers import bulk

    def broken(*args: Any) -> None:
        raise RuntimeError("boom")

    with TargServer(validate_responses=True) as srv:
        headers = {"X-App-Id": srv.demo["voucherifyApplicationId"], "X-App-Token": srv.demo["voucherifySecretKey"]}
        with httpx.Client(base_url=srv.url, headers=headers) as http:
            first = http.post("/v1/customers/bulk/async", json=[{"source_id": "a", "name": "A"}]).json()
            second = http.post("/v1/customers/bulk/async", json=[{"source_id": "b", "name": "B"}]).json()
            monkeypatch.setattr(bulk, "write_customer", broken)
            srv.clock.advance(JOB_START)
            srv.clock.advance(JOB_STEP)
            failed = http.get(f"/v1/async-actions/{first['async_action_id']}").json()
            assert (failed["status"], failed["result"]) == ("FAILED", {"message": "RuntimeError: boom"})
            monkeypatch.undo()
            srv.drain()
            assert http.get(f"/v1/async-actions/{second['async_action_id']}").json()["status"] == "DONE"
            assert http.get("/v1/customers/b").json()["name"] == "B"
            assert http.get("/v1/customers/a").status_code == 404
        assert [v["kind"] for v in srv.violations()] == ["job"]


def test_every_customer_product_sku_and_async_action_operation_is_stateful(http: httpx.Client) -> None:
    ops = http.get("/__targ/coverage").json()["operations"]
    ours = [o for o in ops if o["vendor"] == "voucherify"
            and o["path"].startswith(("/v1/customers", "/v1/products", "/v1/skus", "/v1/async-actions"))]
    assert len(ours) == 28
    assert {o["operationId"]: o["backing"] for o in ours} == {o["operationId"]: "stateful" for o in ours}


def test_the_sdk_flow_needs_no_example_answer() -> None:
    """On a server that refuses example answers (501), customers, products, SKUs and their async actions all work,
    and no answer says it came from an example."""
    from vf_helpers import sdk_client

    with TargServer(validate_responses=True, examples=False) as srv:
        demo = srv.demo
        with sdk_client(srv.url, demo["voucherifyApplicationId"], demo["voucherifySecretKey"]) as client:
            customers, products = voucherify.CustomersApi(client), voucherify.ProductsApi(client)
            actions = voucherify.AsyncActionsApi(client)
            customers.create_customer(voucherify.CustomersCreateRequestBody(source_id="c"))
            customers.update_customer("c", voucherify.CustomersUpdateRequestBody(name="C"))
            products.create_product(ProductsCreateRequestBody(source_id="p", name="P", attributes=["color"]))
            products.create_sku("p", voucherify.ProductsSkusCreateRequestBody(source_id="s", sku="S"))
            ids = [customers.update_customers_in_bulk([CustomersUpdateInBulkRequestBody(source_id="c2")]),
                   customers.import_customers_using_csv(file=b"source_id\nc3\n"),
                   products.update_products_metadata_in_bulk(ProductsMetadataUpdateInBulkRequestBody(
                       source_ids=["p"], metadata={"m": 1})),
                   products.import_skus_using_csv(file=b"product_id,source_id\np,s2\n")]
            srv.drain()
            assert [actions.get_async_action(a.async_action_id).status for a in ids] == ["DONE"] * 4
            assert customers.list_customers().total == 3 and products.list_skus_in_product("p").total == 2
            products.delete_sku("p", "s")
            products.delete_product("p")
            customers.delete_customer("c")
            customers.customer_permanently_deletion("c2")
        with httpx.Client(base_url=srv.url, headers={"X-App-Id": demo["voucherifyApplicationId"],
                                                     "X-App-Token": demo["voucherifySecretKey"]}) as http:
            for path in ("/v1/customers/c3/activity", "/v1/customers/c3/segments", "/v1/customers/c3/redeemables",
                         "/v1/async-actions", "/v1/products"):
                resp = http.get(path)
                assert resp.status_code == 200 and "x-targ-backing" not in resp.headers, (path, resp.headers)
            assert http.get("/v1/campaigns/camp_1").status_code == 501   # an example-backed operation, refused
        assert srv.violations() == []
