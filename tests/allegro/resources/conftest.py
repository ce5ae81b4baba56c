"""Fixtures of the settings-engine tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from resource_helpers import new_seller

from targ.testing import TargServer

NewSeller = Callable[..., tuple[dict[str, Any], httpx.Client]]


@pytest.fixture
def seller(targ: TargServer) -> Iterator[NewSeller]:
    """Creates other sellers (POST /__targ/sellers) with a client acting for each; the clients close afterwards."""
    clients: list[httpx.Client] = []

    def make(login: str, **extra: Any) -> tuple[dict[str, Any], httpx.Client]:
        account, client = new_seller(targ, login, **extra)
        clients.append(client)
        return account, client
    yield make
    for client in clients:
        client.close()
