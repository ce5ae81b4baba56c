"""How Allegro reads a JSON request body: a lenient Java binder, not a JSON Schema validator
(allegro-behaviour.md §7; docs/behaviour.md, "How Allegro request bodies are read").

Walking the body once against the operation's schema, it:

* drops `null` for any property, at any depth ("not given"; a required one is then reported missing by the schema
  check that follows) [#6533 staff, #2383] — except where the operation keeps nulls (`PATCH
  /sale/product-offers/{offerId}`: null removes the field's value, #3764), which it lists instead;
* reads a number sent as a string where the schema wants a number (`"available": "0"`, seed 003, #9872), a number
  sent where it wants a string (`"amount": 45.5`, #2871, #7790) and `"true"`/`"false"` where it wants a boolean;
* drops properties the schema does not declare, listing them (product-offers refuse them: UnknownJSONProperty);
* stops at the first value of the wrong JSON shape (an object where a string belongs): the vendor's
  `JsonMappingException` "Message is not readable." with its path [#8041].

What it changed is reported as `lenient` (the `--strict-requests` mode refuses those requests instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from targ.spec.schemas import find_property, resolve, type_of
from targ.spec.validate import render_path

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_MAX_DEPTH = 64


@dataclass
class Bound:
    body: Any
    lenient: list[str] = field(default_factory=list)     # "path: what the binder did"
    unknown: list[str] = field(default_factory=list)     # paths of properties the schema does not declare
    nulls: list[str] = field(default_factory=list)       # paths of nulls kept (keep_nulls)
    unreadable: str | None = None                        # path of the first value of the wrong shape


class _Unreadable(Exception):
    def __init__(self, path: str) -> None:
        self.path = path


def bind(schema: Any, body: Any, *, keep_nulls: bool = False, read: Any = None) -> Bound:
    """`read`: the resource's read shape (what a GET returns): properties it declares are not unknown but read-only,
    ignored, so what targ returns a client may send back."""
    out = Bound(None)
    try:
        out.body = _value(schema, body, [], out, keep_nulls, 0, read)
    except _Unreadable as exc:
        out.unreadable = exc.path
    return out


# Bodies are bound on every write request, so what a schema node says independently of the value is worked out once
# per node (bundle nodes live as long as the process, so their ids are stable keys).
_ANY: dict[str, Any] = {}   # "anything": a shared node, never a temporary one (the caches key on ids)
_FIXED: dict[int, tuple[Any, str | None] | None] = {}     # node → (target, JSON type), None when value-dependent
_DECLARES: dict[int, bool] = {}
_PROPERTY: dict[tuple[int, str], Any] = {}


def _fixed(node: Any) -> tuple[Any, str | None] | None:
    key = id(node)
    if key in _FIXED:
        return _FIXED[key]
    target = resolve("allegro", node)
    shape: tuple[Any, str | None] | None
    if not isinstance(target, dict):
        shape = ({}, None)
    elif "discriminator" in target or ((target.get("anyOf") or target.get("oneOf"))
                                       and "properties" not in target and "type" not in target):
        shape = None
    else:
        shape = (target, type_of("allegro", target))
    _FIXED[key] = shape
    return shape


def _property(target: dict[str, Any], key: str) -> Any:
    cache_key = (id(target), key)
    if cache_key not in _PROPERTY:
        _PROPERTY[cache_key] = find_property("allegro", target, key)
    return _PROPERTY[cache_key]


def _branch(node: Any, value: Any) -> Any:
    """The schema a value is read with: through $ref, and for anyOf/oneOf the first alternative of its JSON type."""
    fixed = _fixed(node)
    if fixed is not None:
        return fixed[0]
    target = resolve("allegro", node)
    if not isinstance(target, dict):
        return {}
    discriminator = target.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(value, dict):
        # A base type read as the subtype its discriminator names (`modification.type: FIXED_PRICE`).
        mapped = (discriminator.get("mapping") or {}).get(value.get(discriminator.get("propertyName")))
        if isinstance(mapped, str):
            return resolve("allegro", {"$ref": mapped})
    alternatives = target.get("anyOf") or target.get("oneOf")
    if alternatives and "properties" not in target and "type" not in target:
        want = _json_type(value)
        fitting = [resolve("allegro", alt) for alt in alternatives
                   if type_of("allegro", alt) == want or (want == "integer" and type_of("allegro", alt) == "number")]
        if isinstance(value, dict) and len(fitting) > 1:
            # Objects: the alternative that declares most of the keys given (`{"remove": [...]}` vs `{"set": ...}`).
            return max(fitting, key=lambda alt: sum(find_property("allegro", alt, k) is not None for k in value))
        return fitting[0] if fitting else resolve("allegro", alternatives[0])
    return target


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "null"


def _value(node: Any, value: Any, parts: list[str | int], out: Bound, keep_nulls: bool, depth: int,
           read: Any = None) -> Any:
    if depth > _MAX_DEPTH:
        return value
    fixed = _fixed(node)
    if fixed is not None:
        target, kind = fixed
    else:
        target = _branch(node, value)
        kind = type_of("allegro", target)
    if kind == "object":
        if not isinstance(value, dict):
            raise _Unreadable(render_path(parts))
        return _object(target, value, parts, out, keep_nulls, depth, _branch(read, value) if read else None)
    if kind == "array":
        if not isinstance(value, list):
            raise _Unreadable(render_path(parts))
        items = target.get("items", _ANY)
        read_items = (_branch(read, value) or {}).get("items") if read else None
        return [_value(items, item, [*parts, i], out, keep_nulls, depth + 1, read_items)
                for i, item in enumerate(value)]
    if isinstance(value, dict | list):
        if kind in ("string", "integer", "number", "boolean"):
            raise _Unreadable(render_path(parts))
        return value
    return _scalar(kind, value, parts, out)


def _object(target: dict[str, Any], value: dict[str, Any], parts: list[str | int], out: Bound, keep_nulls: bool,
            depth: int, read: dict[str, Any] | None) -> dict[str, Any]:
    declared = _DECLARES.get(id(target))
    if declared is None:
        declared = _DECLARES[id(target)] = _declares_properties(target)
    extra = target.get("additionalProperties")
    bound: dict[str, Any] = {}
    for key, sub in value.items():
        path = [*parts, key]
        prop = _property(target, key) if declared else None
        if prop is None and isinstance(extra, dict):
            prop = extra
        read_prop = _property(read, key) if read else None
        if prop is None and declared and extra is not True:
            if read_prop is not None:
                out.lenient.append(f"{render_path(path)}: a read-only property, ignored")
                continue
            if sub is None:
                # An unknown property sent as null carries nothing: the vendor's own guide sends
                # `"sellingMode": {"netPrice": null}` (seed 003), so it counts as not given, not as unknown.
                out.lenient.append(f"{render_path(path)}: an unknown property sent as null, read as not given")
            else:
                out.unknown.append(render_path(path))
            continue
        if sub is None:
            if keep_nulls:
                out.nulls.append(render_path(path))
                bound[key] = None
            else:
                out.lenient.append(f"{render_path(path)}: null read as not given")
            continue
        bound[key] = _value(prop if prop is not None else _ANY, sub, path, out, keep_nulls, depth + 1, read_prop)
    return bound


def _declares_properties(target: dict[str, Any], depth: int = 0) -> bool:
    if target.get("properties"):
        return True
    return depth < 8 and any(_declares_properties(resolve("allegro", sub), depth + 1)
                             for sub in target.get("allOf") or ())


def _scalar(kind: str | None, value: Any, parts: list[str | int], out: Bound) -> Any:
    if kind in ("integer", "number") and isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        text = value.strip()
        if kind == "integer" and not _INTEGER.fullmatch(text):
            raise _Unreadable(render_path(parts))
        out.lenient.append(f"{render_path(parts)}: the string {value!r} read as a number")
        return int(text) if _INTEGER.fullmatch(text) else float(text)
    if kind == "string" and isinstance(value, int | float) and not isinstance(value, bool):
        text = repr(value) if isinstance(value, float) else str(value)
        out.lenient.append(f"{render_path(parts)}: the number {text} read as the string {text!r}")
        return text
    if kind == "boolean" and value in ("true", "false"):
        out.lenient.append(f"{render_path(parts)}: the string {value!r} read as a boolean")
        return value == "true"
    return value
