"""Shared by the edge tests: turning a bundle operation (and a synthesized request) into an HTTP request against
the session's TargServer, the vendors' credentials, the error envelopes, a snapshot of the whole store (to prove
that a rejected request changed nothing), and the paths, bodies and headers of the hand-written cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
import orjson

from targ.spec.bundle import VENDORS, Operation, load_bundle
from targ.spec.synth import synthesize_request
from targ.spec.validate import is_json_media
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"
ALL_OPS: list[Operation] = [op for vendor in VENDORS for op in load_bundle(vendor).operations]
ALLEGRO_KEYS = {"code", "message", "details", "path", "userMessage", "metadata"}
# Voucherify operations whose request body is multipart/form-data (the CSV imports).
MULTIPART_OPS = frozenset(op.operation_id for op in ALL_OPS
                          if op.vendor == "voucherify" and any(mt.startswith("multipart/")
                                                               for mt in op.request_media_types()))


def op_id(op: Operation) -> str:
    return f"{op.vendor}:{op.operation_id}"


def essence(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def fill_path(op: Operation, path_params: dict[str, str]) -> str:
    """The raw request path, every parameter percent-encoded as the vendors' SDKs do (`quote(v, safe='')`)."""
    path = op.path
    for name, value in path_params.items():
        path = path.replace("{" + name + "}", quote(value, safe=""))
    return path


def accept_for(op: Operation) -> str | None:
    """What a client sends as Accept: the success media type; for an operation that answers without a body, the
    vendor's JSON type (Allegro wants its vnd type on every call, beta for beta resources, as the real service)."""
    declared = op.response_media_types(op.success_status)
    if declared:
        return declared[0]
    if op.vendor == "voucherify":
        return "application/json"
    return ALLEGRO_BETA if ALLEGRO_BETA in op.request_media_types() else ALLEGRO_JSON




@dataclass
class Creds:
    """Everything a request may need to authenticate."""

    allegro_token: str
    server: tuple[str, str]
    client: tuple[str, str] | None = None
    management: tuple[str, str] | None = None


def needs_project(op: Operation) -> bool:
    return op.vendor == "voucherify" and op.path.startswith(("/client/", "/management/"))


def new_project(http: httpx.Client) -> dict[str, str]:
    resp = http.post("/__targ/voucherify/projects", json={})
    assert resp.status_code == 201, resp.text
    return resp.json()


def creds_for(demo: dict[str, Any], project: dict[str, str] | None = None) -> Creds:
    creds = Creds(demo["accessToken"], (demo["voucherifyApplicationId"], demo["voucherifySecretKey"]))
    if project is not None:
        creds.client = (project["clientApplicationId"], project["clientSecretKey"])
        creds.management = (project["managementId"], project["managementToken"])
    return creds


def auth_headers(op: Operation, creds: Creds) -> dict[str, str]:
    if op.vendor == "allegro":
        return {"Authorization": f"Bearer {creds.allegro_token}"}
    if op.path.startswith("/client/"):
        assert creds.client is not None
        return {"X-Client-Application-Id": creds.client[0], "X-Client-Token": creds.client[1]}
    if op.path.startswith("/management/"):
        assert creds.management is not None
        return {"X-Management-Id": creds.management[0], "X-Management-Token": creds.management[1]}
    return {"X-App-Id": creds.server[0], "X-App-Token": creds.server[1]}


@dataclass
class Call:
    """One HTTP request, ready to send."""

    method: str
    path: str
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None
    files: dict[str, Any] | None = None

    def send(self, http: httpx.Client, **extra_headers: str) -> httpx.Response:
        headers = {**self.headers, **extra_headers}
        return http.request(self.method, self.path, params=self.query, headers=headers, content=self.content,
                            files=self.files)


def encode_body(media_type: str | None, body: Any) -> tuple[bytes | None, dict[str, Any] | None]:
    if media_type is None:
        return None, None
    if is_json_media(media_type):
        return orjson.dumps(body), None
    if media_type.startswith("multipart/"):
        return None, {k: (k, v) if isinstance(v, bytes) else (None, v) for k, v in body.items()}
    return (body if isinstance(body, bytes) else str(body).encode()), None


