"""Hand-written edge cases of routing: unknown paths (404), wrong methods (405, with Allow), trailing slashes,
percent-encoded path segments and unicode bodies. Each asserts the exact wire behaviour the docs promise
(docs/errors.md, PRODUCT.md)."""

from __future__ import annotations

import httpx
import pytest
from edge_helpers import (
    ASN,
    ORDERS,
    assert_admin_error,
    assert_allegro_errors,
    assert_oauth_error,
    assert_voucherify_error,
    bearer,
)

from targ.testing import TargServer

# ------------------------------------------------------------------------------------------ routing


def test_unknown_path_is_404_in_each_envelope(http: httpx.Client, token: str, vf_keys: dict[str, str]) -> None:
    [entry] = assert_allegro_errors(http.get("/no/such/path", headers=bearer(token)), 404, "NotFoundException")
    assert entry["message"] == "Not found"
    assert_allegro_errors(http.get("/no/such/path"), 404, "NotFoundException")  # 404 before 401
    for path in ("/v1/no-such-path", "/client/v1/no-such-path", "/management/v1/no-such-path"):
        body = assert_voucherify_error(http.get(path, headers=vf_keys), 404, "not_found")
        assert body["message"] == "Resource not found"
    assert_admin_error(http.get("/__targ/no-such-path"), 404, "not_found")
    assert_oauth_error(http.get("/auth/oauth/no-such-path"), 404, "not_found")


@pytest.mark.parametrize("path", ["/", "/v1", "/__targ", "/auth/oauth", "/order", "/v1/orders/a/b/c"])
def test_prefix_roots_are_404(http: httpx.Client, path: str) -> None:
    resp = http.get(path)
    assert resp.status_code == 404, resp.text


def test_wrong_method_is_405_with_allow_allegro(http: httpx.Client, token: str) -> None:
    resp = http.delete(ORDERS, headers=bearer(token))
    assert_allegro_errors(resp, 405, "MethodNotAllowedException")
    assert resp.headers["allow"] == "GET"
    resp = http.patch(ASN, headers=bearer(token))
    assert_allegro_errors(resp, 405, "MethodNotAllowedException")
    assert sorted(m.strip() for m in resp.headers["allow"].split(",")) == ["GET", "POST"]


def test_wrong_method_is_405_oauth(http: httpx.Client) -> None:
    resp = http.get("/auth/oauth/token")
    assert_oauth_error(resp, 405, "method_not_allowed")
    assert resp.headers["allow"] == "POST"


def test_wrong_method_is_405_voucherify_and_admin(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    assert_voucherify_error(http.delete("/v1/orders", headers=vf_keys), 405, "method_not_allowed")
    assert_admin_error(http.delete("/__targ/health"), 405, "method_not_allowed")


def test_405_carries_allow_voucherify_and_admin(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    resp = http.delete("/v1/orders", headers=vf_keys)
    assert resp.status_code == 405 and resp.headers.get("allow") == "GET, POST", resp.headers
    resp = http.delete("/__targ/health")
    assert resp.status_code == 405 and resp.headers.get("allow") == "GET", resp.headers


def test_trailing_slash_is_another_path(http: httpx.Client, token: str, vf_keys: dict[str, str]) -> None:
    assert_allegro_errors(http.get(ORDERS + "/", headers=bearer(token)), 404, "NotFoundException")
    assert_voucherify_error(http.get("/v1/orders/", headers=vf_keys), 404, "not_found")
    assert http.get(ORDERS, headers=bearer(token)).status_code == 200


def test_static_segment_wins_over_parameter(http: httpx.Client, token: str) -> None:
    resp = http.get("/sale/offers/unfilled-parameters", headers=bearer(token))
    assert resp.status_code == 200, resp.text


# ------------------------------------------------------------------------------------------ percent-encoding


@pytest.mark.parametrize("raw_id", ["a%2Fb%23c%3Fd%20%C5%BC", "%2F", "%23", "%3F", "a%20b", "%C5%BC%C3%B3%C5%82w",
                                    "x" * 4000, "%00", "%25", "a+b", "%ZZ"],
                         ids=["mixed", "slash", "hash", "question", "space", "non-ascii", "long", "nul", "percent",
                              "plus", "bad-escape"])
def test_percent_encoded_ids_route_to_get_order(http: httpx.Client, vf_keys: dict[str, str], raw_id: str) -> None:
    url = httpx.URL(http.base_url.join("/v1/orders/x"), raw_path=f"/v1/orders/{raw_id}".encode())
    resp = http.get(url, headers=vf_keys)
    if resp.status_code == 404:  # get-order answered: an unknown order, not an unknown path
        body = assert_voucherify_error(resp, 404, "not_found")
        assert body.get("resource_type") == "order", body
    else:
        assert resp.status_code == 200, resp.text
        assert resp.json()["object"] == "order"


def test_invalid_utf8_in_path_is_a_clean_404(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    url = httpx.URL(http.base_url.join("/v1/orders/x"), raw_path=b"/v1/orders/%C5")
    assert_voucherify_error(http.get(url, headers=vf_keys), 404, "not_found")


def test_percent_encoded_allegro_id_is_validated_not_404(http: httpx.Client, token: str) -> None:
    """`%2F` stays inside the one segment: the route is found and the id (a uuid in the spec) is rejected."""
    url = httpx.URL(http.base_url.join("/x"), raw_path=b"/order/checkout-forms/a%2Fb")
    [entry] = assert_allegro_errors(http.get(url, headers=bearer(token)), 422, "VALIDATION_ERROR")
    assert entry["path"] == "id" and entry["details"] == "path parameter"


# ------------------------------------------------------------------------------------------ unicode bodies


def test_unicode_bodies(http: httpx.Client, targ: TargServer, vf_keys: dict[str, str], token: str) -> None:
    resp = http.post("/__targ/sellers", json={"login": "żółw-ŻÓŁW-🐢", "firstName": "Zażółć", "lastName": "Gęślą"})
    assert resp.status_code == 201, resp.text
    assert resp.json()["login"] == "żółw-ŻÓŁW-🐢"
    resp = http.post("/v1/orders", json={"source_id": "zamówienie/1 #?🎉", "metadata": {"uwagi": "źdźbło"}},
                     headers=vf_keys)
    assert resp.status_code == 200, resp.text
    raw = b'{"source_id": "\\u017c\\u00f3\\u0142w \\ud83d\\udc22"}'
    resp = http.post("/v1/orders", content=raw, headers={**vf_keys, "Content-Type": "application/json"})
    assert resp.status_code == 200, resp.text
