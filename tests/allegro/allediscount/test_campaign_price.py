"""What an ACTIVE participation means for the offer's buyers: the campaign price (`maximumSellingPrice`) in the
order, with a CAMPAIGN discount (allegro-api #12768); the seller's own offer price is left as it is."""

from __future__ import annotations

import httpx
from allediscount_helpers import buy, campaign, create_offer, offer_body, submit, submitted, withdraw

from targ.testing import TargServer


def line_item(seller: httpx.Client, order_id: str) -> dict[str, object]:
    order = seller.get(f"/order/checkout-forms/{order_id}")
    assert order.status_code == 200, order.text
    [item] = order.json()["lineItems"]
    return dict(item)


def test_orders_pay_the_campaign_price_while_the_participation_is_active(
        targ: TargServer, http: httpx.Client, seller_client: httpx.Client, ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    targ.clock.advance("P1D")
    before = line_item(seller_client, buy(http, ids["A"])["checkoutFormId"])
    assert before["price"] == {"amount": "39.99", "currency": "PLN"} and "discounts" not in before
    done = submit(targ, seller_client, ids["A"], discount, "35.00")
    participation_id = done["output"]["newOfferParticipation"]["participationId"]
    assert submitted(seller_client, discount)[0]["process"]["status"] == "ACTIVE"

    bought = buy(http, ids["A"], 2)["checkoutFormId"]
    item = line_item(seller_client, bought)
    campaign_price = {"amount": "31.50", "currency": "PLN"}
    assert (item["price"], item["originalPrice"], item["discounts"]) == (campaign_price, campaign_price,
                                                                         [{"type": "CAMPAIGN"}])
    order = seller_client.get(f"/order/checkout-forms/{bought}").json()
    delivery = float(order["delivery"]["cost"]["amount"])
    assert order["summary"]["totalToPay"]["amount"] == f"{2 * 31.50 + delivery:.2f}"
    # The seller's offer keeps its own price: campaign prices are not returned in the offer (#12702, #9289).
    assert seller_client.get(f"/sale/product-offers/{ids['A']}").json()["sellingMode"]["price"] == {
        "amount": "39.99", "currency": "PLN"}
    # Other offers, and the offer once withdrawn, sell at their prices.
    assert line_item(seller_client, buy(http, ids["C"])["checkoutFormId"])["price"] == {"amount": "89.90",
                                                                                     "currency": "PLN"}
    withdraw(targ, seller_client, participation_id)
    after = line_item(seller_client, buy(http, ids["A"])["checkoutFormId"])
    assert after["price"] == {"amount": "39.99", "currency": "PLN"} and "discounts" not in after


def test_an_accepted_participation_lowers_the_price_only_during_publication(
        targ: TargServer, http: httpx.Client, seller_client: httpx.Client) -> None:
    sourcing = campaign(seller_client, "SOURCING")
    offer_id = create_offer(targ, seller_client, offer_body(stock={"available": 50, "unit": "UNIT"}))
    targ.clock.set("2026-01-13T00:00:00Z")
    submit(targ, seller_client, offer_id, sourcing, "3900.00")
    assert line_item(seller_client, buy(http, offer_id)["checkoutFormId"])["price"]["amount"] == "3999.00"
    targ.clock.set("2026-01-31T00:00:00Z")
    assert line_item(seller_client, buy(http, offer_id)["checkoutFormId"])["price"]["amount"] == "3666.00"
    targ.clock.set("2026-02-14T00:00:00Z")
    assert line_item(seller_client, buy(http, offer_id)["checkoutFormId"])["price"]["amount"] == "3999.00"
