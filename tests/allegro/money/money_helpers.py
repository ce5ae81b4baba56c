"""Helpers for the money tests: purchases through the buyer's admin actions, refunds, lists, jobs and the clock."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from allegro_kit import other_seller  # noqa: F401 - the areas' tests import it from here

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}


def buy(http: httpx.Client, offer_id: str, quantity: int = 1, **body: Any) -> dict[str, Any]:
    """A purchase that must succeed; the seller's view of the order (`GET /order/checkout-forms/{id}` shape)."""
    resp = http.post("/__targ/buyer/purchases",
                     json={"lineItems": [{"offerId": offer_id, "quantity": quantity}], **body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def order(allegro: httpx.Client, order_id: str) -> dict[str, Any]:
    resp = allegro.get(f"/order/checkout-forms/{order_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def bought(http: httpx.Client, allegro: httpx.Client, offer_id: str, quantity: int = 1, **body: Any) -> dict[str, Any]:
    return order(allegro, buy(http, offer_id, quantity, **body)["checkoutFormId"])


def refund_body(cf: dict[str, Any], **parts: Any) -> dict[str, Any]:
    return {"payment": {"id": cf["payment"]["id"]}, "order": {"id": cf["id"]}, "commandId": str(uuid.uuid4()),
            "reason": "REFUND", **parts}


def units(cf: dict[str, Any], quantity: int, index: int = 0) -> list[dict[str, Any]]:
    return [{"id": cf["lineItems"][index]["id"], "type": "QUANTITY", "quantity": quantity}]


def refund(allegro: httpx.Client, body: dict[str, Any], **headers: str) -> httpx.Response:
    return allegro.post("/payments/refunds", json=body, headers={**SEND, **headers})


def refunds(allegro: httpx.Client, **params: Any) -> dict[str, Any]:
    resp = allegro.get("/payments/refunds", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


def operations(allegro: httpx.Client, **params: Any) -> dict[str, Any]:
    resp = allegro.get("/payments/payment-operations", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


def billing(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/billing/billing-entries", params=params)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["billingEntries"])


def drain(http: httpx.Client) -> int:
    resp = http.post("/__targ/jobs/drain")
    assert resp.status_code == 200
    return int(resp.json()["ran"])


def error(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    errors = resp.json()["errors"]
    assert len(errors) == 1
    return dict(errors[0])
