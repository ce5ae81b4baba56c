"""Fixtures of the One Fulfillment tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def product(demo: dict[str, Any]) -> str:
    """The product of the demo's One Fulfillment offer C (20 SELLABLE units in the warehouse)."""
    return str(demo["offers"][2]["productId"])
