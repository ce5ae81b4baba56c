"""Versioned schema migrations. Append only: a released migration is never edited.

Portable SQL (TEXT, INTEGER, PRIMARY KEY, plain indexes) so that PostgreSQL runs the same statements.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, list[str]]] = [
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
]

LATEST = MIGRATIONS[-1][0]
