"""Helpers of the public offer search tests: other sellers' offers, listed on the virtual clock, and searching."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import httpx

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
IPHONE_EAN = ean13("590123412001")
NEW, USED = "11323_1", "11323_2"
NewSeller = Callable[[str], tuple[dict[str, Any], httpx.Client]]


def offer_body(name: str, price: str, *, condition: str = NEW, stock: int = 5, **extra: Any) -> dict[str, Any]:
    """A listed (no `publication.status`) offer of the catalogue's iPhone, named and priced as given."""
    return {"name": name, "productSet": [{"product": {"id": IPHONE_EAN, "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": [condition]}],
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": price, "currency": "PLN"}},
            "stock": {"available": stock, "unit": "UNIT"}, "delivery": {"handlingTime": "PT24H"}, **extra}


def list_offer(targ: TargServer, client: httpx.Client, body: dict[str, Any]) -> str:
    """Creates the offer and lets the clock pass the listing (jobDelay): its id, ACTIVE."""
    resp = client.post("/sale/product-offers", json=body, headers=SEND)
    assert resp.status_code in (201, 202), resp.text
    targ.clock.advance("PT10S")
    offer_id = str(resp.json()["id"])
    status = client.get(f"/sale/product-offers/{offer_id}").json()["publication"]["status"]
    assert status in ("ACTIVE", "INACTIVE"), status
    return offer_id


def search(client: httpx.Client, **params: Any) -> dict[str, Any]:
    resp = client.get("/offers/listing", params=params)
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    return dict(resp.json())


def found(client: httpx.Client, **params: Any) -> list[str]:
    """The ids of a search's page, promoted ones first (the order the site shows them)."""
    items = search(client, **params)["items"]
    return [o["id"] for o in items["promoted"]] + [o["id"] for o in items["regular"]]


def error(resp: httpx.Response, status: int) -> dict[str, Any]:
    """The single Allegro error of a refusal with `status`."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    errors = resp.json()["errors"]
    assert len(errors) == 1
    return dict(errors[0])


def app_token(http: httpx.Client, client_id: str, client_secret: str) -> str:
    """A client_credentials (application) token."""
    basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
    resp = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"},
                     headers={"Authorization": f"Basic {basic}"})
    assert resp.status_code == 200, resp.text
    return str(resp.json()["access_token"])
