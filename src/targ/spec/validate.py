"""Request and response validation for one operation, against the bundle's schemas.

Request problems come back as `Problem` records (the edge turns them into the vendor's error body, localised by
`kind`); response mismatches come back as plain strings (they are targ's own bugs, shown in logs and tests).
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from targ.spec import schemas
from targ.spec.bundle import Operation
from targ.spec.multivalued import MULTI_VALUED, values_of
from targ.spec.schemas import find_property, resolve, type_of

if TYPE_CHECKING:
    import jsonschema_rs

# The edge answers for these itself (406/415/401), so they are neither validated nor required here.
# Accept-Language is read by the edge, which falls back to the default language like the vendor does.
SKIPPED_HEADERS = frozenset({"accept", "content-type", "authorization", "accept-language"})

# Voucherify's error object (voucherify-wire.md §2.7). Its spec has no error responses at all, so it is defined here:
# `code` is the HTTP status (checked separately), `message` is always present, the rest is optional.
VOUCHERIFY_ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "integer"},
        "key": {"type": "string"},
        "message": {"type": "string"},
        "details": {"type": "string"},
        "request_id": {"type": "string"},
        "resource_id": {"type": "string"},
        "resource_type": {"type": "string"},
        "error": {"type": "object", "properties": {"message": {"type": "string"}}},
    },
}
# Allegro's envelopes: the spec's ErrorsHolder declares nothing required; targ's own errors always carry the list.
ALLEGRO_ERRORS: dict[str, Any] = {"allOf": [{"$ref": "#/components/schemas/ErrorsHolder"}], "required": ["errors"]}
ALLEGRO_AUTH_ERROR: dict[str, Any] = {"$ref": "#/components/schemas/AuthError"}

# Every Problem.kind (the keys the edges localise).
KINDS = frozenset({"required", "type", "enum", "format", "minimum", "maximum", "minLength", "maxLength", "pattern",
                   "minItems", "maxItems", "additionalProperties", "invalid_json", "other"})


@dataclass(frozen=True)
class Problem:
    location: str  # "path" | "query" | "header" | "body"
    path: str  # body: dotted path "lineItems[0].quantity" ("" for the root); params: the parameter name
    message: str  # English, technical, names the field and what is wrong
    kind: str  # machine key for localisation, one of KINDS
    params: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------- schema errors


def render_path(parts: Iterable[str | int], prefix: str = "") -> str:
    out = prefix
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(values: Iterable[Any]) -> str:
    return "[" + ", ".join("null" if v is None else str(v) for v in values) + "]"


def _kind(err: jsonschema_rs.ValidationError) -> Any:
    """The error's kind with its own fields (the library's stub types it as the base class)."""
    return err.kind


def _pick_branch(err: jsonschema_rs.ValidationError) -> list[jsonschema_rs.ValidationError] | None:
    """For a failed anyOf/oneOf (typically `nullable` wrapping a $ref), the branch whose errors explain the failure:
    the one that got past the type check. None when no single branch stands out."""
    depth = len(err.instance_path)
    kind: Any = err.kind
    near = [br for br in kind.context if br and not (len(br) == 1 and br[0].kind.name == "type"
                                                          and len(br[0].instance_path) == depth)]
    return near[0] if len(near) == 1 else None


def problems_from_errors(location: str, errors: Iterable[jsonschema_rs.ValidationError],
                         name: str = "") -> list[Problem]:
    """Turn validator errors into Problems, each once (an allOf reports the same failure per part). `name` (a
    parameter name) prefixes the rendered paths and is the Problem.path of every problem; for bodies the
    Problem.path is the dotted instance path."""
    unique: dict[tuple[str, str, str], Problem] = {}
    for problem in _problems(location, errors, name):
        unique.setdefault((problem.location, problem.path, problem.message), problem)
    return list(unique.values())


def _problems(location: str, errors: Iterable[jsonschema_rs.ValidationError], name: str) -> list[Problem]:
    out: list[Problem] = []
    for err in errors:
        kind = err.kind.name
        if kind in ("anyOf", "oneOf") and (branch := _pick_branch(err)) is not None:
            out.extend(_problems(location, branch, name))
            continue
        at = render_path(err.instance_path, name)
        label = at or "body"
        if kind == "required":
            prop = _kind(err).property
            at = render_path([*err.instance_path, prop], name)
            out.append(Problem(location, name or at, f"{at} is required", "required", {"property": prop}))
        elif kind == "additionalProperties":
            for prop in _kind(err).unexpected:
                at = render_path([*err.instance_path, prop], name)
                out.append(Problem(location, name or at, f"{at} is not an allowed property", kind, {"property": prop}))
        else:
            message, key, params = _describe(err, kind, label)
            out.append(Problem(location, name or at, message, key, params))
    return out


def _describe(err: jsonschema_rs.ValidationError, kind: str, label: str) -> tuple[str, str, dict[str, Any]]:
    k: Any = err.kind
    if kind == "type":
        types = [t for t in k.types]
        return f"{label} must be of type {' or '.join(types)}", "type", {"expected": types}
    if kind in ("enum", "const"):
        allowed = list(k.options) if kind == "enum" else [k.expected_value]
        return f"{label} must be one of {_show(allowed)}", "enum", {"allowed": allowed}
    if kind == "format":
        return f"{label} must be a valid {k.format}", "format", {"format": k.format}
    if kind in ("minimum", "exclusiveMinimum"):
        excl = kind == "exclusiveMinimum"
        rel = "greater than" if excl else "greater than or equal to"
        return f"{label} must be {rel} {k.limit}", "minimum", {"limit": k.limit, "exclusive": excl}
    if kind in ("maximum", "exclusiveMaximum"):
        excl = kind == "exclusiveMaximum"
        rel = "less than" if excl else "less than or equal to"
        return f"{label} must be {rel} {k.limit}", "maximum", {"limit": k.limit, "exclusive": excl}
    if kind in ("minLength", "maxLength"):
        word = "at least" if kind == "minLength" else "at most"
        return f"{label} must be {word} {k.limit} characters long", kind, {"limit": k.limit}
    if kind in ("minItems", "maxItems"):
        word = "at least" if kind == "minItems" else "at most"
        return f"{label} must contain {word} {k.limit} items", kind, {"limit": k.limit}
    if kind == "pattern":
        return f"{label} must match the pattern {k.pattern}", "pattern", {"pattern": k.pattern}
    if kind in ("anyOf", "oneOf"):
        return f"{label} does not match the allowed schemas ({kind})", "other", {"keyword": kind}
    return f"{label}: {err.message}", "other", {"keyword": kind}


# ---------------------------------------------------------------------------------------------- parameters

_INT = re.compile(r"[+-]?\d+")
_NUM = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _scalar(kind: str | None, raw: str) -> Any:
    """Coerce one string; raises ValueError when it is not of the type."""
    if kind == "integer":
        if not _INT.fullmatch(raw):
            raise ValueError
        return int(raw)
    if kind == "number":
        if not _NUM.fullmatch(raw):
            raise ValueError
        return int(raw) if _INT.fullmatch(raw) else float(raw)
    if kind == "boolean":
        if raw.lower() not in ("true", "false"):
            raise ValueError
        return raw.lower() == "true"
    return raw


def _coerce_tree(vendor: str, node: Any, tree: Any) -> Any:
    """Coerce strings (or nested dicts/lists of strings from deepObject/exploded forms) to the schema's types."""
    kind = type_of(vendor, node)
    target = resolve(vendor, node)
    if kind == "array":
        items = target.get("items", {}) if isinstance(target, dict) else {}
        if isinstance(tree, dict):  # name[0]=a&name[1]=b or name[]=a
            tree = [v for _, v in sorted(tree.items(), key=lambda kv: (len(kv[0]), kv[0]))]
        seq = tree if isinstance(tree, list) else [tree]
        return [_coerce_tree(vendor, items, item) for item in seq]
    if isinstance(tree, dict):
        out: dict[str, Any] = {}
        for key, sub in tree.items():
            prop = find_property(vendor, target, key) if isinstance(target, dict) else None
            if prop is None and isinstance(target, dict) and isinstance(target.get("additionalProperties"), dict):
                prop = target["additionalProperties"]
            out[key] = _coerce_tree(vendor, prop or {}, sub)
        return out
    if isinstance(tree, list):  # a scalar repeated inside a deepObject or form object: the first one
        tree = tree[0]
    return _scalar(kind, tree)


