"""Compiled JSON-Schema validators over one vendor's bundle, built lazily and cached.

The ~900 component schemas of a vendor are registered once per direction as a single jsonschema_rs ``Registry``
resource; an operation's schema node is compiled against that registry, so compiling it only touches the
components it actually references (well under a millisecond each) and nothing is compiled at server start.

Two directions, because OpenAPI 3 gives ``readOnly``/``writeOnly`` a meaning plain JSON Schema lacks:

* ``"request"``: a property marked ``readOnly`` is not required (clients need not echo server-owned fields);
* ``"response"``: a property marked ``writeOnly`` is not required.

Formats: only the ones the vendors really reject are checked (``uuid``, ``date-time``, ``date``). Every other format
(``email``, ``hostname``, ``int64``, ``BCP-47 language code``, ``ISO 4217``...) is stripped from the validation copy,
so a free-text vendor "format" can never reject a value.

``oneOf`` is checked as ``anyOf``: the bundle drops OpenAPI's ``discriminator``, and without it alternatives that
overlap (e.g. Allegro's ``OfferAutomaticPricingCommand.modification``: ``{set}`` | ``{remove}``, neither with
``required`` nor ``additionalProperties: false``) would match twice and reject every valid client. Voucherify requests get a lenient ``date-time``: its SDK sends
``datetime.isoformat()`` (naive, ``+00:00``, micro-seconds) and the API accepts that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, Literal

import jsonschema_rs

from targ.spec.bundle import load_bundle

Direction = Literal["request", "response"]
Schema = dict[str, Any]

REF_PREFIX = "#/components/schemas/"
CHECKED_FORMATS = frozenset({"uuid", "date-time", "date"})

# Keywords whose value is a schema, a list of schemas, or a name → schema map (JSON Schema 2020-12).
_ONE = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "additionalItems")
_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs", "dependentSchemas")
# Annotations the validator never needs; `example` values can be large.
_DROP = frozenset({"example", "examples"})


def base_uri(vendor: str, direction: Direction) -> str:
    return f"https://targ.invalid/{vendor}/{direction}.json"


def components(vendor: str) -> dict[str, Schema]:
    return load_bundle(vendor).schemas


def resolve(vendor: str, node: Any) -> Any:
    """Follow a chain of ``$ref`` to its target (a node without ``$ref`` is returned as is)."""
    seen: set[str] = set()
    schemas = components(vendor)
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        ref = node["$ref"]
        seen.add(ref)
        if not ref.startswith(REF_PREFIX):
            break
        node = schemas.get(ref[len(REF_PREFIX):], {})
    return node


def is_marked(vendor: str, node: Any, flag: str, _depth: int = 0) -> bool:
    """True when the schema (through $ref and allOf) carries ``flag`` (``readOnly``/``writeOnly``) as true."""
    if not isinstance(node, dict) or _depth > 8:
        return False
    if node.get(flag) is True:
        return True
    if "$ref" in node and is_marked(vendor, resolve(vendor, node), flag, _depth + 1):
        return True
    return any(is_marked(vendor, sub, flag, _depth + 1) for sub in node.get("allOf") or ())


def find_property(vendor: str, node: Schema, name: str, _depth: int = 0) -> Any:
    """The schema of property ``name`` declared by ``node`` itself or by one of its allOf parts."""
    props = node.get("properties")
    if isinstance(props, dict) and name in props:
        return props[name]
    if _depth > 8:
        return None
    for sub in node.get("allOf") or ():
        found = find_property(vendor, resolve(vendor, sub), name, _depth + 1)
        if found is not None:
            return found
    return None


def _prepare(vendor: str, direction: Direction, node: Any) -> Any:
    """The validation copy of a schema node: absolute refs, unchecked formats and examples dropped,
    and ``required`` pruned of the readOnly (request) / writeOnly (response) properties."""
    if isinstance(node, list):
        return [_prepare(vendor, direction, x) for x in node]
    if not isinstance(node, dict):
        return node
    out: Schema = {}
    for key, value in node.items():
        if key in _DROP:
            continue
        if key == "$ref" and isinstance(value, str) and value.startswith("#"):
            out[key] = base_uri(vendor, direction) + value
        elif key == "format" and value not in CHECKED_FORMATS:
            continue
        elif key == "oneOf":
            out["anyOf"] = _prepare(vendor, direction, value)  # see the module docstring
        elif key in _ONE or key in _LIST:
            out[key] = _prepare(vendor, direction, value)
        elif key in _MAP and isinstance(value, dict):
            out[key] = {name: _prepare(vendor, direction, sub) for name, sub in value.items()}
        else:
            out[key] = value  # enum, const, default, required...: data, not schemas
    required = node.get("required")
    if isinstance(required, list) and required:
        flag = "readOnly" if direction == "request" else "writeOnly"
        kept = [n for n in required if not is_marked(vendor, find_property(vendor, node, n), flag)]
        if kept:
            out["required"] = kept
        else:
            out.pop("required", None)
    return out


def _lenient_datetime(value: str) -> bool:
    # Python's ISO parser takes what Voucherify accepts from its SDK: naive, offset, 'Z', date-only, microseconds.
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _formats(vendor: str, direction: Direction) -> dict[str, Callable[[str], bool]] | None:
    if vendor == "voucherify" and direction == "request":
        return {"date-time": _lenient_datetime}
    return None


_registries: dict[tuple[str, Direction], jsonschema_rs.Registry] = {}
_validators: dict[tuple[str, Direction, int], tuple[Any, jsonschema_rs.Validator]] = {}


def registry(vendor: str, direction: Direction) -> jsonschema_rs.Registry:
    key = (vendor, direction)
    reg = _registries.get(key)
    if reg is None:
        doc = {"components": {"schemas": {n: _prepare(vendor, direction, s) for n, s in components(vendor).items()}}}
        reg = jsonschema_rs.Registry([(base_uri(vendor, direction), doc)], draft=jsonschema_rs.Draft202012)
        _registries[key] = reg
    return reg


def validator(vendor: str, direction: Direction, node: Any) -> jsonschema_rs.Validator:
    """The compiled validator for one schema node of the bundle (cached by node identity; the cache keeps the
    node alive, so an id is never reused while its entry exists)."""
    key = (vendor, direction, id(node))
    hit = _validators.get(key)
    if hit is not None:
        return hit[1]
    compiled = jsonschema_rs.Draft202012Validator(
        _prepare(vendor, direction, node),
        validate_formats=True,
        ignore_unknown_formats=True,
        formats=_formats(vendor, direction),
        registry=registry(vendor, direction),
    )
    _validators[key] = (node, compiled)
    return compiled


def iter_errors(vendor: str, direction: Direction, node: Any, instance: Any) -> Iterator[jsonschema_rs.ValidationError]:
    return validator(vendor, direction, node).iter_errors(instance)


def is_valid(vendor: str, direction: Direction, node: Any, instance: Any) -> bool:
    return validator(vendor, direction, node).is_valid(instance)


def clear_cache() -> None:
    """Forget every compiled validator (tests that swap bundles)."""
    _registries.clear()
    _validators.clear()
