"""AlleDiscount through the unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import
`allegro_api`): the client predates the AlleDiscount resources (2024), so they are called through its generic
`ApiClient.call_api` (its auth, serialisation and transport), and the order through its OrderManagementApi."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import allegro_api
import httpx
import pytest
from allegro_kit import generated_client

from targ.testing import TargServer

MEDIA = "application/vnd.allegro.public.v1+json"


@pytest.fixture
def api(targ: TargServer, demo: dict[str, Any]) -> Iterator[allegro_api.ApiClient]:
    # A token that outlives the day the offers' prices need to be verified.
    token = targ.admin.call("POST", f"/sellers/{demo['sellerId']}/tokens", {"expiresIn": 7 * 86_400})["accessToken"]
    with generated_client(targ, token) as client:
        yield client


def call(api: allegro_api.ApiClient, method: str, path: str, body: Any = None, **path_params: str) -> Any:
    headers = {"Accept": MEDIA, **({"Content-Type": MEDIA} if body is not None else {})}
    return api.call_api(path, method, path_params=path_params, header_params=headers, body=body,
                        response_type="object", auth_settings=["bearer-token-for-user"],
                        _return_http_data_only=True)


def test_submit_an_offer_and_buy_it_at_the_campaign_price(targ: TargServer, api: allegro_api.ApiClient,
                                                          http: httpx.Client, demo: dict[str, Any]) -> None:
    offer_a = demo["offers"][0]["id"]
    campaigns = call(api, "GET", "/sale/alle-discount/campaigns")["alleDiscountCampaigns"]
    campaign_id = next(c["id"] for c in campaigns if c["type"] == "DISCOUNT" and c["marketplace"]["id"] == "allegro-pl")
    targ.clock.advance("P1D")
    eligible = call(api, "GET", "/sale/alle-discount/{campaignId}/eligible-offers", campaignId=campaign_id)
    offer = next(o for o in eligible["eligibleOffers"] if o["id"] == offer_a)
    required = offer["alleDiscount"]["requiredMerchantPrice"]
    assert required == {"amount": "35.99", "currency": "PLN"}
    command_id = str(uuid.uuid4())
    created = call(api, "POST", "/sale/alle-discount/submit-offer-commands",
                   {"commandId": command_id, "input": {"offer": {"id": offer_a}, "campaign": {"id": campaign_id},
                                                       "proposedPrice": required}})
    assert created["output"]["status"] == "NEW"
    targ.drain()
    status = call(api, "GET", "/sale/alle-discount/submit-offer-commands/{commandId}", commandId=command_id)
    assert status["output"]["status"] == "SUCCESSFUL"
    bought = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offer_a, "quantity": 1}]})
    order = allegro_api.OrderManagementApi(api).get_orders_details_using_get(bought.json()["checkoutFormId"])
    assert order.line_items[0].price.amount == "32.39"      # 35.99 less Allegro's 10 % (3.60)
