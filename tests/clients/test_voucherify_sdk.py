"""The unchanged Voucherify Python SDK (`voucherify` 6.1.1) against targ: every method of seed 002's OrdersApi,
and the async-action and export calls that go with them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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
        source_id="s-1", status="PAID",
        items=[voucherify.OrderItem(source_id="p-1", related_object="product", quantity=2, price=500)]))
    assert created.object == "order"
    assert orders.get_order("s 1/#?ż").object == "order"
    updated = orders.update_order("ord_1", voucherify.OrdersUpdateRequestBody(status="FULFILLED"))
    assert updated.object == "order"
    listed = orders.list_orders(limit=5, page=1, order="-created_at")
    assert listed.object == "list"


def test_create_with_no_body(client: voucherify.ApiClient) -> None:
    assert voucherify.OrdersApi(client).create_order().object == "order"


def test_import_and_async_action(client: voucherify.ApiClient) -> None:
    orders = voucherify.OrdersApi(client)
    result = orders.import_orders([voucherify.OrdersImportCreateRequestBodyItem(source_id="i1", amount=100)])
    assert result.async_action_id
    action = voucherify.AsyncActionsApi(client).get_async_action(result.async_action_id)
    assert action.object == "async_action"


def test_export_and_download(client: voucherify.ApiClient) -> None:
    export = voucherify.OrdersApi(client).create_order_export()
    assert export.status == "SCHEDULED"
    exports = voucherify.ExportsApi(client)
    got = exports.get_export(export.id)
    assert got.object == "export"
    csv = exports.download_export(export.id, token="t")
    assert isinstance(csv, str)


def test_wrong_keys_are_rejected(targ: TargServer) -> None:
    cfg = voucherify.Configuration(host=targ.url, api_key={"X-App-Id": "nope", "X-App-Token": "nope"})
    with voucherify.ApiClient(cfg) as api_client, pytest.raises(voucherify.exceptions.UnauthorizedException) as err:
        voucherify.OrdersApi(api_client).list_orders()
    assert err.value.status == 401