def _split(raw: str, style: str | None, explode: bool) -> list[str]:
    sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style or "", ",")
    return raw.split(sep) if (not explode or style in ("simple", "spaceDelimited", "pipeDelimited")) else [raw]


def _deep(query: list[tuple[str, str]], name: str) -> dict[str, Any] | None:
    """deepObject: name[a][b]=v → {"a": {"b": [v]}} (leaves are lists, so repeated keys survive)."""
    tree: dict[str, Any] = {}
    prefix = name + "["
    for key, value in query:
        if not key.startswith(prefix) or not key.endswith("]"):
            continue
        *parents, leaf = key[len(prefix):-1].split("][")
        node: Any = tree
        for part in parents:
            node = node.setdefault(part, {}) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.setdefault(leaf, []), list):
            node[leaf].append(value)  # a key that clashes with a deeper one (a=1&a[b]=2) is dropped
    return tree or None


def _extract(op: Operation, p: dict[str, Any], kind: str | None, query: list[tuple[str, str]],
             qmap: dict[str, list[str]], declared: frozenset[str], path_params: Mapping[str, str],
             headers: Mapping[str, str]) -> Any:
    """The raw value of one parameter: None when absent, else a string, a list of strings or a dict tree."""
    name, loc = p["name"], p["in"]
    style = p.get("style") or ("form" if loc == "query" else "simple")
    explode = p.get("explode", style == "form")
    if loc in ("path", "header"):
        raw = path_params.get(name) if loc == "path" else headers.get(name.lower())
        if raw is None:
            return None
        return raw.split(",") if kind == "array" else raw
    if style == "deepObject":
        return _deep(query, name)
    if kind == "object" and explode:  # form/explode object: its properties are query parameters of their own
        target = resolve(op.vendor, p.get("schema"))
        props = set((target.get("properties") or {}) if isinstance(target, dict) else ())
        picked = {k: v for k, v in qmap.items() if (k in props or (not props and k not in declared))}
        return picked or None
    values = qmap.get(name, []) + qmap.get(name + "[]", [])  # qs-style name[]=a (Voucherify)
    if not values:
        return None
    if kind == "array":
        out = [part for v in values for part in _split(v, style, explode)]
        # Spring (Allegro) splits a lone value on commas even for exploded lists: status=A,B == status=A&status=B.
        if op.vendor == "allegro" and explode and len(values) == 1:
            out = values[0].split(",")
        return out
    if kind == "object":  # form, not exploded: name=k1,v1,k2,v2
        parts = values[0].split(",")
        return dict(zip(parts[::2], parts[1::2], strict=False))
    return values if len(values) > 1 else values[0]


