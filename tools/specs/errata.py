"""The errata record and the one correction both vendors need: ``required`` names no property defines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .common import SCHEMA_REF_PREFIX, Json, Operation, Schema


@dataclass
class Errata:
    """Corrections applied on top of the vendor specs, recorded in the bundle in the order they were applied."""

    records: list[dict[str, str]] = field(default_factory=list)

    def add(self, erratum_id: str, where: str, change: str) -> None:
        self.records.append({"id": erratum_id, "where": where, "change": change})


def iter_operation_schemas(op: Operation) -> Iterator[tuple[str, Schema]]:
    """Every top-level schema inside an operation, with a readable location."""
    where = f"{op['method']} {op['path']}"
    for param in op["parameters"]:
        yield f"{where} parameter {param['name']}", param["schema"]
    if op["requestBody"]:
        for media_type, entry in op["requestBody"]["content"].items():
            if "schema" in entry:
                yield f"{where} requestBody {media_type}", entry["schema"]
    for code, response in op["responses"].items():
        for media_type, entry in response.get("content", {}).items():
            if "schema" in entry:
                yield f"{where} {code} {media_type}", entry["schema"]
        for name, header in response.get("headers", {}).items():
            if "schema" in header:
                yield f"{where} {code} header {name}", header["schema"]


def iter_bundle_schemas(bundle: Json) -> Iterator[tuple[str, Schema]]:
    for name, schema in bundle["schemas"].items():
        yield f"schemas.{name}", schema
    for op in bundle["operations"]:
        yield from iter_operation_schemas(op)


def fix_required_undefined(bundle: Json, errata: Errata, id_prefix: str) -> None:
    """Drop from ``required`` the names a schema with ``properties`` never defines (spec-errata.md, OrderItem).

    Such a `required` makes every real body invalid (nothing carries the key) or, on requests, demands a key no
    client sends. Properties defined by an ``allOf`` sibling or a referenced schema count as defined.
    """
    schemas = bundle["schemas"]
    for where, schema in iter_bundle_schemas(bundle):
        for location, node, inherited in walk_object_schemas(schema, where, frozenset(), schemas):
            if "properties" not in node or "required" not in node:
                continue
            defined = declared_properties(node, schemas, set()) | inherited
            missing = [name for name in node["required"] if name not in defined]
            if not missing:
                continue
            kept = [name for name in node["required"] if name in defined]
            if kept:
                node["required"] = kept
            else:
                del node["required"]
            errata.add(
                f"{id_prefix}-required-undefined-{short_location(location)}",
                f"{location}.required",
                f"removed {', '.join(missing)} from required: not a property of the schema",
            )


def short_location(location: str) -> str:
    """``schemas.A.properties.b`` -> ``A.b``: a readable, unique erratum id suffix."""
    return location.removeprefix("schemas.").replace(".properties.", ".")


def walk_object_schemas(
    node: Json, where: str, inherited: frozenset[str], schemas: dict[str, Schema]
) -> Iterator[tuple[str, Schema, frozenset[str]]]:
    """Every sub-schema with its location and the property names its ``allOf`` siblings define."""
    if not isinstance(node, dict):
        return
    yield where, node, inherited
    for name, sub in node.get("properties", {}).items():
        yield from walk_object_schemas(sub, f"{where}.properties.{name}", frozenset(), schemas)
    for key in ("items", "not", "additionalProperties"):
        if key in node:
            yield from walk_object_schemas(node[key], f"{where}.{key}", frozenset(), schemas)
    if "allOf" in node:
        siblings = frozenset().union(*(declared_properties(b, schemas, set()) for b in node["allOf"]))
        for i, branch in enumerate(node["allOf"]):
            yield from walk_object_schemas(branch, f"{where}.allOf[{i}]", siblings | inherited, schemas)
    for key in ("anyOf", "oneOf"):
        for i, branch in enumerate(node.get(key, [])):
            yield from walk_object_schemas(branch, f"{where}.{key}[{i}]", frozenset(), schemas)


def declared_properties(node: Json, schemas: dict[str, Schema], seen: set[str]) -> frozenset[str]:
    """Property names a schema defines, through $refs and allOf (cycles cut by ``seen``)."""
    if not isinstance(node, dict):
        return frozenset()
    names = set(node.get("properties", {}))
    ref = node.get("$ref", "")
    if ref.startswith(SCHEMA_REF_PREFIX):
        target = ref[len(SCHEMA_REF_PREFIX) :]
        if target not in seen:
            seen.add(target)
            names |= declared_properties(schemas[target], schemas, seen)
    for branch in node.get("allOf", []):
        names |= declared_properties(branch, schemas, seen)
    return frozenset(names)
