"""A project's bulk queue: the async actions of bulk updates, metadata updates and CSV imports of customers,
products and SKUs run one at a time, in the order they were asked for.

The vendor: "the request is put into a queue and processed once every other bulk request placed in the queue prior
to this request is finished". An action's work is a list of items (records, CSV rows) stored with it in a batch; it
runs as a chain of jobs of its area's job kind on the virtual clock, timed as an order import is
(orders/imports.py): `start` half a jobDelay after the action reaches the head of the queue (IN_PROGRESS), then one
step per CHUNK items a tenth of a jobDelay apart (`progress` grows), the last step DONE with the area's result. A
step that raises (a bug, never bad input: bad items are the area's recorded failures) makes the action FAILED and
starts the next one. Order imports keep a queue of their own (orders/imports.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from targ.voucherify.async_actions.models import (
    fail_action,
    find_action,
    finish_action,
    new_action,
    set_progress,
    start_action,
)
from targ.voucherify.common import step_delays

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

BATCH_KIND = "vf_bulk_batch"     # an action's items and what its runner needs, by action id (written once)
PROGRESS_KIND = "vf_bulk_progress"  # how far an action got and its runner's counts, by action id
QUEUE_KIND = "vf_bulk_queue"     # a project's bulk actions: the running one and those waiting, by project id
CHUNK = 200

# (world, project, batch, item, index): applies one item, recording its outcome in batch["state"].
Apply = Callable[["World", str, dict[str, Any], Any, int], None]
# (world, project, batch): the finished action's `result`.
Result = Callable[["World", str, dict[str, Any]], dict[str, Any]]
# (world, project, queue): hands the head of a queue to its runner, or marks the project idle; saves the queue.
StartNext = Callable[["World", str, dict[str, Any]], None]


def enqueue(world: World, project: str, job_kind: str, action_type: str, request_id: str, items: list[Any],
            state: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A new ENQUEUED action of `action_type` whose items the `job_kind` runner applies; `state` is where the
    runner keeps its counts, `extra` what it needs besides the items (the request's base URL, the metadata)."""
    action = new_action(world, project, action_type, request_id)
    batch = {"job": job_kind, "type": action_type, "items": items, **extra}
    world.store.put(BATCH_KIND, action["id"], batch, owner=project)
    # Progress apart from the items: a step rewrites a few counts, not every item of a large batch.
    world.store.put(PROGRESS_KIND, action["id"], {"offset": 0, "state": state}, owner=project)
    join_queue(world, project, QUEUE_KIND, action["id"], _start_next)
    return action


def join_queue(world: World, project: str, queue_kind: str, action_id: str, start_next: StartNext) -> None:
    """Puts the action at the end of the project's queue (of `queue_kind`), starting it at once if nothing runs.
    Shared with order imports, which keep a queue of their own (orders/imports.py)."""
    queue = read_queue(world, queue_kind, project)
    queue["waiting"].append(action_id)
    if queue["running"] is None:
        start_next(world, project, queue)
    else:
        save_queue(world, queue_kind, project, queue)


def run_step(world: World, job: Job, apply: Apply, result: Result) -> None:
    """One job of an action: its start, or the next CHUNK items (and, after the last, its result)."""
    project, action_id = job.owner, job.payload["action"]
    doc = find_action(world, project, action_id)
    stored = world.store.peek(BATCH_KIND, action_id)
    progress = world.store.get(PROGRESS_KIND, action_id)
    if doc is None or stored is None or progress is None:
        return  # the world was reset under a pending job
    action = doc.data
    batch = {**stored.data, **progress}   # what `apply` and `result` see; the stored items are never changed
    _, step = step_delays(world)
    if job.payload["step"] == "start":
        start_action(world, project, action)
        world.schedule(batch["job"], step, {"action": action_id, "step": "chunk"}, owner=project)
        return
    items = batch["items"]
    end = min(progress["offset"] + CHUNK, len(items))
    for index in range(progress["offset"], end):
        apply(world, project, batch, items[index], index)
    progress["offset"] = end
    if end < len(items):
        world.store.put(PROGRESS_KIND, action_id, progress, owner=project)
        set_progress(world, project, action, end * 100 // len(items))
        world.schedule(batch["job"], step, {"action": action_id, "step": "chunk"}, owner=project)
        return
    _drop(world, action_id)
    finish_action(world, project, action, result(world, project, batch))
    _start_next(world, project, _queue(world, project))


def step_failed(world: World, job: Job, error: str) -> None:
    """The failure hook of every bulk job kind: the action FAILED, its batch dropped, the next action started."""
    project, action_id = job.owner, job.payload.get("action")
    if not isinstance(action_id, str):
        return
    fail_action(world, project, action_id, error)
    _drop(world, action_id)
    queue = _queue(world, project)
    if queue["running"] == action_id:
        _start_next(world, project, queue)


def _drop(world: World, action_id: str) -> None:
    world.store.delete(BATCH_KIND, action_id)
    world.store.delete(PROGRESS_KIND, action_id)


def read_queue(world: World, queue_kind: str, project: str) -> dict[str, Any]:
    """A project's queue: the running action's id (or None) and the waiting ones, oldest first."""
    return world.store.get(queue_kind, project) or {"running": None, "waiting": []}


def save_queue(world: World, queue_kind: str, project: str, queue: dict[str, Any]) -> None:
    world.store.put(queue_kind, project, queue, owner=project)


def _queue(world: World, project: str) -> dict[str, Any]:
    return read_queue(world, QUEUE_KIND, project)


def _start_next(world: World, project: str, queue: dict[str, Any]) -> None:
    """Hands the head of the queue to its job runner (or marks the project idle)."""
    queue["running"] = None
    while queue["waiting"] and queue["running"] is None:
        head = queue["waiting"].pop(0)
        batch = world.store.get(BATCH_KIND, head)
        if batch is not None:
            start, _ = step_delays(world)
            world.schedule(batch["job"], start, {"action": head, "step": "start"}, owner=project)
            queue["running"] = head
    save_queue(world, QUEUE_KIND, project, queue)
