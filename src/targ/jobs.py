"""Asynchronous vendor work as stored jobs with a due time on the virtual clock.

A domain module registers a runner per job kind (`@runs("voucherify.import")`) and schedules work with
`world.schedule(kind, delay_ms, payload)`. Due jobs run, in due order, whenever the clock moves and before any
request is answered; `drain()` runs everything pending at once. No wall-clock timers anywhere.

A job that raises must not take the world down (every request runs due jobs first, and a stored job survives a
restart): its own writes are rolled back, it is marked failed with its error (`GET /__targ/jobs?status=failed`), the
resource it was working on is put in the vendor's failed state by the kind's failure hook
(`@runs(kind, on_failure=...)`) where the vendor has one, and the next due job runs.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

Runner = Callable[["World", "Job"], None]
# Called in a transaction of its own after the job's writes were rolled back, with the job and its error text.
FailureHook = Callable[["World", "Job", str], None]
RUNNERS: dict[str, Runner] = {}
FAILURE_HOOKS: dict[str, FailureHook] = {}

# Guards against a job that keeps scheduling successors due immediately.
MAX_JOBS_PER_PASS = 100_000


def runs(kind: str, *, on_failure: FailureHook | None = None) -> Callable[[Runner], Runner]:
    def register(fn: Runner) -> Runner:
        if kind in RUNNERS:
            raise ValueError(f"two runners for job kind {kind!r}")
        RUNNERS[kind] = fn
        if on_failure is not None:
            FAILURE_HOOKS[kind] = on_failure
        return fn
    return register


def run_one(world: World, job: Job) -> bool:
    """Runs one due job in a transaction of its own; says whether it succeeded. Never raises for the job's sake."""
    try:
        runner = RUNNERS.get(job.kind)
        if runner is None:
            raise LookupError(f"no runner registered for job kind {job.kind!r}")
        with world.store.transaction():
            runner(world, job)
            world.store.finish_job(job.id)
        return True
    except Exception as exc:
        _failed(world, job, exc)
        return False


def _failed(world: World, job: Job, exc: BaseException) -> None:
    error = f"{type(exc).__name__}: {exc}"
    text = "".join(traceback.format_exception(exc))
    print(f"targ: job {job.id} ({job.kind}) failed\n{text}", file=sys.stderr, flush=True)
    hook = FAILURE_HOOKS.get(job.kind)
    if hook is not None:
        try:
            with world.store.transaction():
                hook(world, job, error)
        except Exception as hook_exc:  # the hook is best effort; the job is set aside regardless
            error += f" (and its failure hook: {type(hook_exc).__name__}: {hook_exc})"
    with world.store.transaction():
        world.store.fail_job(job.id, error, world.clock.now_ms())
