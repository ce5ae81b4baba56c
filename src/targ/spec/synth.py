"""The spec-example fallback: deterministic responses (and valid requests) made from an operation's schemas.

This is the only source of canned answers targ may use: the spec's own example when it validates, else a value built
from the schema. Same operation → same value: there is no randomness, uuids are hashes of (operation, path).
Responses include optional properties down to a few levels so they look like the vendor's; requests carry only what
is required (the smallest valid request), never readOnly properties.
"""

from __future__ import annotations

import copy
import hashlib
import math
import re
from typing import Any

from targ.cache import Cache
from targ.spec import schemas
from targ.spec.bundle import Operation
from targ.spec.schemas import Direction, find_property, is_marked, merge, resolve, sample_pattern, type_of
from targ.spec.validate import SKIPPED_HEADERS, base_media, error_body, is_json_media, media_entry, response_entry

Reply = tuple[int, str | None, Any, dict[str, str]]
MAX_OPTIONAL_DEPTH = 4  # responses: optional properties below this depth are left out
_FORMAT_VALUES = {"date-time": "2026-01-01T00:00:00.000Z", "date": "2026-01-01", "email": "user@example.com",
                  "uri": "https://example.com/", "url": "https://example.com/", "hostname": "example.com",
                  "ipv4": "127.0.0.1", "time": "00:00:00Z", "BCP-47 language code": "en-US", "ISO 4217": "PLN",
                  "ISO 4217 currency code": "PLN"}
_JSON_PREFERENCE = ("application/vnd.allegro.public.v1+json", "application/vnd.allegro.beta.v1+json",
                    "application/json")
# The smallest well-formed files, so a client that opens them does not choke.
_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n")
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
                     "0001e221bc330000000049454e44ae426082")
_SHAPED = {"enum", "const", "pattern", "format", "example", "maxLength", "minLength"}


class _Recursion(Exception):
    """A $ref is being expanded inside itself; the caller drops the optional value or uses an empty one."""


