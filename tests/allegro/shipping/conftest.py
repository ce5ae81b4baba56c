from __future__ import annotations

from typing import Any

import httpx
import pytest
from shipping_helpers import ALLEGRO_JSON


@pytest.fixture
def offer(demo: dict[str, Any]) -> str:
    """The demo seller's offer A (stock 100)."""
    return str(demo["offers"][0]["id"])


@pytest.fixture
def seller(allegro: httpx.Client) -> httpx.Client:
    """The demo seller's client, sending the vendor's media type."""
    allegro.headers["Content-Type"] = ALLEGRO_JSON
    return allegro
