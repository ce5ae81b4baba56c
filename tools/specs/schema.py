"""Schema conversion (OpenAPI 3.0 -> JSON Schema 2020-12) and the $ref walks done on converted schemas."""

from __future__ import annotations

from collections.abc import Iterator

from .common import SCHEMA_REF_PREFIX, Json, Schema

# OpenAPI keywords with no JSON Schema meaning, or documentation only: dropped everywhere a schema appears.
DROPPED_SCHEMA_KEYWORDS = frozenset(
    {"description", "title", "externalDocs", "xml", "deprecated", "nullable"}
)
SUBSCHEMA_KEYWORDS = frozenset({"items", "not", "additionalProperties"})
SUBSCHEMA_LIST_KEYWORDS = frozenset({"allOf", "anyOf", "oneOf"})
SUBSCHEMA_MAP_KEYWORDS = frozenset({"properties"})
# Kept verbatim. Anything else fails the build, so that a new keyword in a spec update is looked at, not lost.
KEPT_SCHEMA_KEYWORDS = frozenset(
    {
        "$ref", "type", "format", "enum", "default", "example", "readOnly", "writeOnly", "required",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties",
        # An annotation for JSON Schema; targ's Allegro body binder reads a subtype by it, as the vendor's does.
        "discriminator",
    }
)  # fmt: skip


def convert_schema(node: Json, where: str) -> Json:
    """Convert one OpenAPI 3.0 schema (recursively) to JSON Schema 2020-12 as docs/spec-bundle.md describes."""
    if not isinstance(node, dict):
        return node  # boolean schemas, e.g. additionalProperties: true
    out: Schema = {}
    for key, value in node.items():
        if key in DROPPED_SCHEMA_KEYWORDS or key.startswith("x-"):
            continue
        if key in SUBSCHEMA_MAP_KEYWORDS:
            # The keys here are property *names*: a property called "description" must survive.
            out[key] = {name: convert_schema(sub, f"{where}.{key}.{name}") for name, sub in value.items()}
        elif key in SUBSCHEMA_LIST_KEYWORDS:
            out[key] = [convert_schema(sub, f"{where}.{key}[{i}]") for i, sub in enumerate(value)]
        elif key in SUBSCHEMA_KEYWORDS:
            out[key] = convert_schema(value, f"{where}.{key}")
        elif key in KEPT_SCHEMA_KEYWORDS:
            out[key] = value  # example, default and enum are data: never walked into
        else:
            raise ValueError(f"unknown schema keyword {key!r} at {where}")
    convert_exclusive_bounds(out)
    if node.get("nullable") is True:
        out = make_nullable(out)
    return out


def convert_exclusive_bounds(schema: Schema) -> None:
    """OpenAPI 3.0 boolean exclusiveMinimum/Maximum modify minimum/maximum; 2020-12 makes them the bound."""
    for exclusive, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = schema.get(exclusive)
        if not isinstance(flag, bool):
            continue
        del schema[exclusive]
        if flag and inclusive in schema:
            schema[exclusive] = schema.pop(inclusive)


def make_nullable(schema: Schema) -> Schema:
    """Express OpenAPI 3.0 ``nullable: true`` in JSON Schema.

    With a plain ``type`` the type becomes a union (and null joins an ``enum``). When the schema is a ``$ref`` or a
    composition, a type union alone would still let the referenced/composed schema reject null, so the whole
    schema goes into an ``anyOf`` with ``{"type": "null"}``.
    """
    composed = "$ref" in schema or any(key in schema for key in SUBSCHEMA_LIST_KEYWORDS)
    if "type" not in schema or composed:
        return {"anyOf": [schema, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if "null" not in types:
        schema["type"] = [*types, "null"]
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    return schema


def iter_schema_refs(node: Json) -> Iterator[str]:
    """Names of the component schemas a converted schema (or any bundle fragment) references, in document order."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
            yield ref[len(SCHEMA_REF_PREFIX) :]
        for key, value in node.items():
            if key not in ("example", "default", "enum"):
                yield from iter_schema_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from iter_schema_refs(item)


def rename_schema_refs(node: Json, renames: dict[str, str]) -> Json:
    """A copy of ``node`` with ``$ref``s to renamed schemas pointing at the new names."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(SCHEMA_REF_PREFIX):
                name = value[len(SCHEMA_REF_PREFIX) :]
                out[key] = SCHEMA_REF_PREFIX + renames.get(name, name)
            elif key in ("example", "default", "enum"):
                out[key] = value
            else:
                out[key] = rename_schema_refs(value, renames)
        return out
    if isinstance(node, list):
        return [rename_schema_refs(item, renames) for item in node]
    return node