def build_call(op: Operation, creds: Creds, *, path_params: dict[str, str] | None = None,
               query: list[tuple[str, str]] | None = None, headers: dict[str, str] | None = None,
               media_type: str | None = None, body: Any = None, synthesized: bool = True) -> Call:
    """A request for `op`: the synthesized valid one, with any part replaced by the caller's."""
    s_path, s_query, s_headers, s_media, s_body = synthesize_request(op) if synthesized else ({}, [], {}, None, None)
    path_params = s_path if path_params is None else path_params
    query = s_query if query is None else query
    hdrs = dict(s_headers if headers is None else headers)
    media_type = s_media if media_type is None else media_type
    body = s_body if body is None else body
    lower = {k.lower() for k in hdrs}
    accept = accept_for(op)
    if "accept" not in lower and accept is not None:
        hdrs["Accept"] = accept
    hdrs.update(auth_headers(op, creds))
    content, files = encode_body(media_type, body)
    if content is not None and "content-type" not in lower and media_type is not None:
        hdrs["Content-Type"] = media_type
    return Call(op.method, fill_path(op, path_params), list(query), hdrs, content, files)


# ------------------------------------------------------------------------------------------ envelopes


def assert_allegro_errors(resp: httpx.Response, status: int, code: str | None = None) -> list[dict[str, Any]]:
    assert resp.status_code == status, resp.text
    assert essence(resp.headers.get("content-type")) == "application/json", resp.headers
    assert resp.headers.get("trace-id"), resp.headers
    body = resp.json()
    assert set(body) == {"errors"}, body
    assert body["errors"], body
    for entry in body["errors"]:
        assert set(entry) == ALLEGRO_KEYS, entry
        assert isinstance(entry["code"], str) and isinstance(entry["message"], str), entry
        assert isinstance(entry["userMessage"], str) and entry["userMessage"], entry
        assert isinstance(entry["metadata"], dict), entry
        if code is not None:
            assert entry["code"] == code, body
    return body["errors"]


def assert_oauth_error(resp: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert essence(resp.headers.get("content-type")) == "application/json", resp.headers
    body = resp.json()
    assert set(body) == {"error", "error_description"}, body
    assert body["error"] == error, body
    assert isinstance(body["error_description"], str) and body["error_description"], body
    return body


def assert_voucherify_error(resp: httpx.Response, status: int, key: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert essence(resp.headers.get("content-type")) == "application/json", resp.headers
    body = resp.json()
    assert body["code"] == status, body
    assert isinstance(body["key"], str) and isinstance(body["message"], str), body
    assert isinstance(body.get("request_id"), str) and body["request_id"].startswith("v-"), body
    assert set(body) <= {"code", "key", "message", "details", "request_id", "resource_id", "resource_type"}, body
    if key is not None:
        assert body["key"] == key, body
    return body


def assert_admin_error(resp: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert essence(resp.headers.get("content-type")) == "application/json", resp.headers
    body = resp.json()
    assert set(body) == {"error", "message"}, body
    assert body["error"] == error and isinstance(body["message"], str), body
    return body


def assert_vendor_error(op: Operation, resp: httpx.Response) -> None:
    """Any error status, in the operation's vendor's envelope."""
    if op.vendor == "voucherify":
        assert_voucherify_error(resp, resp.status_code)
    elif resp.status_code == 401:
        assert_oauth_error(resp, 401, resp.json().get("error", ""))
    else:
        assert_allegro_errors(resp, resp.status_code)


# ------------------------------------------------------------------------------------------ state


def store_snapshot(srv: TargServer) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the live store (read between requests; the server handles one at a time)."""
    conn = srv.world.store.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def take_violations(srv: TargServer, since: int) -> list[dict[str, Any]]:
    """The violations recorded since `since`, removed from the server's list, so that a test expecting one (a known
    bug, marked xfail) fails in its own body rather than in the `targ` fixture's teardown."""
    found = list(srv.world.violations[since:])
    del srv.world.violations[since:]
    return found


# ------------------------------------------------------------------------------------------ hand-written cases

MIB = 1024 * 1024
TOO_BIG = b"x" * (10 * MIB + 1)
ORDERS = "/order/checkout-forms"
ASN = "/fulfillment/advance-ship-notices"


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
    body = synthesize_request(load_bundle("allegro").by_id["createAdvanceShipNotice"])[4]
    if product_id:  # a notice takes only the seller's One Fulfillment products (fulfillment/content.py)
        body["items"] = [{"product": {"id": product_id}, "quantity": 1}]
    return orjson.dumps(body)
