"""How Allegro says no: `ErrorsHolder` (`{"errors": [...]}`) with a userMessage in the request's language; the
OAuth shape for 401s (raised by targ.allegro.auth). Errors carry message keys (targ.allegro.errors); the language is
picked here, once, when the error is rendered."""

from __future__ import annotations

from typing import Any

from targ.allegro import messages
from targ.allegro.errors import AllegroError, AllegroProblem
from targ.http.errors import TargError
from targ.http.request import Request
from targ.http.response import Response, build
from targ.spec.bundle import Operation
from targ.spec.schemas import find_property, resolve
from targ.spec.validate import Problem, response_entry

ERROR_MEDIA_TYPE = "application/json"
# (operationId, status) → whether the operation's error schema for that status has a `details` that may not be null.
_STRING_DETAILS: dict[tuple[str, int], bool] = {}


def _string_details(op: Operation, status: int) -> bool:
    """The operation declares its errors with a non-null `details` (Ship with Allegro's Error400/Error403/...:
    "This field can not be null"), where most of the vendor's errors carry `details: null`."""
    key = (op.operation_id, status)
    if key not in _STRING_DETAILS:
        content: dict[str, Any] = (response_entry(op, status) or {}).get("content") or {}
        first: dict[str, Any] = next(iter(content.values()), {})
        schema = resolve("allegro", first.get("schema"))
        errors = find_property("allegro", schema, "errors") if isinstance(schema, dict) else None
        item = resolve("allegro", (errors or {}).get("items"))
        details = find_property("allegro", item, "details") if isinstance(item, dict) else None
        _STRING_DETAILS[key] = isinstance(details, dict) and details.get("type") == "string"
    return _STRING_DETAILS[key]


def _error(status: int, code: str, message: str, user_key: str) -> AllegroError:
    return AllegroError(status, code, message, user_key=user_key)


class AllegroErrors:
    def not_found(self, req: Request) -> TargError:
        return _error(404, "NotFoundException", "Not found", "not_found")

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        err = _error(405, "MethodNotAllowedException", f"Request method '{req.method}' is not supported",
                     "method_not_allowed")
        err._headers = {"allow": ", ".join(allowed)}
        return err

    def too_large(self, req: Request) -> TargError:
        return _error(413, "PayloadTooLargeException", "Request body exceeds the limit of 10 MiB", "too_large")

    def internal(self, req: Request, message: str) -> TargError:
        return AllegroError(500, "INTERNAL_SERVER_ERROR", "Internal server error.", details=message,
                            user_key="internal")

    def not_implemented(self, req: Request, op: Operation) -> TargError:
        return AllegroError(501, "NotImplemented", f"targ answers {op.operation_id} only from the spec's example, "
                            "and examples are turned off (--no-examples)",
                            user_key="internal")

    def not_acceptable(self, req: Request) -> AllegroError:
        return AllegroError(406, "NotAcceptableException",
                            "Not acceptable representation requested. Please check 'Accept' request header",
                            user_key="invalid_data")

    def unsupported_media_type(self, req: Request) -> AllegroError:
        return AllegroError(415, "NotSupportedException",
                            "Unsupported content type. Please check 'Content-Type' request header",
                            user_key="invalid_data")

    def invalid(self, req: Request, op: Operation, problems: list[Problem]) -> TargError:
        # A missing or malformed header (e.g. the required `If-Match` of an ASN update) makes the request itself
        # bad: 400 where the operation declares it; field problems are 422 where declared, as the vendor answers.
        header_problem = any(p.location == "header" for p in problems)
        status = 400 if header_problem and op.declares(400) else 422 if op.declares(422) else 400
        entries = [
            # `details` is always a string here: some operations (Error400) declare it non-null.
            AllegroProblem("VALIDATION_ERROR", p.message, path=p.path or None,
                           details="request body" if p.location == "body" else f"{p.location} parameter",
                           user_key=messages.problem_key(p.kind), user_params={"field": p.path or "body"})
            for p in problems
        ]
        return AllegroError(status, problems=entries)

    def render(self, req: Request, exc: TargError) -> Response:
        body = exc.body(req.language) if isinstance(exc, AllegroError) else exc.body()
        if req.operation is not None and isinstance(exc, AllegroError) and _string_details(req.operation, exc.status):
            body["errors"] = [{**e, "details": "" if e["details"] is None else e["details"]} for e in body["errors"]]
        return build(exc.status, body, ERROR_MEDIA_TYPE, exc.headers())
