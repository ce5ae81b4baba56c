"""Routes a raw request path to the vendor operations declared for it.

Matching runs on the *raw* path, split on `/` before any percent-decoding, so a Voucherify id with `%2F` in it
stays one segment. Static segments win over parameters (`/sale/offers/unfilled-parameters` before
`/sale/offers/{offerId}`); a path parameter never matches an empty segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from targ.cache import Cache
from targ.spec.bundle import Operation

MEMO_SIZE = 4096


@dataclass
class _Node:
    static: dict[str, _Node] = field(default_factory=dict)
    param: _Node | None = None
    # method → operations ending here (several only where a vendor serves two operations on one path,
    # told apart by Accept, like Voucherify's get-export and download-export)
    ops: dict[str, list[Operation]] = field(default_factory=dict)
    allowed: list[str] = field(default_factory=list)   # sorted(ops), once the router is built


def _sort_allowed(node: _Node) -> None:
    node.allowed = sorted(node.ops)
    for child in node.static.values():
        _sort_allowed(child)
    if node.param is not None:
        _sort_allowed(node.param)


@dataclass(slots=True)
class Match:
    operations: list[Operation]             # candidates for the method (empty: path known, method not)
    allowed: list[str]                      # methods the path has
    params: dict[int, dict[str, str]]       # id(op) → its decoded path parameters


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/") if path.strip("/") else []


class Router:
    def __init__(self, operations: list[Operation]) -> None:
        self._root = _Node()
        self._templates: dict[int, list[str]] = {}
        # Paths without parameters (`/me`, `/order/events`) are answered by one dict lookup, and recent
        # (method, path) pairs from a bounded memo: clients hit the same few paths over and over.
        self._literal: dict[str, _Node] = {}
        self._memo: Cache[tuple[str, str], Match | None] = Cache("router.paths", MEMO_SIZE)
        self._positions: dict[int, list[tuple[int, str]]] = {}  # id(op) → (segment index, name) of its parameters
        for op in operations:
            node = self._root
            segs = _segments(op.path)
            self._templates[id(op)] = segs
            for seg in segs:
                if seg.startswith("{") and seg.endswith("}"):
                    node.param = node.param or _Node()
                    node = node.param
                else:
                    node = node.static.setdefault(seg, _Node())
            node.ops.setdefault(op.method, []).append(op)
            if "{" not in op.path:
                self._literal["/" + "/".join(segs)] = node
        _sort_allowed(self._root)

    def match(self, method: str, raw_path: str) -> Match | None:
        """None: no such path. Otherwise the operations for `method` (maybe none) and the allowed methods.
        The result is shared: callers copy the parameter dicts before changing them."""
        return self._memo.get((method, raw_path), lambda: self._match(method, raw_path))

    def _match(self, method: str, raw_path: str) -> Match | None:
        literal = self._literal.get(raw_path)
        if literal is not None and method in literal.ops:
            return Match(literal.ops[method], literal.allowed, {id(op): {} for op in literal.ops[method]})
        segs = raw_path.split("/")[1:] if raw_path.startswith("/") else raw_path.split("/")
        if segs and segs[-1] == "" and len(segs) > 1:
            return None  # a trailing slash is another path for both vendors
        if segs == [""]:
            segs = []
        # Most paths resolve on the first walk that prefers static segments; the full search (every node the path
        # reaches) is for the rest: a method only another reading of the path has, or a 405.
        node = self._walk(segs)
        if node is not None and method in node.ops:
            ops = node.ops[method]
            return Match(ops, node.allowed, {id(op): self._params(op, segs) for op in ops})
        nodes = self._find(self._root, segs, 0)
        if not nodes:
            return None
        node = next((n for n in nodes if method in n.ops), None)
        if node is None:
            return Match([], sorted({m for n in nodes for m in n.ops}), {})
        ops = node.ops[method]
        params = {id(op): self._params(op, segs) for op in ops}
        return Match(ops, node.allowed, params)

    def _walk(self, segs: list[str]) -> _Node | None:
        node: _Node | None = self._root
        for seg in segs:
            if node is None:
                return None
            child = node.static.get(seg)
            node = child if child is not None else (node.param if seg != "" else None)
        return node

    def _find(self, node: _Node, segs: list[str], i: int) -> list[_Node]:
        """Every node the path reaches, static matches first (so `/v1/orders/import` is the import operation for
        POST, and still an order id for GET)."""
        if i == len(segs):
            return [node] if node.ops else []
        seg = segs[i]
        found: list[_Node] = []
        child = node.static.get(seg)
        if child is not None:
            found += self._find(child, segs, i + 1)
        if node.param is not None and seg != "":
            found += self._find(node.param, segs, i + 1)
        return found

    def _params(self, op: Operation, segs: list[str]) -> dict[str, str]:
        positions = self._positions.get(id(op))
        if positions is None:
            positions = self._positions[id(op)] = [
                (i, t[1:-1]) for i, t in enumerate(self._templates[id(op)]) if t.startswith("{")]
        return {name: unquote(segs[i], errors="strict") if "%" in segs[i] else segs[i] for i, name in positions}
