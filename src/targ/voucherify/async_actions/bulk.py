"""What every area's bulk actions share: the three ways to queue one (bulk update, metadata update, CSV import),
the registration of the area's runner and the endpoints that queue them (bound from the areas' operations
modules). An area keeps only its own rules: how an item is applied and what the
finished action's result is (customers/bulk.py, products/bulk.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.voucherify.async_actions.queue import Apply, Result, enqueue, run_step, step_failed
from targ.voucherify.async_actions.reports import report_state, write_report_row
from targ.voucherify.bulk_checks import check_items, check_metadata_update
from targ.voucherify.common import project_of
from targ.voucherify.uploads import csv_rows, uploaded_file

if TYPE_CHECKING:
    from targ.store.base import Doc, Job
    from targ.world import World

# (existing record or None, source id, item): a bulk update's upsert of one item; the stored record.
Write = Callable[["Doc | None", str, dict[str, Any]], dict[str, Any]]
# (world, project, existing record or None, source id, metadata): a metadata update of one record; the stored record.
MergeMetadata = Callable[["World", str, "Doc | None", str, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class BulkActions:
    """An area's bulk job kind, the `type` of its bulk and metadata update actions and the store kind of the records
    they update (by source id)."""

    job: str
    bulk_update: str
    metadata_update: str
    record_kind: str

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

    def apply_update(self, world: World, project: str, batch: dict[str, Any], item: Any, write: Write,
                     merge_metadata: MergeMetadata) -> None:
        """One item of a bulk update (`write(existing, source_id, item)`, upserting) or of a metadata update (an
        unknown source id upserted too), recorded as a row of the report file."""
        source_id = item["source_id"] if batch["type"] == self.bulk_update else item
        existing = world.store.get_by_alt(self.record_kind, project, source_id)
        if batch["type"] == self.bulk_update:
            stored = write(existing, source_id, item)
        else:
            stored = merge_metadata(world, project, existing, source_id, batch["metadata"])
        write_report_row(batch["state"], stored["id"], source_id, found=existing is not None)

    def register(self, apply: Apply, result: Result) -> None:
        """Registers the runner of the job kind: the bulk queue's steps with the area's `apply` and `result`."""
        def run(world: World, job: Job) -> None:
            run_step(world, job, apply, result)
        runs(self.job, on_failure=step_failed)(run)



def bind_endpoints(area: str, actions: BulkActions, imports: dict[str, str],
                   check_item: Callable[[dict[str, Any], str], None] | None = None) -> None:
    """Binds `update-<area>-in-bulk`, `update-<area>-metadata-in-bulk` and the CSV imports (operation id → action
    type). Called from the area's operations module, which the bindings name (targ.handlers). Each checks the
    request (a broken one is a 400 and nothing is queued; `check_item(item, "[i].")` checks an update's item) and
    answers the queued action's id."""
    def update_in_bulk(req: Request) -> Reply:
        items = check_items(req.body)
        if check_item is not None:
            for i, item in enumerate(items):
                check_item(item, f"[{i}].")
        return _accepted(actions.start_bulk_update(req.world, project_of(req), req.trace_id, req.base_url, items))

    def update_metadata_in_bulk(req: Request) -> Reply:
        source_ids, metadata = check_metadata_update(req.body)
        return _accepted(actions.start_metadata_update(req.world, project_of(req), req.trace_id, req.base_url,
                                                       source_ids, metadata))

    handler("voucherify", f"update-{area}-in-bulk")(update_in_bulk)
    handler("voucherify", f"update-{area}-metadata-in-bulk")(update_metadata_in_bulk)
    for operation_id, action_type in imports.items():
        handler("voucherify", operation_id)(_import_csv(actions, action_type))


def _import_csv(actions: BulkActions, action_type: str) -> Callable[[Request], Reply]:
    def import_csv(req: Request) -> Reply:
        headers, rows = csv_rows(uploaded_file(req))
        return _accepted(actions.start_import(req.world, project_of(req), action_type, req.trace_id, headers,
                                              rows))
    return import_csv


def _accepted(action: dict[str, Any]) -> Reply:
    return Reply({"async_action_id": action["id"]})
