"""Numbers beyond what Voucherify holds (issue 14, defect 5): 2^70 used to be accepted and echoed as 1.18e+21."""

from __future__ import annotations

import httpx
import pytest
from vf_helpers import assert_error

from targ.testing import TargServer

HUGE = 2**70


@pytest.mark.parametrize(("body", "details"), [
    ({"source_id": "big", "amount": HUGE}, "Property .amount cannot be greater than 9007199254740991"),
    ({"source_id": "big", "items": [{"quantity": 1, "price": 2**53}]},
     "Property .items[0].price cannot be greater than 9007199254740991"),
    ({"source_id": "big", "items": [{"quantity": HUGE}]},
     "Property .items[0].quantity cannot be greater than 9007199254740991"),
    ({"source_id": "big", "metadata": {"weight": -HUGE}},
     "Property .metadata.weight cannot be lower than -9007199254740991"),
])
def test_numbers_beyond_the_safe_range_are_refused(targ: TargServer, voucherify_http: httpx.Client,
                                                   body: dict[str, object], details: str) -> None:
    assert_error(voucherify_http.post("/v1/orders", json=body), 400, "invalid_payload", details)
    assert voucherify_http.get("/v1/orders/big").status_code == 404


def test_imports_name_the_order(voucherify_http: httpx.Client) -> None:
    resp = voucherify_http.post("/v1/orders/import", json=[{"amount": 1}, {"amount": HUGE}])
    assert_error(resp, 400, "invalid_payload", "Property .[1].amount cannot be greater than 9007199254740991")


def test_the_largest_safe_amount_round_trips(voucherify_http: httpx.Client) -> None:
    created = voucherify_http.post("/v1/orders", json={"source_id": "max", "amount": 2**53 - 1})
    assert created.status_code == 200, created.text
    assert voucherify_http.get("/v1/orders/max").json()["amount"] == 2**53 - 1
