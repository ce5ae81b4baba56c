"""An auction from listing to the winner's order: proxy bids, outbidding, the end on the clock, the purchase."""

from __future__ import annotations

from typing import Any

import httpx
from bidding_helpers import auction_body, bid, error, list_auction, my_bid, placed, pln

from targ.testing import TargServer


def test_two_bidders_the_clock_ends_the_auction_and_the_winner_buys(
        targ: TargServer, shop: httpx.Client, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    (_, anna_client), (piotr, piotr_client) = bidders
    offer = list_auction(targ, shop, auction_body(price=pln("100.00")))        # buy now at 100.00 as well
    # Anna's maximum 15.00: alone, she leads at the starting price.
    assert placed(anna_client, offer, "15") == {"maxAmount": pln("15.00"), "minimalPriceMet": True,
                                               "highBidder": True, "auction": {"currentPrice": pln("10.00")}}
    # Piotr's 12.00 loses to Anna's maximum: the price is his maximum plus one increment (0.50 below 25 PLN).
    assert placed(piotr_client, offer, "12.00") == {"maxAmount": pln("12.00"), "minimalPriceMet": True,
                                                   "highBidder": False, "auction": {"currentPrice": pln("12.50")}}
    # Piotr outbids her: 40.00 against 15.00 → 15.00 + 0.50.
    assert placed(piotr_client, offer, "40.00")["auction"]["currentPrice"] == pln("15.50")
    assert my_bid(anna_client, offer) == {"maxAmount": pln("15.00"), "minimalPriceMet": True, "highBidder": False,
                                          "auction": {"currentPrice": pln("15.50")}}
    # Anna comes back with 30.00: Piotr still leads, at 30.00 + 1.00 (the increment from 25 PLN).
    assert placed(anna_client, offer, "30.00")["highBidder"] is False
    assert my_bid(piotr_client, offer)["auction"]["currentPrice"] == pln("31.00")

    # The seller's and the public views of the running auction.
    mine = shop.get("/sale/offers", params={"offer.id": offer}).json()["offers"][0]
    assert mine["saleInfo"] == {"currentPrice": pln("31.00"), "biddersCount": 2}
    public = shop.get("/offers/listing", params={"phrase": "kubek kolekcjonerski"}).json()["items"]["regular"][0]
    assert public["sellingMode"] == {"format": "AUCTION", "price": pln("31.00"), "fixedPrice": pln("100.00"),
                                     "bidCount": 2}
    assert public["publication"]["endingAt"] == "2026-01-04T00:00:05.000Z"   # listed at 00:00:05, for 3 days
    bids = [e for e in shop.get("/sale/offer-events", params={"type": "OFFER_BID_PLACED"}).json()["offerEvents"]]
    assert len(bids) == 4 and all(e["offer"] == {"id": offer} for e in bids)

    # Not yet: a second before the end nothing is sold.
    targ.clock.set("2026-01-04T00:00:04Z")
    assert shop.get("/order/checkout-forms").json()["totalCount"] == 0
    targ.clock.advance("PT1S")                                                  # the end: the job runs
    status = shop.get(f"/sale/product-offers/{offer}").json()["publication"]
    assert (status["status"], status["endedBy"]) == ("ENDED", "EMPTY_STOCK")  # a sold auction (#4637)
    forms = shop.get("/order/checkout-forms").json()["checkoutForms"]
    assert len(forms) == 1
    order = forms[0]
    assert order["status"] == "BOUGHT"
    assert (order["buyer"]["id"], order["buyer"]["login"]) == (piotr["id"], "piotr")
    line = order["lineItems"][0]
    assert (line["offer"]["id"], line["quantity"], line["price"]) == (offer, 1, pln("31.00"))
    assert line["boughtAt"] == "2026-01-04T00:00:05.000Z"
    events = shop.get("/order/events", params={"type": "BOUGHT"}).json()["events"]
    assert [e["order"]["checkoutForm"]["id"] for e in events] == [order["id"]]

    # After the end: bids are refused, each bidder still reads where they stood.
    refused = error(bid(anna_client, offer, "50.00"), 422)
    assert refused["path"] == "offerId" and refused["code"] == "VALIDATION_ERROR"
    assert my_bid(piotr_client, offer)["highBidder"] is True
    assert my_bid(anna_client, offer)["highBidder"] is False
    closed = {"phrase": "kubek kolekcjonerski", "searchMode": "CLOSED"}
    assert [o["id"] for o in shop.get("/offers/listing", params=closed).json()["items"]["regular"]] == [offer]

    # An auction's buyer has 30 days to pay (allegro-api #4646), not 7.
    targ.clock.advance("P8D")
    assert shop.get(f"/order/checkout-forms/{order['id']}").json()["status"] == "BOUGHT"
    targ.clock.advance("P23D")
    assert shop.get(f"/order/checkout-forms/{order['id']}").json()["status"] == "CANCELLED"


def test_the_winner_fills_in_and_pays_like_any_buyer(
        targ: TargServer, shop: httpx.Client, http: httpx.Client,
        bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    (_, anna_client), _ = bidders
    offer = list_auction(targ, shop, auction_body())
    placed(anna_client, offer, "22.00")
    targ.clock.advance("PT72H")
    order = shop.get("/order/checkout-forms").json()["checkoutForms"][0]
    assert (order["buyer"]["login"], order["buyer"]["firstName"], order["buyer"]["lastName"]) == (
        "anna", "Anna", "Nowak")
    assert order["lineItems"][0]["price"] == pln("10.00")                       # alone: the starting price
    for step in ("fill-in", "pay"):
        assert http.post(f"/__targ/buyer/checkout-forms/{order['id']}/{step}").status_code == 200
    paid = shop.get(f"/order/checkout-forms/{order['id']}").json()
    assert paid["status"] == "READY_FOR_PROCESSING" and paid["payment"]["paidAmount"]["amount"] == \
        paid["summary"]["totalToPay"]["amount"]


def test_minimal_price_not_met_ends_without_a_sale(
        targ: TargServer, shop: httpx.Client, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    (_, anna_client), (_, piotr_client) = bidders
    offer = list_auction(targ, shop, auction_body(minimalPrice=pln("50.00")))
    assert placed(anna_client, offer, "20.00")["minimalPriceMet"] is False
    assert placed(piotr_client, offer, "30.00") == {"maxAmount": pln("30.00"), "minimalPriceMet": False,
                                                   "highBidder": True, "auction": {"currentPrice": pln("20.50")}}
    targ.clock.advance("PT72H")
    status = shop.get(f"/sale/product-offers/{offer}").json()["publication"]
    assert (status["status"], status["endedBy"]) == ("ENDED", "EXPIRATION")
    assert shop.get("/order/checkout-forms").json()["totalCount"] == 0
    # A maximum at or above the minimal price lifts the price to it at once (Allegro's help).
    again = list_auction(targ, shop, auction_body(minimalPrice=pln("50.00")))
    assert placed(anna_client, again, "60.00")["auction"]["currentPrice"] == pln("50.00")


def test_an_auction_without_bids_expires(targ: TargServer, shop: httpx.Client) -> None:
    offer = list_auction(targ, shop, auction_body())
    targ.clock.advance("PT72H")
    status = shop.get(f"/sale/product-offers/{offer}").json()["publication"]
    assert (status["status"], status["endedBy"]) == ("ENDED", "EXPIRATION")
    assert shop.get("/order/checkout-forms").json()["totalCount"] == 0


def test_the_leader_may_lower_a_maximum_down_to_the_price(
        targ: TargServer, shop: httpx.Client, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    (_, anna_client), (_, piotr_client) = bidders
    offer = list_auction(targ, shop, auction_body())
    placed(piotr_client, offer, "53.01")
    assert placed(anna_client, offer, "140.40")["auction"]["currentPrice"] == pln("54.01")
    # allegro-api #2713: the leader lowered 140.40 to 81.01, then was outbid at 81.01 + 1.00.
    assert placed(anna_client, offer, "81.01")["highBidder"] is True
    assert placed(piotr_client, offer, "137.01")["auction"]["currentPrice"] == pln("82.01")
    assert error(bid(anna_client, offer, "82.50"), 422)["path"] == "maxAmount.amount"   # under 82.01 + 1.00
