"""Fixtures of the public offer search tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from listing_helpers import ALLEGRO_JSON, NewSeller

from targ.testing import TargServer


@pytest.fixture
def ids(demo: dict[str, Any]) -> dict[str, str]:
    """The demo seller's offers: A (mug, 39.99), B (desk lamp, 129.00), C (power bank, One Fulfillment, 89.90)."""
    return dict(zip("ABC", (o["id"] for o in demo["offers"]), strict=True))


@pytest.fixture
def seller(targ: TargServer) -> Iterator[NewSeller]:
    """Other sellers (POST /__targ/sellers), each with a client acting for it."""
    clients: list[httpx.Client] = []

    def make(login: str) -> tuple[dict[str, Any], httpx.Client]:
        account = targ.admin.call("POST", "/sellers", {"login": login})
        client = httpx.Client(base_url=targ.url, timeout=30,
                              headers={"Authorization": f"Bearer {account['accessToken']}", "Accept": ALLEGRO_JSON})
        clients.append(client)
        return account, client
    yield make
    for client in clients:
        client.close()
