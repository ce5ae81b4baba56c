#!/usr/bin/env python3
"""Compile the pinned vendor specs into targ's compact spec bundle.

Reads ``<shared>/specs`` (default ``../shared`` seen from the repository root) and writes
``src/targ/spec/bundle/allegro.json`` and ``src/targ/spec/bundle/voucherify.json`` in the format described in
``docs/spec-bundle.md``. ``--check`` rebuilds in memory and exits 1 when the committed files differ.

The build is deterministic: operations keep spec order (pinned first, extras after), schemas keep spec order,
and every correction applied on top of the vendor specs is recorded in the bundle's ``errata``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import yaml

Json = Any
Schema = dict[str, Any]
Operation = dict[str, Any]

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLE_DIR = REPO_ROOT / "src" / "targ" / "spec" / "bundle"
FORMAT_VERSION = 1

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_REF_PREFIX = "#/components/schemas/"

ALLEGRO_PINNED = "allegro-openapi.yaml"
ALLEGRO_NEWER = "allegro-openapi-2026-07-18.yaml"
ALLEGRO_NEWER_LABEL = "2026-07-18"
ALLEGRO_NOTES = "reference/allegro-notes.md"
ERRATA_FILE = "reference/spec-errata.md"
VOUCHERIFY_SPEC = "voucherify-openapi.json"
VOUCHERIFY_DOCS_DIR = "voucherify-docs"

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
# Operations served from the 2026-07-18 spec although the pinned one lacks them (allegro-notes.md).
ALLEGRO_NEWER_OPERATIONS = (
    ("post", "/order/checkout-forms/{id}/serial-numbers"),
    ("get", "/fulfillment/returns/refund-dispositions"),
)
# Suffix for a schema of the newer spec whose name the pinned spec already uses for something different.
NEWER_SCHEMA_SUFFIX = "__2026-07-18"

# OpenAPI keywords with no JSON Schema meaning, or documentation only: dropped everywhere a schema appears.
DROPPED_SCHEMA_KEYWORDS = frozenset(
    {"description", "title", "externalDocs", "xml", "discriminator", "deprecated", "nullable"}
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
    }
)  # fmt: skip


# --------------------------------------------------------------------------------------------------------------
# Inputs


@dataclass
class Source:
    """One input file: its label in the bundle, its path relative to ``shared`` and its bytes."""

    label: str
    name: str  # as recorded in the bundle: spec files relative to specs/, others relative to shared/
    path: Path

    def record(self) -> dict[str, str]:
        return {"label": self.label, "file": self.name, "sha256": hashlib.sha256(self.path.read_bytes()).hexdigest()}


class _SpecLoader(yaml.CSafeLoader):
    """CSafeLoader that keeps unquoted timestamps as the strings they are on the wire (examples, defaults)."""


_SpecLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)


def load_yaml(path: Path) -> Json:
    with path.open("rb") as stream:
        return yaml.load(stream, Loader=_SpecLoader)  # a CSafeLoader subclass: safe


def load_json(path: Path) -> Json:
    return orjson.loads(path.read_bytes())


# --------------------------------------------------------------------------------------------------------------
# Schema conversion (OpenAPI 3.0 -> JSON Schema 2020-12)


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


# --------------------------------------------------------------------------------------------------------------
# Operations


@dataclass
class Spec:
    """A parsed OpenAPI document with the label its operations carry in the bundle."""

    label: str
    doc: Json

    def resolve(self, node: Json) -> Json:
        """Follow local $refs to containers (parameters, requestBodies, responses, headers, examples)."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref.startswith(SCHEMA_REF_PREFIX):
                raise ValueError(f"unexpected $ref {ref!r} in {self.label}")
            target: Json = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def operations(self) -> Iterator[tuple[str, str, Json]]:
        for path, item in self.doc["paths"].items():
            for method in HTTP_METHODS:
                if method in item:
                    yield method, path, item


