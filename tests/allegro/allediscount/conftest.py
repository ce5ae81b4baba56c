"""Fixtures of the AlleDiscount tests: the demo seller and other sellers, with tokens that outlive clock moves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from allediscount_helpers import Body, client

from targ.testing import TargServer


@pytest.fixture
def ids(demo: dict[str, Any]) -> dict[str, str]:
    """The demo offers by key: A (39.99 PLN, 100 units), B (129.00 PLN, 2 units), C (One Fulfillment, 20 units)."""
    return dict(zip("ABC", (o["id"] for o in demo["offers"]), strict=True))


@pytest.fixture
def seller_client(targ: TargServer, demo: dict[str, Any]) -> Iterator[httpx.Client]:
    with client(targ, demo["sellerId"]) as c:
        yield c


@pytest.fixture
def other_seller(targ: TargServer) -> Iterator[tuple[Body, httpx.Client]]:
    account = targ.admin.call("POST", "/sellers", {"login": "inny-sprzedawca"})
    with client(targ, account["id"]) as c:
        yield account, c
