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
import re._constants as sre
import re._parser as sre_parse
from http import HTTPStatus
from typing import Any

from targ.spec import schemas
from targ.spec.bundle import Operation
from targ.spec.schemas import Direction, find_property, is_marked, resolve
from targ.spec.validate import SKIPPED_HEADERS, is_json_media, response_entry

MAX_OPTIONAL_DEPTH = 4  # responses: optional properties below this depth are left out
DATE_TIME = "2026-01-01T00:00:00.000Z"
_FORMAT_VALUES = {"date-time": DATE_TIME, "date": "2026-01-01", "email": "user@example.com", "uri": "https://example.com/",
                  "url": "https://example.com/", "hostname": "example.com", "ipv4": "127.0.0.1", "time": "00:00:00Z",
                  "BCP-47 language code": "en-US", "ISO 4217 currency code": "PLN", "ISO 4217": "PLN"}
_MEDIA_PREFERENCE = ("application/vnd.allegro.public.v1+json", "application/vnd.allegro.beta.v1+json", "application/json")
# Smallest well-formed files, so a client that opens them does not choke.
_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
                     "0001e221bc330000000049454e44ae426082")


class _Recursion(Exception):
    """A $ref is being expanded inside itself; the caller drops the optional value or uses an empty one."""


class _Gen:
    def __init__(self, vendor: str, direction: Direction, seed: str) -> None:
        self.vendor, self.direction, self.seed = vendor, direction, seed
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
            if key in node and (self.direction == "response" or not isinstance(node[key], dict | list)):
                if self.valid(node, node[key]):
                    return copy.deepcopy(node[key])
        if "$ref" in node:
            ref = node["$ref"]
            if ref in self.stack:
                raise _Recursion(ref)
            self.stack.append(ref)
            try:
                rest = {k: v for k, v in node.items() if k not in ("$ref", "example", "default")}
                target = resolve(self.vendor, node)
                return self.value(_merge(target, rest) if rest else target, path, name, depth)
            finally:
                self.stack.pop()
        if "const" in node:
            return copy.deepcopy(node["const"])
        if "enum" in node:
            options = [v for v in node["enum"] if v is not None] or [None]
            return copy.deepcopy(options[0])
        if node.get("allOf"):
            merged = {k: v for k, v in node.items() if k != "allOf"}
            for part in node["allOf"]:
                merged = _merge(merged, self.flatten(part))
            return self.value(merged, path, name, depth)
        for key in ("oneOf", "anyOf"):
            if node.get(key):
                return self.choice(node, key, path, name, depth)
        kind = _type_of(node)
        if kind == "object":
            return self.obj(node, path, depth)
        if kind == "array":
            return self.array(node, path, name, depth)
        if kind in ("integer", "number"):
            return _number(node, kind)
        if kind == "boolean":
            return False
        if kind == "null":
            return None
        return self.string(node, path, name)

    def flatten(self, node: Any) -> dict[str, Any]:
        """A $ref'd allOf part as a plain node (nested allOf merged in), for merging into its parent."""
        node = resolve(self.vendor, node)
        if not isinstance(node, dict):
            return {}
        out = {k: v for k, v in node.items() if k not in ("allOf", "example")}
        for part in node.get("allOf") or ():
            out = _merge(out, self.flatten(part))
        return out

    def choice(self, node: dict[str, Any], key: str, path: str, name: str, depth: int) -> Any:
        base = {k: v for k, v in node.items() if k not in (key, "example", "default")}
        branches = sorted(node[key], key=lambda b: isinstance(b, dict) and b.get("type") == "null")
        first: Any = None
        for i, branch in enumerate(branches):
            try:
                merged = _merge(base, self.flatten(branch)) if base else branch
                candidate = self.nonempty(merged, path, name, depth)
            except _Recursion:
                continue
            if i == 0:
                first = candidate
            if self.valid(node, candidate):
                return candidate
        if first is None and not branches:
            raise _Recursion(path)
        return first

    def nonempty(self, node: Any, path: str, name: str, depth: int) -> Any:
        """Like value(), but an object that came out empty gets its first property: an empty alternative or
        deepObject parameter says nothing (and a discriminator-less oneOf cannot tell `{}` apart)."""
        out = self.value(node, path, name, depth)
        target = self.flatten(node)
        props = [n for n in target.get("properties") or () if not is_marked(self.vendor, target["properties"][n],
                                                                             "readOnly")]
        if out == {} and props:
            out = self.value({**target, "required": props[:1]}, path, name, depth)
        return out

    def obj(self, node: dict[str, Any], path: str, depth: int) -> dict[str, Any]:
        props: dict[str, Any] = node.get("properties") or {}
        required = list(node.get("required") or ())
        hidden = "readOnly" if self.direction == "request" else "writeOnly"
        out: dict[str, Any] = {}
        names = list(props) + [n for n in required if n not in props]
        for prop in names:
            sub = props.get(prop) or find_property(self.vendor, node, prop) or _extra_schema(node)
            marked = is_marked(self.vendor, sub, hidden)
            wanted = prop in required and not marked
            if not wanted and (self.direction == "request" or marked or depth >= MAX_OPTIONAL_DEPTH):
                continue
            try:
                out[prop] = self.value(sub, f"{path}.{prop}", prop, depth + 1)
            except _Recursion:
                if wanted:
                    raise
        extra = _extra_schema(node)
        i = 0
        while extra is not None and len(out) < int(node.get("minProperties", 0)):
            i += 1
            out[f"key{i}"] = self.value(extra, f"{path}.key{i}", "key", depth + 1)
        return out

    def array(self, node: dict[str, Any], path: str, name: str, depth: int) -> list[Any]:
        items = node.get("items", {})
        lo, hi = int(node.get("minItems", 0)), node.get("maxItems")
        n = max(lo, 1) if hi is None else min(max(lo, 1), int(hi))
        out: list[Any] = []
        for i in range(n):
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
        fmt = node.get("format")
        if fmt == "uuid":
            s = self.uuid(path)
        elif isinstance(fmt, str) and fmt in _FORMAT_VALUES:
            s = _FORMAT_VALUES[fmt]
        elif isinstance(node.get("pattern"), str):
            s = name if name and re.search(node["pattern"], name) else from_pattern(node["pattern"]) or name or "string"
        else:
            s = name or "string"
        lo, hi = int(node.get("minLength", 0)), node.get("maxLength")
        if len(s) < lo:
            s += "x" * (lo - len(s))
        if hi is not None and len(s) > int(hi):
            s = s[: int(hi)]
        return s


