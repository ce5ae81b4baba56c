"""The unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import `allegro_api`) and Ship with
Allegro: the 2020 client predates `/shipment-management`, so a connector built on it sends those requests through
its own `ApiClient.call_api` and reads the waybills back with `OrderManagementApi`."""

from __future__ import annotations

from typing import Any

import allegro_api
import httpx
import pytest
from allegro_api.rest import ApiException
from shipping_helpers import ALLEGRO_JSON, DPD, buy, checkout_form, shipment_input

from targ.testing import TargServer


@pytest.fixture
def client(demo_client: allegro_api.ApiClient) -> allegro_api.ApiClient:
    return demo_client


def _call(client: allegro_api.ApiClient, method: str, path: str, body: Any = None, accept: str = ALLEGRO_JSON,
          **path_params: str) -> Any:
    headers = {"Accept": accept, "Content-Type": ALLEGRO_JSON}
    return client.call_api(path, method, path_params=path_params, header_params=headers, body=body,
                           response_type="object", auth_settings=["bearer-token-for-user"],
                           _return_http_data_only=True)


def test_a_connector_on_the_generated_client_ships_an_order(targ: TargServer, http: httpx.Client,
                                                            seller: httpx.Client, offer: str,
                                                            client: allegro_api.ApiClient) -> None:
    order_id = buy(http, offer, DPD)
    form = checkout_form(seller, order_id)
    services = _call(client, "GET", "/shipment-management/delivery-services")["services"]
    assert DPD in [s["id"]["deliveryMethodId"] for s in services]

    sent = _call(client, "POST", "/shipment-management/shipments/create-commands",
                 {"commandId": "7d5c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "input": shipment_input(form)})
    targ.drain()
    done = _call(client, "GET", "/shipment-management/shipments/create-commands/{commandId}",
                 commandId=sent["commandId"])
    assert done["status"] == "SUCCESS"
    made = _call(client, "GET", "/shipment-management/shipments/{shipmentId}", shipmentId=done["shipmentId"])

    orders = allegro_api.OrderManagementApi(client)
    [listed] = orders.get_order_shipments_using_get(order_id).shipments
    assert (listed.carrier_id, listed.waybill) == ("DPD", made["packages"][0]["waybill"])
    assert orders.get_orders_details_using_get(order_id).fulfillment.shipment_summary.line_items_sent == "ALL"

    with pytest.raises(ApiException) as err:
        _call(client, "GET", "/shipment-management/shipments/{shipmentId}", shipmentId="nie-ma")
    assert err.value.status == 404
