"""Shared fixtures. The `targ` fixture (a session server, reset before each test, response validation on) comes
from targ's own pytest plugin (targ.pytest_plugin)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import allegro_api
import httpx
import pytest
from allegro_kit import generated_client

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"


@pytest.fixture
def demo(targ: TargServer) -> dict[str, Any]:
    return targ.demo


@pytest.fixture
def demo_client(targ: TargServer, demo: dict[str, Any]) -> Iterator[allegro_api.ApiClient]:
    """The unchanged generated Allegro client (`allegro_api`) with the demo seller's token."""
    with generated_client(targ, demo["accessToken"]) as client:
        yield client


@pytest.fixture
def http(targ: TargServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=targ.url, timeout=30) as client:
        yield client


@pytest.fixture
def allegro(targ: TargServer, demo: dict[str, Any]) -> Iterator[httpx.Client]:
    """Plain HTTP as the demo seller, with the vendor's media type."""
    headers = {"Authorization": f"Bearer {demo['accessToken']}", "Accept": ALLEGRO_JSON}
    with httpx.Client(base_url=targ.url, headers=headers, timeout=30) as client:
        yield client


@pytest.fixture
def voucherify_http(targ: TargServer, demo: dict[str, Any]) -> Iterator[httpx.Client]:
    headers = {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"]}
    with httpx.Client(base_url=targ.url, headers=headers, timeout=30) as client:
        yield client
