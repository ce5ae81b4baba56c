"""Every operation of both vendors answers one valid (synthesized) request with its declared success status, in its
declared media type; the `targ` fixture fails the test if the response broke the vendor's schema or a handler
crashed. Operations with a handler may answer a synthesized request from real state (unknown id, conflict): then a
documented vendor error in the vendor's envelope is accepted instead."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from edge_helpers import (
    ALL_OPS,
    accept_for,
    assert_vendor_error,
    build_call,
    creds_for,
    essence,
    needs_project,
    new_project,
    op_id,
)

from targ.spec.bundle import Operation
from targ.testing import TargServer

# Statuses real state may legitimately answer a synthesized request with (its ids exist nowhere).
STATE_ERRORS = frozenset({403, 404, 409, 422})

# Statuses the vendor answers for unknown state although the spec does not declare them: unknown command ids are
# 404 COMMAND_NOT_FOUND (allegro-behaviour.md §3), and so is a notice that does not exist, on every ASN operation.

# Bodies the spec leaves loose but the vendor's documentation requires (the handler enforces them).
DOCUMENTED_BODIES: dict[tuple[str, str], Any] = {
    ("voucherify", "create-export"): {"exported_object": "order"},
    # The docs' schemas require a source id per bulk item, and `source_ids` with `metadata` (voucherify-docs).
    ("voucherify", "update-customers-in-bulk"): [{"source_id": "c-1"}],
    ("voucherify", "update-products-in-bulk"): [{"source_id": "p-1"}],
    ("voucherify", "update-customers-metadata-in-bulk"): {"source_ids": ["c-1"], "metadata": {"a": 1}},
    ("voucherify", "update-products-metadata-in-bulk"): {"source_ids": ["p-1"], "metadata": {"a": 1}},
    # The spec's 400 list requires the offer, campaign and proposed price its schema leaves optional.
    ("allegro", "submitOfferToAlleDiscountCommands"): {
        "commandId": "c1b3f63d-d293-4333-911d-a0c1053e2c81",
        "input": {"offer": {"id": "10394822344"}, "campaign": {"id": "ALLEOBNIZKA_20230209"},
                  "proposedPrice": {"amount": "100.00", "currency": "PLN"}}},
}

# Operations whose spec documents a 400 for state that does not exist: the withdrawal of an unknown participation
# (InputParticipationIdDoesNotExist, the spec's example; allegro-api #14022).
STATE_400 = frozenset({("allegro", "withdrawOfferFromAlleDiscountCommands")})

# Queries the spec's description requires although its schema does not: "At least one of: phrase, seller.id or
# category.id is required" (the public offer search answers 400 otherwise).
DOCUMENTED_QUERIES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("allegro", "getListing"): [("phrase", "kubek")],
}


@pytest.mark.parametrize("op", [pytest.param(op, id=op_id(op)) for op in ALL_OPS])
def test_valid_request_succeeds(op: Operation, targ: TargServer, raw: httpx.Client, demo_creds: dict[str, Any],
                                backing: dict[tuple[str, str], str]) -> None:
    project = new_project(raw) if needs_project(op) else None
    call = build_call(op, creds_for(demo_creds, project), body=DOCUMENTED_BODIES.get((op.vendor, op.operation_id)),
                      query=DOCUMENTED_QUERIES.get((op.vendor, op.operation_id)))
    resp = call.send(raw)
    has_handler = backing[(op.vendor, op.operation_id)] != "example"
    state_error = resp.status_code in STATE_ERRORS or (resp.status_code == 400 and
                                                        (op.vendor, op.operation_id) in STATE_400)
    if has_handler and state_error and resp.status_code != op.success_status:
        if op.vendor == "allegro" and resp.status_code != 404:
            # 404 for an unknown id is the vendor's answer on every path, documented or not.
            assert op.declares(resp.status_code), f"{resp.status_code} is not documented for {op.operation_id}"
        assert_vendor_error(op, resp)
        return
    assert resp.status_code == op.success_status, resp.text[:500]
    if op.vendor == "allegro":
        assert resp.headers.get("trace-id")
    declared = op.response_media_types(op.success_status)
    if declared and resp.content:
        wanted = essence(call.headers.get("Accept") or accept_for(op))
        got = essence(resp.headers.get("content-type"))
        assert got == wanted or "*/*" in declared, (got, declared)
    elif not declared:
        assert resp.content == b"", resp.content[:200]
