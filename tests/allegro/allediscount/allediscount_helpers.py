"""Helpers of the AlleDiscount tests: campaigns by type, commands run on the clock, offer bodies."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
Body = dict[str, Any]
NewSeller = Callable[[str], tuple[Body, httpx.Client]]
SUBMIT = "/sale/alle-discount/submit-offer-commands"
WITHDRAW = "/sale/alle-discount/withdraw-offer-commands"
IPHONE_EAN = ean13("590123412001")
LONG_TOKEN = 120 * 86_400       # the tests move the clock by weeks


def client(targ: TargServer, seller_id: str) -> httpx.Client:
    """A client acting for the seller with a token that outlives the tests' clock moves."""
    token = targ.admin.call("POST", f"/sellers/{seller_id}/tokens", {"expiresIn": LONG_TOKEN})["accessToken"]
    return httpx.Client(base_url=targ.url, timeout=30,
                        headers={"Authorization": f"Bearer {token}", "Accept": ALLEGRO_JSON})


def send(c: httpx.Client, method: str, path: str, body: Any = None, **params: Any) -> httpx.Response:
    headers = {"Content-Type": ALLEGRO_JSON} if body is not None else {}
    return c.request(method, path, json=body, headers=headers, params=params or None)


def campaign(c: httpx.Client, kind: str, marketplace: str = "allegro-pl") -> str:
    found = c.get("/sale/alle-discount/campaigns").json()["alleDiscountCampaigns"]
    return next(x["id"] for x in found if x["type"] == kind and x["marketplace"]["id"] == marketplace)


def eligible(c: httpx.Client, campaign_id: str, **params: Any) -> Body:
    resp = c.get(f"/sale/alle-discount/{campaign_id}/eligible-offers", params=params)
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def eligible_by_id(c: httpx.Client, campaign_id: str) -> dict[str, Body]:
    return {o["id"]: o for o in eligible(c, campaign_id)["eligibleOffers"]}


def submitted(c: httpx.Client, campaign_id: str, **params: Any) -> list[Body]:
    resp = c.get(f"/sale/alle-discount/{campaign_id}/submitted-offers", params=params)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["submittedOffers"])


def submit_body(offer_id: str, campaign_id: str, amount: str, currency: str = "PLN",
                command_id: str | None = None) -> Body:
    return {"commandId": command_id or str(uuid.uuid4()),
            "input": {"offer": {"id": offer_id}, "campaign": {"id": campaign_id},
                      "proposedPrice": {"amount": amount, "currency": currency}}}


def run_command(targ: TargServer, c: httpx.Client, path: str, body: Body) -> Body:
    """Registers a command, runs it to its end (its steps and anything they start) and returns its status."""
    created = send(c, "POST", path, body)
    assert created.status_code == 201, created.text
    targ.drain()
    status = c.get(f"{path}/{created.json()['id']}")
    assert status.status_code == 200, status.text
    return dict(status.json())


def submit(targ: TargServer, c: httpx.Client, offer_id: str, campaign_id: str, amount: str,
           currency: str = "PLN") -> Body:
    return run_command(targ, c, SUBMIT, submit_body(offer_id, campaign_id, amount, currency))


def withdraw(targ: TargServer, c: httpx.Client, participation_id: str) -> Body:
    return run_command(targ, c, WITHDRAW, {"commandId": str(uuid.uuid4()),
                                           "input": {"participationId": participation_id}})


def offer_body(**extra: Any) -> Body:
    """A Buy Now offer of the catalogue's iPhone (found by EAN), listed at once, new, with a VAT invoice."""
    return {"productSet": [{"product": {"id": IPHONE_EAN, "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_1"]}],
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
            "stock": {"available": 10, "unit": "UNIT"}, "delivery": {"handlingTime": "PT48H"},
            "payments": {"invoice": "VAT"}, **extra}


def create_offer(targ: TargServer, c: httpx.Client, body: Body) -> str:
    resp = send(c, "POST", "/sale/product-offers", body)
    assert resp.status_code in (201, 202), resp.text
    targ.drain()
    offer_id = str(resp.json()["id"])
    assert c.get(f"/sale/product-offers/{offer_id}").json()["publication"]["status"] == "ACTIVE"
    return offer_id


def patch_offer(c: httpx.Client, offer_id: str, body: Body) -> Body:
    resp = send(c, "PATCH", f"/sale/product-offers/{offer_id}", body)
    assert resp.status_code in (200, 202), resp.text
    return dict(resp.json())


def buy(http: httpx.Client, offer_id: str, quantity: int = 1) -> Body:
    resp = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offer_id, "quantity": quantity}]})
    assert resp.status_code == 201, resp.text
    return dict(resp.json())
