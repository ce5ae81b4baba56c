"""Helpers for the post-purchase issues tests: purchases, the buyer's admin actions, the seller's requests (in the
beta media type the operations declare)."""

from __future__ import annotations

from typing import Any

import httpx

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"
BETA = {"Accept": ALLEGRO_BETA}
SEND = {"Accept": ALLEGRO_BETA, "Content-Type": ALLEGRO_BETA}
ERROR_TYPE = "application/json; charset=utf-8"


def buy(http: httpx.Client, offer_id: str, login: str, **extra: Any) -> str:
    """A purchase by `login` (paid unless `pay=False`); its checkout form id."""
    resp = http.post("/__targ/buyer/purchases",
                     json={"lineItems": [{"offerId": offer_id, "quantity": 1}], "buyer": {"login": login}, **extra})
    assert resp.status_code == 201, resp.text
    return str(resp.json()["checkoutFormId"])


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


def admin_error(resp: httpx.Response, status: int) -> str:
    """The admin error key of a refusal with `status`."""
    assert resp.status_code == status, resp.text
    assert set(resp.json()) == {"error", "message"}
    return str(resp.json()["error"])


def errors(resp: httpx.Response) -> list[dict[str, Any]]:
    assert resp.headers["content-type"] == ERROR_TYPE and resp.headers.get("trace-id")
    return list(resp.json()["errors"])


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
    headers = {"Authorization": f"Bearer {seller.json()['accessToken']}", "Accept": ALLEGRO_BETA}
    return str(seller.json()["id"]), httpx.Client(base_url=base_url, headers=headers, timeout=30)


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
