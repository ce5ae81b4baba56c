"""Operations the pinned Allegro spec lacks: imported from the newer spec, or described by allegro-notes.md."""

from __future__ import annotations

from collections.abc import Callable

from .allegro_errata import ALLEGRO_JSON, auth_error_content
from .common import SCHEMA_REF_PREFIX, Json, Operation, Schema
from .operations import build_operation
from .schema import convert_schema, iter_schema_refs, rename_schema_refs
from .sources import Spec

# Operations served from the 2026-07-18 spec although the pinned one lacks them (allegro-notes.md).
ALLEGRO_NEWER_OPERATIONS = (
    ("post", "/order/checkout-forms/{id}/serial-numbers"),
    ("get", "/fulfillment/returns/refund-dispositions"),
)
# Suffix for a schema of the newer spec whose name the pinned spec already uses for something different.
NEWER_SCHEMA_SUFFIX = "__2026-07-18"


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