def build_operation(spec: Spec, method: str, path: str, path_item: Json) -> Operation:
    """One bundle operation from an OpenAPI operation (successStatus is set by the vendor's builder)."""
    raw = path_item[method]
    where = f"{method.upper()} {path}"
    op: Operation = {
        "operationId": raw["operationId"],
        "method": method.upper(),
        "path": path,
        "source": spec.label,
        "tags": list(raw.get("tags", [])),
        # An operation without `security` inherits the document's (OpenAPI 3.0 rule); [] means public.
        "security": raw.get("security", spec.doc.get("security", [])),
        "parameters": build_parameters(spec, path_item.get("parameters", []), raw.get("parameters", []), where),
        "requestBody": build_request_body(spec, raw.get("requestBody"), where),
        "responses": {
            str(code): build_response(spec, response, f"{where} {code}", str(code).startswith("2"))
            for code, response in raw["responses"].items()
        },
        "successStatus": None,
    }
    if raw.get("deprecated") is True:
        op["deprecated"] = True
    if "servers" in raw:
        op["servers"] = [server["url"] for server in raw["servers"]]
    return op


def build_parameters(spec: Spec, path_level: list[Json], op_level: list[Json], where: str) -> list[Json]:
    """Path-level and operation-level parameters merged; an operation-level one overrides by (name, in)."""
    merged: dict[tuple[str, str], Json] = {}
    for raw in [*path_level, *op_level]:
        param = spec.resolve(raw)
        merged[(param["name"], param["in"])] = param
    return [build_parameter(param, where) for param in merged.values()]


def build_parameter(param: Json, where: str) -> Json:
    if "schema" not in param:
        raise ValueError(f"parameter {param['name']!r} of {where} has no schema")
    out = {
        "name": param["name"],
        "in": param["in"],
        "required": bool(param.get("required", param["in"] == "path")),
        "schema": convert_schema(param["schema"], f"{where} parameter {param['name']}"),
    }
    for key in ("style", "explode"):
        if key in param:
            out[key] = param[key]
    return out


def build_request_body(spec: Spec, raw: Json | None, where: str) -> Json | None:
    if raw is None:
        return None
    body = spec.resolve(raw)
    content = {
        media_type: request_media_type(entry, f"{where} body {media_type}")
        for media_type, entry in body.get("content", {}).items()
    }
    return {"required": bool(body.get("required", False)), "content": content}


def request_media_type(entry: Json, where: str) -> Json:
    """Only the schema: request examples and multipart `encoding` are not used by targ."""
    return {"schema": convert_schema(entry["schema"], where)} if "schema" in entry else {}


def build_response(spec: Spec, raw: Json, where: str, success: bool) -> Json:
    """Content (schemas, and examples of success responses only, to keep the bundle small) and headers."""
    response = spec.resolve(raw)
    out: Json = {}
    if response.get("content"):
        out["content"] = {
            media_type: build_media_type(spec, entry, f"{where} {media_type}", success)
            for media_type, entry in response["content"].items()
        }
    if response.get("headers"):
        out["headers"] = {name: build_header(spec, header, where) for name, header in response["headers"].items()}
    return out


def build_media_type(spec: Spec, entry: Json, where: str, success: bool) -> Json:
    out: Json = {}
    if "schema" in entry:
        out["schema"] = convert_schema(entry["schema"], where)
    if success:
        example = first_example(spec, entry)
        if example is not None:
            out["example"] = example[0]
    return out


def first_example(spec: Spec, entry: Json) -> tuple[Json] | None:
    """The media type's ``example``, else the value of its first ``examples`` entry; wrapped, as null is a value."""
    if "example" in entry:
        return (entry["example"],)
    for example in entry.get("examples", {}).values():
        resolved = spec.resolve(example)
        if "value" in resolved:
            return (resolved["value"],)
    return None


def build_header(spec: Spec, raw: Json, where: str) -> Json:
    header = spec.resolve(raw)
    out: Json = {"required": bool(header.get("required", False))}
    if "schema" in header:
        out["schema"] = convert_schema(header["schema"], f"{where} header")
    return out


def lowest_success_status(op: Operation) -> str:
    return min(code for code in op["responses"] if code.startswith("2"))


