"""Compiled JSON-Schema validators over one vendor's bundle, built lazily and cached.

The ~900 component schemas of a vendor are registered once per direction as a single jsonschema_rs ``Registry``
resource; an operation's schema node is compiled against that registry, so compiling it only touches the
components it actually references (well under a millisecond each) and nothing is compiled at server start.
Building that registry costs ~40 ms (every component prepared), so until some node needs more than a few dozen
components, a node is compiled against a registry of only the components it reaches (none: no registry): a
server's first requests (every Voucherify query parameter is a ``$ref``) do not pay for the whole vendor.

Two directions, because OpenAPI 3 gives ``readOnly``/``writeOnly`` a meaning plain JSON Schema lacks:

* ``"request"``: a property marked ``readOnly`` is not required (clients need not echo server-owned fields);
* ``"response"``: a property marked ``writeOnly`` is not required.

Formats: only the ones the vendors really reject are checked (``uuid``, ``date-time``, ``date``). Every other format
(``email``, ``hostname``, ``int64``, ``BCP-47 language code``, ``ISO 4217``...) is stripped from the validation copy,
so a free-text vendor "format" can never reject a value. Voucherify requests get a lenient ``date-time``: its SDK
sends ``datetime.isoformat()`` (naive, ``+00:00``, micro-seconds) and the API accepts that.

``oneOf`` is checked as ``anyOf``: JSON Schema ignores OpenAPI's ``discriminator`` (kept in the bundle only for the
Allegro body binder), and without it alternatives that
overlap (e.g. Allegro's ``OfferAutomaticPricingCommand.modification``: ``{set}`` | ``{remove}``, neither with
``required`` nor ``additionalProperties: false``) would match twice and reject every valid client.

Also here: small schema helpers shared by validate.py and synth.py (resolve, type_of, merge, sample_pattern...).
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from targ.spec.bundle import load_bundle

if TYPE_CHECKING:
    # Imported where validators are built, on first use: not every start validates anything (~5 ms).
    import jsonschema_rs

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


def type_of(vendor: str, node: Any, _depth: int = 0) -> str | None:
    """The JSON type a schema stands for, through $ref and combinators; "null" only when nothing else is allowed."""
    node = resolve(vendor, node)
    if not isinstance(node, dict) or _depth > 8:
        return None
    t = node.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), "null" if t else None)
    if isinstance(t, str):
        return t
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(key) or ():
            found = type_of(vendor, sub, _depth + 1)
            if found not in (None, "null"):
                return found
    if "properties" in node or "additionalProperties" in node:
        return "object"
    if "items" in node:
        return "array"
    enum = [v for v in node.get("enum") or () if v is not None]
    if enum:
        return {bool: "boolean", int: "integer", float: "number"}.get(type(enum[0]), "string")
    return None


def sample_pattern(pattern: str) -> str | None:
    """A short string matching a regex (first alternative, fewest repeats), or None when that is beyond us."""
    try:
        out = _emit(sre_parse.parse(pattern))
    except (re.error, ValueError, TypeError):
        return None
    return out if re.search(pattern, out) else None


_CATEGORY = {sre.CATEGORY_DIGIT: "1", sre.CATEGORY_WORD: "a", sre.CATEGORY_SPACE: " ", sre.CATEGORY_NOT_DIGIT: "a",
             sre.CATEGORY_NOT_WORD: "-", sre.CATEGORY_NOT_SPACE: "a"}


def _in_set(items: list[Any], ch: str) -> bool:
    for op, av in items:
        if (op is sre.LITERAL and chr(av) == ch) or (op is sre.RANGE and av[0] <= ord(ch) <= av[1]):
            return True
        if op is sre.CATEGORY and re.fullmatch({sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w",
                                                sre.CATEGORY_SPACE: r"\s"}.get(av, r"\S"), ch):
            return True
    return False


def _emit(seq: Any) -> str:
    out = ""
    for op, av in seq:
        if op is sre.LITERAL:
            out += chr(av)
        elif op is sre.NOT_LITERAL or op is sre.ANY:
            out += "b" if av == ord("a") else "a"
        elif op is sre.IN:
            if av and av[0][0] is sre.NEGATE:
                out += next(c for c in "aA0_x" if not _in_set(av[1:], c))
            else:
                first_op, first = av[0]
                out += chr(first) if first_op is sre.LITERAL else chr(first[0]) if first_op is sre.RANGE \
                    else _CATEGORY[first]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            out += _emit(av[2]) * av[0]
        elif op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            out += _emit(av[-1])
        elif op is sre.BRANCH:
            out += _emit(av[1][0])
        elif op is sre.CATEGORY:
            out += _CATEGORY[av]
        elif op is not sre.AT:
            raise ValueError(op)
    return out


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """allOf-style union of two object nodes: properties and required are combined, other keywords b-over-a."""
    out = {**a, **b}
    if "properties" in a or "properties" in b:
        out["properties"] = {**(a.get("properties") or {}), **(b.get("properties") or {})}
    req = list(dict.fromkeys([*(a.get("required") or ()), *(b.get("required") or ())]))
    if req:
        out["required"] = req
    return out


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
        elif key == "oneOf":  # checked as anyOf, see the module docstring
            alternatives = {"anyOf": _prepare(vendor, direction, value)}
            if "anyOf" in node:
                out.setdefault("allOf", []).append(alternatives)
            else:
                out.update(alternatives)
        elif key == "allOf":
            out[key] = out.get(key, []) + _prepare(vendor, direction, value)
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
# A node reaching more components than this is compiled against the whole registry (built once, then used for all).
SMALL_CLOSURE = 48


def registry(vendor: str, direction: Direction) -> jsonschema_rs.Registry:
    key = (vendor, direction)
    reg = _registries.get(key)
    if reg is None:
        import jsonschema_rs

        doc = {"components": {"schemas": {n: _prepare(vendor, direction, s) for n, s in components(vendor).items()}}}
        reg = jsonschema_rs.Registry([(base_uri(vendor, direction), doc)], draft=jsonschema_rs.Draft202012)
        _registries[key] = reg
    return reg


def _referenced(vendor: str, node: Any, limit: int) -> list[str] | None:
    """The component names `node` reaches through ``$ref`` (transitively), or None when more than `limit`. Every
    ``$ref`` key counts, even one in data such as an ``enum``: a name too many is harmless, one too few is not."""
    schemas = components(vendor)
    found: dict[str, None] = {}
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                name = ref[len(REF_PREFIX):]
                if name not in found and name in schemas:
                    if len(found) == limit:
                        return None
                    found[name] = None
                    stack.append(schemas[name])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return list(found)


def _registry_for(vendor: str, direction: Direction, node: Any) -> jsonschema_rs.Registry | None:
    """The whole registry once it exists; before that, one of just the components `node` reaches (None: it
    reaches none). The same absolute ``$ref`` URIs resolve to the same prepared schemas either way."""
    whole = _registries.get((vendor, direction))
    if whole is not None:
        return whole
    names = _referenced(vendor, node, SMALL_CLOSURE)
    if names is None:
        return registry(vendor, direction)
    if not names:
        return None
    import jsonschema_rs

    schemas = components(vendor)
    doc = {"components": {"schemas": {n: _prepare(vendor, direction, schemas[n]) for n in names}}}
    return jsonschema_rs.Registry([(base_uri(vendor, direction), doc)], draft=jsonschema_rs.Draft202012)


def validator(vendor: str, direction: Direction, node: Any) -> jsonschema_rs.Validator:
    """The compiled validator for one schema node of the bundle (cached by node identity; the cache keeps the
    node alive, so an id is never reused while its entry exists)."""
    key = (vendor, direction, id(node))
    hit = _validators.get(key)
    if hit is not None:
        return hit[1]
    import jsonschema_rs

    compiled = jsonschema_rs.Draft202012Validator(
        _prepare(vendor, direction, node),
        validate_formats=True,
        ignore_unknown_formats=True,
        formats=_formats(vendor, direction),
        registry=_registry_for(vendor, direction, node),
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
