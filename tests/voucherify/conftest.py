"""Fixtures of the Voucherify tests: the unchanged `voucherify` SDK on the demo project, its API objects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
import voucherify
from vf_helpers import sdk_client

from targ.testing import TargServer

T = TypeVar("T")


@pytest.fixture
def sdk(targ: TargServer, demo: dict[str, Any]) -> Iterator[voucherify.ApiClient]:
    with sdk_client(targ.url, demo["voucherifyApplicationId"], demo["voucherifySecretKey"]) as client:
        yield client


def _api(name: str, api: Callable[[voucherify.ApiClient], T]) -> Callable[[voucherify.ApiClient], T]:
    """A fixture `name`: the SDK's API object `api` on the demo project's client."""
    @pytest.fixture(name=name)
    def fixture(sdk: voucherify.ApiClient) -> T:
        return api(sdk)
    return fixture


orders = _api("orders", voucherify.OrdersApi)
customers = _api("customers", voucherify.CustomersApi)
products = _api("products", voucherify.ProductsApi)
exports = _api("exports", voucherify.ExportsApi)
actions = _api("actions", voucherify.AsyncActionsApi)
