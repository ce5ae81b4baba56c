"""Fixtures of the bidding tests: the demo seller with a token that outlives auctions, and two bidders."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from bidding_helpers import ALLEGRO_JSON, bidder, long_lived

from targ.testing import TargServer


@pytest.fixture
def shop(targ: TargServer, demo: dict[str, Any]) -> Iterator[httpx.Client]:
    """The demo seller, whose token lasts as long as the auctions do."""
    headers = {"Authorization": f"Bearer {long_lived(targ, demo['sellerId'])}", "Accept": ALLEGRO_JSON}
    with httpx.Client(base_url=targ.url, headers=headers, timeout=30) as client:
        yield client


@pytest.fixture
def bidders(targ: TargServer) -> Iterator[list[tuple[dict[str, Any], httpx.Client]]]:
    """Two Allegro accounts that bid: `anna` (Anna Nowak) and `piotr`."""
    pair = [bidder(targ, "anna", firstName="Anna", lastName="Nowak"), bidder(targ, "piotr")]
    yield pair
    for _, client in pair:
        client.close()
