"""Asynchronous vendor work as stored jobs with a due time on the virtual clock.

A domain module registers a runner per job kind (`@runs("voucherify.import")`) and schedules work with
`world.schedule(kind, delay_ms, payload)`. Due jobs run, in due order, whenever the clock moves and before any
request is answered; `drain()` runs everything pending at once. No wall-clock timers anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

Runner = Callable[["World", "Job"], None]
RUNNERS: dict[str, Runner] = {}

# Guards against a job that keeps scheduling successors due immediately.
MAX_JOBS_PER_PASS = 100_000


def runs(kind: str) -> Callable[[Runner], Runner]:
    def register(fn: Runner) -> Runner:
        if kind in RUNNERS:
            raise ValueError(f"two runners for job kind {kind!r}")
        RUNNERS[kind] = fn
        return fn
    return register


def run_one(world: World, job: Job) -> None:
    runner = RUNNERS.get(job.kind)
    if runner is None:
        raise LookupError(f"no runner registered for job kind {job.kind!r}")
    with world.store.transaction():
        runner(world, job)
        world.store.finish_job(job.id)
