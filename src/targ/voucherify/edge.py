"""Voucherify's policies at the edge: key pairs per API family, JSON everywhere (text/plain for CSV download),
errors as `{"code", "key", "message", "details", "request_id"}`."""

from __future__ import annotations

from typing import Any

from targ.http.auth import authenticate_voucherify
from targ.http.errors import TargError, VoucherifyError
from targ.http.media import accepted, essence, is_json
from targ.http.request import Request
from targ.http.response import Response, build
from targ.http.spec_edge import SpecEdge
from targ.spec.bundle import Operation
from targ.spec.validate import Problem
from targ.voucherify.integers import out_of_range

DOWNLOAD_EXPORT = "download-export"


def _download_token(req: Request) -> str | None:
    return next((v for k, v in req.query_pairs if k == "token"), None)


class VoucherifyEdge(SpecEdge):
    vendor = "voucherify"

    def prepare(self, req: Request) -> None:
        req.trace_id = self.world.next_request_id()

    def render_error(self, req: Request, exc: TargError) -> Response:
        if isinstance(exc, VoucherifyError):
            exc.request_id = req.trace_id
        return build(exc.status, exc.body(), "application/json", exc.headers())

    def not_found(self, req: Request) -> TargError:
        return VoucherifyError(404, "not_found", "Resource not found", f"Cannot find resource at {req.path}")

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        return VoucherifyError(405, "method_not_allowed", "Method not allowed",
                               f"{req.method} is not allowed here; allowed: {', '.join(allowed)}",
                               headers={"allow": ", ".join(allowed)})

    def too_large(self, req: Request) -> TargError:
        return VoucherifyError(413, "payload_too_large", "Payload too large", "The request body exceeds 10 MiB")

    def internal_error(self, req: Request, message: str) -> TargError:
        return VoucherifyError(500, "internal_error", "Internal server error", message)

    def choose(self, req: Request, candidates: list[Operation]) -> Operation:
        # get-export and download-export share a path. A `token` in the query is the download (the URL an export's
        # `result.url` hands out, whatever the client accepts); otherwise the CSV download asks for text/plain.
        if len(candidates) > 1:
            if _download_token(req) is not None:
                for op in candidates:
                    if op.operation_id == DOWNLOAD_EXPORT:
                        return op
            wants = accepted(req.headers.get("accept"))
            for op in candidates:
                offered = op.response_media_types(op.success_status)
                if any(w in offered for w in wants):
                    return op
        return candidates[0]

    def empty_body(self, op: Operation) -> object:
        # The SDK sends `create_order()` / `create_order_export()` with Content-Length 0: the vendor reads `{}`.
        content: dict[str, Any] = (op.request_body or {}).get("content") or {}
        first: dict[str, Any] = next(iter(content.values()), {})
        schema = first.get("schema") or {}
        return None if schema.get("type") == "array" else {}

    def authenticate(self, req: Request, op: Operation) -> None:
        # The vendor serves the download from another host that knows no key pairs: the token alone authorises it,
        # and the handler checks it.
        if op.operation_id == DOWNLOAD_EXPORT and _download_token(req) is not None:
            return
        if op.security:
            req.principal = authenticate_voucherify(self.world, req.headers, req.path)

    def negotiate(self, req: Request, op: Operation) -> str | None:
        offered = op.response_media_types(op.success_status)
        return offered[0] if offered else None

    def check_content_type(self, req: Request, op: Operation) -> str | None:
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

    def check_body(self, op: Operation, body: object) -> list[Problem]:
        return out_of_range(body)

    def invalid(self, req: Request, op: Operation, problems: list[Problem]) -> TargError:
        first = problems[0]
        # The vendor's wording: "Property .items[0].quantity cannot be lower than 1" (the field named once).
        problem = first.message.removeprefix(first.path).strip() if first.path else first.message
        if first.location == "body":
            where = f"Property .{first.path}" if first.path else "Request body"
            return VoucherifyError(400, "invalid_payload", "Invalid payload", f"{where} {problem}")
        return VoucherifyError(400, "invalid_query_params", "Invalid query params", f"Parameter {first.path} {problem}")
