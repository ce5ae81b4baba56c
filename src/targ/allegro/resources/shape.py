"""What the spec says a resource looks like: the schemas behind an operation, and stored documents cut down to them.

A resource is stored once, in its fullest form (the read operation's schema), and every operation answers with that
document *projected* onto its own response schema: a list's `ImpliedWarrantyBasic` keeps `id` and `name`, a create
answering `TagId` keeps `id`, and top-level fields the vendor never returns are not echoed back.
"""

from __future__ import annotations

from typing import Any

from targ.spec.bundle import Operation
from targ.spec.schemas import resolve, type_of

VENDOR = "allegro"
Schema = dict[str, Any]
_MAX_DEPTH = 24


def response_schema(op: Operation | None, status: int | None = None) -> Schema | None:
    """The JSON schema of the operation's success response (None when it has no body)."""
    if op is None:
        return None
    resp = op.responses.get(str(status or op.success_status)) or {}
    for media, entry in (resp.get("content") or {}).items():
        if "json" in media and isinstance(entry.get("schema"), dict):
            return entry["schema"]
    return None


def request_schema(op: Operation | None) -> Schema | None:
    body = (op.request_body if op else None) or {}
    for media, entry in (body.get("content") or {}).items():
        if "json" in media and isinstance(entry.get("schema"), dict):
            return entry["schema"]
    return None


def properties(node: Any, _depth: int = 0) -> dict[str, Any]:
    """Every property a schema declares, through $ref, allOf and the alternatives of anyOf/oneOf."""
    node = resolve(VENDOR, node)
    if not isinstance(node, dict) or _depth > 8:
        return {}
    out: dict[str, Any] = {}
    for key in ("allOf", "anyOf", "oneOf"):
        for part in node.get(key) or ():
            for name, sub in properties(part, _depth + 1).items():
                out.setdefault(name, sub)
    out.update(node.get("properties") or {})
    return out


def array_property(node: Any) -> tuple[str | None, Any]:
    """A list response's array: (property name, item schema); (None, items) when the response is the array."""
    node = resolve(VENDOR, node)
    if type_of(VENDOR, node) == "array":
        return None, node.get("items") or {}
    for name, sub in properties(node).items():
        target = resolve(VENDOR, sub)
        if type_of(VENDOR, target) == "array":
            return name, target.get("items") or {}
    raise LookupError("the list response declares no array")


def allows_null(node: Any, _depth: int = 0) -> bool:
    node = resolve(VENDOR, node)
    if not isinstance(node, dict) or _depth > 8:
        return True
    t = node.get("type")
    if t == "null" or (isinstance(t, list) and "null" in t):
        return True
    if None in (node.get("enum") or ()):
        return True
    if any(allows_null(s, _depth + 1) for s in node.get("anyOf") or node.get("oneOf") or ()):
        return True
    if node.get("allOf"):
        return all(allows_null(s, _depth + 1) for s in node["allOf"])
    return t is None and not node.get("properties") and not node.get("anyOf") and not node.get("oneOf")


def project(node: Any, value: Any, _depth: int = 0) -> Any:
    """`value` as `node` shows it: the item's own undeclared keys dropped (a list's `...Basic` view keeps what it
    declares; internal `_fields` never leave), nulls dropped where the schema does not allow them, arrays projected
    item by item. Below the top level undeclared keys stay: the vendor's polymorphic objects (a promotion benefit's
    `specification`) declare only their discriminator, and what the client stored there is the resource's data."""
    if _depth > _MAX_DEPTH:
        return value
    node = resolve(VENDOR, node)
    if not isinstance(node, dict):
        return value
    if isinstance(value, dict):
        props = properties(node)
        if not props:
            return value
        out = {}
        for key, sub in value.items():
            declared = props.get(key)
            if declared is None:
                if _depth == 0 or key.startswith("_"):
                    continue
                out[key] = sub
            elif sub is not None or allows_null(declared):
                out[key] = project(declared, sub, _depth + 1)
        return out
    if isinstance(value, list):
        items = _items(node)
        return [project(items, x, _depth) for x in value] if items is not None else value
    return value


def _items(node: Schema, _depth: int = 0) -> Any:
    if "items" in node:
        return node["items"]
    for key in ("allOf", "anyOf", "oneOf"):
        for part in node.get(key) or ():
            target = resolve(VENDOR, part)
            if isinstance(target, dict) and _depth < 8:
                found = _items(target, _depth + 1)
                if found is not None:
                    return found
    return None
