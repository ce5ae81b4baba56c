"""Loads the compiled spec bundle (see docs/spec-bundle.md); the only place that reads it.

Parsed a part at a time, on first use: at start the router needs only each operation's id, method and path (and the
OAuth scopes its security names), so that is all `load_bundle` reads then; an operation's parameters, request body
and responses (`Operation.raw`) and each named schema are parsed the first time something asks for them. The whole
bundle would be ~25 ms of orjson at every start (1.5 MB); this costs ~3 ms. It relies on the layout
`tools/specs/output.py` writes, one operation or schema per line; a file laid out otherwise is read whole.
"""

from __future__ import annotations

import threading
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

BUNDLE_DIR = Path(__file__).parent / "bundle"
VENDORS = ("allegro", "voucherify")

# Two threads (TargServer's server thread and a test) may ask for the same part at once: each part is parsed once,
# so everyone holds the same objects.
_PARSE = threading.Lock()
_PARAMETERS_KEY = b',"parameters":'


class Operation:
    """One vendor operation as the bundle describes it. `raw` is its bundle entry; `parameters` its parameters."""

    raw: dict[str, Any]
    parameters: list[dict[str, Any]]

    def __init__(self, vendor: str, operation_id: str, method: str, path: str, source: str, raw: dict[str, Any],
                 parameters: list[dict[str, Any]] | None = None) -> None:
        self.vendor = vendor
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.source = source
        self.raw = raw
        self.parameters = parameters if parameters is not None else []
        self._head: dict[str, Any] | None = None
        self._text: bytes | None = None

    @classmethod
    def _lazy(cls, vendor: str, head: dict[str, Any], text: bytes) -> Operation:
        """An operation known by the start of its bundle line (`head`); the whole line is parsed on first use."""
        op = cls.__new__(cls)
        op.vendor = vendor
        op.operation_id = head["operationId"]
        op.method = head["method"].upper()
        op.path = head["path"]
        op.source = head.get("source", "pinned")
        op._head = head
        op._text = text
        return op

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any attribute name on an Operation
        def __getattr__(self, name: str) -> Any:
            # Reached only while `raw` / `parameters` of a lazy operation are not parsed yet.
            if name not in ("raw", "parameters") or self.__dict__.get("_text") is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            with _PARSE:
                if "raw" not in self.__dict__:
                    raw = orjson.loads(self._text)
                    self.__dict__["parameters"] = raw.get("parameters") or []
                    self.__dict__["raw"] = raw
            return self.__dict__[name]

    def __repr__(self) -> str:
        return f"Operation({self.vendor} {self.operation_id}: {self.method} {self.path})"

    @property
    def security(self) -> list[dict[str, list[str]]]:
        head = self._head  # the start of the line has it: reading every operation's scopes parses no operation
        return (head if head is not None else self.raw).get("security") or []

    @property
    def request_body(self) -> dict[str, Any] | None:
        return self.raw.get("requestBody")

    @property
    def responses(self) -> dict[str, Any]:
        return self.raw.get("responses") or {}

    @property
    def success_status(self) -> int:
        return int(self.raw.get("successStatus") or 200)

    def request_media_types(self) -> list[str]:
        body = self.request_body
        return list((body or {}).get("content", {}))

    def response_media_types(self, status: int | str) -> list[str]:
        resp = self.responses.get(str(status)) or self.responses.get("2XX" if 200 <= int(status) < 300 else "")
        return list((resp or {}).get("content") or {})

    def declares(self, status: int) -> bool:
        return str(status) in self.responses


class Schemas(dict[str, Any]):
    """`components.schemas` by name, each schema parsed the first time it is asked for. A dict whose reads
    (`[]`, `get`, `in`, iteration, `len`, `keys`/`values`/`items`) see every schema of the bundle, in bundle order;
    C code reading the dict directly (orjson.dumps, `dict(...)`, `{**...}`) sees only the parsed ones, so nothing
    hands it to such code whole."""

    def __init__(self, texts: dict[str, bytes]) -> None:
        super().__init__()
        self._texts = texts  # name → its JSON text, for every schema, in bundle order (kept: it is the name list)
        self._complete = False

    def __missing__(self, name: str) -> Any:
        text = self._texts[name]  # KeyError for a name the bundle does not have
        with _PARSE:
            if not dict.__contains__(self, name):
                dict.__setitem__(self, name, orjson.loads(text))
        return dict.__getitem__(self, name)

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        if dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        return self[name] if name in self._texts else default

    def __contains__(self, name: object) -> bool:
        return name in self._texts

    def __len__(self) -> int:
        return len(self._texts)

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def keys(self) -> KeysView[str]:
        return self._texts.keys()

    def values(self) -> ValuesView[Any]:
        self._parse_all()
        return dict.values(self)

    def items(self) -> ItemsView[str, Any]:
        self._parse_all()
        return dict.items(self)

    def __repr__(self) -> str:
        return f"Schemas({len(self)} schemas, {dict.__len__(self)} parsed)"

    def _parse_all(self) -> None:
        """Every schema parsed, the dict's own order made the bundle's."""
        if not self._complete:
            with _PARSE:
                if not self._complete:
                    parsed = {name: dict.__getitem__(self, name) if dict.__contains__(self, name) else orjson.loads(text)
                              for name, text in self._texts.items()}
                    dict.update(self, parsed)  # existing keys keep their objects; new ones go last...
                    if list(dict.keys(self)) != list(self._texts):  # ...so put them in bundle order
                        dict.clear(self)
                        dict.update(self, parsed)
                    self._complete = True


