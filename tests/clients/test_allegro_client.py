"""The unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import `allegro_api`) against targ:
every method of seed 000's OrderManagementApi."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import allegro_api
import pytest
from allegro_api.configuration import Configuration  # a model class shadows allegro_api.Configuration
from allegro_api.rest import ApiException

from targ.testing import TargServer

ORDER_ID = "29738e61-7f6a-11e8-ac45-09db60ede9d6"


@pytest.fixture
def orders(targ: TargServer, demo: dict[str, Any]) -> Iterator[allegro_api.OrderManagementApi]:
    cfg = Configuration(host=targ.url)
    cfg.access_token = demo["accessToken"]
    cfg.client_side_validation = False
    client = allegro_api.ApiClient(cfg)
    yield allegro_api.OrderManagementApi(client)
    client.rest_client.pool_manager.clear()


def test_list_orders(orders: allegro_api.OrderManagementApi) -> None:
    result = orders.get_list_of_orders_using_get(offset=0, limit=10, status="READY_FOR_PROCESSING",
                                                 fulfillment_status="NEW", sort="-updatedAt")
    assert isinstance(result.checkout_forms, list)
    assert result.count is not None


def test_order_details(orders: allegro_api.OrderManagementApi) -> None:
    result = orders.get_orders_details_using_get(ORDER_ID)
    assert result.id


def test_events_and_stats(orders: allegro_api.OrderManagementApi) -> None:
    events = orders.get_order_events_using_get(type=["BOUGHT", "READY_FOR_PROCESSING"], limit=10)
    assert isinstance(events.events, list)
    stats = orders.get_order_events_statistics_using_get()
    assert stats is not None


def test_shipments(orders: allegro_api.OrderManagementApi) -> None:
    shipments = orders.get_order_shipments_using_get(ORDER_ID)
    assert isinstance(shipments.shipments, list)
    body = allegro_api.CheckoutFormAddWaybillRequest(carrier_id="INPOST", waybill="620000000000000000000001",
                                                     line_items=[{"id": "62ae358b-8f65-4fc4-9c77-bedf604a2e2b"}])
    created = orders.create_order_shipments_using_post(ORDER_ID, body)
    assert created.id


def test_set_fulfillment(orders: allegro_api.OrderManagementApi) -> None:
    orders.set_order_fulfillment_using_put(ORDER_ID, allegro_api.CheckoutFormFulfillment(status="PROCESSING"))


def test_find_mapping(orders: allegro_api.OrderManagementApi) -> None:
    result = orders.find_mapping(deal_id="7764645436")
    assert isinstance(result.mappings, list)


def test_client_sees_vendor_errors(targ: TargServer) -> None:
    cfg = Configuration(host=targ.url)
    cfg.access_token = "not-a-token"
    cfg.client_side_validation = False
    api = allegro_api.OrderManagementApi(allegro_api.ApiClient(cfg))
    with pytest.raises(ApiException) as err:
        api.get_list_of_orders_using_get()
    assert err.value.status == 401
    body = err.value.body
    assert "invalid_token" in (body.decode() if isinstance(body, bytes) else body)
