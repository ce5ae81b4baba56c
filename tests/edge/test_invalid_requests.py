"""Generated: for every operation with a constrained parameter or a JSON body, invalid variants of its valid request
(see invalid_variants.py) get the vendor's validation error naming the field, and change nothing in the store.

Allegro: 422 VALIDATION_ERROR where the operation declares 422, else 400; one entry per problem; `path` is the dotted
field (the parameter name for parameters); `details` says which kind of parameter; `userMessage` Polish by default,
English with `Accept-Language: en-US`. Voucherify: 400 `invalid_payload` (body) or `invalid_query_params`, `details`
naming the property, a `request_id`.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from edge_helpers import (
    ALL_OPS,
    Call,
    assert_allegro_errors,
    assert_voucherify_error,
    build_call,
    creds_for,
    needs_project,
    new_project,
    store_snapshot,
    take_violations,
)
from invalid_variants import Variant, variants_for

from targ.spec.schemas import resolve
from targ.testing import TargServer

VARIANTS: list[Variant] = [v for i, op in enumerate(ALL_OPS) for v in variants_for(op, i)]
POLISH = re.compile(r"\b(Pole|pola|Żądanie)\b")
ENGLISH = re.compile(r"\b(field|value|Request)\b")
REQUEST_ID = re.compile(r"v-[0-9a-f]{18}")
def _param(v: Variant) -> Any:
    return pytest.param(v, id=v.id)


def _languages(v: Variant) -> list[str]:
    """The Accept-Language values the operation declares (some take only pl-PL or en-US)."""
    for p in v.op.parameters:
        if p.get("in") == "header" and p["name"].lower() == "accept-language":
            return list(resolve(v.op.vendor, p.get("schema") or {}).get("enum") or ["en-US"])
    return ["en-US"]


def _call(v: Variant, raw: httpx.Client, demo: dict[str, Any]) -> Call:
    project = new_project(raw) if needs_project(v.op) else None
    return build_call(v.op, creds_for(demo, project), path_params=v.path_params, query=v.query, headers=v.headers,
                      media_type=v.media_type, body=v.body, synthesized=False)


def test_variants_cover_every_kind() -> None:
    kinds = {(v.location, v.kind) for v in VARIANTS}
    for wanted in [("query", "enum"), ("query", "type"), ("query", "minimum"), ("query", "maximum"),
                   ("query", "format"), ("path", "format"), ("body", "required"), ("body", "type"), ("body", "enum")]:
        assert wanted in kinds, wanted
    assert any(v.field == "" for v in VARIANTS)                  # the body's JSON type as a whole
    assert any("[0]." in v.field for v in VARIANTS)              # nested paths like lineItems[0].quantity
    assert len({v.op.operation_id for v in VARIANTS}) > 250


@pytest.mark.parametrize("v", [_param(v) for v in VARIANTS if v.op.vendor == "allegro"])
def test_allegro_invalid(v: Variant, targ: TargServer, raw: httpx.Client, demo_creds: dict[str, Any]) -> None:
    call = _call(v, raw, demo_creds)
    before = store_snapshot(targ)
    seen = len(targ.world.violations)
    status = 422 if v.op.declares(422) else 400
    languages = [(None, POLISH)] + ([("en-US", ENGLISH)] if "en-US" in _languages(v) else [])
    try:
        for language, pattern in languages:
            resp = call.send(raw, **({"Accept-Language": language} if language else {}))
            errors = assert_allegro_errors(resp, status, "VALIDATION_ERROR")
            assert len(errors) == 1, errors
            entry = errors[0]
            assert entry["path"] == (v.field or None), entry
            assert entry["details"] == ("request body" if v.location == "body" else f"{v.location} parameter"), entry
            assert pattern.search(entry["userMessage"]), (language, entry)
            assert (v.field or "body") in entry["userMessage"], entry
            assert (v.field or "body") in entry["message"], entry
    finally:
        violations = take_violations(targ, seen)
    assert violations == []
    assert store_snapshot(targ) == before


@pytest.mark.parametrize("v", [_param(v) for v in VARIANTS if v.op.vendor == "voucherify"])
def test_voucherify_invalid(v: Variant, targ: TargServer, raw: httpx.Client, demo_creds: dict[str, Any]) -> None:
    call = _call(v, raw, demo_creds)
    before = store_snapshot(targ)
    resp = call.send(raw)
    key = "invalid_payload" if v.location == "body" else "invalid_query_params"
    body = assert_voucherify_error(resp, 400, key)
    messages = {"invalid_payload": "Invalid payload", "invalid_query_params": "Invalid query params"}
    assert body["message"] == messages[key]
    assert REQUEST_ID.fullmatch(body["request_id"]), body
    details = body.get("details") or ""
    if v.location == "body" and v.field:
        assert details.startswith(f"Property .{v.field} "), body
    else:
        assert (v.field or "body") in details, body
    assert store_snapshot(targ) == before


def test_two_problems_two_entries(targ: TargServer, allegro: httpx.Client) -> None:
    resp = allegro.get("/order/checkout-forms", params={"limit": "abc", "offset": "-1"})
    errors = assert_allegro_errors(resp, 422, "VALIDATION_ERROR")
    assert sorted(e["path"] for e in errors) == ["limit", "offset"]


def test_voucherify_details_name_the_property_once(targ: TargServer, voucherify_http: httpx.Client) -> None:
    resp = voucherify_http.post("/v1/orders", json={"amount": "abc"})
    body = assert_voucherify_error(resp, 400, "invalid_payload")
    assert body["details"].startswith("Property .amount ")
    assert body["details"].count("amount") == 1, body
