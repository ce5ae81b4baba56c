"""Hand-written edge cases of content negotiation and request bodies: Accept (406), Accept-Language, Content-Type
(415), malformed bodies and the 10 MiB limit (413). Each asserts the exact wire behaviour the docs promise
(docs/errors.md, PRODUCT.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from edge_helpers import (
    ALLEGRO_BETA,
    ALLEGRO_JSON,
    ASN,
    MIB,
    ORDERS,
    TOO_BIG,
    asn_body,
    assert_admin_error,
    assert_allegro_errors,
    assert_oauth_error,
    assert_voucherify_error,
    bearer,
    essence,
    send,
)

from targ.spec.bundle import load_bundle
from targ.testing import TargServer

NOT_ACCEPTABLE = "Not acceptable representation requested. Please check 'Accept' request header"
UNSUPPORTED = "Unsupported content type. Please check 'Content-Type' request header"
INVALID_DATA = {
    "pl-PL": "Żądanie zawiera nieprawidłowe dane. Skontaktuj się z autorem aplikacji.",
    "en-US": "Request contains invalid data. Contact the application author.",
    "cs-CZ": "Požadavek obsahuje neplatná data. Kontaktujte autora aplikace.",
    "uk-UA": "Запит містить недійсні дані. Зверніться до автора програми.",
}


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
    # Past the Accept check: the attachment is unknown (message attachments hold real state).
    assert resp.status_code == 404 and resp.json()["errors"][0]["code"] == "ATTACHMENT_NOT_FOUND", resp.text


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
    assert_admin_error(http.post("/__targ/sellers", content=raw, headers={"Content-Type": "application/json"}), 400,
                       "bad_request")


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