class _Gen:
    def __init__(self, vendor: str, direction: Direction, seed: str) -> None:
        self.vendor, self.direction, self.seed = vendor, direction, seed
        self.hidden = "readOnly" if direction == "request" else "writeOnly"
        self.stack: list[str] = []

    def uuid(self, path: str) -> str:
        h = bytearray(hashlib.sha1(f"{self.seed}:{path}".encode()).digest()[:16])
        h[6], h[8] = (h[6] & 0x0F) | 0x40, (h[8] & 0x3F) | 0x80  # version 4, RFC 4122 variant
        x = h.hex()
        return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"

    def valid(self, node: Any, value: Any) -> bool:
        return schemas.is_valid(self.vendor, self.direction, node, value)

    def value(self, node: Any, path: str = "", name: str = "", depth: int = 0) -> Any:
        if not isinstance(node, dict):
            return "string"
        # The node's own example/default wins when valid; request objects are built (examples carry readOnly data).
        for key in ("example", "default"):
            usable = self.direction == "response" or not isinstance(node.get(key), dict | list)
            if key in node and usable and self.valid(node, node[key]):
                return copy.deepcopy(node[key])
        if "$ref" in node:
            ref = node["$ref"]
            if ref in self.stack:
                raise _Recursion(ref)
            self.stack.append(ref)
            try:
                rest = {k: v for k, v in node.items() if k not in ("$ref", "example", "default")}
                target = resolve(self.vendor, node)
                return self.value(merge(target, rest) if rest else target, path, name, depth)
            finally:
                self.stack.pop()
        if "const" in node:
            return copy.deepcopy(node["const"])
        if "enum" in node:
            return copy.deepcopy(next((v for v in node["enum"] if v is not None), None))
        if node.get("allOf"):
            merged = {k: v for k, v in node.items() if k != "allOf"}
            for part in node["allOf"]:
                merged = merge(merged, self.flatten(part))
            return self.value(merged, path, name, depth)
        for key in ("oneOf", "anyOf"):
            if node.get(key):
                return self.choice(node, key, path, name, depth)
        kind = type_of(self.vendor, node)
        if kind == "object":
            return self.obj(node, path, depth)
        if kind == "array":
            return self.array(node, path, name, depth)
        if kind in ("integer", "number"):
            return _number(node, kind)
        return False if kind == "boolean" else None if kind == "null" else self.string(node, path, name)

    def flatten(self, node: Any) -> dict[str, Any]:
        """A $ref'd allOf part as a plain node (nested allOf merged in), for merging into its parent."""
        node = resolve(self.vendor, node)
        if not isinstance(node, dict):
            return {}
        out = {k: v for k, v in node.items() if k not in ("allOf", "example")}
        for part in node.get("allOf") or ():
            out = merge(out, self.flatten(part))
        return out

    def choice(self, node: dict[str, Any], key: str, path: str, name: str, depth: int) -> Any:
        """The first alternative (null last) whose value passes the whole node."""
        base = {k: v for k, v in node.items() if k not in (key, "example", "default")}
        branches = sorted(node[key], key=lambda b: isinstance(b, dict) and b.get("type") == "null")
        candidates: list[Any] = []
        for branch in branches:
            try:
                candidate = self.nonempty(merge(base, self.flatten(branch)) if base else branch, path, name, depth)
            except _Recursion:
                continue
            if self.valid(node, candidate):
                return candidate
            candidates.append(candidate)
        if not candidates:
            raise _Recursion(path)
        return candidates[0]

    def nonempty(self, node: Any, path: str, name: str, depth: int) -> Any:
        """Like value(), but an object that came out empty gets its first property: an empty alternative or
        deepObject parameter says nothing (and a discriminator-less oneOf cannot tell `{}` apart)."""
        out = self.value(node, path, name, depth)
        target = self.flatten(node)
        props = [n for n, s in (target.get("properties") or {}).items() if not is_marked(self.vendor, s, self.hidden)]
        if out == {} and props:
            out = self.value({**target, "required": props[:1]}, path, name, depth)
        return out

    def obj(self, node: dict[str, Any], path: str, depth: int) -> dict[str, Any]:
        props: dict[str, Any] = node.get("properties") or {}
        required = list(node.get("required") or ())
        out: dict[str, Any] = {}
        for prop in list(props) + [n for n in required if n not in props]:
            sub = props.get(prop) or find_property(self.vendor, node, prop) or _extra_schema(node) or {}
            marked = is_marked(self.vendor, sub, self.hidden)
            wanted = prop in required and not marked
            if not wanted and (self.direction == "request" or marked or depth >= MAX_OPTIONAL_DEPTH):
                continue
            try:
                out[prop] = self.value(sub, f"{path}.{prop}", prop, depth + 1)
            except _Recursion:
                if wanted:
                    raise
        extra = _extra_schema(node)
        while extra is not None and len(out) < int(node.get("minProperties", 0)):
            out[f"key{len(out)}"] = self.value(extra, f"{path}.key{len(out)}", "key", depth + 1)
        return out

    def array(self, node: dict[str, Any], path: str, name: str, depth: int) -> list[Any]:
        items = node.get("items", {})
        lo, hi = int(node.get("minItems", 0)), node.get("maxItems")
        out: list[Any] = []
        for i in range(max(lo, 1) if hi is None else min(max(lo, 1), int(hi))):
            try:
                item = self.value(items, f"{path}[{i}]", name, depth + 1)
            except _Recursion:
                if lo:
                    raise
                return []
            if node.get("uniqueItems") and item in out:
                item = _vary(item, i, resolve(self.vendor, items))
            out.append(item)
        return out

    def string(self, node: dict[str, Any], path: str, name: str) -> str:
        fmt, pattern = node.get("format"), node.get("pattern")
        if fmt == "uuid":
            s = self.uuid(path)
        elif isinstance(fmt, str) and fmt in _FORMAT_VALUES:
            s = _FORMAT_VALUES[fmt]
        elif isinstance(pattern, str) and not (name and re.search(pattern, name)):
            s = sample_pattern(pattern) or name or "string"
        else:
            s = name or "string"  # the property's name reads better than "string" in a synthesised document
        lo, hi = int(node.get("minLength", 0)), node.get("maxLength")
        s += "x" * max(0, lo - len(s))
        return s if hi is None else s[: int(hi)]


def _extra_schema(node: dict[str, Any]) -> Any:
    extra = node.get("additionalProperties")
    return None if extra is False else ({} if extra in (None, True) else extra)


