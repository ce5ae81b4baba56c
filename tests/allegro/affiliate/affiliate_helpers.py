"""Helpers of the affiliate tests: the publisher's client, purchases through a publisher's link, conversions."""

from __future__ import annotations

from typing import Any

import httpx

BETA = "application/vnd.allegro.beta.v1+json"


def buy(http: httpx.Client, offer_id: str, quantity: int = 1, **extra: Any) -> dict[str, Any]:
    resp = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offer_id, "quantity": quantity}],
                                                      **extra})
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def via(publisher: str, **parameters: str) -> dict[str, Any]:
    """The affiliate marker of a purchase through `publisher`'s link."""
    return {"affiliate": {"publisher": publisher, **({"urlParameters": parameters} if parameters else {})}}


def conversions(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = client.get("/affiliate/conversions/cps", params=params)
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    return list(resp.json()["conversions"])


def error(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    errors = resp.json()["errors"]
    assert len(errors) == 1
    return dict(errors[0])