# id(parameter) → (JSON type, how to check a string value). Parameters live in the bundle for the process's lifetime.
# The check is "plain" (an unconstrained string: nothing to do), "uuid" (only a uuid format: a regex), or "schema".
_SHAPES: dict[int, tuple[str | None, str]] = {}
_PLAIN_KEYS = frozenset({"type", "example", "examples", "default", "description", "title"})
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _param_shape(vendor: str, p: dict[str, Any]) -> tuple[str | None, str]:
    shape = _SHAPES.get(id(p))
    if shape is None:
        node = p.get("schema") or {}
        kind = type_of(vendor, node)
        target = resolve(vendor, node)
        keys = set(target) if isinstance(target, dict) else {"?"}
        check = "schema"
        if kind == "string" and keys <= _PLAIN_KEYS:
            check = "plain"
        elif kind == "string" and keys <= _PLAIN_KEYS | {"format"} and target.get("format") == "uuid":
            check = "uuid"
        shape = _SHAPES[id(p)] = (kind, check)
    return shape


# id(operation) → (names of its query parameters, its path/query/header parameters with their shapes): worked out
# once per operation, since parameters are parsed on every request.
_PLANS: dict[int, tuple[frozenset[str], tuple[tuple[dict[str, Any], str, str, str | None, str], ...]]] = {}


def _plan(op: Operation) -> tuple[frozenset[str], tuple[tuple[dict[str, Any], str, str, str | None, str], ...]]:
    plan = _PLANS.get(id(op))
    if plan is None:
        declared = frozenset(p["name"] for p in op.parameters if p.get("in") == "query")
        entries: list[tuple[dict[str, Any], str, str, str | None, str]] = []
        for p in op.parameters:
            name, loc = p["name"], p.get("in")
            if loc not in ("path", "query", "header"):
                continue  # cookies: neither vendor uses them
            if loc == "header" and name.lower() in SKIPPED_HEADERS:
                entries.append((p, name, loc, None, "skipped"))
                continue
            kind, check = _param_shape(op.vendor, p)
            entries.append((p, name, loc, kind, check))
        plan = _PLANS[id(op)] = (declared, tuple(entries))
    return plan