def _number(node: dict[str, Any], kind: str) -> int | float:
    lo, hi = node.get("minimum"), node.get("maximum")
    xlo, xhi = node.get("exclusiveMinimum"), node.get("exclusiveMaximum")
    step = 1 if kind == "integer" else 0.5
    if isinstance(xlo, int | float):
        lo = xlo + step if lo is None else max(lo, xlo + step)
    if isinstance(xhi, int | float):
        hi = xhi - step if hi is None else min(hi, xhi - step)
    v: int | float = 1
    v = lo if lo is not None and v < lo else v
    v = hi if hi is not None and v > hi else v
    mult = node.get("multipleOf")
    if isinstance(mult, int | float) and mult > 0:
        v = math.ceil(v / mult) * mult
    return math.ceil(v) if kind == "integer" else v


def _vary(item: Any, i: int, items: Any) -> Any:
    """Make the i-th item of a uniqueItems array differ from the first one."""
    enum = items.get("enum") if isinstance(items, dict) else None
    if enum:
        return enum[i % len(enum)]
    if isinstance(item, str):
        return f"{item}{i}"
    return item + i if isinstance(item, int | float) and not isinstance(item, bool) else item


# ---------------------------------------------------------------------------------------------- responses


def _pick_media(content: dict[str, Any], wanted: str | None = None) -> str:
    if wanted and (found := media_entry(content, wanted)) is not None:
        return found[0] if "*" not in found[0] else base_media(wanted)
    return next((mt for mt in _JSON_PREFERENCE if mt in content), next(iter(content)))


def _raw_body(media_type: str, entry: dict[str, Any]) -> bytes | str:
    example = entry.get("example")
    if isinstance(example, str | bytes):
        return example
    if media_type == "application/pdf":
        return _PDF
    if media_type.startswith("image/"):
        return _PNG
    if "zpl" in media_type:
        return "^XA^XZ\n"
    return "" if media_type.startswith("text/") else b""


def _is_binary(vendor: str, node: Any) -> bool:
    target = resolve(vendor, node)
    return isinstance(target, dict) and target.get("type") == "string" and target.get("format") in ("binary", "text")


def _headers(op: Operation, entry: dict[str, Any], body: Any, gen: _Gen) -> dict[str, str]:
    """Every declared response header (the specs mark none required, though the vendors always send them)."""
    out: dict[str, str] = {}
    for name, spec in (entry.get("headers") or {}).items():
        low = name.lower()
        if low == "location":
            ident = body.get("id") if isinstance(body, dict) else None
            base = _fill_path(op, gen)
            out[name] = f"{base}/{ident}" if ident is not None and op.method == "POST" else base
        elif low == "etag":
            out[name] = '"' + hashlib.sha1(repr(body).encode()).hexdigest()[:16] + '"'
        elif low == "content-disposition":
            out[name] = 'attachment; filename="file.pdf"'
        elif low == "retry-after":
            out[name] = "1"
        elif low != "content-type":  # the edge sets that one from the media type
            out[name] = _text(gen.value(spec.get("schema") or {"type": "string"}, f"header.{low}", low))
    return out


_EXAMPLES: Cache[tuple[str, str, int, str | None], Reply] = Cache("spec.examples")


def synthesize(op: Operation, status: int | None = None, media_type: str | None = None) -> Reply:
    """(status, media type, body, headers) for a status (default: the success status) made from the spec.
    `media_type` (e.g. the client's Accept) picks among several declared types; by default JSON is preferred."""
    status = status or op.success_status
    made = _EXAMPLES.get((op.vendor, op.operation_id, status, media_type),
                         lambda: _synthesize(op, status, media_type))
    return copy.deepcopy(made)


def _synthesize(op: Operation, status: int, wanted: str | None) -> Reply:
    gen = _Gen(op.vendor, "response", f"{op.vendor}:{op.operation_id}:{status}")
    entry = response_entry(op, status) or {}
    content = entry.get("content") or {}
    json_type = "application/json" if op.vendor == "voucherify" else _JSON_PREFERENCE[0]
    if not content:
        if status >= 400:
            return status, json_type, error_body(op.vendor, status), {}
        return status, None, None, _headers(op, entry, None, gen)
    declared = _pick_media(content, wanted)
    media = (media_entry(content, declared) or (declared, {}))[1]
    node = media.get("schema") or {}
    mt = declared
    if "*" in mt:  # `*/*`: JSON unless the schema is a file
        mt = "application/octet-stream" if _is_binary(op.vendor, node) else json_type
    body: Any
    if not is_json_media(mt):
        body = _raw_body(mt, media)
    elif "example" in media and gen.valid(node, media["example"]):
        body = copy.deepcopy(media["example"])
    else:
        body = gen.value(node)
    return status, mt, body, _headers(op, entry, body, gen)


