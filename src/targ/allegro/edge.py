"""Allegro's policies at the edge: bearer tokens, strict media types, `ErrorsHolder` with localised userMessage,
the OAuth shape for every 401, and a `trace-id` header on every response."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from targ.allegro import messages
from targ.allegro.binding import bind
from targ.http.auth import authenticate_allegro
from targ.http.errors import AllegroError, AllegroProblem, TargError
from targ.http.media import ALLEGRO_PUBLIC, essence, pick
from targ.http.request import Request
from targ.http.response import Response, build
from targ.http.spec_edge import SpecEdge
from targ.spec.bundle import Operation
from targ.spec.schemas import resolve
from targ.spec.validate import Problem, body_schema, response_entry, validate_body
from targ.world import World

ERROR_MEDIA_TYPE = "application/json"


# Per-process memos of answers that depend only on the operation and a header's text.
_CACHE_MAX = 4096
_UNSEEN, _REFUSED = object(), object()


def _remembered(cache: dict[Any, Any], key: Any, compute: Callable[[], Any]) -> Any:
    found = cache.get(key, _UNSEEN)
    if found is _UNSEEN:
        found = compute()
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        cache[key] = found
    return found


class AllegroEdge(SpecEdge):
    vendor = "allegro"

    def __init__(self, world: World) -> None:
        super().__init__(world)
        self._negotiated: dict[tuple[int, str | None], str | object | None] = {}
        self._content_types: dict[tuple[int, str | None, bool], str | object | None] = {}

    def prepare(self, req: Request) -> None:
        req.language = messages.language_of(req.headers.get("accept-language"))
        req.trace_id = self.world.next_trace_id()

    def finish(self, req: Request, resp: Response) -> Response:
        resp.headers.append((b"trace-id", req.trace_id.encode()))
        if req.lenient:
            # Where the body leaned on the binder's leniency (nulls, scalars read as another type): the real service
            # says nothing, targ tells the integrator what --strict-requests would refuse.
            told = "; ".join(req.lenient[:20]) + ("; …" if len(req.lenient) > 20 else "")
            resp.headers.append((b"x-targ-lenient", told.encode("utf-8", "replace")))
        return resp

    def _read_shape(self, op: Operation) -> Any:
        """The schema of what a GET of the resource returns, for operations that refuse unknown properties: a body
        read back from targ carries read-only properties that are not unknown."""
        reader = READ_SHAPES.get(op.operation_id)
        if reader is None:
            return None
        entry = response_entry(self.bundle.by_id[reader], 200) or {}
        content: dict[str, Any] = entry.get("content") or {}
        first: dict[str, Any] = next(iter(content.values()), {})
        return first.get("schema")

    def bind_body(self, req: Request, op: Operation, media_type: str, body: Any) -> tuple[Any, list[Problem]]:
        schema = body_schema(op, media_type) if body is not None else None
        if schema is None or self.world.options.strict_requests:
            return super().bind_body(req, op, media_type, body)
        keep_nulls = op.operation_id in NULL_REMOVES
        bound = bind(schema, body, keep_nulls=keep_nulls, read=self._read_shape(op))
        if bound.unreadable is not None:
            raise AllegroError(422, "JsonMappingException", "Message is not readable.", path=bound.unreadable or None,
                               user_message=messages.text("not_readable", req.language))
        if bound.unknown and op.operation_id in REFUSES_UNKNOWN:
            listed = ", ".join(_as_listed(path) for path in bound.unknown[:MAX_UNKNOWN_LISTED])
            raise AllegroError(422, "UnknownJSONProperty", "Unknown properties found in the request.",
                               user_message=messages.text("unknown_properties", req.language),
                               metadata={"unknownProperties": listed})
        req.lenient = bound.lenient
        checked = _without_nulls(bound.body) if keep_nulls else bound.body
        return bound.body, validate_body(op, media_type, checked) + self.check_body(op, checked)

    def render_error(self, req: Request, exc: TargError) -> Response:
        return build(exc.status, exc.body(), ERROR_MEDIA_TYPE, exc.headers())

    def _error(self, req: Request, status: int, code: str, message: str, user_key: str,
               path: str | None = None) -> AllegroError:
        return AllegroError(status, code, message, path=path,
                            user_message=messages.text(user_key, req.language))

    def not_found(self, req: Request) -> TargError:
        return self._error(req, 404, "NotFoundException", "Not found", "not_found")

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        err = self._error(req, 405, "MethodNotAllowedException",
                          f"Request method '{req.method}' is not supported", "method_not_allowed")
        err._headers = {"allow": ", ".join(allowed)}
        return err

    def too_large(self, req: Request) -> TargError:
        return self._error(req, 413, "PayloadTooLargeException", "Request body exceeds the limit of 10 MiB",
                           "too_large")

    def internal_error(self, req: Request, message: str) -> TargError:
        return AllegroError(500, "INTERNAL_SERVER_ERROR", "Internal server error.", details=message,
                            user_message=messages.text("internal", req.language))

    def authenticate(self, req: Request, op: Operation) -> None:
        req.principal = authenticate_allegro(self.world, req.headers, op)

    def negotiate(self, req: Request, op: Operation) -> str | None:
        # The answer depends only on the operation and the Accept header, and clients send the same few: remembered.
        found = _remembered(self._negotiated, (id(op), req.headers.get("accept")), lambda: self._negotiate(req, op))
        if found is _REFUSED:
            raise self.not_acceptable(req)
        return found

    def _negotiate(self, req: Request, op: Operation) -> str | object | None:
        offered = op.response_media_types(op.success_status)
        if not offered:
            # A success without a body still needs the resource's vendor type in Accept (the request body's type,
            # else the public one), as the vendor answers 406 to `application/json` everywhere.
            if not any(op.response_media_types(status) for status in op.responses):
                return None
            family = {mt for mt in op.request_media_types() if mt.startswith("application/vnd.allegro.")}
            offered = sorted(family or {ALLEGRO_PUBLIC})
            if pick(req.headers.get("accept"), offered, wildcards=False) is None:
                return _REFUSED
            return None
        # The vendor honours no wildcards: `Accept` must name one of the operation's types (406 otherwise).
        chosen = pick(req.headers.get("accept"), offered, wildcards="*/*" in offered)
        return _REFUSED if chosen is None else chosen

    def not_acceptable(self, req: Request) -> AllegroError:
        return AllegroError(406, "NotAcceptableException",
                            "Not acceptable representation requested. Please check 'Accept' request header",
                            user_message=messages.text("invalid_data", req.language))

    def check_content_type(self, req: Request, op: Operation) -> str | None:
        if op.request_body is None:
            return None
        header, empty = req.headers.get("content-type"), not req.raw_body
        found = _remembered(self._content_types, (id(op), header, empty),
                            lambda: self._content_type(op, header, empty))
        if found is _REFUSED:
            raise AllegroError(415, "NotSupportedException",
                               "Unsupported content type. Please check 'Content-Type' request header",
                               user_message=messages.text("invalid_data", req.language))
        return found

    @staticmethod
    def _content_type(op: Operation, header: str | None, empty: bool) -> str | object | None:
        sent = essence(header)
        if empty and not (op.request_body or {}).get("required"):
            return sent or None
        for mt in op.request_media_types():
            if mt.lower() == sent or mt == "*/*":
                return mt
        return _REFUSED

    def empty_body(self, op: Operation) -> Any:
        # A JSON body the spec marks optional but whose schema requires properties (`POST /sale/badges`) is read as
        # an empty object, so its missing fields are named as for any other body, instead of reaching the handler.
        if (op.request_body or {}).get("required"):
            return None   # a required body that is missing: "request body is required"
        media = op.request_media_types()
        schema = ((op.request_body or {}).get("content") or {}).get(media[0], {}).get("schema") if media else None
        target = resolve("allegro", schema) if schema else None
        return {} if isinstance(target, dict) and target.get("required") else None

    def invalid(self, req: Request, op: Operation, problems: list[Problem]) -> TargError:
        # A missing or malformed header (e.g. the required `If-Match` of an ASN update) makes the request itself
        # bad: 400 where the operation declares it; field problems are 422 where declared, as the vendor answers.
        header_problem = any(p.location == "header" for p in problems)
        status = 400 if header_problem and op.declares(400) else 422 if op.declares(422) else 400
        entries = [
            # `details` is always a string here: some operations (Error400) declare it non-null.
            AllegroProblem("VALIDATION_ERROR", p.message, path=p.path or None,
                           details="request body" if p.location == "body" else f"{p.location} parameter",
                           user_message=messages.problem_message(p.kind, p.path, req.language))
            for p in problems
        ]
        return AllegroError(status, problems=entries)




# Operations that refuse properties their schema does not declare (since 2024-10-22: allegro-api #10149, #10293,
# #11589); elsewhere the binder ignores them, as the vendor does.
REFUSES_UNKNOWN = frozenset({"createProductOffers", "editProductOffers"})
# Operations where a null removes the field's value (#3764 NEWS) instead of meaning "not given".
NULL_REMOVES = frozenset({"editProductOffers"})
# Operation → the operation that reads the same resource: its response's properties may be sent back (read-only).
READ_SHAPES = {"createProductOffers": "getProductOffer", "editProductOffers": "getProductOffer"}

# "in the 'metadata' data you will see the list of fields concerned (at most 10)" (#9925 NEWS).
MAX_UNKNOWN_LISTED = 10


def _as_listed(path: str) -> str:
    """An unknown property as the vendor lists it: with its parent's name when the parent is an object property
    (`sellingMode.netPrice`), with "..." when the parent is the body itself or an array element (`...parametres`,
    `...unit` of `parameters[0].unit`): staff's reading of trace ca35e5c296fee16, "sellingMode.netPrice,
    ...parametres" (#10240), and the lists quoted in #10583 (`...promotion`), #11503 (`...unit`), #11878."""
    parent, _, name = path.rpartition(".")
    if not parent or parent.endswith("]"):
        return f"...{name}"
    return f"{parent.rpartition('.')[2]}.{name}"



def _without_nulls(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_nulls(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [_without_nulls(v) for v in node]
    return node
