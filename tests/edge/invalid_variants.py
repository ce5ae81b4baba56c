"""Generated invalid variants of the synthesized valid requests: one per operation for its parameters (wrong enum,
non-integer for an integer, non-boolean, out of range, too long/short, malformed uuid/date-time/date) and one for its
JSON body (a missing required property, a wrong type or a disallowed value of a property, the wrong JSON type of the
whole body). The kind of mutation rotates over the operations, so every kind is exercised somewhere.

Each variant is checked offline against the spec (targ.spec.validate) to be wrong in exactly one place, so the
expected error names exactly one field; the field's expected path is computed here from the mutation itself.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from targ.allegro.binding import bind
from targ.spec.bundle import Operation
from targ.spec.schemas import CHECKED_FORMATS, resolve, type_of
from targ.spec.synth import synthesize_request
from targ.spec.validate import (
    SKIPPED_HEADERS,
    body_schema,
    is_json_media,
    parse_parameters,
    render_path,
    validate_body,
)

BAD_FORMAT = {"uuid": "not-a-uuid", "date-time": "yesterday at noon", "date": "2026-13-45"}
NOT_ALLOWED = "__NOT_ALLOWED__"
# Accept-Language is the localisation switch of the error itself; its leniency is tested by hand (test_nasty).
UNMUTATED_HEADERS = SKIPPED_HEADERS | {"accept-language"}


@dataclass
class Variant:
    op: Operation
    location: str           # "query" | "path" | "header" | "body"
    field: str              # the expected error path ("" = the body as a whole)
    kind: str               # what was broken: enum, type, minimum, maximum, minLength, maxLength, format, required
    path_params: dict[str, str]
    query: list[tuple[str, str]]
    headers: dict[str, str]
    media_type: str | None
    body: Any
    duplicated: bool = False  # the spec's validator reports this one problem more than once

    @property
    def id(self) -> str:
        return f"{self.op.vendor}:{self.op.operation_id}:{self.location}:{self.field or '<root>'}:{self.kind}"


# ------------------------------------------------------------------------------------------ parameters


def _bad_values(vendor: str, p: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, raw value) breaking one constraint of a parameter's schema."""
    node = resolve(vendor, p.get("schema") or {})
    if not isinstance(node, dict):
        return []
    kind = type_of(vendor, node)
    if kind == "array":
        items = resolve(vendor, node.get("items") or {})
        if isinstance(items, dict) and items.get("enum"):
            return [("enum", NOT_ALLOWED)]
        if type_of(vendor, items) in ("integer", "number"):
            return [("type", "abc")]
        return []
    out: list[tuple[str, str]] = []
    if node.get("enum"):
        out.append(("enum", NOT_ALLOWED))
    if kind in ("integer", "number"):
        out.append(("type", "abc" if kind == "number" else "1.5"))
        if isinstance(node.get("minimum"), int | float):
            out.append(("minimum", str(int(node["minimum"]) - 1)))
        if isinstance(node.get("maximum"), int | float):
            out.append(("maximum", str(int(node["maximum"]) + 1)))
    elif kind == "boolean":
        out.append(("type", "maybe"))
    elif kind in (None, "string"):
        if node.get("format") in CHECKED_FORMATS:
            out.append(("format", BAD_FORMAT[node["format"]]))
        if isinstance(node.get("maxLength"), int):
            out.append(("maxLength", "x" * (node["maxLength"] + 1)))
        if isinstance(node.get("minLength"), int) and node["minLength"] > 1:
            out.append(("minLength", "x" * (node["minLength"] - 1)))
    return out


def param_variants(op: Operation) -> list[Variant]:
    path_params, query, headers, media_type, body = synthesize_request(op)
    out: list[Variant] = []
    for p in op.parameters:
        loc, name = p.get("in"), p["name"]
        if loc not in ("path", "query", "header") or (loc == "header" and name.lower() in UNMUTATED_HEADERS):
            continue
        style = p.get("style")
        if style == "deepObject" or type_of(op.vendor, p.get("schema") or {}) == "object":
            continue
        for kind, bad in _bad_values(op.vendor, p):
            v_path, v_query, v_headers = dict(path_params), [q for q in query if q[0] != name], dict(headers)
            if loc == "path":
                v_path[name] = bad
            elif loc == "query":
                v_query.append((name, bad))
            else:
                v_headers[name] = bad
            _, problems = parse_parameters(op, v_path, v_query, v_headers)
            if [(pr.location, pr.path) for pr in problems] == [(loc, name)]:
                out.append(Variant(op, loc, name, kind, v_path, v_query, v_headers, media_type, body))
    return out