def build_security_schemes(raw: Json) -> Json:
    """Security schemes without their prose (the OAuth URLs, flows and apiKey names are kept)."""
    return {name: drop_descriptions(scheme) for name, scheme in raw.items()}


def drop_descriptions(node: Json) -> Json:
    if isinstance(node, dict):
        return {key: drop_descriptions(value) for key, value in node.items() if key != "description"}
    return node


# --------------------------------------------------------------------------------------------------------------
# Walking a bundle


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


# --------------------------------------------------------------------------------------------------------------
# Errata


@dataclass
class Errata:
    """Corrections applied on top of the vendor specs, recorded in the bundle in the order they were applied."""

    records: list[dict[str, str]] = field(default_factory=list)

    def add(self, erratum_id: str, where: str, change: str) -> None:
        self.records.append({"id": erratum_id, "where": where, "change": change})


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


# --------------------------------------------------------------------------------------------------------------
# Allegro


def build_allegro(shared: Path) -> Json:
    specs = shared / "specs"
    sources = [
        Source("pinned", ALLEGRO_PINNED, specs / ALLEGRO_PINNED),
        Source(ALLEGRO_NEWER_LABEL, ALLEGRO_NEWER, specs / ALLEGRO_NEWER),
        Source("notes", ALLEGRO_NOTES, shared / ALLEGRO_NOTES),
        Source("errata", ERRATA_FILE, shared / ERRATA_FILE),
    ]
    pinned = Spec("pinned", load_yaml(specs / ALLEGRO_PINNED))
    newer = Spec(ALLEGRO_NEWER_LABEL, load_yaml(specs / ALLEGRO_NEWER))

    schemas = convert_component_schemas(pinned.doc)
    operations = [build_operation(pinned, method, path, item) for method, path, item in pinned.operations()]
    extra_ops, extra_schemas, renames = import_newer_operations(newer, schemas)
    schemas.update(extra_schemas)
    operations.extend(extra_ops)
    notes_op, notes_schemas = line_item_id_mappings_operation(schemas)
    schemas.update(notes_schemas)
    operations.append(notes_op)

    bundle: Json = {
        "vendor": "allegro",
        "format": FORMAT_VERSION,
        "sources": [source.record() for source in sources],
        "errata": [],
        "schemaRenames": renames,
        "securitySchemes": build_security_schemes(pinned.doc["components"]["securitySchemes"]),
        "operations": operations,
        "schemas": schemas,
    }
    errata = Errata()
    apply_allegro_errata(bundle, errata)
    for op in operations:
        op["successStatus"] = lowest_success_status(op)
    bundle["errata"] = errata.records
    return bundle


def convert_component_schemas(doc: Json) -> dict[str, Schema]:
    return {name: convert_schema(schema, f"schemas.{name}") for name, schema in doc["components"]["schemas"].items()}


def import_newer_operations(
    newer: Spec, pinned_schemas: dict[str, Schema]
) -> tuple[list[Operation], dict[str, Schema], list[Json]]:
    """The operations the pinned spec lacks, with the schemas they need (transitively) from the newer spec.

    A schema whose name the pinned spec uses for a different shape is added under a namespaced name. "Different"
    is judged after conversion (descriptions do not count) and spreads up the reference graph: a schema that is
    identical but references a renamed one must be renamed too, or its $ref would reach the pinned variant.
    """
    ops = [build_operation(newer, method, path, newer.doc["paths"][path]) for method, path in ALLEGRO_NEWER_OPERATIONS]
    newer_schemas = newer.doc["components"]["schemas"]
    closure = schema_closure(ops, lambda name: convert_schema(newer_schemas[name], f"schemas.{name}"))
    differing = {name for name, schema in closure.items() if name in pinned_schemas and schema != pinned_schemas[name]}
    changed = True
    while changed:
        changed = False
        for name, schema in closure.items():
            if name in pinned_schemas and name not in differing and differing.intersection(iter_schema_refs(schema)):
                differing.add(name)
                changed = True
    renames = {name: name + NEWER_SCHEMA_SUFFIX for name in closure if name in differing}
    added = {
        renames.get(name, name): rename_schema_refs(schema, renames)
        for name, schema in closure.items()
        if name not in pinned_schemas or name in differing
    }
    records = [{"source": newer.label, "name": name, "as": new_name} for name, new_name in renames.items()]
    return [rename_schema_refs(op, renames) for op in ops], added, records


