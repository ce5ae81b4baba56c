"""Helpers of the reference-data tests: application tokens, clock moves and documents other areas will write."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"


def app_client(targ: TargServer) -> httpx.Client:
    """A client with a client_credentials (application) token, for public reference data."""
    demo = targ.demo
    basic = base64.b64encode(f"{demo['clientId']}:{demo['clientSecret']}".encode()).decode()
    token = httpx.post(f"{targ.url}/auth/oauth/token", data={"grant_type": "client_credentials"},
                       headers={"Authorization": f"Basic {basic}"}).json()["access_token"]
    return httpx.Client(base_url=targ.url, timeout=30,
                        headers={"Authorization": f"Bearer {token}", "Accept": ALLEGRO_JSON})


def advance(targ: TargServer, client: httpx.Client, duration: str) -> None:
    """Moves the virtual clock; tokens live 12 hours, so the demo client gets the demo seller's current one."""
    targ.clock.advance(duration)
    client.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"


def put_doc(targ: TargServer, kind: str, doc_id: str, owner: str, data: dict[str, Any]) -> None:
    """Stores a document the way the area that owns it will (orders, offers, ratings: not this issue's writes)."""
    store = targ.world.store
    with store.transaction():
        store.put(kind, doc_id, {"id": doc_id, **data}, owner=owner)
