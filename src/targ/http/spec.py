"""The spec-driven policies both vendors share: routing by the spec bundle, reading parameters and bodies as the
operation declares them, and rendering replies (checked against the vendor's response schema when asked).

What differs per vendor comes in as smaller policies: its authenticator, its negotiation of media types, how it
binds a JSON body, and its errors (targ.allegro.edge, targ.voucherify.edge).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from targ.handlers import binding_for
from targ.http.errors import TargError
from targ.http.media import essence, is_json
from targ.http.policies import Authenticator, Errors, Negotiation, Route
from targ.http.request import Reply, Request
from targ.http.response import Response, build
from targ.spec.bundle import Bundle, Operation
from targ.spec.router import Router
from targ.spec.synth import synthesize
from targ.spec.validate import Problem, parse_parameters, validate_body, validate_response
from targ.world import World

# Bodies handed to handlers as raw bytes, not parsed as JSON (files, labels, multipart uploads).
_BINARY_PREFIXES = ("image/", "application/pdf", "application/octet-stream", "text/", "x-application/", "multipart/")
EXAMPLE_HEADER = "x-targ-backing"


class SpecErrors(Errors, Protocol):
    def invalid(self, req: Request, op: Operation, problems: list[Problem]) -> TargError: ...

    def not_implemented(self, req: Request, op: Operation) -> TargError:
        """An operation targ answers only from the spec's example, when examples are turned off (--no-examples)."""


class BodyBinding(Protocol):
    def empty(self, op: Operation) -> Any:
        """What an empty request body means (None: no body)."""

    def bind(self, req: Request, op: Operation, media_type: str, body: Any) -> tuple[Any, list[Problem]]:
        """The decoded JSON body as the vendor reads it, and its problems."""


class StrictBinding:
    """The body checked against the operation's schema as written, then the vendor's own limits."""

    def __init__(self, limits: Callable[[Operation, Any], list[Problem]] | None = None) -> None:
        self.limits = limits

    def empty(self, op: Operation) -> Any:
        return None

    def bind(self, req: Request, op: Operation, media_type: str, body: Any) -> tuple[Any, list[Problem]]:
        problems = validate_body(op, media_type, body)
        return body, problems + (self.limits(op, body) if self.limits else [])


Choose = Callable[[Request, list[Operation]], Operation]


class SpecRoutes:
    """Routes by the vendor's spec: the bound handler of the operation, else its example answer (marked with
    `X-Targ-Backing: example`), or the vendor's 501 when examples are turned off."""

    def __init__(self, vendor: str, bundle: Bundle, errors: SpecErrors, *, examples: bool = True,
                 choose: Choose | None = None) -> None:
        self.vendor = vendor
        self.router = Router(bundle.operations)
        self.errors = errors
        self.examples = examples
        self.choose = choose or (lambda req, candidates: candidates[0])

    def match(self, req: Request) -> Route:
        try:
            match = self.router.match(req.method, req.path)
        except UnicodeDecodeError:
            match = None
        if match is None:
            raise self.errors.not_found(req)
        if not match.operations:
            raise self.errors.method_not_allowed(req, match.allowed)
        op = self.choose(req, match.operations)
        req.operation = op
        req.path_params = dict(match.params[id(op)])
        binding = binding_for(self.vendor, op.operation_id)
        if binding is not None:
            return Route(binding.fn, backing=binding.backing)  # type: ignore[arg-type]
        if not self.examples:
            raise self.errors.not_implemented(req, op)
        return Route(_example, backing="example")


def _example(req: Request) -> Reply:
    assert req.operation is not None
    req.world.example_answers[(req.operation.vendor, req.operation.operation_id)] += 1
    status, media_type, body, headers = synthesize(req.operation, media_type=req.media_type)
    return Reply(body, status, {**headers, EXAMPLE_HEADER: "example"}, media_type)


@dataclass(eq=False)
class SpecChecks:
    """Authentication, then 406, 415, and parameters and body (400/422), as the vendors check them."""

    auth: Authenticator
    negotiation: Negotiation
    binding: BodyBinding
    errors: SpecErrors

    def check(self, req: Request) -> str | None:
        op = req.operation
        assert op is not None
        self.auth.authenticate(req, op)
        req.media_type = media_type = self.negotiation.accept(req, op)
        body_type = self.negotiation.content_type(req, op)
        req.params, problems = parse_parameters(op, req.path_params, req.query_pairs, req.headers)
        req.body, body_problems = self._body(req, op, body_type)
        problems += body_problems
        if problems:
            raise self.errors.invalid(req, op, problems)
        return media_type

    def _body(self, req: Request, op: Operation, body_type: str | None) -> tuple[Any, list[Problem]]:
        if op.request_body is None:
            return None, []
        raw = req.raw_body
        if not raw.strip():
            body: Any = self.binding.empty(op)
        elif body_type and not is_json(body_type) and essence(body_type).startswith(_BINARY_PREFIXES):
            return raw, []
        else:
            try:
                body = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                return None, [Problem("body", "", f"Malformed JSON: {exc.msg}", "invalid_json", {})]
        return self.binding.bind(req, op, body_type or (op.request_media_types() or [""])[0], body)


@dataclass(eq=False)
class SpecReplies:
    """A handler's reply in the operation's declared status and media type; with response validation on, a reply
    the vendor's schema does not allow is recorded and turned into the surface's 500."""

    world: World
    errors: SpecErrors

    def render(self, req: Request, reply: Reply | Any, media_type: str | None) -> Response:
        if not isinstance(reply, Reply):
            reply = Reply(reply)
        op = req.operation
        assert op is not None
        status = reply.status or op.success_status
        mt = reply.media_type or (media_type if reply.body is not None else None)
        if reply.body is not None and mt is None:
            declared = op.response_media_types(status)
            mt = declared[0] if declared else "application/json"
        resp = build(status, reply.body, mt, reply.headers)
        if self.world.options.validate_responses:
            mismatches = validate_response(op, status, mt, _decoded(reply.body, mt))
            if mismatches:
                self._violation(req, status, mismatches)
                raise self.errors.internal(req, "targ sent a response that does not match the vendor's schema: "
                                           + "; ".join(mismatches[:5]))
        return resp

    def check_error(self, req: Request, resp: Response) -> None:
        if not self.world.options.validate_responses or req.operation is None or resp.status == 501:
            return   # 501: targ's own refusal to answer from an example (--no-examples), no vendor status
        body = orjson.loads(resp.body) if resp.body else None
        mismatches = validate_response(req.operation, resp.status, "application/json", body)
        if mismatches:
            self._violation(req, resp.status, mismatches)

    def _violation(self, req: Request, status: int, mismatches: list[str]) -> None:
        op = req.operation.operation_id if req.operation else None
        print(f"targ: response schema violation on {req.method} {req.path} ({op}, {status}): {mismatches}",
              file=sys.stderr, flush=True)
        self.world.violations.append({"kind": "response", "method": req.method, "path": req.path,
                                      "operationId": op, "status": status, "errors": mismatches})


def _decoded(body: Any, media_type: str | None) -> Any:
    if isinstance(body, bytes) and is_json(media_type):
        return orjson.loads(body) if body else None
    return body
