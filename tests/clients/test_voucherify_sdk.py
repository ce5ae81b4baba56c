"""The unchanged Voucherify Python SDK (`voucherify` 6.1.1) against targ: every method of seed 002's OrdersApi,
and the async-action and export calls that go with them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import voucherify

from targ.testing import TargServer


@pytest.fixture
def client(targ: TargServer, demo: dict[str, Any]) -> Iterator[voucherify.ApiClient]:
    cfg = voucherify.Configuration(host=targ.url, api_key={"X-App-Id": demo["voucherifyApplicationId"],
                                                           "X-App-Token": demo["voucherifySecretKey"]})
    with voucherify.ApiClient(cfg) as api_client:
        yield api_client


def test_create_get_update_list(client: voucherify.ApiClient) -> None:
    orders = voucherify.OrdersApi(client)
    created = orders.create_order(voucherify.OrdersCreateRequestBody(
        source_id="s 1/#?ż", status="PAID",
        items=[voucherify.OrderItem(source_id="p-1", related_object="product", quantity=2, price=500)]))
    assert created.object == "order" and created.amount == 1000
    assert orders.get_order("s 1/#?ż").id == created.id
    updated = orders.update_order(created.id, voucherify.OrdersUpdateRequestBody(status="FULFILLED"))
    assert (updated.id, updated.status) == (created.id, "FULFILLED")
    listed = orders.list_orders(limit=5, page=1, order="-created_at")
    assert listed.object == "list" and [o.id for o in listed.orders] == [created.id]
    with pytest.raises(voucherify.exceptions.NotFoundException):
        orders.get_order("ord_1")


def test_create_with_no_body(client: voucherify.ApiClient) -> None:
    created = voucherify.OrdersApi(client).create_order()
    assert created.object == "order" and created.status == "CREATED"


def test_import_and_async_action(targ: TargServer, client: voucherify.ApiClient) -> None:
    orders = voucherify.OrdersApi(client)
    result = orders.import_orders([voucherify.OrdersImportCreateRequestBodyItem(source_id="i1", amount=100)])
    assert result.async_action_id
    actions = voucherify.AsyncActionsApi(client)
    assert actions.get_async_action(result.async_action_id).status == "ENQUEUED"
    targ.drain()
    action = actions.get_async_action(result.async_action_id)
    assert (action.object, action.status, action.result["done_count"]) == ("async_action", "DONE", 1)
    assert orders.get_order("i1").amount == 100


def test_export_and_download(targ: TargServer, client: voucherify.ApiClient) -> None:
    voucherify.OrdersApi(client).create_order(voucherify.OrdersCreateRequestBody(source_id="e-1"))
    export = voucherify.OrdersApi(client).create_order_export()
    assert export.status == "SCHEDULED"
    exports = voucherify.ExportsApi(client)
    targ.drain()
    got = exports.get_export(export.id)
    assert got.object == "export" and got.status == "DONE"
    token = parse_qs(urlsplit(got.result.url).query)["token"][0]
    csv = exports.download_export(export.id, token=token)
    assert csv.splitlines()[0] == "id,source_id,status" and ",e-1,CREATED" in csv
    with pytest.raises(voucherify.exceptions.UnauthorizedException):
        exports.download_export(export.id, token="t")


def test_wrong_keys_are_rejected(targ: TargServer) -> None:
    cfg = voucherify.Configuration(host=targ.url, api_key={"X-App-Id": "nope", "X-App-Token": "nope"})
    with voucherify.ApiClient(cfg) as api_client, pytest.raises(voucherify.exceptions.UnauthorizedException) as err:
        voucherify.OrdersApi(api_client).list_orders()
    assert err.value.status == 401
