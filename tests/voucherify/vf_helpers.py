"""Shared by the Voucherify tests: the SDK client for a key pair, job timing, CSV parsing, error assertions."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import voucherify

from targ.testing import TargServer

# With the default jobDelay (PT5S): a job starts 2.5 s after it is queued and steps every 0.5 s.
JOB_START = "PT2.5S"
JOB_STEP = "PT0.5S"
ERROR_KEYS = {"code", "key", "message", "details", "request_id", "resource_id", "resource_type"}
AMOUNT_KEYS = {"amount", "initial_amount", "discount_amount", "items_discount_amount", "total_discount_amount",
               "total_amount", "price", "subtotal_amount", "quantity", "total", "progress", "processing_time"}


def sdk_client(url: str, app_id: str, secret: str) -> voucherify.ApiClient:
    cfg = voucherify.Configuration(host=url, api_key={"X-App-Id": app_id, "X-App-Token": secret})
    return voucherify.ApiClient(cfg)


def new_project(targ: TargServer) -> dict[str, str]:
    resp = httpx.post(f"{targ.url}/__targ/voucherify/projects", json={})
    assert resp.status_code == 201, resp.text
    return resp.json()


def project_http(targ: TargServer, project: dict[str, str]) -> httpx.Client:
    return httpx.Client(base_url=targ.url, timeout=30,
                        headers={"X-App-Id": project["applicationId"], "X-App-Token": project["secretKey"]})


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def assert_error(resp: httpx.Response, status: int, key: str, details: str | None = None) -> dict[str, Any]:
    """The vendor's error object, exactly: code = status, key, message, details, a `v-` request id."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == "application/json; charset=utf-8"
    body = resp.json()
    assert set(body) <= ERROR_KEYS and {"code", "key", "message", "request_id"} <= set(body), body
    assert body["code"] == status and body["key"] == key, body
    assert body["request_id"].startswith("v-"), body
    if details is not None:
        assert body["details"] == details, body
    return body


def walk_numbers(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every (path, value) of an amount-like key anywhere in a JSON document."""
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k in AMOUNT_KEYS and v is not None:
                found.append((f"{path}.{k}", v))
            found += walk_numbers(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += walk_numbers(v, f"{path}[{i}]")
    return found
