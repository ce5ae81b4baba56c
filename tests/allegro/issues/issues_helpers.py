"""Helpers for the post-purchase issues tests: purchases, the buyer's admin actions, the seller's requests (in the
beta media type the operations declare)."""

from __future__ import annotations

from typing import Any

import httpx
from allegro_kit import ERROR_TYPE, admin_error, advance, errors, now  # noqa: F401 - this area's tests import them from here
from allegro_kit import buy_as as buy  # noqa: F401
from allegro_kit import second_seller as kit_second_seller

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"
BETA = {"Accept": ALLEGRO_BETA}
SEND = {"Accept": ALLEGRO_BETA, "Content-Type": ALLEGRO_BETA}



def dispute(http: httpx.Client, order_id: str, text: str = "Gdzie jest moja paczka?", **extra: Any) -> dict[str, Any]:
    body = {"checkoutFormId": order_id, "type": "DISPUTE", "reason": "DID_NOT_RECEIVE_GOODS_AFTER_PAYMENT",
            "text": text, **extra}
    resp = http.post("/__targ/buyer/issues", json=body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json()["issue"])


def claim(http: httpx.Client, order_id: str, **extra: Any) -> dict[str, Any]:
    body = {"checkoutFormId": order_id, "type": "CLAIM", "reason": "ITEM_IS_DAMAGED", "text": "Produkt pękł",
            "right": "WARRANTY", "expectations": [{"name": "REFUND"}], **extra}
    resp = http.post("/__targ/buyer/issues", json=body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json()["issue"])


def issue(allegro: httpx.Client, issue_id: str, **headers: str) -> dict[str, Any]:
    resp = allegro.get(f"/sale/issues/{issue_id}", headers={**BETA, **headers})
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    return dict(resp.json())


def issues(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/sale/issues", params=params, headers=BETA)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["issues"])


def chat(allegro: httpx.Client, issue_id: str, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get(f"/sale/issues/{issue_id}/chat", params=params, headers=BETA)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["chat"])







# --- the deprecated /sale/disputes* views (public media type, as the spec declares them) -----------------------------
PUBLIC = {"Accept": ALLEGRO_JSON}
SEND_PUBLIC = {"Accept": ALLEGRO_JSON, "Content-Type": ALLEGRO_JSON}


def dispute_view(allegro: httpx.Client, dispute_id: str, **headers: str) -> dict[str, Any]:
    resp = allegro.get(f"/sale/disputes/{dispute_id}", headers={**PUBLIC, **headers})
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    return dict(resp.json())


def disputes(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/sale/disputes", params=params, headers=PUBLIC)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["disputes"])


def dispute_messages(allegro: httpx.Client, dispute_id: str, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get(f"/sale/disputes/{dispute_id}/messages", params=params, headers=PUBLIC)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["messages"])


def second_seller(http: httpx.Client, base_url: str, login: str = "drugi-sprzedawca") -> tuple[str, httpx.Client]:
    """Another seller and its client, asking for the issues' beta media type."""
    return kit_second_seller(http, base_url, login, ALLEGRO_BETA)
