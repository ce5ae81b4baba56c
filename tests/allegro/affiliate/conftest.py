"""Fixtures of the affiliate tests: a publisher (an Allegro account) reading its conversions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from affiliate_helpers import BETA

from targ.testing import TargServer


@pytest.fixture
def publisher(targ: TargServer) -> Iterator[tuple[dict[str, Any], httpx.Client]]:
    """`blog-recenzje`, with a token that outlives the confirmation period, reading with the beta media type."""
    account = targ.admin.call("POST", "/sellers", {"login": "blog-recenzje"})
    token = targ.admin.call("POST", f"/sellers/{account['id']}/tokens", {"expiresIn": 90 * 86400})
    with httpx.Client(base_url=targ.url, timeout=30,
                      headers={"Authorization": f"Bearer {token['accessToken']}", "Accept": BETA}) as client:
        yield account, client


@pytest.fixture
def ids(demo: dict[str, Any]) -> dict[str, str]:
    """The demo offers: A (mug, 39.99, stock 100), B (lamp, 129.00, stock 2), C (power bank)."""
    return dict(zip("ABC", (o["id"] for o in demo["offers"]), strict=True))