def from_pattern(pattern: str) -> str | None:
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


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """allOf-style union of two object nodes: properties and required are combined, other keywords b-over-a."""
    out = {**a, **b}
    if "properties" in a or "properties" in b:
        out["properties"] = {**(a.get("properties") or {}), **(b.get("properties") or {})}
    req = list(dict.fromkeys([*(a.get("required") or ()), *(b.get("required") or ())]))
    if req:
        out["required"] = req
    return out


def _type_of(node: dict[str, Any]) -> str | None:
    t = node.get("type")
    if isinstance(t, list):
        return next((x for x in t if x != "null"), "null")
    if t is None:
        return "object" if "properties" in node else "array" if "items" in node else None
    return t


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
    if lo is not None and v < lo:
        v = lo
    if hi is not None and v > hi:
        v = hi
    mult = node.get("multipleOf")
    if isinstance(mult, int | float) and mult > 0:
        v = math.ceil(v / mult) * mult
    return int(math.ceil(v)) if kind == "integer" else v


def _vary(item: Any, i: int, items: Any) -> Any:
    enum = items.get("enum") if isinstance(items, dict) else None
    if enum:
        return enum[i % len(enum)]
    if isinstance(item, str):
        return f"{item}{i}"
    if isinstance(item, int | float) and not isinstance(item, bool):
        return item + i
    return item


# ---------------------------------------------------------------------------------------------- responses


def _pick_media(content: dict[str, Any]) -> str:
    for mt in _MEDIA_PREFERENCE:
        if mt in content:
            return mt
    return next(iter(content))


def _raw_body(media_type: str, entry: dict[str, Any]) -> bytes | str:
    if isinstance(entry.get("example"), str):
        return entry["example"]
    if media_type == "application/pdf":
        return _PDF
    if media_type.startswith("image/"):
        return _PNG
    if media_type.startswith("text/") or media_type == "x-application/zpl":
        return "^XA^XZ\n" if "zpl" in media_type else ""
    return b""


def _is_binary(vendor: str, node: Any) -> bool:
    target = resolve(vendor, node)
    return isinstance(target, dict) and target.get("type") == "string" and target.get("format") in ("binary", "text")


def error_body(vendor: str, status: int) -> dict[str, Any]:
    """A vendor error envelope for a status (see validate.error_schema)."""
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if vendor == "voucherify":
        key = phrase.lower().replace(" ", "_")
        rid = "v-" + hashlib.sha1(str(status).encode()).hexdigest()[:18]
        return {"code": status, "key": key, "message": phrase, "details": phrase, "request_id": rid}
    if status == 401:
        return {"error": "unauthorized", "error_description": "Full authentication is required to access this resource"}
    code = "VALIDATION_ERROR" if status == 422 else phrase.title().replace(" ", "") + "Exception"
    return {"errors": [{"code": code, "message": phrase, "details": None, "path": None, "userMessage": phrase,
                        "metadata": {}}]}


def _headers(op: Operation, entry: dict[str, Any], body: Any, gen: _Gen) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, spec in (entry.get("headers") or {}).items():
        low = name.lower()
        if low == "content-type":
            continue  # the edge sets it from the media type
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
        else:
            out[name] = str(gen.value(spec.get("schema") or {"type": "string"}, f"header.{low}", low))
    return out


_cache: dict[tuple[str, str, int], tuple[int, str | None, Any, dict[str, str]]] = {}


