"""Hand-written edge cases: media types, body sizes, routing, percent-encoding, unicode, languages, authentication,
authorisation, envelopes and concurrent writers. Each asserts the exact wire behaviour the docs promise
(docs/errors.md, PRODUCT.md)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from edge_helpers import (
    ALLEGRO_BETA,
    ALLEGRO_JSON,
    assert_admin_error,
    assert_allegro_errors,
    assert_oauth_error,
    assert_voucherify_error,
    essence,
    new_project,
)

from targ.spec.bundle import load_bundle
from targ.spec.synth import synthesize_request
from targ.testing import TargServer

MIB = 1024 * 1024
TOO_BIG = b"x" * (10 * MIB + 1)
NOT_ACCEPTABLE = "Not acceptable representation requested. Please check 'Accept' request header"
UNSUPPORTED = "Unsupported content type. Please check 'Content-Type' request header"
FULL_AUTH = "Full authentication is required to access this resource"
INVALID_DATA = {
    "pl-PL": "Żądanie zawiera nieprawidłowe dane. Skontaktuj się z autorem aplikacji.",
    "en-US": "Request contains invalid data. Contact the application author.",
    "cs-CZ": "Požadavek obsahuje neplatná data. Kontaktujte autora aplikace.",
    "uk-UA": "Запит містить недійсні дані. Зверніться до автора програми.",
}
ORDERS = "/order/checkout-forms"
ASN = "/fulfillment/advance-ship-notices"


@pytest.fixture
def token(demo: dict[str, Any]) -> str:
    return demo["accessToken"]


@pytest.fixture
def vf_keys(demo: dict[str, Any]) -> dict[str, str]:
    return {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"]}


def bearer(token: str, accept: str | None = ALLEGRO_JSON, **extra: str) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}", **extra}
    if accept is not None:
        headers["Accept"] = accept
    return headers


def send(http: httpx.Client, method: str, url: str, headers: dict[str, str], **kwargs: Any) -> httpx.Response:
    """Like http.request, but an Accept the caller left out is really left out (httpx adds `Accept: */*`)."""
    request = http.build_request(method, url, headers=headers, **kwargs)
    if not any(k.lower() == "accept" for k in headers):
        del request.headers["accept"]
    return http.send(request)


def asn_body(product_id: str | None = None) -> bytes:
    import orjson

    body = synthesize_request(load_bundle("allegro").by_id["createAdvanceShipNotice"])[4]
    if product_id:  # a notice takes only the seller's One Fulfillment products (fulfillment/content.py)
        body["items"] = [{"product": {"id": product_id}, "quantity": 1}]
    return orjson.dumps(body)


# ------------------------------------------------------------------------------------------ Accept (406)


@pytest.mark.parametrize("accept", [None, "application/json", ALLEGRO_BETA, "*/*", "application/*", "text/html",
                                    f"{ALLEGRO_JSON};q=0"],
                         ids=["missing", "plain-json", "beta-on-public", "any", "application-any", "html", "q0"])
def test_wrong_accept_is_406(http: httpx.Client, token: str, accept: str | None) -> None:
    resp = send(http, "GET", ORDERS, bearer(token, accept))
    [entry] = assert_allegro_errors(resp, 406, "NotAcceptableException")
    assert entry["message"] == NOT_ACCEPTABLE
    assert entry["userMessage"] == INVALID_DATA["pl-PL"]


def test_public_media_type_on_beta_operation_is_406(http: httpx.Client, token: str) -> None:
    assert_allegro_errors(http.get("/sale/issues", headers=bearer(token, ALLEGRO_JSON)), 406, "NotAcceptableException")
    resp = http.get("/sale/issues", headers=bearer(token, ALLEGRO_BETA))
    assert resp.status_code == 200, resp.text
    assert essence(resp.headers["content-type"]) == ALLEGRO_BETA


@pytest.mark.parametrize("accept", [ALLEGRO_JSON, f"{ALLEGRO_JSON};charset=UTF-8", f"application/json, {ALLEGRO_JSON}",
                                    f"text/html;q=0.9, {ALLEGRO_JSON};q=0.5", ALLEGRO_JSON.upper()])
def test_acceptable_accept_variants(http: httpx.Client, token: str, accept: str) -> None:
    resp = http.get(ORDERS, headers=bearer(token, accept))
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == f"{ALLEGRO_JSON};charset=UTF-8"
    assert resp.headers.get("trace-id")


def test_accept_on_operation_without_body(http: httpx.Client, token: str) -> None:
    """A 204 operation still wants the vendor's Accept (the real service answers 406 without it)."""
    path = "/sale/offer-tags/12345"
    assert_allegro_errors(send(http, "DELETE", path, bearer(token, None)), 406, "NotAcceptableException")
    resp = http.delete(path, headers=bearer(token))
    # Past the Accept check: deleted (example-backed) or unknown (once offer tags hold real state).
    assert (resp.status_code, resp.content) == (204, b"") or resp.status_code == 404, resp.text