def schema_closure(roots: list[Json], convert: Callable[[str], Schema]) -> dict[str, Schema]:
    """Converted schemas reachable from ``roots``, in first-reference order (deterministic)."""
    found: dict[str, Schema] = {}
    pending = [name for root in roots for name in iter_schema_refs(root)]
    while pending:
        name = pending.pop(0)
        if name in found:
            continue
        found[name] = convert(name)
        pending.extend(iter_schema_refs(found[name]))
    return found


def line_item_id_mappings_operation(schemas: dict[str, Schema]) -> tuple[Operation, dict[str, Schema]]:
    """``GET /order/line-item-id-mappings`` (findMapping), gone from the API since 2021; shape from allegro-notes.md.

    Neither query parameter is required in the schema: "one of them" is checked by the handler (422).
    """
    added = {
        "LineItemIdMappings": {
            "type": "object",
            "properties": {"mappings": {"type": "array", "items": {"$ref": SCHEMA_REF_PREFIX + "LineItemIdMapping"}}},
        },
        "LineItemIdMapping": {
            "type": "object",
            "required": ["dealId", "lineItemId"],
            "properties": {"dealId": {"type": "string"}, "lineItemId": {"type": "string", "format": "uuid"}},
        },
    }
    clashes = set(added) & set(schemas)
    if clashes:
        raise ValueError(f"schemas of findMapping already in the pinned spec: {sorted(clashes)}")

    def response(schema: str) -> Json:
        return {"content": {ALLEGRO_JSON: {"schema": {"$ref": SCHEMA_REF_PREFIX + schema}}}}

    op: Operation = {
        "operationId": "findMapping",
        "method": "GET",
        "path": "/order/line-item-id-mappings",
        "source": "notes",
        "tags": ["Order management"],
        "security": [{"bearer-token-for-user": ["allegro:api:orders:read"]}],
        "parameters": [
            {"name": "lineItemId", "in": "query", "required": False, "schema": {"type": "string", "format": "uuid"}},
            {"name": "dealId", "in": "query", "required": False, "schema": {"type": "string"}},
        ],
        "requestBody": None,
        "responses": {
            "200": response("LineItemIdMappings"),
            "401": {"content": auth_error_content()},
            "404": response("ErrorsHolder"),
            "422": response("ErrorsHolder"),
        },
        "successStatus": "200",
    }
    return op, added


def apply_allegro_errata(bundle: Json, errata: Errata) -> None:
    """spec-errata.md, Allegro section, plus required names that no property defines."""
    fix_checkout_forms_count_minimum(bundle["schemas"], errata)
    fix_401_responses(bundle["operations"], errata)
    fix_media_type_typo(bundle["operations"], errata)
    fix_change_price_default(bundle["operations"], errata)
    fix_required_undefined(bundle, errata, "allegro")


def fix_checkout_forms_count_minimum(schemas: dict[str, Schema], errata: Errata) -> None:
    properties = schemas["CheckoutForms"]["properties"]
    for name in ("count", "totalCount"):
        if properties[name].get("minimum") != 1:
            raise ValueError(f"erratum checkout-forms-count-minimum no longer applies to CheckoutForms.{name}")
        properties[name]["minimum"] = 0
    errata.add(
        "checkout-forms-count-minimum",
        "schemas.CheckoutForms.properties.count/totalCount",
        "minimum 1 -> 0 (an empty result is {checkoutForms: [], count: 0, totalCount: 0})",
    )


def auth_error_content() -> Json:
    """A fresh copy each time, so that no two operations share (and later edit) one dict."""
    return {"application/json": {"schema": {"$ref": SCHEMA_REF_PREFIX + "AuthError"}}}