def synthesize(op: Operation, status: int | None = None) -> tuple[int, str | None, Any, dict[str, str]]:
    """(status, media type, body, headers) for a status (default: the success status) made from the spec."""
    status = status or op.success_status
    key = (op.vendor, op.operation_id, status)
    if key not in _cache:
        _cache[key] = _synthesize(op, status)
    return copy.deepcopy(_cache[key])


def _synthesize(op: Operation, status: int) -> tuple[int, str | None, Any, dict[str, str]]:
    gen = _Gen(op.vendor, "response", f"{op.vendor}:{op.operation_id}:{status}")
    entry = response_entry(op, status)
    content = (entry or {}).get("content") or {}
    json_mt = "application/json" if op.vendor == "voucherify" else _MEDIA_PREFERENCE[0]
    if not content:
        if status >= 400:
            return status, json_mt, error_body(op.vendor, status), {}
        return status, None, None, _headers(op, entry or {}, None, gen)
    mt = _pick_media(content)
    media = content[mt]
    node = media.get("schema") or {}
    body: Any
    if "*" in mt:  # `*/*`: JSON unless the schema is a file
        mt = "application/octet-stream" if _is_binary(op.vendor, node) else json_mt
    if not is_json_media(mt):
        body = _raw_body(mt, media)
    elif "example" in media and gen.valid(node, media["example"]):
        body = copy.deepcopy(media["example"])
    else:
        body = gen.value(node, "", "", 0)
    return status, mt, body, _headers(op, entry or {}, body, gen)


# ---------------------------------------------------------------------------------------------- requests


_SHAPED = {"enum", "const", "pattern", "format", "example", "maxLength", "minLength"}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill_path(op: Operation, gen: _Gen) -> str:
    path = op.path
    for p in op.parameters:
        if p.get("in") == "path":
            path = path.replace("{" + p["name"] + "}", _text(_param_value(p, gen)))
    return path


def _param_value(p: dict[str, Any], gen: _Gen) -> Any:
    node = p.get("schema") or {}
    target = resolve(gen.vendor, node)
    plain = isinstance(target, dict) and _type_of(target) in (None, "string") and not (target.keys() & _SHAPED)
    if plain and p.get("in") == "path" and p["name"].lower().endswith("id"):
        return gen.uuid(f"path.{p['name']}")  # Allegro's ids are uuids (it answers 422 to a malformed one)
    return gen.nonempty(node, f"{p.get('in')}.{p['name']}", p["name"], 1)


def _query_pairs(p: dict[str, Any], value: Any) -> list[tuple[str, str]]:
    name, style = p["name"], p.get("style", "form")
    if style == "deepObject" and isinstance(value, dict):
        return [(f"{name}[{k}]", _text(v)) for k, v in value.items() if not isinstance(v, dict | list)]
    if isinstance(value, dict):
        return [(k, _text(v)) for k, v in value.items()]
    if isinstance(value, list):
        if p.get("explode", style == "form"):
            return [(name, _text(v)) for v in value]
        return [(name, ",".join(_text(v) for v in value))]
    return [(name, _text(value))]


def synthesize_request(op: Operation) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str], str | None, Any]:
    """A valid request for the operation: (path params, query pairs, headers, media type, body)."""
    gen = _Gen(op.vendor, "request", f"{op.vendor}:{op.operation_id}:request")
    rb = op.request_body
    content = (rb or {}).get("content") or {}
    media_type = _pick_media(content) if content else None
    path_params: dict[str, str] = {}
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {}
    for p in op.parameters:
        loc, name = p.get("in"), p["name"]
        if not p.get("required") and loc != "path":
            continue
        if loc == "header" and name.lower() in SKIPPED_HEADERS:
            headers[name] = _skipped_header(op, p, media_type, gen)
            continue
        value = _param_value(p, gen)
        if loc == "path":
            path_params[name] = ",".join(map(_text, value)) if isinstance(value, list) else _text(value)
        elif loc == "query":
            query.extend(_query_pairs(p, value))
        elif loc == "header":
            headers[name] = ",".join(map(_text, value)) if isinstance(value, list) else _text(value)
    body: Any = None
    if media_type is not None:
        node = content[media_type].get("schema") or {}
        if is_json_media(media_type):
            body = gen.value(node, "", "", 0)
        elif media_type.startswith("multipart/"):
            body = {k: (b"code\nCODE1\n" if _is_binary(op.vendor, v) else _text(gen.value(v, k, k, 1)))
                    for k, v in (resolve(op.vendor, node).get("properties") or {}).items()}
        else:
            body = _raw_body(media_type, {})
    return path_params, query, headers, media_type, body


def _skipped_header(op: Operation, p: dict[str, Any], media_type: str | None, gen: _Gen) -> str:
    if p["name"].lower() == "content-type" and media_type:
        return media_type
    target = resolve(op.vendor, p.get("schema") or {})
    if isinstance(target, dict) and target.get("enum"):
        return str(target["enum"][0])
    if p["name"].lower() == "accept":
        success = response_entry(op, op.success_status) or {}
        return _pick_media(success["content"]) if success.get("content") else "application/json"
    return _text(gen.value(p.get("schema") or {}, f"header.{p['name']}", p["name"], 1))

