"""The pipeline shared by both vendors' spec-driven edges. A vendor subclass supplies its policies: how it
authenticates, negotiates media types and renders each kind of error.

Order of checks (as the vendors answer): 413 body size, 404/405 routing, 401/403 authentication, 406 Accept,
415 Content-Type, 400/422 parameters and body, then the handler (or the spec-example fallback).
"""

from __future__ import annotations

import sys
from typing import Any

import orjson

from targ.handlers import binding_for
from targ.http.errors import TargError
from targ.http.media import essence, is_json
from targ.http.request import Reply, Request
from targ.http.response import Response, build
from targ.spec.bundle import Bundle, Operation, load_bundle
from targ.spec.router import Router
from targ.spec.synth import synthesize
from targ.spec.validate import Problem, parse_parameters, validate_body, validate_response
from targ.world import World

# Bodies handed to handlers as raw bytes, not parsed as JSON (files, labels, multipart uploads).
_BINARY_PREFIXES = ("image/", "application/pdf", "application/octet-stream", "text/", "x-application/", "multipart/")


class SpecEdge:
    vendor = ""

    def __init__(self, world: World) -> None:
        self.world = world
        self.bundle: Bundle = load_bundle(self.vendor)
        self.router = Router(self.bundle.operations)
        self.violations = world.violations

    # --- vendor policies (overridden) -------------------------------------------------------------------------
    def not_found(self, req: Request) -> TargError:
        raise NotImplementedError

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        raise NotImplementedError

    def too_large(self, req: Request) -> TargError:
        raise NotImplementedError

    def authenticate(self, req: Request, op: Operation) -> None:
        raise NotImplementedError

    def negotiate(self, req: Request, op: Operation) -> str | None:
        """The success media type to answer with; raises when the client accepts none."""
        raise NotImplementedError

    def check_content_type(self, req: Request, op: Operation) -> str | None:
        raise NotImplementedError

    def invalid(self, req: Request, op: Operation, problems: list[Problem]) -> TargError:
        raise NotImplementedError

    def internal_error(self, req: Request, message: str) -> TargError:
        raise NotImplementedError

    def prepare(self, req: Request) -> None:
        """Per-request setup before anything else (language, trace id)."""

    def finish(self, req: Request, resp: Response) -> Response:
        """Per-vendor headers on every response."""
        return resp

    def render_error(self, req: Request, exc: TargError) -> Response:
        return build(exc.status, exc.body(), "application/json", exc.headers())

    def choose(self, req: Request, candidates: list[Operation]) -> Operation:
        return candidates[0]

    def empty_body(self, op: Operation) -> Any:
        """What an empty request body means (None: no body)."""
        return None

    def check_body(self, op: Operation, body: Any) -> list[Problem]:
        """The vendor's own limits on a JSON body, beyond its schema (checked after it)."""
        return []

    # --- the pipeline -----------------------------------------------------------------------------------------
    def handle(self, inc: Any) -> Response:
        req = Request(self.world, inc.method, inc.raw_path, inc.headers, inc.base_url,
                      query_pairs=inc.query_pairs(), raw_body=inc.body)
        self.prepare(req)
        try:
            if inc.too_large:
                raise self.too_large(req)
            self.world.tick()
            resp = self._dispatch(req)
        except TargError as exc:
            resp = self.render_error(req, exc)
            self._check_error_shape(req, resp)
        except Exception as exc:
            self._crash(req, exc)
            resp = self.render_error(req, self.internal_error(req, f"{type(exc).__name__}: {exc}"))
        return self.finish(req, resp)

    def _dispatch(self, req: Request) -> Response:
        try:
            match = self.router.match(req.method, req.path)
        except UnicodeDecodeError:
            match = None
        if match is None:
            raise self.not_found(req)
        if not match.operations:
            raise self.method_not_allowed(req, match.allowed)
        op = self.choose(req, match.operations)
        req.operation = op
        req.path_params = dict(match.params[id(op)])
        self.authenticate(req, op)
        media_type = self.negotiate(req, op)
        body_type = self.check_content_type(req, op)
        problems: list[Problem] = []
        req.params, param_problems = parse_parameters(op, req.path_params, req.query_pairs, req.headers)
        problems += param_problems
        req.body, body_problems = self._parse_body(req, op, body_type)
        problems += body_problems
        if problems:
            raise self.invalid(req, op, problems)
        binding = binding_for(self.vendor, op.operation_id)
        if binding is None:
            status, synth_type, body, headers = synthesize(op, media_type=media_type)
            reply = Reply(body, status, headers, synth_type)
        else:
            with self.world.store.transaction():
                result = binding.fn(req)
            reply = result if isinstance(result, Reply) else Reply(result)
        return self._serialize(req, op, reply, media_type)

    def _parse_body(self, req: Request, op: Operation, body_type: str | None) -> tuple[Any, list[Problem]]:
        if op.request_body is None:
            return None, []
        raw = req.raw_body
        if not raw.strip():
            body: Any = self.empty_body(op)
        elif body_type and not is_json(body_type) and essence(body_type).startswith(_BINARY_PREFIXES):
            return raw, []
        else:
            try:
                body = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                return None, [Problem("body", "", f"Malformed JSON: {exc.msg}", "invalid_json", {})]
        return self.bind_body(req, op, body_type or (op.request_media_types() or [""])[0], body)

    def bind_body(self, req: Request, op: Operation, media_type: str, body: Any) -> tuple[Any, list[Problem]]:
        """The body as the vendor reads it, and its problems: here the spec's schema, checked strictly."""
        return body, validate_body(op, media_type, body) + self.check_body(op, body)

    def _serialize(self, req: Request, op: Operation, reply: Reply, media_type: str | None) -> Response:
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
                raise self.internal_error(req, "targ sent a response that does not match the vendor's schema: "
                                          + "; ".join(mismatches[:5]))
        return resp

    def _check_error_shape(self, req: Request, resp: Response) -> None:
        if not self.world.options.validate_responses or req.operation is None:
            return
        body = orjson.loads(resp.body) if resp.body else None
        mismatches = validate_response(req.operation, resp.status, "application/json", body)
        if mismatches:
            self._violation(req, resp.status, mismatches)

    def _violation(self, req: Request, status: int, mismatches: list[str]) -> None:
        op = req.operation.operation_id if req.operation else None
        print(f"targ: response schema violation on {req.method} {req.path} ({op}, {status}): {mismatches}",
              file=sys.stderr, flush=True)
        self.violations.append({"kind": "response", "method": req.method, "path": req.path, "operationId": op,
                                "status": status, "errors": mismatches})

    def _crash(self, req: Request, exc: BaseException) -> None:
        import traceback
        text = "".join(traceback.format_exception(exc))
        print(f"targ: handler crashed on {req.method} {req.path}\n{text}", file=sys.stderr, flush=True)
        self.violations.append({"kind": "crash", "method": req.method, "path": req.path, "error": text})


def _decoded(body: Any, media_type: str | None) -> Any:
    if isinstance(body, bytes) and is_json(media_type):
        return orjson.loads(body) if body else None
    return body
