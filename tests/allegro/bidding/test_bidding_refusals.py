"""What bidding refuses, in the vendor's shape: unknown and non-auction offers, the seller's own auction, bids below
the minimum, other currencies, malformed amounts, tokens without a user or the scope; and the auction rules of
listing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bidding_helpers import SEND, auction_body, bid, error, list_auction, placed, pln

from targ.testing import TargServer


@pytest.fixture
def auction(targ: TargServer, shop: httpx.Client) -> str:
    return list_auction(targ, shop, auction_body())


@pytest.mark.parametrize("offer_id", ["9999999999", "abc", "7700000000"])   # unknown, malformed, a BUY_NOW offer
def test_not_an_auction_is_404(bidders: list[tuple[dict[str, Any], httpx.Client]], offer_id: str) -> None:
    _, client = bidders[0]
    for resp in (bid(client, offer_id, "20.00"), client.get(f"/bidding/offers/{offer_id}/bid")):
        problem = error(resp, 404)
        assert problem["code"] == "NOT_FOUND" and problem["message"] == f"Auction {offer_id} not found."
        assert problem["userMessage"] == f"Nie znaleziono licytacji {offer_id}."


def test_a_draft_auction_is_not_found(shop: httpx.Client, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    draft = shop.post("/sale/product-offers", json={**auction_body(), "publication": {"status": "INACTIVE",
                                                                                      "duration": "PT72H"}},
                      headers=SEND)
    assert draft.status_code == 201, draft.text
    assert error(bid(bidders[0][1], draft.json()["id"], "20.00"), 404)["code"] == "NOT_FOUND"


def test_the_seller_cannot_bid_in_their_own_auction(shop: httpx.Client, auction: str) -> None:
    problem = error(bid(shop, auction, "20.00"), 422)
    assert (problem["code"], problem["path"], problem["message"]) == (
        "VALIDATION_ERROR", "offerId", "You cannot bid in your own auction.")


def test_bids_below_the_minimum(auction: str, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    (_, anna), (_, piotr) = bidders
    low = error(bid(anna, auction, "9.99"), 422)                  # under the starting price
    assert (low["path"], low["message"]) == (
        "maxAmount.amount", "The bid is too low: the lowest maximum you can bid now is 10.00 PLN.")
    placed(anna, auction, "15.00")
    placed(piotr, auction, "12.00")                               # Anna leads at 12.50
    english = piotr.put(f"/bidding/offers/{auction}/bid", json={"maxAmount": pln("12.50")},
                        headers={**SEND, "Accept-Language": "en-US"})
    problem = error(english, 422)
    assert problem["userMessage"] == "The bid is too low: the lowest maximum you can bid now is 13.00 PLN."
    assert placed(piotr, auction, "13.00")["auction"]["currentPrice"] == pln("13.50")
    # The leader may lower her maximum, not below the current price.
    assert error(bid(anna, auction, "13.49"), 422)["path"] == "maxAmount.amount"
    assert placed(anna, auction, "13.50")["highBidder"] is True


@pytest.mark.parametrize(("body", "path"), [
    ({"maxAmount": {"amount": "20.00", "currency": "EUR"}}, "maxAmount.currency"),
    ({"maxAmount": {"amount": "20.005", "currency": "PLN"}}, "maxAmount.amount"),
    ({"maxAmount": {"amount": "-1", "currency": "PLN"}}, "maxAmount.amount"),
    ({"maxAmount": {"amount": "dwadzieścia", "currency": "PLN"}}, "maxAmount.amount"),
])
def test_malformed_amounts(auction: str, bidders: list[tuple[dict[str, Any], httpx.Client]], body: dict[str, Any],
                           path: str) -> None:
    resp = bidders[0][1].put(f"/bidding/offers/{auction}/bid", json=body, headers=SEND)
    problem = error(resp, 422)
    assert problem["path"] == path, problem


def test_a_missing_max_amount(auction: str, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    resp = bidders[0][1].put(f"/bidding/offers/{auction}/bid", json={}, headers=SEND)
    assert error(resp, 422)["path"] == "maxAmount"                  # the spec requires it


def test_no_bid_yet_is_404(auction: str, bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    problem = error(bidders[0][1].get(f"/bidding/offers/{auction}/bid"), 404)
    assert problem["message"] == f"You have not bid in auction {auction}."


def test_tokens_need_a_user_and_the_bids_scope(targ: TargServer, http: httpx.Client, auction: str,
                                               bidders: list[tuple[dict[str, Any], httpx.Client]]) -> None:
    account, _ = bidders[0]
    narrow = targ.admin.call("POST", f"/sellers/{account['id']}/tokens", {"scopes": ["allegro:api:orders:read"]})
    resp = http.get(f"/bidding/offers/{auction}/bid", headers={"Authorization": f"Bearer {narrow['accessToken']}",
                                                               "Accept": "application/vnd.allegro.public.v1+json"})
    assert error(resp, 403)["code"] == "AccessDenied"


@pytest.mark.parametrize(("change", "path"), [
    ({"stock": {"available": 2, "unit": "UNIT"}}, "stock.available"),
    ({"publication": {"duration": "PT48H"}}, "publication.duration"),
    ({"publication": {}}, "publication.duration"),
    ({"sellingMode": {"format": "AUCTION"}}, "sellingMode.startingPrice"),
    ({"sellingMode": {"format": "AUCTION", "startingPrice": pln("10.00"), "minimalPrice": pln("5.00")}},
     "sellingMode.minimalPrice"),
])
def test_an_auction_must_be_one_item_with_a_starting_price_and_an_auction_duration(
        shop: httpx.Client, change: dict[str, Any], path: str) -> None:
    resp = shop.post("/sale/product-offers", json={**auction_body(), **change}, headers=SEND)
    assert resp.status_code == 422, resp.text
    assert path in [p["path"] for p in resp.json()["errors"]]
