"""`POST /v1/orders/import`: up to 2000 orders written in the background as an `ORDERS.IMPORT` async action.

The request only checks the payload (a broken one is a 400 and nothing is queued), stores the orders and answers
the action's id. "There can be only a single on-going order import per tenant per project at a given time. The
user can schedule more imports but those extra imports will be scheduled to run in sequence": each project has a
queue, and the next import starts when the running one is DONE.

An import runs as a chain of jobs on the virtual clock: `start` (half a jobDelay after reaching the head of the
queue; the action turns IN_PROGRESS), then one `chunk` job per 200 orders a tenth of a jobDelay apart (`progress`
grows), the last one finishing the action. Each order goes through the same upsert as `POST /v1/orders`; an order
that fails (an unknown id, a SKU without a product) is listed in `result.failed` with the reason and writes nothing.
A chunk that raises (a bug, never bad input) makes the action FAILED with `result.message`, and the project's next
import starts (targ.jobs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.http.errors import VoucherifyError
from targ.jobs import runs
from targ.voucherify.async_actions.models import (
    fail_action,
    find_action,
    finish_action,
    set_progress,
    start_action,
)
from targ.voucherify.async_actions.queue import join_queue, read_queue, save_queue
from targ.voucherify.common import step_delays
from targ.voucherify.orders.models import upsert_order

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

IMPORT_JOB = "voucherify.orders_import"
ACTION_TYPE = "ORDERS.IMPORT"
BATCH_KIND = "vf_import_batch"     # an import's orders and how far it got, by action id
QUEUE_KIND = "vf_import_queue"     # a project's imports waiting to run, by project id
CHUNK = 200


def import_queue(world: World, project: str) -> dict[str, Any]:
    return read_queue(world, QUEUE_KIND, project)


def enqueue_import(world: World, project: str, action_id: str) -> None:
    """The import waits its turn in the project's import queue (it starts at once if no import runs)."""
    join_queue(world, project, QUEUE_KIND, action_id, start_next)


def start_next(world: World, project: str, queue: dict[str, Any]) -> None:
    """Hands the head of the queue to the job runner (or marks the project idle)."""
    queue["running"] = queue["waiting"].pop(0) if queue["waiting"] else None
    if queue["running"] is not None:
        start, _ = step_delays(world)
        world.schedule(IMPORT_JOB, start, {"action": queue["running"], "step": "start"}, owner=project)
    save_queue(world, QUEUE_KIND, project, queue)


def _import_failed(world: World, job: Job, error: str) -> None:
    """The action FAILED, its stored batch dropped, and the project's next import started."""
    project, action_id = job.owner, job.payload.get("action")
    if not isinstance(action_id, str):
        return
    fail_action(world, project, action_id, error)
    world.store.delete(BATCH_KIND, action_id)
    queue = import_queue(world, project)
    if queue["running"] == action_id:
        start_next(world, project, queue)


@runs(IMPORT_JOB, on_failure=_import_failed)
def run_import(world: World, job: Job) -> None:
    project, action_id = job.owner, job.payload["action"]
    doc = find_action(world, project, action_id)
    batch = world.store.get(BATCH_KIND, action_id)
    if doc is None or batch is None:
        return  # the world was reset under a pending job
    action = doc.data
    _, step = step_delays(world)
    if job.payload["step"] == "start":
        start_action(world, project, action)
        world.schedule(IMPORT_JOB, step, {"action": action_id, "step": "chunk"}, owner=project)
        return
    orders = batch["orders"]
    end = min(batch["offset"] + CHUNK, len(orders))
    for order in orders[batch["offset"]:end]:
        _import_one(world, project, order, batch)
    batch["offset"] = end
    if end < len(orders):
        world.store.put(BATCH_KIND, action_id, batch, owner=project)
        set_progress(world, project, action, end * 100 // len(orders))
        world.schedule(IMPORT_JOB, step, {"action": action_id, "step": "chunk"}, owner=project)
        return
    world.store.delete(BATCH_KIND, action_id)
    finish_action(world, project, action, _result(batch))
    start_next(world, project, import_queue(world, project))


def _import_one(world: World, project: str, order: dict[str, Any], batch: dict[str, Any]) -> None:
    try:
        upsert_order(world, project, order, imported=True)
    except VoucherifyError as err:
        batch["failed"].append({"source_id": order.get("source_id"), "reason": err.details or err.message})
    else:
        batch["done"] += 1


def _result(batch: dict[str, Any]) -> dict[str, Any]:
    done, failed = batch["done"], len(batch["failed"])
    return {"message": f"{done} order(s) imported successfully, {failed} failed.", "done_count": done,
            "failed_count": failed, "failed": batch["failed"]}