def fix_401_responses(operations: list[Operation], errata: Errata) -> None:
    """Every 401 is the OAuth-shaped AuthError, sent as application/json (as all Allegro errors are on the wire)."""
    was_errors_holder: list[str] = []
    had_no_content: list[str] = []
    other_media_type = 0
    undeclared: list[str] = []
    for op in operations:
        response = op["responses"].get("401")
        if response is None:
            undeclared.append(op["operationId"])
            op["responses"]["401"] = {"content": auth_error_content()}
            continue
        content = response.get("content", {})
        refs = {entry.get("schema", {}).get("$ref") for entry in content.values()}
        if not content:
            had_no_content.append(op["operationId"])
        elif SCHEMA_REF_PREFIX + "ErrorsHolder" in refs:
            was_errors_holder.append(op["operationId"])
        elif content != auth_error_content():
            other_media_type += 1
        response["content"] = auth_error_content()
    errata.add(
        "allegro-401-autherror",
        f"401 responses declared as ErrorsHolder ({', '.join(was_errors_holder)}); "
        f"{len(had_no_content)} 401 responses without content; "
        f"{other_media_type} 401 responses declaring AuthError under another media type",
        "every 401 content is AuthError as application/json",
    )
    errata.add(
        "allegro-401-undeclared",
        f"operations declaring no 401: {', '.join(undeclared)}",
        "401 AuthError (application/json) added: the service answers 401 on every operation without a valid token",
    )


MISSPELT_MEDIA_TYPE = "application/vnd.allegro.public.v1 +json"


def fix_media_type_typo(operations: list[Operation], errata: Errata) -> None:
    found: list[str] = []
    for op in operations:
        containers = [(f"responses.{code}", response) for code, response in op["responses"].items()]
        if op["requestBody"]:
            containers.append(("requestBody", op["requestBody"]))
        for label, container in containers:
            content = container.get("content", {})
            if MISSPELT_MEDIA_TYPE in content:
                container["content"] = {
                    (ALLEGRO_JSON if media_type == MISSPELT_MEDIA_TYPE else media_type): entry
                    for media_type, entry in content.items()
                }
                found.append(f"{op['method']} {op['path']} {label}")
    # allegro-notes.md places the typo in the pinned spec, but only the 2026-07-18 copy has it, on an operation the
    # bundle does not import: normally nothing to record. The rewrite stays for when newer operations are imported.
    if found:
        errata.add("allegro-media-type-typo", "; ".join(found), f"{MISSPELT_MEDIA_TYPE!r} -> {ALLEGRO_JSON!r}")


CHANGE_PRICE_PATH = "/offers/{offerId}/change-price-commands/{commandId}"
# What the `default` response stands for: invalid command input (400/422) or an internal problem (500).
CHANGE_PRICE_ERROR_STATUSES = ("400", "422", "500")


def fix_change_price_default(operations: list[Operation], errata: Errata) -> None:
    op = next(op for op in operations if op["method"] == "PUT" and op["path"] == CHANGE_PRICE_PATH)
    default = op["responses"].pop("default", None)
    if default is None:
        raise ValueError("erratum allegro-change-price-default no longer applies")
    for status in CHANGE_PRICE_ERROR_STATUSES:
        op["responses"].setdefault(status, orjson.loads(orjson.dumps(default)))
    errata.add(
        "allegro-change-price-default",
        f"PUT {CHANGE_PRICE_PATH} responses.default",
        f"`default` (ErrorsHolder) replaced by {', '.join(CHANGE_PRICE_ERROR_STATUSES)} with the same content",
    )


# --------------------------------------------------------------------------------------------------------------
# Voucherify


