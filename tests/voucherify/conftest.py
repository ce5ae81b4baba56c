"""Fixtures of the Voucherify tests: the unchanged `voucherify` SDK on the demo project, its API objects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import voucherify
from vf_helpers import sdk_client

from targ.testing import TargServer


@pytest.fixture
def sdk(targ: TargServer, demo: dict[str, Any]) -> Iterator[voucherify.ApiClient]:
    with sdk_client(targ.url, demo["voucherifyApplicationId"], demo["voucherifySecretKey"]) as client:
        yield client


@pytest.fixture
def orders(sdk: voucherify.ApiClient) -> voucherify.OrdersApi:
    return voucherify.OrdersApi(sdk)


@pytest.fixture
def customers(sdk: voucherify.ApiClient) -> voucherify.CustomersApi:
    return voucherify.CustomersApi(sdk)


@pytest.fixture
def products(sdk: voucherify.ApiClient) -> voucherify.ProductsApi:
    return voucherify.ProductsApi(sdk)


@pytest.fixture
def exports(sdk: voucherify.ApiClient) -> voucherify.ExportsApi:
    return voucherify.ExportsApi(sdk)


@pytest.fixture
def actions(sdk: voucherify.ApiClient) -> voucherify.AsyncActionsApi:
    return voucherify.AsyncActionsApi(sdk)
