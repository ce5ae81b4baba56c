"""The unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import `allegro_api`) against targ:
every method of seed 000's OrderManagementApi, on orders a buyer really bought."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import allegro_api
import httpx
import pytest
from allegro_api.rest import ApiException
from allegro_kit import generated_client

from targ.testing import TargServer


@pytest.fixture
def orders(targ: TargServer, demo: dict[str, Any]) -> Iterator[allegro_api.OrderManagementApi]:
    with generated_client(targ, demo["accessToken"]) as client:
        yield allegro_api.OrderManagementApi(client)


def buy(http: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    resp = http.post("/__targ/buyer/purchases", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


@pytest.fixture
def bought(http: httpx.Client, demo: dict[str, Any]) -> dict[str, Any]:
    """Two paid orders of offer A and one unpaid (filled-in) order of offer B."""
    offer_a, offer_b = demo["offers"][0]["id"], demo["offers"][1]["id"]
    first = buy(http, {"lineItems": [{"offerId": offer_a, "quantity": 2}], "buyer": {"login": "klient_jeden"},
                       "messageToSeller": "Proszę o staranne zapakowanie"})
    second = buy(http, {"lineItems": [{"offerId": offer_a, "quantity": 1}], "buyer": {"login": "klient_dwa"}})
    unpaid = buy(http, {"lineItems": [{"offerId": offer_b, "quantity": 1}], "pay": False})
    return {"first": first, "second": second, "unpaid": unpaid, "offerA": offer_a}


def test_list_orders_with_filters_and_sort(orders: allegro_api.OrderManagementApi, bought: dict[str, Any]) -> None:
    everything = orders.get_list_of_orders_using_get()
    assert everything.total_count == 3 and everything.count == 3
    ready = orders.get_list_of_orders_using_get(offset=0, limit=10, status="READY_FOR_PROCESSING",
                                                fulfillment_status="NEW", sort="-updatedAt")
    assert {cf.id for cf in ready.checkout_forms} == {bought["first"]["checkoutFormId"],
                                                      bought["second"]["checkoutFormId"]}
    assert ready.count == 2 and ready.total_count == 2
    mine = orders.get_list_of_orders_using_get(buyer_login="klient_jeden")
    assert [cf.id for cf in mine.checkout_forms] == [bought["first"]["checkoutFormId"]]
    page = orders.get_list_of_orders_using_get(offset=1, limit=1)
    assert page.count == 1 and page.total_count == 3


def test_order_details(orders: allegro_api.OrderManagementApi, bought: dict[str, Any]) -> None:
    cf = orders.get_orders_details_using_get(bought["first"]["checkoutFormId"])
    assert cf.status == "READY_FOR_PROCESSING" and cf.buyer.login == "klient_jeden"
    assert cf.message_to_seller == "Proszę o staranne zapakowanie"
    item = cf.line_items[0]
    assert item.offer.id == bought["offerA"] and item.quantity == 2
    assert item.price.amount == "39.99" and item.price.currency == "PLN"
    total = 2 * 39.99 + float(cf.delivery.cost.amount)
    assert cf.summary.total_to_pay.amount == f"{total:.2f}"
    assert cf.payment.paid_amount.amount == cf.summary.total_to_pay.amount
    assert cf.fulfillment.status == "NEW" and cf.delivery.address.country_code == "PL"


def test_events_and_stats(orders: allegro_api.OrderManagementApi, bought: dict[str, Any]) -> None:
    events = orders.get_order_events_using_get(type=["BOUGHT", "READY_FOR_PROCESSING"], limit=10).events
    assert [e.type for e in events] == ["BOUGHT", "READY_FOR_PROCESSING", "BOUGHT", "READY_FOR_PROCESSING", "BOUGHT"]
    assert events[0].order.checkout_form.id == bought["first"]["checkoutFormId"]
    later = orders.get_order_events_using_get(_from=events[1].id).events
    assert later[0].type == "BOUGHT" and later[0].order.checkout_form.id == bought["second"]["checkoutFormId"]
    stats = orders.get_order_events_statistics_using_get()
    everything = orders.get_order_events_using_get(limit=1000).events
    assert stats.latest_event.id == everything[-1].id
    assert orders.get_order_events_using_get(_from=stats.latest_event.id).events == []


def test_shipments(orders: allegro_api.OrderManagementApi, bought: dict[str, Any]) -> None:
    order_id = bought["first"]["checkoutFormId"]
    assert orders.get_order_shipments_using_get(order_id).shipments == []
    line_item = orders.get_orders_details_using_get(order_id).line_items[0].id
    body = allegro_api.CheckoutFormAddWaybillRequest(carrier_id="INPOST", waybill="620000000000000000000001",
                                                     line_items=[{"id": line_item}])
    created = orders.create_order_shipments_using_post(order_id, body)
    assert created.id and created.carrier_id == "INPOST" and created.waybill == "620000000000000000000001"
    listed = orders.get_order_shipments_using_get(order_id).shipments
    assert [s.id for s in listed] == [created.id]
    detail = orders.get_orders_details_using_get(order_id)
    assert detail.fulfillment.shipment_summary.line_items_sent == "ALL"


def test_set_fulfillment(orders: allegro_api.OrderManagementApi, bought: dict[str, Any]) -> None:
    """(The 2020 client knows neither `revision` nor `checkoutForm.revision`: tests/allegro/orders pin those.)"""
    order_id = bought["second"]["checkoutFormId"]
    before = orders.get_orders_details_using_get(order_id)
    orders.set_order_fulfillment_using_put(order_id, allegro_api.CheckoutFormFulfillment(status="PROCESSING"))
    detail = orders.get_orders_details_using_get(order_id)
    assert detail.fulfillment.status == "PROCESSING" and detail.updated_at == before.updated_at
    changed = orders.get_order_events_using_get(type=["FULFILLMENT_STATUS_CHANGED"]).events
    assert [e.order.checkout_form.id for e in changed] == [order_id]
    with pytest.raises(ApiException) as err:
        orders.set_order_fulfillment_using_put(order_id, allegro_api.CheckoutFormFulfillment(status="RETURNED"))
    assert err.value.status == 422


def test_find_mapping(orders: allegro_api.OrderManagementApi, bought: dict[str, Any]) -> None:
    line_item = orders.get_orders_details_using_get(bought["first"]["checkoutFormId"]).line_items[0].id
    by_line_item = orders.find_mapping(line_item_id=line_item).mappings
    assert len(by_line_item) == 1 and by_line_item[0].line_item_id == line_item
    deal_id = by_line_item[0].deal_id
    assert deal_id.isdigit() and len(deal_id) == 10
    assert orders.find_mapping(deal_id=deal_id).mappings[0].line_item_id == line_item
    with pytest.raises(ApiException) as err:
        orders.find_mapping(deal_id="1")
    assert err.value.status == 404


def test_client_sees_vendor_errors(targ: TargServer) -> None:
    with generated_client(targ, "not-a-token") as client, pytest.raises(ApiException) as err:
        allegro_api.OrderManagementApi(client).get_list_of_orders_using_get()
    assert err.value.status == 401
    body = err.value.body
    assert "invalid_token" in (body.decode() if isinstance(body, bytes) else body)