def parse_parameters(op: Operation, path_params: dict[str, str], query: list[tuple[str, str]],
                     headers: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """Typed parameter values keyed by their spec names (defaults applied), and every problem found."""
    vendor = op.vendor
    qmap: dict[str, list[str]] = {}
    for key, value in query:
        qmap.setdefault(key, []).append(value)
    # targ's Headers are already lower-cased; other mappings (tests, callers) are normalised here.
    hmap = headers.lower_map() if hasattr(headers, "lower_map") else {k.lower(): v for k, v in headers.items()}
    declared, plan = _plan(op)
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for p, name, loc, kind, check in plan:
        if check == "skipped":
            if name.lower() in hmap:
                values[name] = hmap[name.lower()]
            continue
        if loc == "path" and kind == "string":
            raw = path_params.get(name)
        else:
            raw = _extract(op, p, kind, query, qmap, declared, path_params, hmap)
        if isinstance(raw, list) and kind not in ("array", "object"):
            # A single-valued parameter given more than once: several values where the vendor takes them
            # (spec.multivalued), else refused. The same value repeated is harmless.
            if (op.operation_id, name) in MULTI_VALUED:
                values[name] = values_of(raw)
                continue
            if len(set(raw)) > 1:
                problems.append(Problem(loc, name, f"{name} takes one value, got {len(raw)}: {', '.join(raw)}",
                                        "other", {"values": raw}))
                continue
            raw = raw[0]
        elif isinstance(raw, str) and (op.operation_id, name) in MULTI_VALUED:
            values[name] = values_of(raw)
            continue
        if check != "schema" and isinstance(raw, str):
            # The common cases (free strings, ids) without a validator run: they are on every request's path.
            if check == "uuid" and not _UUID.fullmatch(raw):
                problems.append(Problem(loc, name, f"{name} must be a valid uuid", "format", {"format": "uuid"}))
            values[name] = raw
            continue
        node = p.get("schema") or {}
        if raw is None:
            if p.get("required"):
                problems.append(Problem(loc, name, f"{name} is required", "required", {"property": name}))
                continue
            target = resolve(vendor, node)
            default = target.get("default") if isinstance(target, dict) else None
            if default is not None:
                values[name] = copy.deepcopy(default)
            continue
        try:
            value = _coerce_tree(vendor, node, raw)
        except ValueError:
            want = {"integer": "an integer", "number": "a number", "boolean": "a boolean (true or false)"}
            expected = kind or "string"
            problems.append(Problem(loc, name, f"{name} must be {want.get(expected, expected)}", "type",
                                    {"expected": [expected]}))
            continue
        problems.extend(problems_from_errors(loc, schemas.iter_errors(vendor, "request", node, value), name))
        values[name] = value
    return values, problems


# ---------------------------------------------------------------------------------------------- bodies


def base_media(media_type: str | None) -> str:
    return (media_type or "").split(";")[0].strip().lower()


def media_entry(content: Mapping[str, Any], media_type: str | None) -> tuple[str, dict[str, Any]] | None:
    """The declared content entry matching a media type (exact first, then `*/*` or `type/*` wildcards)."""
    mt = base_media(media_type)
    for declared, entry in content.items():
        if base_media(declared) == mt:
            return declared, entry
    for declared, entry in content.items():
        d = base_media(declared)
        if d == "*/*" or (d.endswith("/*") and mt.startswith(d[:-1])):
            return declared, entry
    return None


def is_json_media(media_type: str | None) -> bool:
    mt = base_media(media_type)
    return mt.endswith("/json") or mt.endswith("+json")


def validate_body(op: Operation, media_type: str, body: Any) -> list[Problem]:
    """Problems of a parsed request body (None = no body)."""
    rb = op.request_body
    if not rb:
        return []  # the vendors ignore a body the operation does not take
    if body is None or (not is_json_media(media_type) and body in (b"", "")):
        if rb.get("required"):
            return [Problem("body", "", "request body is required", "required", {})]
        return []
    node = body_schema(op, media_type)
    if node is None or schemas.is_valid(op.vendor, "request", node, body):
        return []  # valid bodies (nearly all) are told apart without collecting errors
    return problems_from_errors("body", schemas.iter_errors(op.vendor, "request", node, body))


def body_schema(op: Operation, media_type: str) -> Any:
    """The request body's JSON schema for a media type, or None (binary, multipart, undeclared)."""
    key = (id(op), media_type)
    node = _BODY_SCHEMAS.get(key, _UNSEEN)
    if node is _UNSEEN:
        found = media_entry((op.request_body or {}).get("content") or {}, media_type)
        # None: unsupported media types are the edge's 415; binary and multipart bodies carry no JSON schema.
        node = found[1]["schema"] if found and is_json_media(media_type) and "schema" in found[1] else None
        _BODY_SCHEMAS[key] = node
    return node


# (id(operation), media type) → the request body's schema for it, or None when there is nothing to validate.
_BODY_SCHEMAS: dict[tuple[int, str], Any] = {}
_UNSEEN = object()


# ---------------------------------------------------------------------------------------------- responses


def response_entry(op: Operation, status: int) -> dict[str, Any] | None:
    """The declared response for a status (`2XX`-style ranges included; `default` is treated as undeclared)."""
    responses = op.responses
    entry = responses.get(str(status))
    if entry is None:
        entry = responses.get(f"{status // 100}XX")
    return entry


def error_schema(vendor: str, status: int) -> dict[str, Any]:
    if vendor == "voucherify":
        return VOUCHERIFY_ERROR
    return ALLEGRO_AUTH_ERROR if status == 401 else ALLEGRO_ERRORS


def error_body(vendor: str, status: int) -> dict[str, Any]:
    """A vendor error envelope for a status (the shape error_schema checks)."""
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if vendor == "voucherify":
        rid = "v-" + hashlib.sha1(str(status).encode()).hexdigest()[:18]
        return {"code": status, "key": phrase.lower().replace(" ", "_"), "message": phrase, "details": phrase,
                "request_id": rid}
    if status == 401:
        return {"error": "unauthorized", "error_description": "Full authentication is required to access this resource"}
    code = "VALIDATION_ERROR" if status == 422 else phrase.title().replace(" ", "") + "Exception"
    return {"errors": [{"code": code, "message": phrase, "details": None, "path": None, "userMessage": phrase,
                        "metadata": {}}]}


def _schema_mismatches(vendor: str, node: Any, body: Any) -> list[str]:
    errors = schemas.iter_errors(vendor, "response", node, body)
    return [p.message for p in problems_from_errors("body", errors)]  # messages name their field


def validate_response(op: Operation, status: int, media_type: str | None, body: Any) -> list[str]:
    """Mismatches between a response targ is about to send and the spec (empty = ok)."""
    entry = response_entry(op, status)
    content = (entry or {}).get("content") or {}
    where = f"{op.operation_id} {status}"
    if content:
        found = media_entry(content, media_type)
        if found is None and status >= 400 and is_json_media(media_type):
            # Error bodies follow the client's Accept (vnd or plain JSON), whatever JSON type the spec lists.
            found = next(((mt, e) for mt, e in content.items() if is_json_media(mt) or "*" in mt), None)
        if found is None:
            return [f"{where}: media type {media_type!r} is not declared (declared: {', '.join(content)})"]
        if body is None:
            return [f"{where}: a body is declared but none was sent"]
        node = found[1].get("schema")
        if is_json_media(media_type):
            return [f"{where}: {m}" for m in _schema_mismatches(op.vendor, node, body)] if node else []
        if not isinstance(body, bytes | str):
            return [f"{where}: a {base_media(media_type)} body must be bytes or text, not {type(body).__name__}"]
        return []
    if status < 400:
        if entry is None:
            return [f"{where}: status {status} is not declared (declared: {', '.join(op.responses)})"]
        return [] if body in (None, b"", "") else [f"{where}: no content is declared but a body was sent"]
    # An error status without declared content: the vendor's envelope, optional where the spec declares the status.
    if body is None:
        return [] if entry is not None else [f"{where}: an error response needs the {op.vendor} error body"]
    if not is_json_media(media_type):
        return [f"{where}: an error body must be JSON, not {media_type!r}"]
    out = [f"{where}: {m}" for m in _schema_mismatches(op.vendor, error_schema(op.vendor, status), body)]
    if op.vendor == "voucherify" and isinstance(body, dict) and body.get("code") != status:
        out.append(f"{where}: error code {body.get('code')!r} differs from the HTTP status")
    return out
