"""Voucherify's media types and bodies: JSON in and out, whatever the client accepts; the CSV download of an export
where the client asks for it; an empty body read as `{}` (the SDK sends `create_order()` with Content-Length 0)."""

from __future__ import annotations

from typing import Any

from targ.http.errors import VoucherifyError
from targ.http.media import accepted, essence, is_json
from targ.http.request import Request
from targ.http.spec import StrictBinding
from targ.spec.bundle import Operation
from targ.voucherify.auth import DOWNLOAD_EXPORT, download_token
from targ.voucherify.integers import out_of_range


def choose(req: Request, candidates: list[Operation]) -> Operation:
    # get-export and download-export share a path. A `token` in the query is the download (the URL an export's
    # `result.url` hands out, whatever the client accepts); otherwise the CSV download asks for text/plain.
    if len(candidates) > 1:
        if download_token(req) is not None:
            for op in candidates:
                if op.operation_id == DOWNLOAD_EXPORT:
                    return op
        wants = accepted(req.headers.get("accept"))
        for op in candidates:
            offered = op.response_media_types(op.success_status)
            if any(w in offered for w in wants):
                return op
    return candidates[0]


class VoucherifyNegotiation:
    def accept(self, req: Request, op: Operation) -> str | None:
        offered = op.response_media_types(op.success_status)
        return offered[0] if offered else None

    def content_type(self, req: Request, op: Operation) -> str | None:
        if op.request_body is None:
            return None
        sent = essence(req.headers.get("content-type"))
        declared = op.request_media_types()
        if sent in declared:
            return sent
        if req.raw_body.strip() and sent and not is_json(sent):
            wanted = " or ".join(declared) or "application/json"
            raise VoucherifyError(400, "invalid_payload", "Invalid payload",
                                  f"Unsupported Content-Type {sent}; send {wanted}")
        return declared[0] if declared else "application/json"


class VoucherifyBinding(StrictBinding):
    """The schema as written, then the vendor's integer limits (targ.voucherify.integers)."""

    def __init__(self) -> None:
        super().__init__(lambda op, body: out_of_range(body))

    def empty(self, op: Operation) -> Any:
        content: dict[str, Any] = (op.request_body or {}).get("content") or {}
        first: dict[str, Any] = next(iter(content.values()), {})
        schema = first.get("schema") or {}
        return None if schema.get("type") == "array" else {}
