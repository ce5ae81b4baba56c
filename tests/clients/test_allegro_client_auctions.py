"""The unchanged generated Allegro client (`allegro-pl-rest-api`, import `allegro_api`) against the public search
and bidding: a bidder finds an auction with `PublicOfferInformationApi.get_listing`, bids with
`AuctionsAndBiddingApi.place_bid` and reads the bid back with `get_bid`."""

from __future__ import annotations

from typing import Any

import allegro_api
import httpx
from allegro_api.configuration import Configuration  # a model class shadows allegro_api.Configuration
from allegro_api.rest import ApiException

from targ.testing import TargServer

JSON = "application/vnd.allegro.public.v1+json"


def _api(targ: TargServer, token: str) -> allegro_api.ApiClient:
    cfg = Configuration(host=targ.url)
    cfg.access_token = token
    cfg.client_side_validation = False
    return allegro_api.ApiClient(cfg)


def test_find_an_auction_and_bid_with_the_generated_client(targ: TargServer, demo: dict[str, Any],
                                                            allegro: httpx.Client) -> None:
    body = {"name": "Zegarek vintage z licytacji", "productSet": [{"product": {"id": "5901234123457",
                                                                                "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_2"]}],
            "sellingMode": {"format": "AUCTION", "startingPrice": {"amount": "25.00", "currency": "PLN"}},
            "stock": {"available": 1, "unit": "UNIT"}, "publication": {"duration": "PT24H"}}
    created = allegro.post("/sale/product-offers", json=body, headers={"Content-Type": JSON})
    assert created.status_code == 202, created.text
    targ.clock.advance("PT10S")
    bidder = targ.admin.call("POST", "/sellers", {"login": "licytant"})
    client = _api(targ, bidder["accessToken"])
    try:
        listing = allegro_api.PublicOfferInformationApi(client).get_listing(phrase="zegarek vintage")
        offer = listing.items.regular[0]
        assert offer.id == created.json()["id"] and offer.selling_mode.format == "AUCTION"
        assert offer.selling_mode.price.amount == "25.00"
        bidding = allegro_api.AuctionsAndBiddingApi(client)
        placed = bidding.place_bid(offer.id, bid_request={"maxAmount": {"amount": "40.00", "currency": "PLN"}})
        # The 2020 client's MaxPrice/CurrentPrice (an `allOf` of Price) come back as plain dicts.
        assert placed.high_bidder is True and placed.max_amount == {"amount": "40.00", "currency": "PLN"}
        assert placed.auction.current_price == {"amount": "25.00", "currency": "PLN"}
        mine = bidding.get_bid(offer.id)
        assert mine.high_bidder is True and mine.minimal_price_met is True
        try:
            bidding.get_bid("9999999999")
        except ApiException as exc:
            assert exc.status == 404
        else:
            raise AssertionError("an unknown auction must be 404")
    finally:
        client.rest_client.pool_manager.clear()
