"""Helpers for the money tests: purchases through the buyer's admin actions, refunds, lists, jobs and the clock."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from targ.testing import TargServer

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


def other_seller(targ: TargServer, http: httpx.Client, login: str = "drugi-sprzedawca") -> dict[str, Any]:
    """A second seller (admin API) with one active offer written to the store as the offers area keeps them."""
    seller = http.post("/__targ/sellers", json={"login": login}).json()
    offer_id = f"88{seller['id']}"
    offer = {"id": offer_id, "name": "Zegarek na rękę srebrny", "category": {"id": "165"},
             "sellingMode": {"format": "BUY_NOW", "price": {"amount": "249.00", "currency": "PLN"}},
             "stock": {"available": 5, "unit": "UNIT"},
             "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": "allegro-pl"}}},
             "delivery": {"handlingTime": "PT48H"}, "fulfillment": {"provider": "SELLER"}}
    world = targ.world
    with world.store.transaction():
        world.store.put("offer", offer_id, offer, owner=seller["id"])
    headers = {"Authorization": f"Bearer {seller['accessToken']}", "Accept": ALLEGRO_JSON}
    return {**seller, "offerId": offer_id, "headers": headers}