class Bundle:
    def __init__(self, vendor: str, operations: list[Operation], schemas: dict[str, Any],
                 meta: dict[str, Any]) -> None:
        self.vendor = vendor
        self.operations = operations
        self.schemas = schemas
        self.meta = meta
        self.by_id: dict[str, Operation] = {op.operation_id: op for op in self.operations}

    def __repr__(self) -> str:
        return f"Bundle({self.vendor}: {len(self.operations)} operations, {len(self.schemas)} schemas)"


@cache
def load_bundle(vendor: str) -> Bundle:
    text = (BUNDLE_DIR / f"{vendor}.json").read_bytes()
    try:
        return _load_by_lines(vendor, text)
    except _Layout:
        return _load_whole(vendor, orjson.loads(text))


def _load_whole(vendor: str, data: dict[str, Any]) -> Bundle:
    ops = [
        Operation(
            vendor=vendor,
            operation_id=o["operationId"],
            method=o["method"].upper(),
            path=o["path"],
            source=o.get("source", "pinned"),
            raw=o,
            parameters=o.get("parameters") or [],
        )
        for o in data["operations"]
    ]
    meta = {k: v for k, v in data.items() if k not in ("operations", "schemas")}
    return Bundle(vendor=vendor, operations=ops, schemas=data["schemas"], meta=meta)


class _Layout(Exception):
    """The file is not laid out one operation / schema per line: read it whole."""


def _load_by_lines(vendor: str, text: bytes) -> Bundle:
    lines = text.split(b"\n")
    ops_at = _block(lines, b'"operations":[')
    schemas_at = _block(lines, b'"schemas":{')
    ops_end = _block_end(lines, ops_at, b"]")
    schemas_end = _block_end(lines, schemas_at, b"}")
    # Everything else (vendor, format, sources, errata, securitySchemes...) is small: parsed now, as it was.
    rest = [line for i, line in enumerate(lines)
            if not (ops_at <= i <= ops_end or schemas_at <= i <= schemas_end)]
    try:
        meta = orjson.loads(b"\n".join(rest).replace(b",\n}", b"\n}"))  # the trailing comma a block's removal left
    except orjson.JSONDecodeError:
        raise _Layout from None
    if not isinstance(meta, dict) or "operations" in meta or "schemas" in meta:
        raise _Layout
    ops = [_operation(vendor, _item(line)) for line in lines[ops_at + 1:ops_end]]
    texts: dict[str, bytes] = {}
    for line in lines[schemas_at + 1:schemas_end]:
        name, schema = _entry(_item(line))
        texts[name] = schema
    return Bundle(vendor=vendor, operations=ops, schemas=Schemas(texts), meta=meta)


def _block(lines: list[bytes], opening: bytes) -> int:
    found = [i for i, line in enumerate(lines) if line == opening]
    if len(found) != 1:
        raise _Layout
    return found[0]


def _block_end(lines: list[bytes], start: int, closing: bytes) -> int:
    for i in range(start + 1, len(lines)):
        if lines[i] in (closing, closing + b","):
            return i
    raise _Layout


def _item(line: bytes) -> bytes:
    return line[:-1] if line.endswith(b",") else line


def _operation(vendor: str, text: bytes) -> Operation:
    # The line is orjson's dump of the entry, keys in the compiler's order: operationId, method, path, source, tags,
    # security, then parameters. `,"` cannot occur inside a JSON string (a quote in a string is escaped), so the
    # first `,"parameters":` ends the head at the top level unless a tag or scope map holds that key; then the head
    # does not parse, or lacks a field, and the whole line is read.
    cut = text.find(_PARAMETERS_KEY)
    head: Any = None
    if cut > 0:
        try:
            head = orjson.loads(text[:cut] + b"}")
        except orjson.JSONDecodeError:
            head = None
    if not (isinstance(head, dict) and isinstance(head.get("operationId"), str)
            and isinstance(head.get("method"), str) and isinstance(head.get("path"), str)):
        try:
            head = orjson.loads(text)
        except orjson.JSONDecodeError:
            raise _Layout from None
        if not isinstance(head, dict):
            raise _Layout
    return Operation._lazy(vendor, head, text)


def _entry(text: bytes) -> tuple[str, bytes]:
    """`"Name":{...}` → ("Name", b"{...}"). A name without escapes is its own text; one with them is decoded and
    checked to be exactly orjson's dump of itself."""
    cut = text.find(b'":')
    if cut < 1 or not text.startswith(b'"'):
        raise _Layout
    quoted = text[:cut + 1]
    if b"\\" not in quoted:
        return quoted[1:-1].decode(), text[cut + 2:]
    try:
        name = orjson.loads(quoted)
    except orjson.JSONDecodeError:
        raise _Layout from None
    if not isinstance(name, str) or orjson.dumps(name) != quoted:
        raise _Layout
    return name, text[cut + 2:]
