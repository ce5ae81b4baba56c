"""The listing tables of the SQLite store (targ.store.listing): each listed document's filter and sort fields in a row
of `listing`, kept in the writing transaction, and per owner the count of rows per combination of facet values in
`listing_facets`; `select` answers a page of ids and its total from them. A mixin of `SQLiteStore`, which owns the
connection and calls `_list` on every write of a listed kind."""

from __future__ import annotations

import functools
import sqlite3
from typing import TYPE_CHECKING, Any

import orjson

from targ.store.listing import FACET_COLUMNS, LISTINGS, NUMBER_COLUMNS, TEXT_COLUMNS, Listing, Query, facet_total, where

_LISTING_COLUMNS = ", ".join(("kind", "id", "owner", "seq", *TEXT_COLUMNS, *NUMBER_COLUMNS, "tags"))
# A document's listing row as `listing.values` gives it, after its owner.
_LISTED_ROW = ("SELECT " + ", ".join(("owner", *TEXT_COLUMNS, *NUMBER_COLUMNS, "tags"))
               + " FROM listing WHERE kind=? AND id=?")
_LISTING_WIDTH = 5 + len(TEXT_COLUMNS) + len(NUMBER_COLUMNS)
# A document's listing row, inserted or brought up to date; it shares the document's insertion number.
_UPSERT_LISTING = (
    f"INSERT INTO listing ({_LISTING_COLUMNS}) VALUES (?, ?, ?, (SELECT seq FROM docs WHERE kind=? AND id=?), "
    + ", ".join("?" * (len(TEXT_COLUMNS) + len(NUMBER_COLUMNS) + 1)) + ") ON CONFLICT (kind, id) DO UPDATE SET "
    + ", ".join(f"{c}=excluded.{c}" for c in ("owner", *TEXT_COLUMNS, *NUMBER_COLUMNS, "tags")))
_ROW_COLUMNS = ("owner", *TEXT_COLUMNS, *NUMBER_COLUMNS, "tags")
_FACETS = ", ".join(FACET_COLUMNS)
# One more (or, with n=-1, one fewer) row of an owner with these facet values; a row moving from one combination to
# another is both, in one statement.
_FACET_ROW = f"(?, ?, {', '.join('?' * len(FACET_COLUMNS))}, ?)"
_ON_FACETS = f" ON CONFLICT (kind, owner, {_FACETS}) DO UPDATE SET n = listing_facets.n + excluded.n"
_COUNT_FACETS = f"INSERT INTO listing_facets (kind, owner, {_FACETS}, n) VALUES {_FACET_ROW}" + _ON_FACETS
_MOVE_FACETS = f"INSERT INTO listing_facets (kind, owner, {_FACETS}, n) VALUES {_FACET_ROW}, {_FACET_ROW}" + _ON_FACETS


@functools.lru_cache(maxsize=256)
def _update_statement(changed: tuple[int, ...]) -> str:
    """UPDATE of a listing row's columns at these positions of `_ROW_COLUMNS` (few sets occur: a status, a time)."""
    return f"UPDATE listing SET {', '.join(f'{_ROW_COLUMNS[i]}=?' for i in changed)} WHERE kind=? AND id=?"


