"""Loads the compiled spec bundle (see docs/spec-bundle.md); the only place that reads it.

Parsed a part at a time, on first use: at start the router needs only each operation's id, method and path (and the
OAuth scopes its security names), so that is all `load_bundle` reads then; an operation's parameters, request body
and responses (`Operation.raw`) and each named schema are parsed the first time something asks for them. The whole
bundle would be ~25 ms of orjson at every start (1.5 MB); this costs ~3 ms. It relies on the layout
`tools/specs/output.py` writes, one operation or schema per line; a file laid out otherwise is read whole.
"""

from __future__ import annotations

import re
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

    def __init__(self, text: bytes, spans: dict[str, tuple[int, int]]) -> None:
        super().__init__()
        self._text = text
        self._spans = spans  # name → where its JSON is in `_text`, for every schema, in bundle order
        self._complete = False

    def __missing__(self, name: str) -> Any:
        start, end = self._spans[name]  # KeyError for a name the bundle does not have
        with _PARSE:
            if not dict.__contains__(self, name):
                dict.__setitem__(self, name, orjson.loads(self._text[start:end]))
        return dict.__getitem__(self, name)

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        if dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        return self[name] if name in self._spans else default

    def __contains__(self, name: object) -> bool:
        return name in self._spans

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def keys(self) -> KeysView[str]:
        return self._spans.keys()

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
                    parsed = {name: dict.__getitem__(self, name) if dict.__contains__(self, name)
                              else orjson.loads(self._text[start:end]) for name, (start, end) in self._spans.items()}
                    dict.update(self, parsed)  # existing keys keep their objects; new ones go last...
                    if list(dict.keys(self)) != list(self._spans):  # ...so put them in bundle order
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


# A schema line starts with its name, quoted; names are identifiers (no quote, backslash or newline to unescape).
# Matched from the newline before it: a literal prefix the regex engine scans for quickly.
_SCHEMA_NAME = re.compile(rb'\n"([^"\\\n]+)":')


def _load_by_lines(vendor: str, text: bytes) -> Bundle:
    ops_at, ops_end, after_ops = _block(text, b'"operations":[', b"]", 0)
    schemas_at, schemas_end, after_schemas = _block(text, b'"schemas":{', b"}", after_ops)
    # Everything else (vendor, format, sources, errata, securitySchemes...) is small: parsed now, as it was.
    rest = text[:ops_at] + text[after_ops:schemas_at] + text[after_schemas:]
    try:
        meta = orjson.loads(rest.replace(b",\n}", b"\n}"))  # the trailing comma a block's removal left
    except orjson.JSONDecodeError:
        raise _Layout from None
    if not isinstance(meta, dict) or "operations" in meta or "schemas" in meta:
        raise _Layout
    ops_body = text[ops_at + len(b'"operations":[\n'):ops_end]
    ops = [_operation(vendor, line[:-1] if line.endswith(b",") else line) for line in ops_body.split(b"\n")]
    return Bundle(vendor=vendor, operations=ops, schemas=Schemas(text, _schema_spans(text, schemas_at, schemas_end)),
                  meta=meta)


def _block(text: bytes, opening: bytes, closing: bytes, since: int) -> tuple[int, int, int]:
    """Where the block is: its opening line, the newline before its closing line, and just after the closing line.
    No line of an entry holds a raw newline, so the opening line is the top-level key; the block's own lines all
    start with `{` or `"`, so the first line starting with `closing` ends it."""
    start = text.find(b"\n" + opening + b"\n", max(since - 1, 0))
    if start < 0:
        raise _Layout
    start += 1
    end = text.find(b"\n" + closing, start)
    if end < 0:
        raise _Layout
    after = end + 1 + len(closing)
    if text[after:after + 1] == b",":
        after += 1
    if text[after:after + 1] != b"\n":
        raise _Layout
    return start, end, after + 1


def _schema_spans(text: bytes, at: int, end: int) -> dict[str, tuple[int, int]]:
    body_start = at + len(b'"schemas":{\n')
    starts = list(_SCHEMA_NAME.finditer(text, body_start - 1, end))
    if len(starts) != text.count(b"\n", body_start, end) + 1:
        raise _Layout  # a line that does not start with a plain name
    spans: dict[str, tuple[int, int]] = {}
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        stop = following.start() - 1 if following is not None else end  # before ",\n"
        spans[match.group(1).decode()] = (match.end(), stop)
    return spans


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
