"""Dotted paths into JSON documents, with `[]` for "every element of this array": `offers[].id`,
`afterSalesServices.returnPolicy.id`, `productSet[].responsibleProducer.id`.

The same notation names references (references.py), filters (engine) and the places offers point at settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _steps(path: str) -> list[str]:
    return [s for s in path.replace("[]", ".[]").split(".") if s]


def locate(doc: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every (concrete path, value) the pattern reaches, e.g. ("offers[1].id", "77"); missing branches are skipped."""
    def walk(node: Any, steps: list[str], where: str) -> Iterator[tuple[str, Any]]:
        if not steps:
            yield where, node
            return
        head, rest = steps[0], steps[1:]
        if head == "[]":
            if isinstance(node, list):
                for i, item in enumerate(node):
                    yield from walk(item, rest, f"{where}[{i}]")
        elif isinstance(node, dict) and node.get(head) is not None:
            yield from walk(node[head], rest, f"{where}.{head}" if where else head)
    yield from walk(doc, _steps(path), "")


def values_at(doc: Any, path: str) -> list[Any]:
    return [value for _, value in locate(doc, path)]


def first(doc: Any, path: str, default: Any = None) -> Any:
    return next((value for _, value in locate(doc, path)), default)
