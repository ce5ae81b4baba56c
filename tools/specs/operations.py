"""Bundle operations (and security schemes, component schemas) built from a parsed OpenAPI document."""

from __future__ import annotations

from .common import Json, Operation, Schema
from .schema import convert_schema
from .sources import Spec


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


def convert_component_schemas(doc: Json) -> dict[str, Schema]:
    return {name: convert_schema(schema, f"schemas.{name}") for name, schema in doc["components"]["schemas"].items()}
