"""Listings: the fields a kind's lists filter and sort on, kept by the store in a table of their own.

A list over 100 000 orders cannot decode every order, nor keep a sorted copy of them all in memory that each write
throws away. A kind declares a `Listing` (its text fields, number fields and one set of tags, and how to read them
from a document); the store then keeps one row per document of that kind in the `listing` table, in the same
transaction as the document, and answers `select(kind, owner, Query)` with an index range: the page's ids and the
total count, decoding nothing. Portable SQL: a fixed set of columns (t1..t8 text, n1..n3 integer, tags), named per
kind by its declaration.

A declaration has a version: a store whose rows were built by another version (or by none: data files from before
listings, a demo image) rebuilds them from the documents on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

TEXT_COLUMNS = tuple(f"t{i}" for i in range(1, 9))
NUMBER_COLUMNS = ("n1", "n2", "n3")


@dataclass(frozen=True)
class Row:
    """What a document contributes to its kind's listing."""

    texts: dict[str, str | None]
    numbers: dict[str, int | None]
    tags: Iterable[str] = ()


@dataclass(frozen=True)
class Listing:
    kind: str
    texts: tuple[str, ...]
    numbers: tuple[str, ...]
    row: Callable[[dict[str, Any]], Row]
    version: int = 1

    def __post_init__(self) -> None:
        if len(self.texts) > len(TEXT_COLUMNS) or len(self.numbers) > len(NUMBER_COLUMNS):
            raise ValueError(f"listing of {self.kind}: at most {len(TEXT_COLUMNS)} text and "
                             f"{len(NUMBER_COLUMNS)} number fields")

    def column(self, name: str) -> str:
        if name in self.texts:
            return TEXT_COLUMNS[self.texts.index(name)]
        if name in self.numbers:
            return NUMBER_COLUMNS[self.numbers.index(name)]
        raise KeyError(f"{self.kind} lists no field {name!r}")

    def values(self, data: dict[str, Any]) -> list[Any]:
        """t1..t8, n1..n3, tags of a document, in column order."""
        row = self.row(data)
        texts = [row.texts.get(name) for name in self.texts]
        numbers = [row.numbers.get(name) for name in self.numbers]
        tags = "".join(f",{tag}" for tag in row.tags)
        return [*texts, *[None] * (len(TEXT_COLUMNS) - len(texts)), *numbers,
                *[None] * (len(NUMBER_COLUMNS) - len(numbers)), f"{tags}," if tags else None]


@dataclass
class Query:
    """Equal to any of the values (per text field), number bounds (inclusive), a tag, sorted by a number field then
    insertion order, one page."""

    equals: dict[str, Iterable[str]] = field(default_factory=dict)
    at_least: dict[str, int] = field(default_factory=dict)
    at_most: dict[str, int] = field(default_factory=dict)
    tag: str | None = None
    order_by: str | None = None
    desc: bool = False
    offset: int = 0
    limit: int = 100


LISTINGS: dict[str, Listing] = {}


def declare(listing: Listing) -> Listing:
    LISTINGS[listing.kind] = listing
    return listing


def where(listing: Listing, query: Query) -> tuple[str, list[Any]]:
    """The WHERE clause (after kind and owner) and its arguments."""
    sql, args = "", []
    for name, values in query.equals.items():
        wanted = list(values)
        sql += f" AND {listing.column(name)} IN ({', '.join('?' * len(wanted))})"
        args += wanted
    for bounds, op in ((query.at_least, ">="), (query.at_most, "<=")):
        for name, value in bounds.items():
            sql += f" AND {listing.column(name)} {op} ?"
            args.append(value)
    if query.tag is not None:
        escaped = query.tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql += " AND tags LIKE ? ESCAPE '\\'"
        args.append(f"%,{escaped},%")
    return sql, args
