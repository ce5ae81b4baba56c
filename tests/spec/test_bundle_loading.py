"""`targ.spec.bundle` reads an operation's details and each schema on first use (docs/architecture.md, start-up):
what it hands out is exactly the bundle file's content, whatever is read first, from however many threads."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest

from targ.spec import bundle as bundle_module
from targ.spec.bundle import BUNDLE_DIR, VENDORS, Bundle, Operation, Schemas, load_bundle


def whole(vendor: str) -> dict[str, Any]:
    return orjson.loads((BUNDLE_DIR / f"{vendor}.json").read_bytes())


def fresh(vendor: str, text: bytes | None = None) -> Bundle:
    """A bundle loaded anew (not the process-wide cached one), from the shipped file or from `text`."""
    text = (BUNDLE_DIR / f"{vendor}.json").read_bytes() if text is None else text
    try:
        return bundle_module._load_by_lines(vendor, text)
    except bundle_module._Layout:
        return bundle_module._load_whole(vendor, orjson.loads(text))


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_shipped_bundle_is_read_a_part_at_a_time(vendor: str) -> None:
    loaded = load_bundle(vendor)
    assert isinstance(loaded.schemas, Schemas)
    assert all(op._text is not None for op in loaded.operations)


@pytest.mark.parametrize("vendor", VENDORS)
def test_parts_read_on_use_equal_the_file(vendor: str) -> None:
    data = whole(vendor)
    b = fresh(vendor)
    assert b.meta == {k: v for k, v in data.items() if k not in ("operations", "schemas")}
    assert [op.operation_id for op in b.operations] == [o["operationId"] for o in data["operations"]]
    assert set(b.by_id) == {o["operationId"] for o in data["operations"]}
    for op, o in zip(b.operations, data["operations"], strict=True):
        # the light fields and the scopes come without parsing the rest of the entry
        assert (op.vendor, op.method, op.path, op.source) == (vendor, o["method"].upper(), o["path"],
                                                              o.get("source", "pinned"))
        assert op.security == (o.get("security") or [])
        assert "raw" not in op.__dict__
        assert op.raw == o
        assert op.parameters == (o.get("parameters") or [])
        assert op.responses == (o.get("responses") or {}) and op.request_body == o.get("requestBody")
    schemas = b.schemas
    assert len(schemas) == len(data["schemas"]) and list(schemas) == list(data["schemas"])
    assert list(schemas.keys()) == list(data["schemas"])
    last = list(data["schemas"])[-1]
    assert schemas[last] == data["schemas"][last]            # one read out of order...
    assert list(schemas.items()) == list(data["schemas"].items())   # ...and still every schema in bundle order
    assert list(schemas.values()) == list(data["schemas"].values())
    assert list(dict.keys(schemas)) == list(data["schemas"])


def test_schemas_read_like_a_dict() -> None:
    data = whole("voucherify")["schemas"]
    schemas = fresh("voucherify").schemas
    name = "OrdersCreateRequestBody"
    assert name in schemas and "NoSuchSchema" not in schemas and 42 not in schemas
    first = schemas.get(name)
    assert first == data[name] and schemas[name] is first and schemas.get(name) is first
    assert schemas.get("NoSuchSchema") is None and schemas.get("NoSuchSchema", {}) == {}
    with pytest.raises(KeyError):
        schemas["NoSuchSchema"]
    assert "1 parsed" in repr(schemas)


def test_an_operation_read_from_two_threads_is_parsed_once() -> None:
    b = fresh("allegro")
    seen: list[Any] = []
    barrier = threading.Barrier(8)

    def read(op: Operation) -> None:
        barrier.wait()
        seen.append((op.raw, op.parameters, b.schemas["CheckoutForm"]))

    threads = [threading.Thread(target=read, args=(b.operations[0],)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(raw) for raw, _, _ in seen}) == 1
    assert len({id(params) for _, params, _ in seen}) == 1
    assert len({id(schema) for _, _, schema in seen}) == 1


def test_a_file_laid_out_otherwise_is_read_whole(tmp_path: Path) -> None:
    data = whole("allegro")
    pretty = json.dumps(data, indent=2).encode()
    b = fresh("allegro", pretty)
    assert not isinstance(b.schemas, Schemas) and b.schemas == data["schemas"]
    assert [op.raw for op in b.operations] == data["operations"]
    assert b.meta == {k: v for k, v in data.items() if k not in ("operations", "schemas")}


def test_an_entry_whose_head_is_not_plain_is_read_whole() -> None:
    """A tag holding `,"parameters":` (quotes escaped in JSON) or an entry without parameters: the head cut does not
    apply and the whole line is read, with the same result."""
    op = {"operationId": "odd", "method": "get", "path": "/odd", "source": "pinned",
          "tags": ['x,"parameters":'], "security": [{"s": ["a"]}], "responses": {}}
    lazy = bundle_module._operation("allegro", orjson.dumps(op))
    assert (lazy.operation_id, lazy.method, lazy.path, lazy.security) == ("odd", "GET", "/odd", [{"s": ["a"]}])
    assert lazy.raw == op and lazy.parameters == []


def test_an_operation_made_by_hand_keeps_its_fields() -> None:
    raw = {"operationId": "handMade", "security": [{"x": ["y"]}], "parameters": [{"name": "p"}]}
    op = Operation(vendor="allegro", operation_id="handMade", method="POST", path="/h", source="test", raw=raw)
    assert op.raw is raw and op.parameters == [] and op.security == [{"x": ["y"]}]
    with pytest.raises(AttributeError):
        op.no_such_attribute  # type: ignore[attr-defined]  # noqa: B018 - the lookup is what is tested