class ListingTables:
    conn: sqlite3.Connection
    _cur: sqlite3.Cursor
    _built: dict[str, bool]
    _migrating: bool

    if TYPE_CHECKING:   # provided by SQLiteStore
        def _write(self) -> None: ...
        def meta_get(self, key: str) -> Any: ...
        def meta_set(self, key: str, value: Any) -> None: ...

    def _listed(self, kind: str) -> bool:
        """Whether the listing rows of `kind` are those of its declaration (else they are rebuilt when selected)."""
        built = self._built.get(kind)
        if built is None:
            built = self._built[kind] = self.meta_get(f"listing:{kind}") == LISTINGS[kind].version
        return built

    def _list(self, kind: str, id: str, owner: str, data: dict[str, Any]) -> None:
        if not self._listed(kind):
            # Built now, from the documents (this one included), rather than on the first list: in a new world that
            # is one document, and rows are then kept with each write instead of 100k built in one request later.
            # Not while migrating: the listing tables may not exist yet (the first list builds it then).
            if not self._migrating:
                self._build_listing(kind)
        else:
            listing = LISTINGS[kind]
            values = listing.values(data)
            stored = self._cur.execute(_LISTED_ROW, (kind, id)).fetchone()
            if stored is not None and stored[0] == owner and list(stored[1:]) == values:
                return   # most writes of a document leave its listed fields as they were: nothing to move
            if listing.facets:
                self._recount(listing, kind, id, (owner, *listing.facet_values(values)), stored)
            if stored is None:
                self._cur.execute(_UPSERT_LISTING, (kind, id, owner, kind, id, *values))
            else:   # the row is there: no insertion number to look up, no conflict to resolve
                self._update_listed(kind, id, stored, (owner, *values))

    def _update_listed(self, kind: str, id: str, stored: tuple[Any, ...], row: tuple[Any, ...]) -> None:
        # Only the columns that changed are set: SQLite rewrites every index (and, for the key's columns, the row's
        # place in this WITHOUT ROWID table) that holds a column named in SET, changed or not. A shipment changes an
        # order's lines sent and updatedAt: two columns, not sixteen and a move.
        changed = [i for i, (old, new) in enumerate(zip(stored, row, strict=True)) if old != new]
        self._cur.execute(_update_statement(tuple(changed)), (*(row[i] for i in changed), kind, id))

    def _recount(self, listing: Listing, kind: str, id: str, new: tuple[str, ...] | None,
                 stored: tuple[Any, ...] | None = None) -> None:
        """Moves a document's row in `listing_facets` from its stored (owner, facets) to `new` (None: deleted).
        `stored`: its listing row as `_LISTED_ROW` reads it, when the caller has it."""
        if stored is None:
            stored = self._cur.execute(_LISTED_ROW, (kind, id)).fetchone()
        if stored is None:
            old = None
        else:
            texts = stored[1:1 + len(TEXT_COLUMNS)]
            old = (stored[0], *listing.facet_values_of([texts[listing.texts.index(name)] for name in listing.facets]))
        if old == new:
            return
        if old is not None and new is not None:
            self._cur.execute(_MOVE_FACETS, (kind, *old, -1, kind, *new, 1))
            return
        for key, n in ((old, -1), (new, 1)):
            if key is not None:
                self._cur.execute(_COUNT_FACETS, (kind, *key, n))

    def _build_listing(self, kind: str) -> None:
        listing = LISTINGS[kind]
        self._write()
        self.conn.execute("DELETE FROM listing WHERE kind=?", (kind,))
        rows = self.conn.execute("SELECT id, owner, seq, data FROM docs WHERE kind=?", (kind,))
        insert = f"INSERT INTO listing ({_LISTING_COLUMNS}) VALUES ({', '.join('?' * _LISTING_WIDTH)})"
        while batch := rows.fetchmany(1000):   # in batches: 100k orders' text never sits in memory at once
            self._cur.executemany(insert, [(kind, id, owner, seq, *listing.values(orjson.loads(blob)))
                                           for id, owner, seq, blob in batch])
        self.conn.execute("DELETE FROM listing_facets WHERE kind=?", (kind,))
        if listing.facets:
            picked = [f"coalesce({TEXT_COLUMNS[listing.texts.index(name)]}, '')" for name in listing.facets]
            picked += ["''"] * (len(FACET_COLUMNS) - len(picked))
            self.conn.execute(f"INSERT INTO listing_facets (kind, owner, {_FACETS}, n) SELECT kind, owner, "
                              f"{', '.join(picked)}, count(*) FROM listing WHERE kind=? GROUP BY kind, owner, "
                              f"{', '.join(picked)}", (kind,))
        self.meta_set(f"listing:{kind}", listing.version)
        self._built[kind] = True

    def select(self, kind: str, owner: str, query: Query) -> tuple[list[str], int]:
        listing = LISTINGS[kind]
        if not self._listed(kind):
            self._build_listing(kind)
        clause, args = where(listing, query)
        base = f"FROM listing WHERE kind=? AND owner=?{clause}"
        facets = facet_total(listing, query)
        total = None if facets is None else self._facet_total(listing, kind, owner, query, facets)
        if total is not None and total <= query.offset:
            return [], total   # nothing on this page: no row is read (a facet value no order has)
        direction = " DESC" if query.desc else ""
        order = f"{listing.column(query.order_by)}{direction}, seq{direction}" if query.order_by else f"seq{direction}"
        # With the total known, the page asks for no more rows than there are: a rare value (25 orders PROCESSING
        # among 100k) stops at its last match instead of reading on to the end for a page it cannot fill.
        limit = query.limit if total is None else min(query.limit, total - query.offset)
        ids = [row[0] for row in self.conn.execute(f"SELECT id {base} ORDER BY {order} LIMIT ? OFFSET ?",
                                                   (kind, owner, *args, limit, query.offset))]
        if total is not None:
            return ids, total
        if 0 < len(ids) < query.limit or (not ids and not query.offset):
            # A short page is the last one: the total is known without counting (a selective filter then costs
            # one pass over the rows, not two).
            return ids, query.offset + len(ids)
        return ids, int(self.conn.execute(f"SELECT count(*) {base}", (kind, owner, *args)).fetchone()[0])

    def _facet_total(self, listing: Listing, kind: str, owner: str, query: Query,
                     facets: tuple[str, list[Any]]) -> int:
        # Filtered on facets only: a sum over the owner's few facet combinations, less the rows below the bound on
        # the first number field (orders past retention: the oldest rows of the table's order, a short range).
        sql, facet_args = facets
        total = self.conn.execute(f"SELECT coalesce(sum(n), 0) FROM listing_facets WHERE kind=? AND owner=?{sql}",
                                  (kind, owner, *facet_args)).fetchone()[0]
        first = listing.numbers[0]
        if first in query.at_least:
            clause, below_args = where(listing, Query(equals=query.equals))
            column = listing.column(first)
            # (Never NULL: the first number field is part of the listing table's primary key.)
            total -= self.conn.execute(f"SELECT count(*) FROM listing WHERE kind=? AND owner=? AND {column} < ?"
                                       f"{clause}", (kind, owner, query.at_least[first], *below_args)).fetchone()[0]
        return int(total)
