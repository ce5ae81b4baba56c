"""The compiled spec bundle as one OpenAPI 3.1 document per vendor (`GET /__targ/openapi/{vendor}.json`), so that
spec-driven tools (schemathesis, Prism, a client generator) can be pointed at targ; docs/spec-bundle.md, "Served".

The document holds exactly what the edge validates against: the bundle's operations, parameters, bodies, responses
and component schemas (JSON Schema 2020-12, which is OpenAPI 3.1's dialect), with the vendor's descriptions still
dropped. What targ adds is marked with `x-targ-*` extensions: every erratum applied on top of the vendor's spec is
listed at the top (`x-targ-errata`) and named where it was applied (`x-targ-errata` on a component schema, an
operation or a response), each operation's bundle source and success status, and the vendor's own hosts where targ
serves an operation on its single port instead (`x-targ-vendor-servers`).
"""

from __future__ import annotations

import re
from functools import cache
from http import HTTPStatus
from typing import Any

import orjson

from targ.spec.bundle import BUNDLE_DIR, VENDORS

Json = dict[str, Any]

TITLES = {"allegro": "Allegro REST API", "voucherify": "Voucherify API"}
# An erratum's `where` (free text, written by tools/specs for people) locates it by these forms:
SCHEMA_WHERE = re.compile(r"schemas\.([A-Za-z0-9_-]+)")               # schemas.CheckoutForms.properties.count
STATUS_WHERE = re.compile(r"(\d{3}) responses\b")                      # "401 responses declared as ..."
ROUTE_WHERE = re.compile(r"\b(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) (/\S*)")   # "PUT /offers/{offerId}/..."
WORD = re.compile(r"[A-Za-z0-9_-]+")
# Allegro's OAuth pages sit below allegro.pl; targ serves them at its own root (PRODUCT.md).
VENDOR_OAUTH = "https://allegro.pl/auth/oauth/"


def document(vendor: str, base_url: str) -> bytes:
    """The vendor's document, serving at `base_url` (the request's scheme and Host, as every URL targ hands out)."""
    if vendor not in VENDORS:
        raise KeyError(vendor)
    doc, oauth_flows = _document(vendor)
    servers = [{"url": base_url, "description": "targ"}]
    security_schemes = _security_schemes(oauth_flows, base_url)
    components = {**doc["components"], "securitySchemes": security_schemes}
    return orjson.dumps({**doc, "servers": servers, "components": components})


@cache
def _document(vendor: str) -> tuple[Json, Json]:
    """The document without its servers, built once (~30 ms for Allegro's 1.5 MB), and the security schemes."""
    bundle = orjson.loads((BUNDLE_DIR / f"{vendor}.json").read_bytes())
    errata: list[Json] = bundle.get("errata", [])
    schemas: Json = bundle["schemas"]
    paths: dict[str, Json] = {}
    operations: dict[str, Json] = {}   # operationId → its Operation Object
    routes: dict[tuple[str, str], Json] = {}
    for op in bundle["operations"]:
        converted = _operation(op)
        paths.setdefault(op["path"], {})[op["method"].lower()] = converted
        operations[op["operationId"]] = converted
        routes[(op["method"], op["path"])] = converted
    listed = [_mark(erratum, schemas, operations, routes) for erratum in errata]
    doc: Json = {
        "openapi": "3.1.0",
        "info": {
            "title": f"{TITLES[vendor]} (targ)",
            "version": _version(bundle),
            "description": f"The {TITLES[vendor]} as targ serves and validates it: the vendor's published OpenAPI "
                           "spec compiled into targ's bundle, descriptions dropped, with targ's errata applied and "
                           "marked x-targ-errata (docs/spec-bundle.md in the targ repository).",
            "x-targ-sources": bundle.get("sources", []),
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": schemas},
        "x-targ-errata": listed,
    }
    if bundle.get("schemaRenames"):
        doc["x-targ-schema-renames"] = bundle["schemaRenames"]
    return doc, bundle.get("securitySchemes", {})


def _version(bundle: Json) -> str:
    pinned = next((s for s in bundle.get("sources", []) if s.get("label") == "pinned"), None)
    return f"{pinned['file']} sha256:{pinned['sha256'][:12]}" if pinned else "unknown"


def _operation(op: Json) -> Json:
    out: Json = {"operationId": op["operationId"]}
    if op.get("tags"):
        out["tags"] = op["tags"]
    if op.get("deprecated"):
        out["deprecated"] = True
    out["security"] = op.get("security", [])
    if op.get("parameters"):
        out["parameters"] = op["parameters"]
    if op.get("requestBody"):
        out["requestBody"] = op["requestBody"]
    out["responses"] = {code: {"description": _reason(code), **response}
                        for code, response in op["responses"].items()}
    out["x-targ-source"] = op.get("source", "pinned")
    out["x-targ-success-status"] = op.get("successStatus")
    if op.get("servers"):
        # The vendor serves this one on another host (uploads); targ serves everything on its one port.
        out["x-targ-vendor-servers"] = op["servers"]
    return out


def _reason(code: str) -> str:
    """A Response Object needs a description; the bundle dropped the vendor's, so the status's reason phrase."""
    if code.isdigit():
        try:
            return HTTPStatus(int(code)).phrase
        except ValueError:
            return code
    return {"2XX": "Success", "default": "Other status"}.get(code, code)


def _mark(erratum: Json, schemas: Json, operations: dict[str, Json], routes: dict[tuple[str, str], Json]) -> Json:
    """Marks the places the erratum names with its id; returns its entry in the top-level list, with those places
    as JSON pointers (`marked`)."""
    where = str(erratum.get("where", ""))
    marked: list[str] = []

    def add(node: Json, pointer: str) -> None:
        ids = node.setdefault("x-targ-errata", [])
        if erratum["id"] not in ids:
            ids.append(erratum["id"])
            marked.append(pointer)

    for name in dict.fromkeys(SCHEMA_WHERE.findall(where)):
        if name in schemas and isinstance(schemas[name], dict):
            add(schemas[name], f"#/components/schemas/{_escape(name)}")
    for method, path in ROUTE_WHERE.findall(where):
        op = routes.get((method, path))
        if op is not None:
            add(op, _op_pointer(method, path))
    for word in dict.fromkeys(WORD.findall(where)):
        op = operations.get(word)
        if op is not None:
            add(op, _op_pointer(*_route_of(op, routes)))
    # "401 responses ...": a rule over every response of that status (its content is what the erratum says).
    for status in dict.fromkeys(STATUS_WHERE.findall(where)):
        for (method, path), op in routes.items():
            if status in op["responses"]:
                add(op["responses"][status], f"{_op_pointer(method, path)}/responses/{status}")
    return {**erratum, "marked": marked}


def _route_of(op: Json, routes: dict[tuple[str, str], Json]) -> tuple[str, str]:
    return next(route for route, candidate in routes.items() if candidate is op)


def _op_pointer(method: str, path: str) -> str:
    return f"#/paths/{_escape(path)}/{method.lower()}"


def _escape(token: str) -> str:
    """A JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def _security_schemes(schemes: Json, base_url: str) -> Json:
    """The vendor's schemes, with Allegro's OAuth endpoints at targ's address (targ serves them there)."""
    def rehost(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: rehost(item) for key, item in value.items()}
        if isinstance(value, str) and value.startswith(VENDOR_OAUTH):
            return f"{base_url}/auth/oauth/{value[len(VENDOR_OAUTH):]}"
        return value
    rehosted: Json = rehost(schemes)
    return rehosted