# ------------------------------------------------------------------------------------------ bodies


def _walk(value: Any, parts: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    """Every (path, value) below the root, parents before children."""
    out: list[tuple[tuple[str | int, ...], Any]] = []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, sub in children:
        out.append(((*parts, key), sub))
        out.extend(_walk(sub, (*parts, key)))
    return out


def _set(body: Any, parts: tuple[str | int, ...], value: Any, *, delete: bool = False) -> Any:
    out = copy.deepcopy(body)
    node = out
    for part in parts[:-1]:
        node = node[part]
    if delete:
        del node[parts[-1]]
    else:
        node[parts[-1]] = value
    return out


def _body_mutations(body: Any) -> list[tuple[str, tuple[str | int, ...], Any]]:
    """(kind, path, mutated body) candidates; kind is the problem the validator is expected to find."""
    out: list[tuple[str, tuple[str | int, ...], Any]] = []
    for parts, value in _walk(body):
        if isinstance(parts[-1], str):
            out.append(("required", parts, _set(body, parts, None, delete=True)))
        if isinstance(value, bool):
            out.append(("type", parts, _set(body, parts, "yes")))
        elif isinstance(value, int | float):
            out.append(("type", parts, _set(body, parts, "abc")))
        elif isinstance(value, str):
            out.append(("enum", parts, _set(body, parts, NOT_ALLOWED)))
            out.append(("type", parts, _set(body, parts, 12345)))
    wrong: Any = {"not": "a list"} if isinstance(body, list) else ["not", "an", "object"]
    out.append(("type", (), wrong if isinstance(body, list | dict) else {"not": "a scalar"}))
    return out


def body_variants(op: Operation) -> list[Variant]:
    path_params, query, headers, media_type, body = synthesize_request(op)
    if media_type is None or not is_json_media(media_type) or body is None:
        return []
    out: list[Variant] = []
    schema = body_schema(op, media_type)
    for kind, parts, mutated in _body_mutations(body):
        if op.vendor == "allegro" and schema is not None:
            # Allegro reads bodies with its lenient binder: a value it coerces (12345 for a string) is no mistake,
            # and one of the wrong JSON shape is JsonMappingException (tests/fidelity/test_binding.py).
            bound = bind(schema, mutated)
            if bound.unreadable is not None or bound.lenient:
                continue
        problems = validate_body(op, media_type, mutated)
        distinct = {(p.path, p.kind, p.message) for p in problems}
        if len(distinct) != 1:
            continue
        expected = render_path(parts)
        problem = problems[0]
        accepted = {"enum": {"enum", "format", "pattern", "minLength", "maxLength"}}.get(kind, {kind})
        if problem.path == expected and problem.kind in accepted:
            out.append(Variant(op, "body", expected, problem.kind if kind == "enum" else kind, path_params, query,
                               headers, media_type, mutated, duplicated=len(problems) > 1))
    return out


def variants_for(op: Operation, index: int) -> list[Variant]:
    """Up to three per operation: a parameter, a missing required body property, another body mistake."""
    params, body = param_variants(op), body_variants(op)
    chosen = [pick(params, index), pick(body, index, ["required"]),
              pick(body, index, sorted({v.kind for v in body} - {"required"}))]
    return [v for v in chosen if v is not None]


def pick(variants: list[Variant], index: int, kinds: list[str] | None = None) -> Variant | None:
    """One variant: the mutation kind rotates with the operation's index; the deepest field of that kind wins."""
    kinds = sorted({v.kind for v in variants if kinds is None or v.kind in kinds})
    if not kinds:
        return None
    kind = kinds[index % len(kinds)]
    of_kind = [v for v in variants if v.kind == kind]
    return max(of_kind, key=lambda v: (v.field.count(".") + v.field.count("["), -of_kind.index(v)))
