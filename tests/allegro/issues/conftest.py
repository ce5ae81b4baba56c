from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from issues_helpers import buy, second_seller

from targ.testing import TargServer


@pytest.fixture
def offer(demo: dict[str, Any]) -> str:
    """The demo seller's offer A (stock 100)."""
    return str(demo["offers"][0]["id"])


@pytest.fixture
def order(http: httpx.Client, offer: str) -> str:
    """A paid order of offer A by the buyer `kupujacy_anna`."""
    return buy(http, offer, "kupujacy_anna")


@pytest.fixture
def other(targ: TargServer, http: httpx.Client) -> Iterator[tuple[str, httpx.Client]]:
    """A second seller: its user id and a client acting for it."""
    seller_id, client = second_seller(http, targ.url)
    with client:
        yield seller_id, client
