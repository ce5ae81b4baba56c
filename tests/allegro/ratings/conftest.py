from __future__ import annotations

from typing import Any

import httpx
import pytest
from ratings_helpers import delivered_order


@pytest.fixture
def offer(demo: dict[str, Any]) -> str:
    """The demo seller's offer A (stock 100)."""
    return str(demo["offers"][0]["id"])


@pytest.fixture
def order(http: httpx.Client, allegro: httpx.Client, offer: str) -> str:
    """A paid order of offer A by `kupujacy_anna`, delivered to her."""
    return delivered_order(http, allegro, offer, "kupujacy_anna", "620000000000000000000001")