def test_vendor_accept_on_bodiless_operation_declaring_json_errors(http: httpx.Client, token: str) -> None:
    path = f"{ASN}/6c2bcbe1-3040-4230-952a-6599da2f4b49"
    resp = http.delete(path, headers=bearer(token))
    # Past the Accept check: the notice is unknown (notices hold real state).
    assert resp.status_code == 404, resp.text
    assert_allegro_errors(http.delete(path, headers=bearer(token, "application/json")), 406)


@pytest.mark.parametrize("accept", ["application/octet-stream", "image/png"])
def test_wildcard_response_takes_concrete_accept(http: httpx.Client, token: str, accept: str) -> None:
    resp = http.get("/messaging/message-attachments/12345", headers=bearer(token, accept))
    assert resp.status_code == 200, resp.text


# ------------------------------------------------------------------------------------------ Content-Type (415)


@pytest.mark.parametrize("content_type", ["application/json", None, "text/plain", ALLEGRO_BETA,
                                          "application/x-www-form-urlencoded"])
def test_wrong_content_type_is_415(http: httpx.Client, targ: TargServer, token: str,
                                   content_type: str | None) -> None:
    headers = bearer(token)
    if content_type is not None:
        headers["Content-Type"] = content_type
    resp = http.post(ASN, content=asn_body(), headers=headers)
    [entry] = assert_allegro_errors(resp, 415, "NotSupportedException")
    assert entry["message"] == UNSUPPORTED


@pytest.mark.parametrize("content_type", [ALLEGRO_JSON, f"{ALLEGRO_JSON}; charset=utf-8", ALLEGRO_JSON.upper()])
def test_vnd_content_type_variants_accepted(http: httpx.Client, token: str, content_type: str,
                                            demo: dict[str, Any]) -> None:
    body = asn_body(demo["offers"][2]["productId"])
    resp = http.post(ASN, content=body, headers=bearer(token, **{"Content-Type": content_type}))
    assert resp.status_code == 201, resp.text


