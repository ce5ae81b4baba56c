"""Plain HTTP: order source ids that look like the static paths next to them."""

from __future__ import annotations

import httpx


def test_source_id_that_looks_like_a_static_path(voucherify_http: httpx.Client) -> None:
    created = voucherify_http.post("/v1/orders", json={"source_id": "import", "amount": 100})
    assert created.status_code == 200
    got = voucherify_http.get("/v1/orders/import")
    assert got.status_code == 200, got.text
    assert got.json()["id"] == created.json()["id"]
    updated = voucherify_http.put("/v1/orders/export", json={"status": "PAID"})
    assert updated.status_code == 404
    assert updated.json()["key"] == "not_found"