def build_voucherify(shared: Path) -> Json:
    specs = shared / "specs"
    docs_paths = sorted((specs / VOUCHERIFY_DOCS_DIR).glob("*.json"))
    sources = [
        Source("pinned", VOUCHERIFY_SPEC, specs / VOUCHERIFY_SPEC),
        *(Source("docs", f"{VOUCHERIFY_DOCS_DIR}/{path.name}", path) for path in docs_paths),
        Source("errata", ERRATA_FILE, shared / ERRATA_FILE),
    ]
    spec = Spec("pinned", load_json(specs / VOUCHERIFY_SPEC))
    documented = documented_success_statuses([load_json(path) for path in docs_paths])

    operations = [build_operation(spec, method, path, item) for method, path, item in spec.operations()]
    for op in operations:
        op["successStatus"] = voucherify_success_status(op, documented)
    bundle: Json = {
        "vendor": "voucherify",
        "format": FORMAT_VERSION,
        "sources": [source.record() for source in sources],
        "errata": [],
        "securitySchemes": build_security_schemes(spec.doc["components"]["securitySchemes"]),
        "operations": operations,
        "schemas": convert_component_schemas(spec.doc),
    }
    errata = Errata()
    if "object" not in bundle["schemas"]["OrderItem"].get("required", []):
        raise ValueError("erratum voucherify-orderitem-object-required no longer applies")
    fix_required_undefined(bundle, errata, "voucherify")
    bundle["errata"] = errata.records
    return bundle


@dataclass
class DocumentedStatuses:
    """Real success statuses from Voucherify's documentation specs, by operationId and by (METHOD, path)."""

    by_operation_id: dict[str, str]
    by_route: dict[tuple[str, str], str]


def documented_success_statuses(docs: list[Json]) -> DocumentedStatuses:
    by_id: dict[str, str] = {}
    by_route: dict[tuple[str, str], str] = {}
    for doc in docs:
        spec = Spec("docs", doc)
        for method, path, item in spec.operations():
            raw = item[method]
            codes = [str(code) for code in raw["responses"] if re.fullmatch(r"2\d\d", str(code))]
            if not codes:
                continue
            by_id[raw["operationId"]] = min(codes)
            by_route[(method.upper(), path)] = min(codes)
    return DocumentedStatuses(by_id, by_route)


def voucherify_success_status(op: Operation, documented: DocumentedStatuses) -> str:
    """The real status behind "2XX": documented where the docs specs cover it, else 204 without content, 200."""
    status = documented.by_operation_id.get(op["operationId"]) or documented.by_route.get((op["method"], op["path"]))
    if status:
        return status
    return "200" if op["responses"]["2XX"].get("content") else "204"


# --------------------------------------------------------------------------------------------------------------
# Output


def dump_bundle(bundle: Json) -> bytes:
    """Compact JSON, with one top-level entry per line and one operation/schema/erratum per line (readable diffs)."""
    lines = [b"{"]
    entries = list(bundle.items())
    for index, (key, value) in enumerate(entries):
        comma = b"," if index < len(entries) - 1 else b""
        head = orjson.dumps(key) + b":"
        if isinstance(value, list) and value:
            items = [orjson.dumps(item) for item in value]
            lines += [head + b"[", b",\n".join(items), b"]" + comma]
        elif isinstance(value, dict) and value:
            items = [orjson.dumps(name) + b":" + orjson.dumps(item) for name, item in value.items()]
            lines += [head + b"{", b",\n".join(items), b"}" + comma]
        else:
            lines.append(head + orjson.dumps(value) + comma)
    lines.append(b"}")
    return b"\n".join(lines) + b"\n"


BUILDERS: dict[str, Callable[[Path], Json]] = {"allegro": build_allegro, "voucherify": build_voucherify}


def build_all(shared: Path) -> dict[Path, bytes]:
    return {BUNDLE_DIR / f"{vendor}.json": dump_bundle(build(shared)) for vendor, build in BUILDERS.items()}


def check(outputs: dict[Path, bytes]) -> int:
    stale = [path for path, data in outputs.items() if not path.exists() or path.read_bytes() != data]
    for path in stale:
        print(f"{path.relative_to(REPO_ROOT)} is out of date: run python tools/compile_specs.py", file=sys.stderr)
    return 1 if stale else 0


def write(outputs: dict[Path, bytes]) -> None:
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(REPO_ROOT)} ({len(data):,} bytes)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared", help="default: ../shared")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed bundle differs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.shared / "specs").is_dir():
        print(f"no specs folder in {args.shared} (use --shared DIR)", file=sys.stderr)
        return 2
    outputs = build_all(args.shared)
    if args.check:
        return check(outputs)
    write(outputs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
