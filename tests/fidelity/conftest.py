"""Fixtures of the fidelity tests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"


@pytest.fixture
def api(targ: TargServer) -> Iterator[httpx.Client]:
    """Plain HTTP as the demo seller, sending and accepting the vendor's media type."""
    headers = {"Authorization": f"Bearer {targ.demo['accessToken']}", "Accept": ALLEGRO_JSON,
               "Content-Type": ALLEGRO_JSON}
    with httpx.Client(base_url=targ.url, headers=headers, timeout=30) as client:
        yield client
