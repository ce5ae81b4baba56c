"""Fixtures of the One Fulfillment tests."""

from __future__ import annotations

from typing import Any

import pytest

# Some tests import fulfillment modules directly; `targ.allegro.sellers` cannot be the first of the Allegro account
# modules to load (it and targ.allegro.oauth import each other), so the OAuth package loads first, as in the server.
import targ.allegro.oauth  # noqa: F401


@pytest.fixture
def product(demo: dict[str, Any]) -> str:
    """The product of the demo's One Fulfillment offer C (20 SELLABLE units in the warehouse)."""
    return str(demo["offers"][2]["productId"])
