"""The job queue of the SQLite store (targ.jobs): asynchronous vendor work stored as rows of `jobs`, due on the
virtual clock. A mixin of `SQLiteStore`, which owns the connection; the earliest pending due time is kept in
memory, so the check before every request costs no query while nothing is due."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

import orjson

from targ.store.base import Job

_JOB_COLUMNS = "id, kind, due_at, payload, owner"   # the order _job reads them in
# The jobs table's `done` column: 0 pending, 1 done, 2 failed (migration 5 added 2 and the error columns).
_DONE = {"pending": 0, "done": 1, "failed": 2}
_STATUS = {v: k for k, v in _DONE.items()}


class JobQueue:
    conn: sqlite3.Connection
    _cur: sqlite3.Cursor
    _next_due: int | None        # the earliest pending job's due time (None: no job), when `_next_due_known`
    _next_due_known: bool

    if TYPE_CHECKING:   # provided by SQLiteStore
        def _write(self) -> None: ...

    def add_job(self, kind: str, due_at: int, payload: dict[str, Any], *, owner: str = "") -> int:
        self._write()
        cur = self._cur.execute("INSERT INTO jobs (kind, due_at, owner, payload) VALUES (?, ?, ?, ?)",
                                (kind, due_at, owner, orjson.dumps(payload).decode()))
        if self._next_due_known and (self._next_due is None or due_at < self._next_due):
            self._next_due = due_at
        return int(cur.lastrowid or 0)

    def next_due_job(self, until: int | None) -> Job | None:
        if until is not None:
            if not self._next_due_known:
                row = self.conn.execute("SELECT min(due_at) FROM jobs WHERE done=0").fetchone()
                self._next_due, self._next_due_known = row[0], True
            if self._next_due is None or self._next_due > until:
                return None
        sql = f"SELECT {_JOB_COLUMNS} FROM jobs WHERE done=0"
        args: list[Any] = []
        if until is not None:
            sql += " AND due_at<=?"
            args.append(until)
        row = self.conn.execute(sql + " ORDER BY due_at, id LIMIT 1", args).fetchone()
        return _job(row) if row else None

    def finish_job(self, job_id: int) -> None:
        self._write()
        self.conn.execute("UPDATE jobs SET done=1 WHERE id=?", (job_id,))
        self._next_due_known = False

    def fail_job(self, job_id: int, error: str, at_ms: int) -> None:
        self._write()
        self.conn.execute("UPDATE jobs SET done=?, error=?, finished_at=? WHERE id=?",
                          (_DONE["failed"], error, at_ms, job_id))
        self._next_due_known = False

    def jobs(self, status: str | None = None, *, limit: int = 100) -> list[Job]:
        sql = f"SELECT {_JOB_COLUMNS}, done, error, finished_at FROM jobs"
        args: list[Any] = []
        if status is not None:
            sql += " WHERE done=?"
            args.append(_DONE[status])
        rows = self.conn.execute(sql + " ORDER BY id DESC LIMIT ?", [*args, limit]).fetchall()
        return [Job(r[0], r[1], r[2], orjson.loads(r[3]), r[4], _STATUS[r[5]], r[6], r[7]) for r in rows]

    def pending_jobs(self) -> int:
        pending: int = self.conn.execute("SELECT count(*) FROM jobs WHERE done=0").fetchone()[0]
        return pending

    def pending_of(self, kind: str) -> list[Job]:
        rows = self.conn.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE done=0 AND kind=? ORDER BY due_at, id",
                                 (kind,)).fetchall()
        return [_job(row) for row in rows]


def _job(row: tuple[Any, ...]) -> Job:
    return Job(row[0], row[1], row[2], orjson.loads(row[3]), row[4])
