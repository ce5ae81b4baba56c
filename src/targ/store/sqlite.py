"""SQLite implementation of the store: in memory by default, or a file (`--data`) in WAL mode.

One connection, used from the server's single event-loop thread: requests are applied one at a time, so there is
one writer and no lock contention. Each request is one transaction, committed before the response goes out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator
from typing import Any

import orjson

from targ.store import datafile
from targ.store.base import Doc, SharedDoc, Store
from targ.store.listing import LISTINGS
from targ.store.lock import FileLock
from targ.store.memo import forget_memos
from targ.store.migrations import LATEST, MIGRATIONS
from targ.store.sqlite_jobs import JobQueue
from targ.store.sqlite_listing import ListingTables

# Documents kept decoded for scan() and peek(), across all kinds: at most this much of their stored text (the decoded
# copies take about six times as much again). A store of any size then costs a bounded amount of memory: keeping
# every order read decoded took 2.7 GiB at 100k orders, and stayed after a reset (issue 14).
MEMO_BYTES = 24 * 2**20
# A document's text crosses the driver as UTF-8 bytes, though stored as TEXT: read as a BLOB, written cast to TEXT
# (see `_memo` in SQLiteStore.__init__).
_DATA = "CAST(data AS BLOB)"
_TEXT = "CAST(? AS TEXT)"
_DOC = f"kind, id, owner, seq, {_DATA}, alt"
SCAN_CHUNK = 500   # documents scan() reads at a time
# In memory: requests released into one transaction before it is committed (bounds the rollback journal's size).
BATCH = 1024


class SQLiteStore(ListingTables, JobQueue, Store):
    def __init__(self, path: str | None = None) -> None:
        self.path = path
        # What the file is, read before anything is written: targ writes only to its own stores (targ.store.datafile).
        found = datafile.inspect(path) if path else datafile.Found.NEW
        self._lock = FileLock(path) if path else None   # before anything touches the file: one server per file
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction spans exactly one request.
        try:
            self.conn = sqlite3.connect(path or ":memory:", isolation_level=None, check_same_thread=False)
        except BaseException:
            if self._lock is not None:
                self._lock.release()
            raise
        # One cursor for the statements whose results are read at once (get, put, insert, …): saves making and
        # freeing a cursor per statement, several times a request.
        self._cur = self.conn.cursor()
        self._depth = 0
        self._doomed = False
        # BEGIN is issued lazily, before a transaction's first write: a request that only reads (most of them) then
        # costs neither BEGIN nor COMMIT, and its failure has nothing to roll back. One connection on one thread is
        # the only writer, so reads outside BEGIN still see every committed write and nothing half-done.
        self._open = False
        # In memory there is nothing to make durable, so a request's transaction is a savepoint inside a longer
        # transaction that is committed every BATCH requests (and before a backup or close): all-or-nothing and
        # visible at once as before, without paying SQLite's COMMIT on every request. A file (--data) commits every
        # request: an acknowledged write is on disk.
        self._batched = path is None
        self._outer = False
        self._released = 0
        # kind → id → (stored text, decoded data): see _decoded. `_memo_bytes` is the stored text it holds.
        # Documents cross the driver as UTF-8 bytes (`CAST(? AS TEXT)` in, `CAST(data AS BLOB)` out, still TEXT in
        # the file): orjson reads and writes bytes, so the text is neither decoded into a str nor encoded back
        # (an order with Polish letters is a 2-byte-per-character str: ~10% of a shipment POST went to that).
        self._memo: dict[str, dict[str, tuple[bytes, dict[str, Any]]]] = {}
        self._memo_bytes = 0
        # Cheap change detection for in-process caches: a kind's generation moves on every write to it, and the
        # epoch on anything that can change documents wholesale (rollback, restore).
        self._generations: dict[str, int] = {}
        self.epoch = 0
        # The earliest pending job's due time, so the check before every request costs no query. None: unknown.
        self._next_due: int | None = None
        self._next_due_known = False
        self._peeked: dict[tuple[str, str], SharedDoc] = {}  # see peek; only documents the memo holds, so bounded too
        self._built: dict[str, bool] = {}   # kind → its listing rows are current (see _listed)
        self._migrating = False
        self.rows_read = 0   # documents read by find, peek and scan: lets tests see that a read costs what it returns
        self._counters: dict[str, int] = {}
        self._unsaved: set[str] = set()      # counters taken from since they were last written
        self._taken: dict[str, int] = {}     # counter → its value when the open request first took from it
        try:
            if path:
                self._open_file(path, found)
            self.migrate()
        except sqlite3.OperationalError as exc:
            self._close_unopened()
            if path:
                raise datafile.DataFileError(path, f"cannot be written ({exc})",
                                             "check the file's and its folder's permissions, or give another file"
                                             ) from None
            raise
        except BaseException:
            self._close_unopened()
            raise

    def _open_file(self, path: str, found: datafile.Found) -> None:
        if found is datafile.Found.NEW:
            # The mark first, in the file's first write: a file targ created is never left without it.
            self.conn.execute(f"PRAGMA application_id = {datafile.TARG_APPLICATION_ID}")
        else:
            datafile.check_intact(self.conn, path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a killed process (the WAL is in the OS cache); only power loss can drop
        # the last commits, which is an acceptable trade for an emulator's speed.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA busy_timeout=5000")

    def _close_unopened(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.release()

    # --- schema ---------------------------------------------------------------------------------------------------
    def version(self) -> int:
        exists = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
        if not exists:
            return 0
        row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        current = self.version()
        if current > LATEST:
            if self.path:
                raise datafile.DataFileError(self.path, f"was written by a newer targ (schema {current}; this targ "
                                             f"knows up to {LATEST})", "upgrade targ, or give another file")
            raise RuntimeError(f"the store is from a newer targ (schema {current}, this one knows {LATEST})")
        self._migrating = True   # see _list
        try:
            with self.transaction():
                self._write()
                # Every store carries targ's mark, the in-memory image too: a reset copies the image's pages, its
                # header included, over the file (restore_from). A store from before the mark gets it here.
                if self.conn.execute("PRAGMA application_id").fetchone()[0] != datafile.TARG_APPLICATION_ID:
                    self.conn.execute(f"PRAGMA application_id = {datafile.TARG_APPLICATION_ID}")
                self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
                for version, statements in MIGRATIONS:
                    if version <= current:
                        continue
                    for step in statements:
                        if isinstance(step, str):
                            self.conn.execute(step)
                        else:
                            step(self)
                    self.conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        finally:
            self._migrating = False

    def is_empty(self) -> bool:
        rows: int = self.conn.execute("SELECT count(*) FROM meta").fetchone()[0]
        return rows == 0

    # --- transactions ---------------------------------------------------------------------------------------------
    def begin(self) -> None:
        # Nested use (a job run inside a request) joins the outer transaction.
        if self._depth == 0:
            self._doomed = False
        self._depth += 1

    def _write(self) -> None:
        """Called before every write: opens the transaction (the outermost level's) if it is not open yet. A write
        outside any transaction (migrations, seeding) is its own."""
        if self._depth and not self._open:
            if not self._batched:
                self._cur.execute("BEGIN")
            else:
                if not self._outer:
                    self._cur.execute("BEGIN")
                    self._outer = True
                self._cur.execute("SAVEPOINT request")
            self._open = True

    def commit(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            was_open, self._open = self._open, False
            if self._doomed:
                # An inner block failed and someone swallowed its error: its half-done writes must not land.
                if was_open:
                    self._undo()
                raise RuntimeError("the transaction was rolled back: an inner block failed")
            if not was_open:
                return
            self._taken.clear()
            if not self._batched:
                self._save_counters()
                self._cur.execute("COMMIT")
                return
            self._cur.execute("RELEASE request")
            self._released += 1
            if self._released >= BATCH:
                self.flush()

    def flush(self) -> None:
        """Commits the transaction that in-memory requests are released into (see __init__)."""
        if self._outer and self._depth == 0:
            self._save_counters()
            self._cur.execute("COMMIT")
            self._outer = False
            self._released = 0

    def _undo(self) -> None:
        if self._batched:
            self._cur.execute("ROLLBACK TO request")
            self._cur.execute("RELEASE request")
        else:
            self._cur.execute("ROLLBACK")
        # Writes are undone: whatever was cached from them (the due job, memos) is forgotten too, and the counters
        # go back to where the request found them.
        for name, value in self._taken.items():
            if value:
                self._counters[name] = value
            else:  # its row may have been created by this request, and is gone again: read (or create) it anew
                self._counters.pop(name, None)
        self._taken.clear()
        self._invalidate()

    def _changing(self, kind: str, id: str) -> None:
        """Before a document is written or deleted: the transaction is open, and what is cached of it is stale."""
        self._write()
        self._touch(kind)
        self._peeked.pop((kind, id), None)
        self._drop_decoded(kind, id)   # stale now: its memory goes back to the budget at once

    def generation(self, kind: str) -> tuple[int, int]:
        return self.epoch, self._generations.get(kind, 0)

    def _touch(self, kind: str) -> None:
        self._generations[kind] = self._generations.get(kind, 0) + 1

    def _invalidate(self) -> None:
        """Documents may have changed behind every cache: shared decoded documents, generations, the due job."""
        self._peeked.clear()
        self._built.clear()   # a listing built by a rolled-back or replaced transaction is not there any more
        self.epoch += 1
        self._next_due_known = False

    def _forget(self) -> None:
        """The whole database was replaced (a restore): counters are read again too, and no decoded copy of the old
        world is kept."""
        self._invalidate()
        self._memo.clear()
        self._memo_bytes = 0
        forget_memos(self)
        self._counters.clear()
        self._unsaved.clear()
        self._taken.clear()

    def rollback(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            was_open, self._open = self._open, False
            if was_open:
                self._undo()
        else:
            # An inner failure spoils the whole transaction: the outer level rolls back (or refuses to commit).
            self._doomed = True

    # --- documents ------------------------------------------------------------------------------------------------
    def get(self, kind: str, id: str) -> dict[str, Any] | None:
        row = self._cur.execute(f"SELECT {_DATA} FROM docs WHERE kind=? AND id=?", (kind, id)).fetchone()
        return orjson.loads(row[0]) if row else None

    def get_doc(self, kind: str, id: str) -> Doc | None:
        row = self._cur.execute(
            f"SELECT {_DOC} FROM docs WHERE kind=? AND id=?", (kind, id)).fetchone()
        return _doc(row) if row else None

    def peek(self, kind: str, id: str) -> SharedDoc | None:
        # This connection is the only writer, and every write of a document goes through put/insert/delete, which
        # drop it from `_peeked`: a document peeked since its last write is still what is stored. Otherwise the
        # stored text is read, and decoding it is skipped while it is unchanged.
        key = (kind, id)
        hit = self._peeked.get(key)
        if hit is not None:
            return hit
        row = self._cur.execute(f"SELECT owner, seq, {_DATA}, alt FROM docs WHERE kind=? AND id=?",
                                (kind, id)).fetchone()
        if row is None:
            return None
        self.rows_read += 1
        owner, seq, blob, alt = row
        data, kept = self._decoded(kind, id, blob)
        doc = SharedDoc(kind, id, owner, int(seq), data, alt)
        if kept:
            self._peeked[key] = doc
        return doc

    def get_by_alt(self, kind: str, owner: str, alt: str) -> Doc | None:
        row = self.conn.execute(
            f"SELECT {_DOC} FROM docs WHERE kind=? AND owner=? AND alt=?",
            (kind, owner, alt)).fetchone()
        return _doc(row) if row else None

    def put(self, kind: str, id: str, data: dict[str, Any], *, owner: str = "", alt: str | None = None) -> None:
        blob = orjson.dumps(data)
        self._changing(kind, id)
        self._put_row(kind, id, owner, alt, blob)
        if kind in LISTINGS:
            self._list(kind, id, owner, data)

    def _put_row(self, kind: str, id: str, owner: str, alt: str | None, blob: bytes) -> None:
        # Most writes replace a document just read, under the same owner and alternate key: that is tried first,
        # as an update of the text alone (the indexes on owner and alt are left alone, which halves its cost).
        # The row keeps its seq.
        if alt is None:
            same = self._cur.execute(f"UPDATE docs SET data={_TEXT} WHERE kind=? AND id=? AND owner=? AND alt IS NULL",
                                     (blob, kind, id, owner))
        else:
            same = self._cur.execute(f"UPDATE docs SET data={_TEXT} WHERE kind=? AND id=? AND owner=? AND alt=?",
                                     (blob, kind, id, owner, alt))
        if same.rowcount:
            return
        if self._cur.execute(f"UPDATE docs SET owner=?, alt=?, data={_TEXT} WHERE kind=? AND id=?",
                             (owner, alt, blob, kind, id)).rowcount == 0:
            self._insert_row(kind, id, owner, alt, blob)

    def insert(self, kind: str, id: str, data: dict[str, Any], *, owner: str = "", alt: str | None = None) -> None:
        self._insert(kind, id, owner, alt, data, "")

    def insert_if_absent(self, kind: str, id: str, data: dict[str, Any], *, owner: str = "",
                         alt: str | None = None) -> bool:
        return self._insert(kind, id, owner, alt, data, " ON CONFLICT (kind, id) DO NOTHING")

    def _insert(self, kind: str, id: str, owner: str, alt: str | None, data: dict[str, Any], conflict: str) -> bool:
        blob = orjson.dumps(data)
        self._changing(kind, id)
        inserted = self._insert_row(kind, id, owner, alt, blob, conflict)
        if inserted and kind in LISTINGS:
            self._list(kind, id, owner, data)
        return inserted

    def _insert_row(self, kind: str, id: str, owner: str, alt: str | None, blob: bytes, conflict: str = "") -> bool:
        """Whether a row was inserted (`conflict` is the statement's ON CONFLICT clause, if any)."""
        return self._cur.execute(f"INSERT INTO docs (kind, id, owner, seq, alt, data) VALUES (?, ?, ?, ?, ?, {_TEXT})"
                                 + conflict, (kind, id, owner, self.next_seq("docs"), alt, blob)).rowcount == 1

    def delete(self, kind: str, id: str) -> bool:
        self._changing(kind, id)
        if kind in LISTINGS and self._listed(kind):
            if LISTINGS[kind].facets:
                self._recount(LISTINGS[kind], kind, id, None)
            self._cur.execute("DELETE FROM listing WHERE kind=? AND id=?", (kind, id))
        return self.conn.execute("DELETE FROM docs WHERE kind=? AND id=?", (kind, id)).rowcount > 0

    def find(self, kind: str, owner: str | None = None, *, desc: bool = False, limit: int | None = None,
             offset: int = 0, after_seq: int | None = None, alt: str | Collection[str] | None = None) -> list[Doc]:
        order = " ORDER BY seq DESC" if desc else " ORDER BY seq"
        alts = None if alt is None or isinstance(alt, str) else sorted(set(alt))
        if alts is not None and len(alts) == 1:
            alt, alts = alts[0], None
        if alts is not None and limit is not None:
            # Several alternate keys and a page: each key's page is a range of the alternate-key index (its insertion
            # numbers only, nothing decoded), the union is cut to the page, and only its documents are read.
            where, args = _where(kind, owner, after_seq)
            arms = " UNION ALL ".join(f"SELECT seq FROM (SELECT seq FROM docs{where} AND alt=?{order} LIMIT ?) AS a{i}"
                                      for i in range(len(alts)))
            page_args = [x for key in alts for x in (*args, key, limit + offset)]
            head, head_args = _where(kind, owner, None)
            sql = (f"SELECT {_DOC} FROM docs{head} AND seq IN ({arms}{order} LIMIT ? OFFSET ?)"
                   + order)
            found = [_doc(r) for r in self.conn.execute(sql, [*head_args, *page_args, limit, offset])]
            self.rows_read += len(found)
            return found
        where, args = _where(kind, owner, after_seq)
        sql = f"SELECT {_DOC} FROM docs" + where
        if alts is not None:
            sql += f" AND alt IN ({', '.join('?' * len(alts))})"
            args += alts
        elif alt is not None:
            sql += " AND alt=?"
            args.append(alt)
        sql += order
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        elif offset:
            sql += " LIMIT -1 OFFSET ?"
            args.append(offset)
        found = [_doc(r) for r in self.conn.execute(sql, args)]
        self.rows_read += len(found)
        return found

    def first_seq_from(self, kind: str, id: str) -> int | None:
        row = self._cur.execute("SELECT seq FROM docs WHERE kind=? AND id>=? ORDER BY id LIMIT 1",
                                (kind, id)).fetchone()
        return int(row[0]) if row else None

    def scan(self, kind: str, owner: str) -> Iterator[SharedDoc]:
        # Decoding is most of the cost of reading a large collection; a document whose stored text hasn't changed
        # since the last scan is served from the memo, still decoded. Read in chunks, each an index range after the
        # last one (no statement stays open between them): a report over 100k orders never holds them all decoded
        # at once, only what the memo keeps.
        last = 0
        while True:
            rows = self.conn.execute(f"SELECT id, seq, {_DATA}, alt FROM docs WHERE kind=? AND owner=? AND seq>?"
                                     " ORDER BY seq LIMIT ?", (kind, owner, last, SCAN_CHUNK)).fetchall()
            self.rows_read += len(rows)
            for id, seq, blob, alt in rows:
                yield SharedDoc(kind, id, owner, int(seq), self._decoded(kind, id, blob)[0], alt)
            if len(rows) < SCAN_CHUNK:
                return
            last = rows[-1][1]

    def _decoded(self, kind: str, id: str, blob: bytes) -> tuple[dict[str, Any], bool]:
        """The document's data decoded from `blob`, or the memo's (shared) copy while the stored text is the same;
        and whether the memo holds it.

        The memo holds at most MEMO_BYTES of stored text. Once full it keeps what it has and decodes the rest each
        time: a scan larger than the budget, repeated (a report after each write), still finds most documents
        decoded, where evicting the oldest would find none. Entries leave when their document is written or
        deleted (`_changing`) and all at once on a reset."""
        memo = self._memo.get(kind)
        if memo is None:
            memo = self._memo[kind] = {}
        cached = memo.get(id)
        if cached is not None:
            if cached[0] == blob:
                return cached[1], True
            self._drop_decoded(kind, id)   # changed behind the memo (a rolled-back write): decoded again below
        data: dict[str, Any] = orjson.loads(blob)
        if self._memo_bytes + len(blob) > MEMO_BYTES:
            return data, False
        memo[id] = (blob, data)
        self._memo_bytes += len(blob)
        return data, True

    def _drop_decoded(self, kind: str, id: str) -> None:
        memo = self._memo.get(kind)
        cached = memo.pop(id, None) if memo is not None else None
        if cached is not None:
            self._memo_bytes -= len(cached[0])

    def memo_bytes(self) -> int:
        """The stored text of the documents kept decoded (at most MEMO_BYTES): lets tests see the bound."""
        return self._memo_bytes

    def count(self, kind: str, owner: str | None = None) -> int:
        if owner is None:
            n: int = self.conn.execute("SELECT count(*) FROM docs WHERE kind=?", (kind,)).fetchone()[0]
            return n
        owned: int = self.conn.execute("SELECT count(*) FROM docs WHERE kind=? AND owner=?",
                                       (kind, owner)).fetchone()[0]
        return owned

    # --- meta and counters ----------------------------------------------------------------------------------------
    def meta_get(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return orjson.loads(row[0]) if row else None

    def meta_set(self, key: str, value: Any) -> None:
        blob = orjson.dumps(value).decode()
        self._write()
        self._touch(f"meta:{key}")
        if self.conn.execute("UPDATE meta SET value=? WHERE key=?", (blob, key)).rowcount == 0:
            self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, blob))

    def next_seq(self, name: str) -> int:
        # Every insert takes one ("docs"). Values live in memory and reach the counters table when the transaction
        # commits (`_save_counters`), not on every take; a rolled-back request puts back what it took.
        self._write()
        last = self._counters.get(name)
        if last is None:
            row = self.conn.execute("SELECT value FROM counters WHERE name=?", (name,)).fetchone()
            if row is None:
                self.conn.execute("INSERT INTO counters (name, value) VALUES (?, 0)", (name,))
            last = int(row[0]) if row else 0
        if self._open and name not in self._taken:
            self._taken[name] = last
        self._counters[name] = last + 1
        self._unsaved.add(name)
        if not self._depth:  # outside any transaction: the statement is its own
            self._save_counters()
        return last + 1

    def _save_counters(self) -> None:
        for name in self._unsaved:
            if name in self._counters:
                self.conn.execute("UPDATE counters SET value=? WHERE name=?", (self._counters[name], name))
        self._unsaved.clear()

    def in_transaction(self) -> bool:
        return self._depth > 0

    # --- images ---------------------------------------------------------------------------------------------------
    def restore_from(self, image: Store) -> None:
        if not isinstance(image, SQLiteStore):
            raise TypeError("an SQLite store restores from an SQLite image")
        # The backup API copies pages: a few ms for the demo world, and atomic for a file database. Neither side may
        # be inside a transaction.
        for store in (image, self):
            store.flush()
            store._cur.close()  # no statement of either may be left half-read
            store._cur = store.conn.cursor()
        image.conn.backup(self.conn)
        self._forget()

    def close(self) -> None:
        self.flush()
        self.conn.close()
        if self._lock is not None:
            self._lock.release()


def _where(kind: str, owner: str | None, after_seq: int | None) -> tuple[str, list[Any]]:
    """`find`'s WHERE clause on kind, owner and insertion number, and its arguments."""
    sql, args = " WHERE kind=?", list[Any]([kind])
    if owner is not None:
        sql += " AND owner=?"
        args.append(owner)
    if after_seq is not None:
        sql += " AND seq>?"
        args.append(after_seq)
    return sql, args


def _doc(row: tuple[Any, ...]) -> Doc:
    return Doc(row[0], row[1], row[2], int(row[3]), orjson.loads(row[4]), row[5])