# ---------------------------------------------------------------------------------------------- requests


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(map(_text, value))
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _fill_path(op: Operation, gen: _Gen) -> str:
    path = op.path
    for p in op.parameters:
        if p.get("in") == "path":
            path = path.replace("{" + p["name"] + "}", _text(_param_value(p, gen)))
    return path


def _param_value(p: dict[str, Any], gen: _Gen) -> Any:
    node = p.get("schema") or {}
    target = resolve(gen.vendor, node)
    plain = isinstance(target, dict) and type_of(gen.vendor, target) in (None, "string")
    if plain and not (target.keys() & _SHAPED) and p.get("in") == "path" and p["name"].lower().endswith("id"):
        return gen.uuid(f"path.{p['name']}")  # Allegro's ids are uuids (it answers 422 to a malformed one)
    return gen.nonempty(node, f"{p.get('in')}.{p['name']}", p["name"], 1)


def _flatten_deep(prefix: str, value: Any) -> list[tuple[str, str]]:
    """deepObject serialisation: name[a][b]=v, arrays as name[a][0]=v."""
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _flatten_deep(f"{prefix}[{k}]", v)]
    if isinstance(value, list):
        return [pair for i, v in enumerate(value) for pair in _flatten_deep(f"{prefix}[{i}]", v)]
    return [(prefix, _text(value))]


def _query_pairs(p: dict[str, Any], value: Any) -> list[tuple[str, str]]:
    name, style = p["name"], p.get("style", "form")
    if style == "deepObject" and isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _flatten_deep(f"{name}[{k}]", v)]
    if isinstance(value, dict):  # form/explode object: each property is a query parameter of its own
        return [(k, _text(v)) for k, v in value.items()]
    if isinstance(value, list) and p.get("explode", style == "form"):
        return [(name, _text(v)) for v in value]
    return [(name, _text(value))]


def synthesize_request(op: Operation) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str], str | None, Any]:
    """A valid request for the operation: (path params, query pairs, headers, media type, body)."""
    gen = _Gen(op.vendor, "request", f"{op.vendor}:{op.operation_id}:request")
    content = (op.request_body or {}).get("content") or {}
    media_type = _pick_media(content) if content else None
    path_params: dict[str, str] = {}
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {}
    for p in op.parameters:
        loc, name = p.get("in"), p["name"]
        if not p.get("required") and loc != "path":
            continue
        if loc == "header" and name.lower() in SKIPPED_HEADERS:
            headers[name] = _edge_header(op, p, media_type, gen)
        elif loc == "path":
            path_params[name] = _text(_param_value(p, gen))
        elif loc == "query":
            query.extend(_query_pairs(p, _param_value(p, gen)))
        elif loc == "header":
            headers[name] = _text(_param_value(p, gen))
    body: Any = None
    if media_type is not None:
        node = content[media_type].get("schema") or {}
        if is_json_media(media_type):
            body = gen.value(node)
        elif media_type.startswith("multipart/"):  # form fields; files as bytes (the edge parses multipart)
            fields = (resolve(op.vendor, node) or {}).get("properties") or {}
            body = {k: b"code\nCODE1\n" if _is_binary(op.vendor, v) else _text(gen.value(v, k, k, 1))
                    for k, v in fields.items()}
        else:
            body = _raw_body(media_type, {})
    return path_params, query, headers, media_type, body


def _edge_header(op: Operation, p: dict[str, Any], media_type: str | None, gen: _Gen) -> str:
    """Accept / Content-Type when the spec declares them as required parameters."""
    if p["name"].lower() == "content-type" and media_type:
        return media_type
    target = resolve(op.vendor, p.get("schema") or {})
    if isinstance(target, dict) and target.get("enum"):
        return str(target["enum"][0])
    if p["name"].lower() == "accept":
        success = (response_entry(op, op.success_status) or {}).get("content")
        return _pick_media(success) if success else "application/json"
    return _text(gen.value(p.get("schema") or {}, f"header.{p['name']}", p["name"], 1))
