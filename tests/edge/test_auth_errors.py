"""Hand-written edge cases of authentication and authorisation: missing, garbage and expired tokens (401), missing
scopes (403), the Voucherify key families, and the error envelopes every rejection comes in. Each asserts the exact
wire behaviour the docs promise (docs/errors.md, PRODUCT.md)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from edge_helpers import (
    ALLEGRO_JSON,
    ASN,
    ORDERS,
    TOO_BIG,
    asn_body,
    assert_allegro_errors,
    assert_oauth_error,
    assert_voucherify_error,
    bearer,
    new_project,
)

from targ.testing import TargServer

FULL_AUTH = "Full authentication is required to access this resource"


# ------------------------------------------------------------------------------------------ 401


def test_no_token_is_401_unauthorized(http: httpx.Client) -> None:
    for headers in ({"Accept": ALLEGRO_JSON}, {"Accept": ALLEGRO_JSON, "Authorization": "Basic Zm9vOmJhcg=="},
                    {"Accept": ALLEGRO_JSON, "Authorization": "Bearer"}, {"Accept": "text/html"}):
        resp = http.get(ORDERS, headers=headers)
        body = assert_oauth_error(resp, 401, "unauthorized")
        assert body["error_description"] == FULL_AUTH
        assert resp.headers.get("trace-id")


@pytest.mark.parametrize("garbage", ["garbage", "eyJhbGciOiJub25lIn0.e30.", "a" * 5000, "ą"],
                         ids=["word", "unsigned-jwt", "long", "non-ascii"])
def test_garbage_token_is_401_invalid_token(http: httpx.Client, garbage: str) -> None:
    resp = http.get(ORDERS, headers={"Accept": ALLEGRO_JSON, "Authorization": f"Bearer {garbage}".encode()})
    body = assert_oauth_error(resp, 401, "invalid_token")
    assert body["error_description"] == "Cannot convert access token to JSON"


def test_bearer_scheme_is_case_insensitive(http: httpx.Client, token: str) -> None:
    resp = http.get(ORDERS, headers={"Accept": ALLEGRO_JSON, "Authorization": f"bearer {token}"})
    assert resp.status_code == 200, resp.text


def test_expired_token_is_401(http: httpx.Client, targ: TargServer, token: str) -> None:
    targ.clock.advance("PT13H")
    resp = http.get(ORDERS, headers=bearer(token))
    body = assert_oauth_error(resp, 401, "invalid_token")
    assert body["error_description"] == f"Access token expired: {token}"
    fresh = targ.demo["accessToken"]  # /__targ/demo re-mints the demo token once it has expired
    assert fresh != token
    assert http.get(ORDERS, headers=bearer(fresh)).status_code == 200


def test_token_expiry_boundary(http: httpx.Client, targ: TargServer, demo: dict[str, Any]) -> None:
    resp = http.post(f"/__targ/sellers/{demo['sellerId']}/tokens", json={"expiresIn": 60})
    assert resp.status_code == 201, resp.text
    short = resp.json()["accessToken"]
    targ.clock.advance("PT59S")
    assert http.get(ORDERS, headers=bearer(short)).status_code == 200
    targ.clock.advance("PT1S")
    assert_oauth_error(http.get(ORDERS, headers=bearer(short)), 401, "invalid_token")


def test_401_comes_before_406(http: httpx.Client) -> None:
    assert_oauth_error(http.get(ORDERS, headers={"Accept": "application/json"}), 401, "unauthorized")


# ------------------------------------------------------------------------------------------ 403


def _mint(http: httpx.Client, seller_id: str, scopes: list[str]) -> str:
    resp = http.post(f"/__targ/sellers/{seller_id}/tokens", json={"scopes": scopes})
    assert resp.status_code == 201, resp.text
    assert resp.json()["scopes"] == scopes
    return resp.json()["accessToken"]


def test_token_without_scope_is_403(http: httpx.Client, demo: dict[str, Any]) -> None:
    empty = _mint(http, demo["sellerId"], [])
    resp = http.get(ORDERS, headers=bearer(empty, **{"Accept-Language": "en-US"}))
    [entry] = assert_allegro_errors(resp, 403, "AccessDenied")
    assert entry["message"] == "Access is denied"
    assert entry["userMessage"] == "Access denied. Contact the author of the application."
    # an operation that lists the user scheme without a scope takes it
    assert http.get("/marketplaces", headers=bearer(empty)).status_code == 200


def test_read_scope_cannot_write(http: httpx.Client, demo: dict[str, Any]) -> None:
    read = _mint(http, demo["sellerId"], ["allegro:api:fulfillment:read"])
    assert http.get(ASN, headers=bearer(read)).status_code == 200
    resp = http.post(ASN, content=asn_body(), headers=bearer(read, **{"Content-Type": ALLEGRO_JSON}))
    assert_allegro_errors(resp, 403, "AccessDenied")


def test_403_comes_before_406_and_validation(http: httpx.Client, demo: dict[str, Any]) -> None:
    empty = _mint(http, demo["sellerId"], [])
    assert_allegro_errors(http.get(ORDERS, headers=bearer(empty, "text/html")), 403, "AccessDenied")
    assert_allegro_errors(http.get(ORDERS, params={"limit": "x"}, headers=bearer(empty)), 403, "AccessDenied")


def test_client_credentials_token_on_user_operation_is_403(http: httpx.Client, demo: dict[str, Any]) -> None:
    resp = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"},
                     auth=(demo["clientId"], demo["clientSecret"]))
    assert resp.status_code == 200, resp.text
    app_token = resp.json()["access_token"]
    [entry] = assert_allegro_errors(http.get(ORDERS, headers=bearer(app_token)), 403, "AccessDenied")
    assert entry["userMessage"] == "Access denied. Contact the author of the application."
    assert_allegro_errors(http.get("/me", headers=bearer(app_token)), 403, "AccessDenied")
    assert http.get("/order/carriers", headers=bearer(app_token)).status_code == 200  # public data


# ------------------------------------------------------------------------------------------ envelopes


def test_every_allegro_error_has_trace_id_and_json(http: httpx.Client, token: str, demo: dict[str, Any]) -> None:
    empty = _mint(http, demo["sellerId"], [])
    cases = [
        http.get("/no/such/path"),
        http.delete(ORDERS, headers=bearer(token)),
        http.get(ORDERS),
        http.get(ORDERS, headers=bearer("garbage")),
        http.get(ORDERS, headers=bearer(empty)),
        http.get(ORDERS, headers=bearer(token, "application/json")),
        http.post(ASN, content=b"{}", headers=bearer(token, **{"Content-Type": "application/json"})),
        http.post(ASN, content=b"{bad", headers=bearer(token, **{"Content-Type": ALLEGRO_JSON})),
        http.get(ORDERS, params={"limit": "abc"}, headers=bearer(token)),
        http.post(ASN, content=TOO_BIG, headers=bearer(token, **{"Content-Type": ALLEGRO_JSON})),
    ]
    statuses = [r.status_code for r in cases]
    assert statuses == [404, 405, 401, 401, 403, 406, 415, 422, 422, 413]
    trace_ids = [r.headers.get("trace-id") for r in cases]
    assert all(trace_ids) and len(set(trace_ids)) == len(trace_ids)
    for r in cases:
        assert r.headers["content-type"] == "application/json; charset=utf-8", r.headers


def test_voucherify_request_ids_are_distinct(http: httpx.Client) -> None:
    ids = {http.get("/v1/orders").json()["request_id"] for _ in range(5)}
    assert len(ids) == 5


# ------------------------------------------------------------------------------------------ Voucherify keys


def test_voucherify_wrong_keys_are_401(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    wrong = [{}, {"X-App-Id": vf_keys["X-App-Id"]}, {**vf_keys, "X-App-Token": "nope"},
             {**vf_keys, "X-App-Id": "nope"}, {"X-App-Token": vf_keys["X-App-Token"]}]
    for headers in wrong:
        resp = http.get("/v1/orders", headers=headers)
        body = assert_voucherify_error(resp, 401, "unauthorized")
        assert {k: body[k] for k in ("code", "key", "message")} == {"code": 401, "key": "unauthorized",
                                                                   "message": "Unauthorized"}
    lower = {k.lower(): v for k, v in vf_keys.items()}
    assert http.get("/v1/orders", headers=lower).status_code == 200  # header names are case-insensitive


def test_voucherify_key_families_do_not_mix(http: httpx.Client, targ: TargServer, vf_keys: dict[str, str]) -> None:
    project = new_project(http)
    server = {"X-App-Id": project["applicationId"], "X-App-Token": project["secretKey"]}
    client = {"X-Client-Application-Id": project["clientApplicationId"], "X-Client-Token": project["clientSecretKey"],
              "origin": "example.com"}
    management = {"X-Management-Id": project["managementId"], "X-Management-Token": project["managementToken"]}
    client_path, management_path = "/client/v1/promotions/tiers", "/management/v1/projects"
    assert http.get(client_path, headers=client).status_code == 200
    assert http.get(management_path, headers=management).status_code == 200
    assert http.get("/v1/orders", headers=server).status_code == 200
    for path, headers in [(client_path, {**server, "origin": "example.com"}), (client_path, vf_keys),
                          (client_path, management),
                          (management_path, server), (management_path, client), ("/v1/orders", client),
                          ("/v1/orders", management),
                          # the right header names carrying another family's values
                          (client_path, {"X-Client-Application-Id": project["applicationId"],
                                         "X-Client-Token": project["secretKey"], "origin": "example.com"}),
                          ("/v1/orders", {"X-App-Id": project["clientApplicationId"],
                                          "X-App-Token": project["clientSecretKey"]})]:
        assert_voucherify_error(http.get(path, headers=headers), 401, "unauthorized")


def test_voucherify_keys_gone_after_reset(http: httpx.Client, targ: TargServer) -> None:
    project = new_project(http)
    server = {"X-App-Id": project["applicationId"], "X-App-Token": project["secretKey"]}
    assert http.get("/v1/orders", headers=server).status_code == 200
    targ.reset()
    assert_voucherify_error(http.get("/v1/orders", headers=server), 401, "unauthorized")
