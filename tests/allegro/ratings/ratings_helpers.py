"""Helpers for the sales ratings tests: delivered orders, the buyer's rating admin actions, the seller's requests."""

from __future__ import annotations

from typing import Any

import httpx

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
BETA = {"Accept": ALLEGRO_BETA}
ERROR_TYPE = "application/json; charset=utf-8"


def buy(http: httpx.Client, offer_id: str, login: str, **extra: Any) -> str:
    """A purchase by `login` (paid unless `pay=False`); its checkout form id."""
    resp = http.post("/__targ/buyer/purchases",
                     json={"lineItems": [{"offerId": offer_id, "quantity": 1}], "buyer": {"login": login}, **extra})
    assert resp.status_code == 201, resp.text
    return str(resp.json()["checkoutFormId"])


def ship(allegro: httpx.Client, order_id: str, waybill: str) -> None:
    """The seller adds a tracking number: the carrier starts moving the parcel on the clock."""
    resp = allegro.post(f"/order/checkout-forms/{order_id}/shipments",
                        json={"carrierId": "INPOST", "waybill": waybill}, headers=SEND)
    assert resp.status_code == 201, resp.text


def deliver(http: httpx.Client, allegro: httpx.Client, order_id: str, waybill: str) -> None:
    """Ships the order and has the carrier report its parcel DELIVERED."""
    ship(allegro, order_id, waybill)
    resp = http.post("/__targ/carrier/parcels", json={"carrierId": "INPOST", "waybill": waybill, "code": "DELIVERED"})
    assert resp.status_code in (200, 201), resp.text


def delivered_order(http: httpx.Client, allegro: httpx.Client, offer_id: str, login: str, waybill: str) -> str:
    order_id = buy(http, offer_id, login)
    deliver(http, allegro, order_id, waybill)
    return order_id


def rate(http: httpx.Client, order_id: str, recommended: bool, **parts: Any) -> dict[str, Any]:
    """`POST /__targ/buyer/ratings` that must succeed: the rating as the seller sees it."""
    resp = http.post("/__targ/buyer/ratings", json={"checkoutFormId": order_id, "recommended": recommended, **parts})
    assert resp.status_code == 201, resp.text
    return dict(resp.json()["rating"])


def admin_error(resp: httpx.Response, status: int) -> str:
    """The admin error key of a refusal with `status`."""
    assert resp.status_code == status, resp.text
    assert set(resp.json()) == {"error", "message"}
    return str(resp.json()["error"])


def errors(resp: httpx.Response) -> list[dict[str, Any]]:
    assert resp.headers["content-type"] == ERROR_TYPE and resp.headers.get("trace-id")
    return list(resp.json()["errors"])


def ratings(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/sale/user-ratings", params=params)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["ratings"])


def now(http: httpx.Client) -> str:
    return str(http.get("/__targ/clock").json()["now"])


def advance(targ: TargServer, allegro: httpx.Client, duration: str) -> str:
    """Moves the virtual clock; the demo token lives 12 hours, so the seller's client takes the current one."""
    targ.clock.advance(duration)
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
    return str(httpx.get(f"{targ.url}/__targ/clock").json()["now"])


def second_seller(http: httpx.Client, base_url: str, login: str = "drugi-sprzedawca") -> tuple[str, httpx.Client]:
    """Another seller (admin API): its user id, and a client with its token (the caller closes it)."""
    seller = http.post("/__targ/sellers", json={"login": login})
    assert seller.status_code == 201, seller.text
    headers = {"Authorization": f"Bearer {seller.json()['accessToken']}", "Accept": ALLEGRO_JSON}
    return str(seller.json()["id"]), httpx.Client(base_url=base_url, headers=headers, timeout=30)
