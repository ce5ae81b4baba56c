"""How Voucherify says no: its error object, with the request's `request_id`."""

from __future__ import annotations

from targ.http.errors import TargError, VoucherifyError
from targ.http.request import Request
from targ.http.response import Response, build
from targ.spec.bundle import Operation
from targ.spec.validate import Problem


class VoucherifyErrors:
    def not_found(self, req: Request) -> TargError:
        return VoucherifyError(404, "not_found", "Resource not found", f"Cannot find resource at {req.path}")

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        return VoucherifyError(405, "method_not_allowed", "Method not allowed",
                               f"{req.method} is not allowed here; allowed: {', '.join(allowed)}",
                               headers={"allow": ", ".join(allowed)})

    def too_large(self, req: Request) -> TargError:
        return VoucherifyError(413, "payload_too_large", "Payload too large", "The request body exceeds 10 MiB")

    def internal(self, req: Request, message: str) -> TargError:
        return VoucherifyError(500, "internal_error", "Internal server error", message)

    def not_implemented(self, req: Request, op: Operation) -> TargError:
        return VoucherifyError(501, "not_implemented", "Not implemented",
                               f"targ answers {op.operation_id} only from the spec's example, and examples are "
                               "turned off (--no-examples)")

    def invalid(self, req: Request, op: Operation, problems: list[Problem]) -> TargError:
        first = problems[0]
        # The vendor's wording: "Property .items[0].quantity cannot be lower than 1" (the field named once).
        problem = first.message.removeprefix(first.path).strip() if first.path else first.message
        if first.location == "body":
            where = f"Property .{first.path}" if first.path else "Request body"
            return VoucherifyError(400, "invalid_payload", "Invalid payload", f"{where} {problem}")
        return VoucherifyError(400, "invalid_query_params", "Invalid query params", f"Parameter {first.path} {problem}")

    def render(self, req: Request, exc: TargError) -> Response:
        if isinstance(exc, VoucherifyError):
            exc.request_id = req.trace_id
        return build(exc.status, exc.body(), "application/json", exc.headers())
