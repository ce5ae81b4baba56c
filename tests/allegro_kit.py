"""What the Allegro test areas share: a buyer's purchase, a second seller (with a client, or with an offer of its
own), the clock, the vendor's and the admin API's error bodies, and the unchanged generated client (`allegro_api`)
pointed at targ. Importable from every test folder: pytest puts this folder (that of the top
conftest.py) on sys.path."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import allegro_api
import httpx
import pytest
from allegro_api.configuration import Configuration  # a model class shadows allegro_api.Configuration

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ERROR_TYPE = "application/json; charset=utf-8"
CURRENCIES = {"allegro-pl": "PLN", "allegro-cz": "CZK"}


def other_seller(targ: TargServer, http: httpx.Client, login: str = "drugi-sprzedawca",
                 marketplace: str = "allegro-pl") -> dict[str, Any]:
    """A second seller (admin API) with one active offer (category 165) written to the store as the offers area
    keeps them: the seller's fields, `offerId`, and `headers` with its token."""
    seller = http.post("/__targ/sellers", json={"login": login, "marketplace": marketplace}).json()
    offer_id = f"88{seller['id']}"
    offer = {"id": offer_id, "name": "Zegarek na rękę srebrny", "category": {"id": "165"},
             "sellingMode": {"format": "BUY_NOW", "price": {"amount": "249.00", "currency": CURRENCIES[marketplace]}},
             "stock": {"available": 5, "unit": "UNIT"},
             "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": marketplace}}},
             "delivery": {"handlingTime": "PT48H"}, "fulfillment": {"provider": "SELLER"}}
    world = targ.world
    with world.store.transaction():
        world.store.put("offer", offer_id, offer, owner=seller["id"])
    headers = {"Authorization": f"Bearer {seller['accessToken']}", "Accept": ALLEGRO_JSON}
    return {**seller, "offerId": offer_id, "headers": headers}


@contextmanager
def generated_client(targ: TargServer, token: str) -> Iterator[allegro_api.ApiClient]:
    """The generated client as an integrator configures it, with the client-side checks off (the spec's own
    examples fail them)."""
    cfg = Configuration(host=targ.url)
    cfg.access_token = token
    cfg.client_side_validation = False
    client = allegro_api.ApiClient(cfg)
    try:
        yield client
    finally:
        client.rest_client.pool_manager.clear()


def buy_as(http: httpx.Client, offer_id: str, login: str, **extra: Any) -> str:
    """One unit of `offer_id` bought by the buyer `login` (paid unless `pay=False`); its checkout form id."""
    resp = http.post("/__targ/buyer/purchases",
                     json={"lineItems": [{"offerId": offer_id, "quantity": 1}], "buyer": {"login": login}, **extra})
    assert resp.status_code == 201, resp.text
    return str(resp.json()["checkoutFormId"])


def second_seller(http: httpx.Client, base_url: str, login: str = "drugi-sprzedawca",
                  accept: str = ALLEGRO_JSON) -> tuple[str, httpx.Client]:
    """Another seller (admin API): its user id, and a client with its token (the caller closes it)."""
    seller = http.post("/__targ/sellers", json={"login": login})
    assert seller.status_code == 201, seller.text
    headers = {"Authorization": f"Bearer {seller.json()['accessToken']}", "Accept": accept}
    return str(seller.json()["id"]), httpx.Client(base_url=base_url, headers=headers, timeout=30)


def errors(resp: httpx.Response) -> list[dict[str, Any]]:
    """The vendor's `errors` of a refusal, checked to come in its error media type with a trace id."""
    assert resp.headers["content-type"] == ERROR_TYPE and resp.headers.get("trace-id")
    return list(resp.json()["errors"])


def admin_error(resp: httpx.Response, status: int) -> str:
    """The admin error key of a refusal with `status`."""
    assert resp.status_code == status, resp.text
    assert set(resp.json()) == {"error", "message"}
    return str(resp.json()["error"])


def now(http: httpx.Client) -> str:
    return str(http.get("/__targ/clock").json()["now"])


def advance(targ: TargServer, allegro: httpx.Client, duration: str) -> str:
    """Moves the virtual clock; the demo token lives 12 hours, so the seller's client takes the current one."""
    targ.clock.advance(duration)
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
    return str(httpx.get(f"{targ.url}/__targ/clock").json()["now"])


# --- fixtures for the after-sales areas (their conftest.py imports them) ---------------------------------------------
@pytest.fixture
def seller_accept() -> str:
    """The media type the second seller's client asks for (an area's conftest.py may override it)."""
    return ALLEGRO_JSON


@pytest.fixture
def offer(demo: dict[str, Any]) -> str:
    """The demo seller's offer A (stock 100)."""
    return str(demo["offers"][0]["id"])


@pytest.fixture
def order(http: httpx.Client, offer: str) -> str:
    """A paid order of offer A by the buyer `kupujacy_anna`."""
    return buy_as(http, offer, "kupujacy_anna")


@pytest.fixture
def other(targ: TargServer, http: httpx.Client, seller_accept: str) -> Iterator[tuple[str, httpx.Client]]:
    """A second seller: its user id and a client acting for it."""
    seller_id, client = second_seller(http, targ.url, accept=seller_accept)
    with client:
        yield seller_id, client
