"""Versioned schema migrations. Append only: a released migration is never edited.

Portable SQL (TEXT, INTEGER, PRIMARY KEY, plain indexes) so that PostgreSQL runs the same statements. A step that
reshapes documents is a function of the store, written against the Store interface only, so it is portable too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from targ.store.base import Store

Step = str | Callable[["Store"], None]


def _order_shipments_apart(store: Store) -> None:
    """Allegro checkout forms kept their parcel tracking numbers in `_targ.shipments`; they now live in a document
    of their own (kind `order_shipments`, id = the order id; targ.allegro.orders.shipments)."""
    for doc in store.find("checkout_form"):
        shipments = doc.data.get("_targ", {}).pop("shipments", None)
        if shipments is None:
            continue
        if shipments:
            store.put("order_shipments", doc.id, {"shipments": shipments}, owner=doc.owner)
        store.put("checkout_form", doc.id, doc.data, owner=doc.owner, alt=doc.alt)


def _parcel_routes_on_the_clock(store: Store) -> None:
    """A parcel's next tracking step was a job (`allegro.order.parcel-step`, payload `{parcel, version}`); it is now
    the parcel's own `nextAt` and `stepMs` (targ.allegro.orders.carrier), caught up whenever the parcel is read."""
    from targ.clock import parse_duration
    from targ.config import SETTINGS

    step = parse_duration((store.meta_get("config") or {}).get("carrierStepDelay",
                                                               SETTINGS["carrierStepDelay"].default))
    for job in store.pending_of("allegro.order.parcel-step"):
        doc = store.get_doc("parcel", str(job.payload["parcel"]))
        if doc is not None and doc.data.get("version") == job.payload["version"]:
            store.put("parcel", doc.id, {**doc.data, "nextAt": job.due_at, "stepMs": step},
                      owner=doc.owner, alt=doc.alt)
        store.finish_job(job.id)


MIGRATIONS: list[tuple[int, list[Step]]] = [
    (1, [
        "CREATE TABLE docs (kind TEXT NOT NULL, id TEXT NOT NULL, owner TEXT NOT NULL, seq INTEGER NOT NULL,"
        " alt TEXT, data TEXT NOT NULL, PRIMARY KEY (kind, id))",
        "CREATE INDEX docs_owner_seq ON docs (kind, owner, seq)",
        "CREATE INDEX docs_alt ON docs (kind, owner, alt)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "CREATE TABLE jobs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, due_at INTEGER NOT NULL, owner TEXT NOT NULL,"
        " payload TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX jobs_due ON jobs (done, due_at, id)",
    ]),
    (2, [_order_shipments_apart]),
    # Most documents have no alternate key: indexing only those that do makes every other insert one index lighter.
    (3, [
        "DROP INDEX docs_alt",
        "CREATE INDEX docs_alt ON docs (kind, owner, alt) WHERE alt IS NOT NULL",
    ]),
    (4, [_parcel_routes_on_the_clock]),
    # A job that raises is set aside as failed (done=2) with its error, instead of failing every later request.
    (5, [
        "ALTER TABLE jobs ADD COLUMN error TEXT",
        "ALTER TABLE jobs ADD COLUMN finished_at INTEGER",
    ]),
    # Order events are found by type (their alternate key) in insertion order: the alternate-key index carries seq,
    # so a page of one type is an index range.
    (6, [
        "DROP INDEX docs_alt",
        "CREATE INDEX docs_alt ON docs (kind, owner, alt, seq) WHERE alt IS NOT NULL",
        # Events journaled before carry their type as their alternate key too (targ.allegro.orders.events).
        "UPDATE docs SET alt = json_extract(data, '$.type') WHERE kind = 'order_event'",
    ]),
    # Listings (targ.store.listing): the fields lists filter and sort on, one row per document, built from the
    # documents on first use.
    # The table is kept in (kind, owner, n1, seq) order, so a page and a count in the first number field's order
    # (orders: purchase time) read consecutive rows with no lookups; the second number field's index carries every
    # column for the same reason (100k orders: 13-28 ms instead of 50-110 ms). PostgreSQL: a plain table clustered
    # the same way.
    (7, [
        "CREATE TABLE listing (kind TEXT NOT NULL, id TEXT NOT NULL, owner TEXT NOT NULL, seq INTEGER NOT NULL,"
        " t1 TEXT, t2 TEXT, t3 TEXT, t4 TEXT, t5 TEXT, t6 TEXT, t7 TEXT, t8 TEXT,"
        " n1 INTEGER, n2 INTEGER, n3 INTEGER, tags TEXT, PRIMARY KEY (kind, owner, n1, seq, id)) WITHOUT ROWID",
        "CREATE UNIQUE INDEX listing_id ON listing (kind, id)",
        "CREATE INDEX listing_n2 ON listing (kind, owner, n2, seq, n1, t1, t2, t3, t4, t5, t6, t7, t8, tags)",
    ]),
    # How many listing rows each owner has per combination of facet values (targ.store.listing): the total of a
    # list filtered on facets only is a sum, not a count of every row. Filled when a listing is (re)built.
    (8, [
        "CREATE TABLE listing_facets (kind TEXT NOT NULL, owner TEXT NOT NULL, f1 TEXT NOT NULL, f2 TEXT NOT NULL,"
        " f3 TEXT NOT NULL, f4 TEXT NOT NULL, f5 TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (kind, owner, f1, f2, f3, f4, f5))",
    ]),
    # The second number field's index no longer carries every column: a write that changes a listed text (an
    # order's status, its lines sent) then moves one row instead of a row and a wide index entry. Lists in that
    # field's order look the texts up in the table (targ.store.listing).
    (9, [
        "DROP INDEX listing_n2",
        "CREATE INDEX listing_n2 ON listing (kind, owner, n2, seq)",
    ]),
]

LATEST = MIGRATIONS[-1][0]
