"""A node is compiled against a registry of only the components it reaches until the whole vendor's registry exists
(targ.spec.schemas): the answers are the same either way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from targ.spec import schemas
from targ.spec.bundle import load_bundle


@pytest.fixture
def empty_caches() -> Iterator[None]:
    schemas.clear_cache()
    yield
    schemas.clear_cache()


def errors(vendor: str, direction: schemas.Direction, node: Any, instance: Any) -> list[tuple[str, str]]:
    return sorted((str(list(e.instance_path)), e.message) for e in schemas.iter_errors(vendor, direction, node,
                                                                                        instance))


def voucherify_order_schemas() -> list[Any]:
    """`GET /v1/orders`'s query parameters (each a `$ref`) and `POST /v1/orders`'s body."""
    ops = {(op.method, op.path): op for op in load_bundle("voucherify").operations}
    params = ops["GET", "/v1/orders"].parameters
    body = ops["POST", "/v1/orders"].request_body
    assert body is not None
    return [p["schema"] for p in params] + [entry["schema"] for entry in body["content"].values()]


INSTANCES: list[Any] = [None, 0, -1, 10, 101, "x", "10", [], {}, {"source_id": 5},
                        {"items": [{"quantity": "two"}]}, {"status": "PAID", "amount": 1.5, "customer": {"id": 3}}]


def test_small_closures_answer_as_the_whole_registry(empty_caches: None) -> None:
    nodes = voucherify_order_schemas()
    before = {i: [errors("voucherify", "request", n, x) for x in INSTANCES] for i, n in enumerate(nodes)}
    assert ("voucherify", "request") not in schemas._registries   # nothing so far needed the whole registry
    schemas.clear_cache()
    schemas.registry("voucherify", "request")                      # now every node is compiled against it
    after = {i: [errors("voucherify", "request", n, x) for x in INSTANCES] for i, n in enumerate(nodes)}
    assert after == before
    assert any(any(e) for e in before.values()) and any(not e for es in before.values() for e in es)


def test_a_node_without_refs_needs_no_registry(empty_caches: None) -> None:
    assert schemas._registry_for("allegro", "request", {"type": "integer", "minimum": 1}) is None
    assert schemas._referenced("voucherify", {"$ref": "#/components/schemas/ParameterLimit"}, 48) == ["ParameterLimit"]


def test_a_node_reaching_many_components_builds_the_whole_registry(empty_caches: None) -> None:
    names = list(schemas.components("voucherify"))[:200]
    node = {"anyOf": [{"$ref": f"#/components/schemas/{n}"} for n in names]}
    assert schemas._referenced("voucherify", node, schemas.SMALL_CLOSURE) is None
    assert schemas._registry_for("voucherify", "response", node) is schemas.registry("voucherify", "response")
