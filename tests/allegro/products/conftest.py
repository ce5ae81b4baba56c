"""Fixtures of the product tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from targ.testing import TargServer


@pytest.fixture
def seller(targ: TargServer) -> Iterator[Callable[[str], tuple[dict[str, Any], httpx.Client]]]:
    """Other sellers (POST /__targ/sellers), each with a client acting for it."""
    clients: list[httpx.Client] = []

    def make(login: str) -> tuple[dict[str, Any], httpx.Client]:
        account = targ.admin.call("POST", "/sellers", {"login": login})
        client = httpx.Client(base_url=targ.url, timeout=30, headers={
            "Authorization": f"Bearer {account['accessToken']}", "Accept": "application/vnd.allegro.public.v1+json"})
        clients.append(client)
        return account, client
    yield make
    for client in clients:
        client.close()
