"""Fixtures of the edge tests: one raw HTTP client per module (no default headers), the demo credentials fetched
once per module (the demo world, its token included, is the same after every reset), the coverage table, and the
demo's Allegro token and Voucherify server keys for the hand-written cases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from targ.testing import TargServer


@pytest.fixture(scope="module")
def raw(targ_server: TargServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=targ_server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def demo_creds(targ_server: TargServer) -> dict[str, Any]:
    targ_server.reset()
    return targ_server.demo


@pytest.fixture(scope="module")
def backing(targ_server: TargServer) -> dict[tuple[str, str], str]:
    """(vendor, operationId) → backing, from GET /__targ/coverage."""
    rows = targ_server.admin.call("GET", "/coverage")["operations"]
    return {(r["vendor"], r["operationId"]): r["backing"] for r in rows}


@pytest.fixture
def token(demo: dict[str, Any]) -> str:
    return demo["accessToken"]


@pytest.fixture
def vf_keys(demo: dict[str, Any]) -> dict[str, str]:
    return {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"]}