def test_voucherify_non_json_body(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    resp = http.post("/v1/orders", content=b"amount=1", headers={**vf_keys, "Content-Type": "text/plain"})
    body = assert_voucherify_error(resp, 400, "invalid_payload")
    assert "text/plain" in body["details"]


# ------------------------------------------------------------------------------------------ malformed bodies


@pytest.mark.parametrize("raw", [b"{bad", b'{"a": 1,}', b"\xff\xfe{}", b"[" * 5000 + b"]" * 5000, b'{"a": 1e400}',
                                 b"nul", b'"\\ud800"'],
                         ids=["truncated", "trailing-comma", "not-utf8", "too-deep", "infinity", "bare-word",
                              "lone-surrogate"])
def test_malformed_json(http: httpx.Client, targ: TargServer, token: str, vf_keys: dict[str, str],
                        raw: bytes) -> None:
    resp = http.post(ASN, content=raw, headers=bearer(token, **{"Content-Type": ALLEGRO_JSON}))
    [entry] = assert_allegro_errors(resp, 422, "VALIDATION_ERROR")
    assert entry["path"] is None and entry["details"] == "request body"
    assert "JSON" in entry["message"]
    resp = http.post("/v1/orders", content=raw, headers={**vf_keys, "Content-Type": "application/json"})
    assert_voucherify_error(resp, 400, "invalid_payload")
    assert_admin_error(http.post("/__targ/sellers", content=raw), 400, "bad_request")


def test_malformed_json_on_400_operation(http: httpx.Client, token: str) -> None:
    """An operation that declares no 422 answers a broken body with 400."""
    op = next(o for o in load_bundle("allegro").operations
              if o.method == "POST" and o.request_media_types() == [ALLEGRO_JSON] and not o.declares(422)
              and not any(p["in"] == "path" for p in o.parameters))
    resp = http.post(op.path, content=b"{bad", headers=bearer(token, **{"Content-Type": ALLEGRO_JSON}))
    assert_allegro_errors(resp, 400, "VALIDATION_ERROR")


def test_missing_required_body(http: httpx.Client, token: str) -> None:
    resp = http.post(ASN, content=b"", headers=bearer(token, **{"Content-Type": ALLEGRO_JSON}))
    [entry] = assert_allegro_errors(resp, 422, "VALIDATION_ERROR")
    assert entry["message"] == "request body is required"


def test_voucherify_empty_body_is_empty_object(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    resp = http.post("/v1/orders", content=b"", headers={**vf_keys, "Content-Type": "application/json"})
    assert resp.status_code == 200, resp.text


# ------------------------------------------------------------------------------------------ 413


def _chunks() -> Iterator[bytes]:
    for _ in range(11):
        yield b"x" * MIB


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_body_over_10_mib_is_413_in_each_envelope(http: httpx.Client, token: str, vf_keys: dict[str, str],
                                                   chunked: bool) -> None:
    def body() -> bytes | Iterator[bytes]:
        return _chunks() if chunked else TOO_BIG

    resp = http.post(ASN, content=body(), headers=bearer(token, **{"Content-Type": ALLEGRO_JSON}))
    assert_allegro_errors(resp, 413, "PayloadTooLargeException")
    resp = http.post("/v1/orders", content=body(), headers={**vf_keys, "Content-Type": "application/json"})
    assert_voucherify_error(resp, 413, "payload_too_large")
    assert_admin_error(http.post("/__targ/sellers", content=body()), 413, "too_large")
    assert_oauth_error(http.post("/auth/oauth/token", content=body()), 413, "too_large")
    # even on an unknown path or without credentials: the size is checked first
    assert_allegro_errors(http.post("/no/such/path", content=body()), 413, "PayloadTooLargeException")
    assert_voucherify_error(http.post("/v1/no-such-path", content=body()), 413, "payload_too_large")


def test_body_of_exactly_10_mib_is_not_413(http: httpx.Client, vf_keys: dict[str, str]) -> None:
    resp = http.post("/v1/orders", content=b" " * (10 * MIB), headers={**vf_keys, "Content-Type": "application/json"})
    assert resp.status_code == 200, resp.text  # whitespace only: read as `{}`


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


# ------------------------------------------------------------------------------------------ Accept-Language


@pytest.mark.parametrize(("header", "language"), [
    (None, "pl-PL"), ("pl-PL", "pl-PL"), ("en-US", "en-US"), ("cs-CZ", "cs-CZ"), ("uk-UA", "uk-UA"),
    ("en", "en-US"), ("EN-us", "en-US"), ("en-US,en;q=0.9", "en-US"), ("de-DE, en;q=0.5", "en-US"),
    ("de-DE", "pl-PL"), ("*", "pl-PL"), ("", "pl-PL"),
])
def test_user_message_language(http: httpx.Client, token: str, header: str | None, language: str) -> None:
    headers = bearer(token, "application/json")
    if header is not None:
        headers["Accept-Language"] = header
    [entry] = assert_allegro_errors(http.get(ORDERS, headers=headers), 406, "NotAcceptableException")
    assert entry["userMessage"] == INVALID_DATA[language]
    assert entry["message"] == NOT_ACCEPTABLE  # the technical message stays English


def test_user_message_language_honours_q(http: httpx.Client, token: str) -> None:
    headers = bearer(token, "application/json", **{"Accept-Language": "pl-PL;q=0.1, en-US"})
    [entry] = assert_allegro_errors(http.get(ORDERS, headers=headers), 406)
    assert entry["userMessage"] == INVALID_DATA["en-US"]


def test_validation_message_language(http: httpx.Client, token: str) -> None:
    polish = http.get(ORDERS, params={"limit": "abc"}, headers=bearer(token))
    english = http.get(ORDERS, params={"limit": "abc"}, headers=bearer(token, **{"Accept-Language": "en-US"}))
    [pl] = assert_allegro_errors(polish, 422, "VALIDATION_ERROR")
    [en] = assert_allegro_errors(english, 422, "VALIDATION_ERROR")
    assert pl["userMessage"] == "Pole limit ma nieprawidłowy typ."
    assert en["userMessage"] == "The field limit has an invalid type."
    assert pl["message"] == en["message"] == "limit must be an integer"


@pytest.mark.parametrize("header", ["en", "EN-us", "en-US,en;q=0.9"])
def test_lenient_accept_language_on_valid_request(http: httpx.Client, token: str, header: str) -> None:
    resp = http.get(ORDERS, headers=bearer(token, **{"Accept-Language": header}))
    assert resp.status_code == 200, resp.text


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


# ------------------------------------------------------------------------------------------ concurrency


def test_concurrent_seller_creation(targ: TargServer) -> None:
    n = 16
    barrier = threading.Barrier(n)
    results: list[httpx.Response | BaseException] = [RuntimeError("not run")] * n

    def create(i: int) -> None:
        with httpx.Client(base_url=targ.url, timeout=30) as client:
            barrier.wait()
            try:
                results[i] = client.post("/__targ/sellers", json={"login": f"concurrent-{i}"})
            except BaseException as exc:  # reported below
                results[i] = exc

    threads = [threading.Thread(target=create, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    responses = [r for r in results if isinstance(r, httpx.Response)]
    assert len(responses) == n, results
    assert [r.status_code for r in responses] == [201] * n, [r.text for r in responses]
    bodies = [r.json() for r in responses]
    assert len({b["id"] for b in bodies}) == n
    assert len({b["accessToken"] for b in bodies}) == n
    assert {b["login"] for b in bodies} == {f"concurrent-{i}" for i in range(n)}
    with httpx.Client(base_url=targ.url, timeout=30) as client:  # every seller exists and its token works
        for b in bodies:
            me = client.get("/me", headers=bearer(b["accessToken"]))
            assert me.status_code == 200 and me.json()["id"] == b["id"], me.text


def test_concurrent_same_login_one_wins(targ: TargServer) -> None:
    n = 8
    barrier = threading.Barrier(n)
    statuses: list[int] = [0] * n

    def create(i: int) -> None:
        with httpx.Client(base_url=targ.url, timeout=30) as client:
            barrier.wait()
            statuses[i] = client.post("/__targ/sellers", json={"login": "same-login"}).status_code

    threads = [threading.Thread(target=create, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(statuses) == [201] + [409] * (n - 1)
