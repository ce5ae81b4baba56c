"""The world: store, clock, ids and config wired together, plus what moves time (due jobs) and reset.

One World per server. Handlers reach everything through `request.world`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from targ.clock import Clock, iso, wall_ms
from targ.config import Config
from targ.ids import Ids
from targ.jobs import MAX_JOBS_PER_PASS, run_one
from targ.store import SQLiteStore, Store
from targ.store.base import Job

# 2026-01-01T00:00:00Z, where TargServer's clock starts.
DEFAULT_TEST_START = 1767225600000


@dataclass
class Options:
    seed: int = 0
    data: str | None = None
    clock_start: int | None = None     # ms; None = wall time at start
    frozen: bool = False
    validate_responses: bool = False
    access_log: bool = False
    host: str = "127.0.0.1"            # the address served on: the admin API answers to it (targ.admin.guard)
    allow_hosts: tuple[str, ...] = ()  # more names the admin API answers to (--allow-host)
    admin_token: str | None = None     # the bearer every admin call must carry (--admin-token; targ.admin.guard)
    strict_requests: bool = False      # bodies checked against the spec's schema as written (--strict-requests)
    examples: bool = True              # operations targ has not built answer from the spec's example (else 501)


class ClockBackwards(ValueError):
    pass


class World:
    def __init__(self, options: Options, seeder: Callable[[World], None] | None = None) -> None:
        self.options = options
        self.seed = options.seed
        self.start_ms = options.clock_start if options.clock_start is not None else wall_ms()
        # What else restarts with the world (the edge's trace ids): called after every reset.
        self.on_reset: list[Callable[[], None]] = []
        # (vendor, operationId) → how many answers came from the spec's example since the start or last reset.
        self.example_answers: Counter[tuple[str, str]] = Counter()
        # Response-schema violations and handler crashes, for tests to fail on (GET /__targ/violations).
        self.violations: list[dict[str, Any]] = []
        # The demo world is built once into an in-memory image; reset copies it over the live store.
        self.image = SQLiteStore(None)
        self._bind(self.image)
        with self.image.transaction():
            self.clock.set(self.start_ms, frozen=options.frozen)
            if seeder:
                seeder(self)
        live = SQLiteStore(options.data)
        fresh = live.is_empty()
        if fresh:
            live.restore_from(self.image)
        self._bind(live)
        if fresh:
            self._restart_clock()
        # Jobs that failed before a restart stay visible where tests look for trouble.
        for job in reversed(live.jobs("failed", limit=1000)):
            self._job_failed(job)

    # --- wiring ---------------------------------------------------------------------------------------------------
    def _bind(self, store: Store) -> None:
        self.store: Store = store
        self.clock = Clock(store)
        self.ids = Ids(store, self.seed)
        self.config = Config(store)

    def _restart_clock(self) -> None:
        # After a reset the clock stands at its start again and (unless frozen) runs from now on.
        with self.store.transaction():
            self.clock.set(self.start_ms, frozen=self.options.frozen)

    # --- reset ----------------------------------------------------------------------------------------------------
    def reset(self) -> float:
        """Back to the demo world, clock start and id generators. Returns the time it took in ms."""
        t0 = time.perf_counter()
        self.store.restore_from(self.image)
        self._bind(self.store)
        self._restart_clock()
        self.example_answers.clear()
        for restart in self.on_reset:
            restart()
        return (time.perf_counter() - t0) * 1000

    # --- time and jobs --------------------------------------------------------------------------------------------
    def schedule(self, kind: str, delay_ms: int, payload: dict[str, Any], *, owner: str = "") -> int:
        return self.store.add_job(kind, self.clock.now_ms() + delay_ms, payload, owner=owner)

    def tick(self) -> int:
        """Apply the work that has fallen due by now (called before every request is answered)."""
        return self._run_until(self.clock.now_ms())

    def _outside_transactions(self) -> None:
        # Nested transactions join the outer one: a job run inside a request's would, when it failed, roll back the
        # request or clock move around it, and its own failure record with it (the job then failing again on every
        # request). Admin routes that run jobs are marked `outside_transaction` (targ.http.routes).
        if self.store.in_transaction():
            raise RuntimeError("due jobs run outside any transaction, each in one of its own (targ.jobs)")

    def _run_until(self, until: int) -> int:
        self._outside_transactions()
        ran = 0
        while ran < MAX_JOBS_PER_PASS:
            job = self.store.next_due_job(until)
            if job is None:
                break
            # The job sees the time it fell due (never earlier than now), so its timestamps are right.
            with self.clock.pinned(max(job.due_at, min(self.clock.now_ms(), until))):
                self._run(job)
            ran += 1
        return ran

    def _run(self, job: Job) -> None:
        # Jobs run in transactions of their own, never inside a request's: a failing job is rolled back alone and
        # set aside (targ.jobs), and must not spoil the clock move or request around it.
        if not run_one(self, job):
            failed = self.store.jobs("failed", limit=1)
            if failed and failed[0].id == job.id:
                self._job_failed(failed[0])

    def _job_failed(self, job: Job) -> None:
        self.violations.append({"kind": "job", "jobId": job.id, "jobKind": job.kind, "error": job.error,
                                "failedAt": iso(job.finished_at) if job.finished_at is not None else None})

    def advance(self, delta_ms: int) -> None:
        if delta_ms < 0:
            raise ClockBackwards("the clock cannot go backwards")
        self.set_clock(self.clock.now_ms() + delta_ms)

    def set_clock(self, target_ms: int) -> None:
        now = self.clock.now_ms()
        if target_ms < now:
            raise ClockBackwards("the clock cannot go backwards")
        # Due work runs in due order at its own time, then the clock lands on the target.
        self._run_until(target_ms)
        with self.store.transaction():
            self.clock.set(target_ms)

    def freeze(self, frozen: bool) -> None:
        with self.store.transaction():
            self.clock.freeze(frozen)

    def drain(self) -> int:
        """Run every pending job now, whatever its due time, including jobs those jobs schedule."""
        self._outside_transactions()
        ran = 0
        now = self.clock.now_ms()
        while ran < MAX_JOBS_PER_PASS:
            job = self.store.next_due_job(None)
            if job is None:
                break
            with self.clock.pinned(now):
                self._run(job)
            ran += 1
        return ran

    def close(self) -> None:
        self.store.close()
        self.image.close()
