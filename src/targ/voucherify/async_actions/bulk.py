"""What every area's bulk actions share: the three ways to queue one (bulk update, metadata update, CSV import),
the registration of the area's runner and the endpoints' queueing (the bindings stay in the areas' operations
modules). An area keeps only its own rules: how an item is applied and what the
finished action's result is (customers/bulk.py, products/bulk.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.voucherify.async_actions.queue import Apply, Result, enqueue, run_step, step_failed
from targ.voucherify.async_actions.reports import report_state
from targ.voucherify.bulk_checks import check_metadata_update
from targ.voucherify.common import project_of
from targ.voucherify.uploads import csv_rows, uploaded_file

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World


@dataclass(frozen=True)
class BulkActions:
    """An area's bulk job kind and the `type` of its bulk and metadata update actions."""

    job: str
    bulk_update: str
    metadata_update: str

    def start_bulk_update(self, world: World, project: str, request_id: str, base_url: str,
                          items: list[dict[str, Any]]) -> dict[str, Any]:
        return enqueue(world, project, self.job, self.bulk_update, request_id, items, report_state(),
                       base_url=base_url)

    def start_metadata_update(self, world: World, project: str, request_id: str, base_url: str,
                              source_ids: list[str], metadata: dict[str, Any]) -> dict[str, Any]:
        return enqueue(world, project, self.job, self.metadata_update, request_id, source_ids, report_state(),
                       base_url=base_url, metadata=metadata)

    def start_import(self, world: World, project: str, action_type: str, request_id: str, headers: list[str],
                     rows: list[list[str]]) -> dict[str, Any]:
        """A CSV import (`action_type`: the area's `*.IMPORT_CSV`), one item per row."""
        return enqueue(world, project, self.job, action_type, request_id, rows, {"done": 0, "failed": []},
                       headers=headers)

    def register(self, apply: Apply, result: Result) -> None:
        """Registers the runner of the job kind: the bulk queue's steps with the area's `apply` and `result`."""
        def run(world: World, job: Job) -> None:
            run_step(world, job, apply, result)
        runs(self.job, on_failure=step_failed)(run)


def accepted(action: dict[str, Any]) -> Reply:
    """What a bulk endpoint answers once its action is queued."""
    return Reply({"async_action_id": action["id"]})


def queue_bulk_update(req: Request, actions: BulkActions, items: list[dict[str, Any]]) -> Reply:
    """`POST /v1/<area>/bulk/async` with its checked items."""
    return accepted(actions.start_bulk_update(req.world, project_of(req), req.trace_id, req.base_url, items))


def queue_metadata_update(req: Request, actions: BulkActions) -> Reply:
    """`POST /v1/<area>/metadata/async`: the body checked (a 400 queues nothing), then queued."""
    source_ids, metadata = check_metadata_update(req.body)
    return accepted(actions.start_metadata_update(req.world, project_of(req), req.trace_id, req.base_url,
                                                  source_ids, metadata))


def queue_import(req: Request, actions: BulkActions, action_type: str) -> Reply:
    """`POST /v1/<area>/importCSV`: the uploaded file read (a 400 queues nothing), then queued."""
    headers, rows = csv_rows(uploaded_file(req))
    return accepted(actions.start_import(req.world, project_of(req), action_type, req.trace_id, headers, rows))
