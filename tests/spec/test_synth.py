"""The spec-example fallback (targ.spec.synth): every operation of both bundles, plus targeted cases."""

from __future__ import annotations

import re

import pytest

from targ.spec.bundle import VENDORS, Operation, load_bundle
from targ.spec.schemas import sample_pattern
from targ.spec.synth import synthesize, synthesize_request
from targ.spec.validate import error_body, parse_parameters, validate_body, validate_response

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
ALL_OPS = [op for vendor in VENDORS for op in load_bundle(vendor).operations]


@pytest.mark.parametrize("op", ALL_OPS, ids=lambda op: f"{op.vendor}:{op.operation_id}")
def test_synthesized_response_validates(op: Operation) -> None:
    status, media_type, body, headers = synthesize(op)
    assert status == op.success_status
    assert validate_response(op, status, media_type, body) == []
    assert all(isinstance(v, str) for v in headers.values())


@pytest.mark.parametrize("op", ALL_OPS, ids=lambda op: f"{op.vendor}:{op.operation_id}")
def test_synthesized_request_is_valid(op: Operation) -> None:
    path_params, query, headers, media_type, body = synthesize_request(op)
    assert set(path_params) == {p["name"] for p in op.parameters if p["in"] == "path"}
    _, problems = parse_parameters(op, path_params, query, headers)
    assert problems == []
    if op.request_body:
        assert media_type in op.request_media_types()
        assert validate_body(op, media_type, body) == []


def test_deterministic() -> None:
    op = load_bundle("allegro").by_id["getListOfOrdersUsingGET"]
    assert synthesize(op) == synthesize(op)
    first = synthesize(op)
    first[2]["checkoutForms"] = "mutated"  # callers get copies
    assert synthesize(op) != first
    req = load_bundle("allegro").by_id["createOrderShipmentsUsingPOST"]
    assert synthesize_request(req) == synthesize_request(req)


def test_spec_example_is_preferred() -> None:
    op = load_bundle("allegro").by_id["getListOfOrdersUsingGET"]
    example = next(iter(op.responses["200"]["content"].values())).get("example")
    _, media_type, body, _ = synthesize(op)
    if example is not None and validate_response(op, 200, media_type, example) == []:
        assert body == example
    assert body["checkoutForms"][0]["id"]


def test_uuids_and_headers() -> None:
    op = load_bundle("allegro").by_id["createAdvanceShipNotice"]
    status, media_type, _, headers = synthesize(op)
    assert status == 201 and media_type == "application/vnd.allegro.public.v1+json"
    lower = {k.lower(): v for k, v in headers.items()}
    assert lower["location"].startswith("/fulfillment/advance-ship-notices") and lower["etag"]
    path_params, _, _, _, _ = synthesize_request(load_bundle("allegro").by_id["updateAdvanceShipNotice"])
    assert UUID.fullmatch(path_params["id"])


def test_binary_and_text_media() -> None:
    allegro = load_bundle("allegro")
    _, media_type, body, _ = synthesize(allegro.by_id["getAdvanceShipNoticeLabels"])
    assert media_type == "application/pdf" and isinstance(body, bytes) and body.startswith(b"%PDF")
    stock = allegro.by_id["getFulfillmentStock"]  # declares JSON and CSV: JSON by default, CSV when asked for
    assert synthesize(stock)[1] == "application/vnd.allegro.public.v1+json"
    _, media_type, body, _ = synthesize(stock, media_type="text/csv")
    assert media_type == "text/csv" and isinstance(body, str)
    assert validate_response(stock, stock.success_status, media_type, body) == []


def test_read_only_omitted_from_requests() -> None:
    # Publication.endedBy is readOnly; an offer request carrying `publication` must never include it.
    for op in load_bundle("allegro").operations:
        body = synthesize_request(op)[4]
        if isinstance(body, dict) and isinstance(body.get("publication"), dict):
            assert "endedBy" not in body["publication"]


def test_error_statuses() -> None:
    allegro = load_bundle("allegro")
    op = allegro.by_id["getListOfOrdersUsingGET"]
    for status in (401, 404, 422, 429):
        got, media_type, body, _ = synthesize(op, status)
        assert got == status and validate_response(op, status, media_type, body) == []
    vop = load_bundle("voucherify").by_id["get-order"]
    _, media_type, body, _ = synthesize(vop, 404)
    assert body == error_body("voucherify", 404) and validate_response(vop, 404, media_type, body) == []


def test_sample_pattern() -> None:
    patterns = (r"\d+[.,]\d{1,2}", r"^[1-9]\d{0,2}$", "PDF|ZPL", "[A-Z]{3}", r"^[^~!@#\$%\^&\*(){}]*$", r"(\d{1,15})")
    for pattern in patterns:
        value = sample_pattern(pattern)
        assert value is not None and re.search(pattern, value)
