"""How Allegro reads a JSON body: its lenient binder (targ.allegro.binding: nulls as absent, numbers as strings,
unknown properties ignored) except where the vendor refuses unknown properties; `--strict-requests` checks bodies
against the spec's schema as written instead."""

from __future__ import annotations

from typing import Any

from targ.allegro.binding import bind
from targ.allegro.errors import AllegroError
from targ.http.request import Request
from targ.spec.bundle import Bundle, Operation
from targ.spec.schemas import resolve
from targ.spec.validate import Problem, body_schema, response_entry, validate_body

# Operations that refuse properties their schema does not declare (since 2024-10-22: allegro-api #10149, #10293,
# #11589); elsewhere the binder ignores them, as the vendor does.
REFUSES_UNKNOWN = frozenset({"createProductOffers", "editProductOffers"})
# Operations where a null removes the field's value (#3764 NEWS) instead of meaning "not given".
NULL_REMOVES = frozenset({"editProductOffers"})
# Operation → the operation that reads the same resource: its response's properties may be sent back (read-only).
READ_SHAPES = {"createProductOffers": "getProductOffer", "editProductOffers": "getProductOffer"}
# "in the 'metadata' data you will see the list of fields concerned (at most 10)" (#9925 NEWS).
MAX_UNKNOWN_LISTED = 10


class AllegroBinding:
    def __init__(self, bundle: Bundle, *, strict: bool) -> None:
        self.bundle = bundle
        self.strict = strict

    def empty(self, op: Operation) -> Any:
        # A JSON body the spec marks optional but whose schema requires properties (`POST /sale/badges`) is read as
        # an empty object, so its missing fields are named as for any other body, instead of reaching the handler.
        if (op.request_body or {}).get("required"):
            return None   # a required body that is missing: "request body is required"
        media = op.request_media_types()
        schema = ((op.request_body or {}).get("content") or {}).get(media[0], {}).get("schema") if media else None
        target = resolve("allegro", schema) if schema else None
        return {} if isinstance(target, dict) and target.get("required") else None

    def bind(self, req: Request, op: Operation, media_type: str, body: Any) -> tuple[Any, list[Problem]]:
        schema = body_schema(op, media_type) if body is not None else None
        if schema is None or self.strict:
            return body, validate_body(op, media_type, body)
        keep_nulls = op.operation_id in NULL_REMOVES
        bound = bind(schema, body, keep_nulls=keep_nulls, read=self._read_shape(op))
        if bound.unreadable is not None:
            raise AllegroError(422, "JsonMappingException", "Message is not readable.", path=bound.unreadable or None,
                               user_key="not_readable")
        if bound.unknown and op.operation_id in REFUSES_UNKNOWN:
            listed = ", ".join(_as_listed(path) for path in bound.unknown[:MAX_UNKNOWN_LISTED])
            raise AllegroError(422, "UnknownJSONProperty", "Unknown properties found in the request.",
                               user_key="unknown_properties",
                               metadata={"unknownProperties": listed})
        req.lenient = bound.lenient
        checked = _without_nulls(bound.body) if keep_nulls else bound.body
        return bound.body, validate_body(op, media_type, checked)

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
