"""Customers through their own endpoints, driven by the unchanged SDK (CustomersApi) and plain HTTP: create as an
upsert, read back, list, update, delete, permanent deletion, the related lists; the same records order upserts
use."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import voucherify
from vf_helpers import assert_error
from voucherify import (
    CustomersCreateRequestBody,
    CustomersCreateRequestBodyAddress,
    CustomersUpdateRequestBody,
    CustomersUpdateRequestBodyAddress,
    OrdersCreateRequestBody,
)

from targ.testing import TargServer


def test_create_reads_back_and_lists(customers: voucherify.CustomersApi) -> None:
    made = customers.create_customer(CustomersCreateRequestBody(
        source_id="bob-1", name="Bob Smith", email="bob@example.com", phone="+1 933 222 3333",
        birthdate="1990-01-02", address=CustomersCreateRequestBodyAddress(city="New York", country="United States"),
        metadata={"lang": "en"}))
    assert made.id.startswith("cust_") and len(made.id) == 29 and made.object == "customer"
    assert made.created_at.isoformat() == "2026-01-01T00:00:00+00:00" and made.updated_at is None
    assert made.summary.orders.total_count == 0 and made.loyalty.points == 0
    for ref in (made.id, "bob-1"):
        got = customers.get_customer(ref)
        assert (got.id, got.name, got.email, got.metadata) == (made.id, "Bob Smith", "bob@example.com",
                                                               {"lang": "en"})
        assert got.address.city == "New York" and got.address.line_1 is None
        assert str(got.birthdate) == "1990-01-02"
    listed = customers.list_customers()
    assert listed.total == 1 and listed.customers[0].id == made.id and listed.data_ref == "customers"


def test_create_is_an_upsert_by_source_id_and_by_id(targ: TargServer, customers: voucherify.CustomersApi) -> None:
    first = customers.create_customer(CustomersCreateRequestBody(source_id="ann", name="Ann", email="a@x.io"))
    targ.clock.advance("PT1M")
    again = customers.create_customer(CustomersCreateRequestBody(source_id="ann", phone="+48 1"))
    assert again.id == first.id
    assert (again.name, again.email, again.phone) == ("Ann", "a@x.io", "+48 1")
    assert again.created_at == first.created_at and again.updated_at.isoformat() == "2026-01-01T00:01:00+00:00"
    # By id the source id is ignored, as documented.
    by_id = customers.create_customer(CustomersCreateRequestBody(id=first.id, source_id="other", name="Anna"))
    assert by_id.id == first.id and by_id.source_id == "ann" and by_id.name == "Anna"
    assert customers.list_customers().total == 1


def test_create_with_unknown_id_is_404_and_writes_nothing(voucherify_http: httpx.Client) -> None:
    resp = voucherify_http.post("/v1/customers", json={"id": "cust_nope", "source_id": "x"})
    body = assert_error(resp, 404, "not_found", "Cannot find customer with id cust_nope")
    assert body["resource_type"] == "customer"
    assert voucherify_http.get("/v1/customers").json()["total"] == 0


def test_update_changes_only_the_fields_given(targ: TargServer, customers: voucherify.CustomersApi) -> None:
    made = customers.create_customer(CustomersCreateRequestBody(
        source_id="c1", name="Carl", email="c@x.io", metadata={"a": 1}))
    targ.clock.advance("PT5M")
    updated = customers.update_customer("c1", CustomersUpdateRequestBody(
        phone="+48 600", address=CustomersUpdateRequestBodyAddress(city="Gdańsk")))
    assert (updated.id, updated.name, updated.email, updated.phone) == (made.id, "Carl", "c@x.io", "+48 600")
    assert updated.metadata == {"a": 1} and updated.address.city == "Gdańsk"
    assert updated.updated_at.isoformat() == "2026-01-01T00:05:00+00:00"
    assert customers.get_customer(made.id).phone == "+48 600"


def test_update_skips_id_and_source_id(voucherify_http: httpx.Client) -> None:
    made = voucherify_http.post("/v1/customers", json={"source_id": "keep"}).json()
    resp = voucherify_http.put(f"/v1/customers/{made['id']}", json={"source_id": "changed", "id": "cust_x",
                                                                    "name": "Kept"})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["id"], resp.json()["source_id"], resp.json()["name"]) == (made["id"], "keep", "Kept")


def test_update_of_an_unknown_customer_is_404(voucherify_http: httpx.Client) -> None:
    resp = voucherify_http.put("/v1/customers/alice2@morgan.com", json={"name": "x"})
    body = assert_error(resp, 404, "not_found", "Cannot find customer with id alice2@morgan.com")
    assert (body["resource_id"], body["resource_type"]) == ("alice2@morgan.com", "customer")
    assert voucherify_http.get("/v1/customers").json()["total"] == 0


def test_delete_removes_the_customer(customers: voucherify.CustomersApi, orders: voucherify.OrdersApi) -> None:
    made = customers.create_customer(CustomersCreateRequestBody(source_id="gone", name="Gone"))
    order = orders.create_order(OrdersCreateRequestBody(amount=100, customer=voucherify.Customer(id=made.id)))
    assert customers.delete_customer("gone") is None
    for ref in (made.id, "gone"):
        with pytest.raises(voucherify.exceptions.NotFoundException):
            customers.get_customer(ref)
    with pytest.raises(voucherify.exceptions.NotFoundException):
        customers.delete_customer(made.id)
    assert customers.list_customers().total == 0
    # The order keeps its reference; the source id is free for a new customer.
    assert orders.get_order(order.id).customer_id == made.id
    fresh = customers.create_customer(CustomersCreateRequestBody(source_id="gone"))
    assert fresh.id != made.id


def test_delete_answers_204_without_a_body(voucherify_http: httpx.Client) -> None:
    voucherify_http.post("/v1/customers", json={"source_id": "d"})
    resp = voucherify_http.delete("/v1/customers/d")
    assert resp.status_code == 204 and resp.content == b""
    assert_error(voucherify_http.delete("/v1/customers/d"), 404, "not_found", "Cannot find customer with id d")


def test_permanent_deletion_forgets_the_customer_and_its_orders(customers: voucherify.CustomersApi,
                                                                orders: voucherify.OrdersApi) -> None:
    made = customers.create_customer(CustomersCreateRequestBody(source_id="gdpr", email="g@x.io"))
    for n in range(3):
        orders.create_order(OrdersCreateRequestBody(source_id=f"o{n}", amount=10, customer=voucherify.Customer(
            source_id="gdpr")))
    other = orders.create_order(OrdersCreateRequestBody(source_id="ref", customer=voucherify.Customer(
        source_id="someone"), referrer_id="gdpr"))
    deletion = customers.customer_permanently_deletion("gdpr")
    assert deletion.id.startswith("del_") and len(deletion.id) == 28
    assert (deletion.related_object_id, deletion.related_object, deletion.status, deletion.object) == (
        made.id, "customer", "DONE", "pernament_deletion")
    assert deletion.created_at.isoformat() == "2026-01-01T00:00:00+00:00"
    assert (deletion.data_json.orders, deletion.data_json.customer, deletion.data_json.events) == (3, 1, 0)
    with pytest.raises(voucherify.exceptions.NotFoundException):
        customers.get_customer(made.id)
    assert [o.id for o in orders.list_orders().orders] == [other.id]
    with pytest.raises(voucherify.exceptions.NotFoundException):
        customers.customer_permanently_deletion("gdpr")


def test_order_upserts_and_customer_endpoints_share_records(customers: voucherify.CustomersApi,
                                                            orders: voucherify.OrdersApi) -> None:
    made = customers.create_customer(CustomersCreateRequestBody(source_id="shared", name="Shared"))
    order = orders.create_order(OrdersCreateRequestBody(amount=2500, customer=voucherify.Customer(
        source_id="shared", email="s@x.io")))
    assert order.customer_id == made.id
    got = customers.get_customer("shared")
    assert (got.name, got.email, got.summary.orders.total_amount) == ("Shared", "s@x.io", 2500)
    via_order = orders.create_order(OrdersCreateRequestBody(customer=voucherify.Customer(source_id="from-order")))
    assert customers.update_customer("from-order", CustomersUpdateRequestBody(name="Named")).id == \
        via_order.customer_id


def test_list_filters_and_pages(targ: TargServer, customers: voucherify.CustomersApi) -> None:
    for n, city in enumerate(["Kraków", "Gdańsk", "Kraków"]):
        customers.create_customer(CustomersCreateRequestBody(source_id=f"c{n}", name=f"N{n}",
                                                             address=CustomersCreateRequestBodyAddress(city=city)))
        targ.clock.advance("PT1M")
    assert [c.source_id for c in customers.list_customers(city="Kraków").customers] == ["c2", "c0"]
    assert customers.list_customers(name="N1").total == 1
    page = customers.list_customers(limit=2, page=2)
    assert page.total == 3 and [c.source_id for c in page.customers] == ["c0"]
    assert customers.list_customers(segment_id="seg_1").total == 0


def test_related_lists_come_from_state(customers: voucherify.CustomersApi, voucherify_http: httpx.Client) -> None:
    customers.create_customer(CustomersCreateRequestBody(source_id="r"))
    activity = customers.list_customer_activity("r")
    assert (activity.object, activity.data_ref, activity.data, activity.has_more) == ("list", "data", [], False)
    segments = customers.list_customer_segments("r")
    assert (segments.data, segments.total) == ([], 0)
    redeemables = customers.list_customer_redeemables("r")
    assert (redeemables.data, redeemables.total, redeemables.has_more) == ([], 0, False)
    # Segments of an unknown customer are those it would qualify for (none); the others are 404.
    assert voucherify_http.get("/v1/customers/nobody/segments").json()["total"] == 0
    for path in ("activity", "redeemables"):
        assert_error(voucherify_http.get(f"/v1/customers/nobody/{path}"), 404, "not_found",
                     "Cannot find customer with id nobody")


def test_another_projects_customer_is_unknown(targ: TargServer, voucherify_http: httpx.Client) -> None:
    from vf_helpers import new_project, project_http
    voucherify_http.post("/v1/customers", json={"source_id": "mine"})
    with project_http(targ, new_project(targ)) as other:
        assert_error(other.get("/v1/customers/mine"), 404, "not_found")
        assert_error(other.delete("/v1/customers/mine"), 404, "not_found")
        made: dict[str, Any] = other.post("/v1/customers", json={"source_id": "mine"}).json()
    assert made["id"] != voucherify_http.get("/v1/customers/mine").json()["id"]


def test_bad_input_is_invalid_payload_and_changes_nothing(voucherify_http: httpx.Client) -> None:
    resp = voucherify_http.post("/v1/customers", json={"source_id": "b", "email": 5})
    body = assert_error(resp, 400, "invalid_payload")
    assert ".email" in body["details"]
    assert voucherify_http.get("/v1/customers").json()["total"] == 0
