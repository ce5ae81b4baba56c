"""Listings: the fields a kind's lists filter and sort on, kept by the store in a table of their own.

A list over 100 000 orders cannot decode every order, nor keep a sorted copy of them all in memory that each write
throws away. A kind declares a `Listing` (its text fields, number fields and one set of tags, and how to read them
from a document); the store then keeps one row per document of that kind in the `listing` table, in the same
transaction as the document, and answers `select(kind, owner, Query)` with an index range: the page's ids and the
total count, decoding nothing. Portable SQL: a fixed set of columns (t1..t8 text, n1..n3 integer, tags), named per
kind by its declaration.

A declaration has a version: a store whose rows were built by another version (or by none: data files from before
listings, a demo image) rebuilds them from the documents on first use.

Facets: text fields with a few values each (an order's status, fulfillment status…). The store also keeps how many
rows each owner has per combination of facet values (`listing_facets`, migration 8), so the total of a query that
filters on facets only is a sum over a few dozen rows, not a count of 100 000 (`facet_total`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

TEXT_COLUMNS = tuple(f"t{i}" for i in range(1, 9))
NUMBER_COLUMNS = ("n1", "n2", "n3")
FACET_COLUMNS = tuple(f"f{i}" for i in range(1, 6))


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
    facets: tuple[str, ...] = ()   # text fields with few values: totals filtered on them only are sums (see above)

    def __post_init__(self) -> None:
        if len(self.texts) > len(TEXT_COLUMNS) or len(self.numbers) > len(NUMBER_COLUMNS):
            raise ValueError(f"listing of {self.kind}: at most {len(TEXT_COLUMNS)} text and "
                             f"{len(NUMBER_COLUMNS)} number fields")
        if len(self.facets) > len(FACET_COLUMNS) or not set(self.facets) <= set(self.texts):
            raise ValueError(f"listing of {self.kind}: at most {len(FACET_COLUMNS)} facets, each a text field")

    def facet_values(self, values: list[Any]) -> tuple[str, ...]:
        """f1..f5 of a row given as `values()` returns it ('' for none: facet columns are never NULL, as primary
        key columns must not be in PostgreSQL)."""
        return self.facet_values_of([values[self.texts.index(name)] for name in self.facets])

    def facet_values_of(self, picked: Iterable[Any]) -> tuple[str, ...]:
        """f1..f5 from the facets' values in declaration order."""
        out = [value or "" for value in picked]
        return (*out, *[""] * (len(FACET_COLUMNS) - len(out)))

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
    sql, args = "", list[Any]()
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


def facet_total(listing: Listing, query: Query) -> tuple[str, list[Any]] | None:
    """The WHERE clause (after kind and owner) on `listing_facets` whose sum of `n` is the query's total before its
    bound on the first number field, or None when the query filters on anything but facets (then rows are
    counted). The caller subtracts the rows below that bound (`below_first`)."""
    first = listing.numbers[0] if listing.numbers else None
    if query.tag is not None or query.at_most or set(query.at_least) - {first}:
        return None
    if not set(query.equals) <= set(listing.facets):
        return None
    sql, args = "", list[Any]()
    for name, values in query.equals.items():
        wanted = list(values)
        sql += f" AND {FACET_COLUMNS[listing.facets.index(name)]} IN ({', '.join('?' * len(wanted))})"
        args += wanted
    return sql, args
