"""Helpers for the sales ratings tests: delivered orders, the buyer's rating admin actions, the seller's requests."""

from __future__ import annotations

from typing import Any

import httpx
from allegro_kit import (  # noqa: F401 - this area's tests import them from here
    ERROR_TYPE,
    admin_error,
    advance,
    errors,
    now,
    second_seller,
)
from allegro_kit import buy_as as buy

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
BETA = {"Accept": ALLEGRO_BETA}



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




def ratings(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/sale/user-ratings", params=params)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["ratings"])

