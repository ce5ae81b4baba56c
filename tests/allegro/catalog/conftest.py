"""Fixtures of the reference-data tests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from catalog_helpers import app_client

from targ.testing import TargServer


@pytest.fixture
def app(targ: TargServer) -> Iterator[httpx.Client]:
    """Plain HTTP with an application (client_credentials) token."""
    with app_client(targ) as client:
        yield client
