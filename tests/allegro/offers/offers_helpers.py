"""Helpers of the offer tests: bodies, command calls, in-process stock changes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
Body = dict[str, Any]
NewSeller = Callable[..., tuple[dict[str, Any], httpx.Client]]
WAREHOUSE = {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Adamów 50", "postCode": "05-825"}
IPHONE_EAN = ean13("590123412001")
CONDITION_NEW = [{"id": "11323", "valuesIds": ["11323_1"]}]
COMMANDS = {"publication": "/sale/offer-publication-commands", "price": "/sale/offer-price-change-commands",
            "quantity": "/sale/offer-quantity-change-commands",
            "modification": "/sale/offer-modification-commands",
            "promo": "/sale/offers/promo-options-commands"}


def send(client: httpx.Client, method: str, path: str, body: Any = None, **params: Any) -> httpx.Response:
    headers = {"Content-Type": ALLEGRO_JSON} if body is not None else {}
    return client.request(method, path, json=body, headers=headers, params=params or None)


def seller_body(**extra: Any) -> Body:
    """A seller-fulfilled draft of the catalogue's iPhone, found by EAN (without `publication.status` the vendor
    lists an offer at once: tests that want that say so)."""
    return {"publication": {"status": "INACTIVE"},
            "productSet": [{"product": {"id": IPHONE_EAN, "idType": "GTIN"}}], "parameters": CONDITION_NEW,
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
            "stock": {"available": 5, "unit": "UNIT"}, "delivery": {"handlingTime": "PT48H"},
            "external": {"id": "ext-1"}, **extra}


def one_fulfillment_body(**extra: Any) -> Body:
    """A One Fulfillment draft that meets every rule of the guide."""
    return {"publication": {"status": "INACTIVE"},
            "productSet": [{"product": {"id": IPHONE_EAN, "idType": "GTIN"}}], "parameters": CONDITION_NEW,
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
            "stock": {"available": 0, "unit": "UNIT"},
            "delivery": {"handlingTime": "PT24H", "shippingRates": {"name": "One Fulfillment PL"}},
            "location": dict(WAREHOUSE), "payments": {"invoice": "VAT"},
            "taxSettings": {"rates": [{"rate": "23.00", "countryCode": "PL"}], "subject": "GOODS"}, **extra}


def create(client: httpx.Client, body: Body) -> Body:
    resp = send(client, "POST", "/sale/product-offers", body)
    assert resp.status_code in (201, 202), resp.text
    return resp.json()


def command(client: httpx.Client, family: str, body: Body, command_id: str | None = None) -> tuple[str, Body]:
    command_id = command_id or str(uuid.uuid4())
    resp = send(client, "PUT", f"{COMMANDS[family]}/{command_id}", body)
    assert resp.status_code == 201, resp.text
    return command_id, resp.json()


def offers_criteria(*ids: str) -> list[Body]:
    return [{"type": "CONTAINS_OFFERS", "offers": [{"id": i} for i in ids]}]


def publish(targ: TargServer, client: httpx.Client, *ids: str, action: str = "ACTIVATE") -> list[Body]:
    """Runs a publication command to its end and returns its tasks."""
    command_id, _ = command(client, "publication", {"offerCriteria": offers_criteria(*ids),
                                                    "publication": {"action": action}})
    targ.drain()
    return client.get(f"{COMMANDS['publication']}/{command_id}/tasks").json()["tasks"]


def in_world(targ: TargServer, fn: Callable[..., Any], *args: Any) -> Any:
    """Calls an area function in-process, in one transaction (between requests: the server serves one at a time)."""
    with targ.world.store.transaction():
        return fn(targ.world, *args)


def events(client: httpx.Client, **params: Any) -> list[Body]:
    resp = client.get("/sale/offer-events", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()["offerEvents"]


def offer(client: httpx.Client, offer_id: str) -> Body:
    resp = client.get(f"/sale/product-offers/{offer_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()
