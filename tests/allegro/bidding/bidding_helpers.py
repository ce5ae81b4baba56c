"""Helpers of the bidding tests: auctions listed by the demo seller, bidders (Allegro accounts) with long-lived
tokens, bids."""

from __future__ import annotations

from typing import Any

import httpx

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
MUG_EAN = "5901234123457"   # the demo mug's product (catalogue)


def auction_body(**selling: Any) -> dict[str, Any]:
    """A 3-day auction of a used mug from 10.00 PLN (`selling` adds to or replaces `sellingMode`)."""
    return {"name": "Kubek kolekcjonerski z licytacji", "productSet": [{"product": {"id": MUG_EAN, "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_2"]}],
            "sellingMode": {"format": "AUCTION", "startingPrice": {"amount": "10.00", "currency": "PLN"}, **selling},
            "stock": {"available": 1, "unit": "UNIT"}, "publication": {"duration": "PT72H"}}


def list_auction(targ: TargServer, seller: httpx.Client, body: dict[str, Any]) -> str:
    """Lists the auction and lets the clock pass the listing (jobDelay): its id, ACTIVE."""
    resp = seller.post("/sale/product-offers", json=body, headers=SEND)
    assert resp.status_code == 202, resp.text
    targ.clock.advance("PT10S")
    offer_id = str(resp.json()["id"])
    assert seller.get(f"/sale/product-offers/{offer_id}").json()["publication"]["status"] == "ACTIVE"
    return offer_id


def bidder(targ: TargServer, login: str, **names: str) -> tuple[dict[str, Any], httpx.Client]:
    """An Allegro account that bids, with a token that outlives the auction."""
    account = targ.admin.call("POST", "/sellers", {"login": login, **names})
    token = targ.admin.call("POST", f"/sellers/{account['id']}/tokens", {"expiresIn": 90 * 86400})
    client = httpx.Client(base_url=targ.url, timeout=30,
                          headers={"Authorization": f"Bearer {token['accessToken']}", "Accept": ALLEGRO_JSON})
    return account, client


def bid(client: httpx.Client, offer_id: str, amount: str, currency: str = "PLN") -> httpx.Response:
    return client.put(f"/bidding/offers/{offer_id}/bid", json={"maxAmount": {"amount": amount, "currency": currency}},
                      headers=SEND)


def placed(client: httpx.Client, offer_id: str, amount: str) -> dict[str, Any]:
    resp = bid(client, offer_id, amount)
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def my_bid(client: httpx.Client, offer_id: str) -> dict[str, Any]:
    resp = client.get(f"/bidding/offers/{offer_id}/bid")
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def pln(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "PLN"}


def error(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    errors = resp.json()["errors"]
    assert len(errors) == 1
    return dict(errors[0])


def long_lived(targ: TargServer, seller_id: str) -> str:
    """A token of the seller that outlives the auction."""
    return str(targ.admin.call("POST", f"/sellers/{seller_id}/tokens", {"expiresIn": 90 * 86400})["accessToken"])
