"""Helpers for the order tests: the buyer's and carrier's admin actions, and a second seller with an offer."""

from __future__ import annotations

from typing import Any

import httpx
from allegro_kit import other_seller  # noqa: F401 - the areas' tests import it from here

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
ERROR_TYPE = "application/json; charset=utf-8"


def buy(http: httpx.Client, offer_id: str, quantity: int = 1, **body: Any) -> dict[str, Any]:
    """A purchase that must succeed (201); the answer `{checkoutFormId, status, events}`."""
    resp = http.post("/__targ/buyer/purchases",
                     json={"lineItems": [{"offerId": offer_id, "quantity": quantity}], **body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def act(http: httpx.Client, order_id: str, action: str, body: dict[str, Any] | None = None) -> httpx.Response:
    return http.post(f"/__targ/buyer/checkout-forms/{order_id}/{action}", json=body or {})


def order(allegro: httpx.Client, order_id: str) -> dict[str, Any]:
    resp = allegro.get(f"/order/checkout-forms/{order_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def set_status(allegro: httpx.Client, order_id: str, status: str, revision: str | None = None) -> httpx.Response:
    params = {"checkoutForm.revision": revision} if revision else None
    return allegro.put(f"/order/checkout-forms/{order_id}/fulfillment", json={"status": status}, params=params,
                       headers=SEND)


def add_shipment(allegro: httpx.Client, order_id: str, **body: Any) -> httpx.Response:
    return allegro.post(f"/order/checkout-forms/{order_id}/shipments",
                        json={"carrierId": "INPOST", "waybill": "620111222333444555666777", **body}, headers=SEND)


def events(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/order/events", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()["events"]


def errors(resp: httpx.Response) -> list[dict[str, Any]]:
    assert resp.headers["content-type"] == ERROR_TYPE and resp.headers.get("trace-id")
    return resp.json()["errors"]


def advance(targ: TargServer, allegro: httpx.Client, duration: str) -> None:
    """Moves the clock, and gives the seller's client a token that works at the new time (tokens last 12 h)."""
    targ.clock.advance(duration)
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
