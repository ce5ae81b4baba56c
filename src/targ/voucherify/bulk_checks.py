"""The request checks shared by the bulk and metadata updates of customers and products.

The SDK's spec declares every field optional; the vendor's documentation schemas require `source_id` in every bulk
item (`CustomersUpdateInBulkRequestBody`, `ProductsUpdateInBulkRequestBody`) and `source_ids` with `metadata` in a
metadata update: a body without them is refused with the request as `invalid_payload` naming the property, and
nothing is queued.
"""

from __future__ import annotations

from typing import Any

from targ.voucherify.common import given, invalid_payload


def check_items(body: Any) -> list[dict[str, Any]]:
    """A bulk update's items, each with its `source_id`."""
    if not isinstance(body, list):
        raise invalid_payload("Request body must be an array")
    for i, item in enumerate(body):
        if not given(item, "source_id") or not item["source_id"]:
            raise invalid_payload(f"Property .[{i}].source_id is required")
    return body


def check_metadata_update(body: Any) -> tuple[list[str], dict[str, Any]]:
    """(source_ids without repeats, metadata) of a metadata update."""
    body = body or {}
    source_ids = body.get("source_ids")
    if source_ids is None:
        raise invalid_payload("Property .source_ids is required")
    if not source_ids:
        raise invalid_payload("Property .source_ids must contain at least 1 item")
    for i, source_id in enumerate(source_ids):
        if not source_id:
            raise invalid_payload(f"Property .source_ids[{i}] must not be empty")
    if body.get("metadata") is None:
        raise invalid_payload("Property .metadata is required")
    return list(dict.fromkeys(source_ids)), body["metadata"]
