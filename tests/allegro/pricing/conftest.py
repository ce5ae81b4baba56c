from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def offers(demo: dict[str, Any]) -> dict[str, str]:
    """The demo offers by key: A (stock 100), B (stock 2), C (One Fulfillment)."""
    return dict(zip("ABC", (o["id"] for o in demo["offers"]), strict=True))
