"""Exports: SCHEDULED → IN_PROGRESS → DONE in the background, then a CSV behind a download token.

An export is a job on the virtual clock: it turns IN_PROGRESS half a jobDelay after it was created and DONE a
tenth of a jobDelay later, when the CSV is written from the state of that moment (later changes do not alter a
finished file). The DONE export's `result.url` is `<the caller's host>/v1/exports/<id>?token=<token>`; the token
alone authorises the download.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from targ.http.errors import VoucherifyError
from targ.jobs import runs
from targ.voucherify.common import find_doc, invalid_payload, iso_or_none, sort_docs, step_delays
from targ.voucherify.exports.filters import build_filter, check_filters
from targ.voucherify.exports.sources import SOURCES, cell, sort_key

if TYPE_CHECKING:
    from targ.store.base import Doc, Job
    from targ.world import World

EXPORT_KIND = "vf_export"
FILE_KIND = "vf_export_file"      # the CSV of a DONE export, by export id
EXPORT_JOB = "voucherify.export"
DEFAULT_ORDER = "-created_at"


def create_export(world: World, project: str, exported_object: str, parameters: dict[str, Any] | None,
                  *, fields_error: str = "invalid_export_fields") -> dict[str, Any]:
    """Checks the parameters against the exported object, stores the export SCHEDULED and queues its job."""
    source = SOURCES[exported_object]
    params = parameters or {}
    fields = list(params.get("fields") or source.defaults)
    if source.fields is not None and (bad := [f for f in fields if f not in source.fields]):
        raise _bad_fields(fields_error, bad, source.fields)
    order = params.get("order") or DEFAULT_ORDER
    if source.orders is not None and order not in source.orders:
        raise invalid_payload("Property .parameters.order should be equal to one of the allowed values [ "
                              + ", ".join(source.orders) + " ]")
    filters = params.get("filters")
    if source.kind is not None:
        check_filters(filters, source.filterable)
    export: dict[str, Any] = {
        "id": "exp_" + world.ids.token("vf_export", 24), "object": "export", "created_at": world.clock.now_ms(),
        "status": "SCHEDULED", "channel": "API", "exported_object": exported_object,
        "parameters": {"order": order, "fields": fields, "filters": {"junction": "and", **(filters or {})}},
        "token": None, "user_id": None,
    }
    world.store.put(EXPORT_KIND, export["id"], export, owner=project)
    start, _ = step_delays(world)
    world.schedule(EXPORT_JOB, start, {"export": export["id"], "step": "start"}, owner=project)
    return export


def _bad_fields(key: str, bad: list[str], allowed: tuple[str, ...]) -> VoucherifyError:
    if key == "invalid_export_fields":
        return VoucherifyError(400, key, "Invalid Export",
                               "Unsupported field used. Allowed fields: " + ", ".join(allowed))
    return invalid_payload(f"Property .parameters.fields contains unsupported fields: {', '.join(bad)}")


def find_export(world: World, project: str, export_id: str) -> Doc | None:
    return find_doc(world, EXPORT_KIND, project, export_id, by_source=False)


def delete_export(world: World, export_id: str) -> None:
    world.store.delete(EXPORT_KIND, export_id)
    world.store.delete(FILE_KIND, export_id)


def render_export(export: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The vendor's export object; `result` is null until DONE."""
    result = None
    if export["status"] == "DONE":
        result = {"url": f"{base_url}/v1/exports/{export['id']}?token={export['token']}"}
    return {
        "id": export["id"], "object": "export", "created_at": iso_or_none(export["created_at"]),
        "status": export["status"], "channel": export["channel"], "exported_object": export["exported_object"],
        "parameters": export["parameters"], "result": result, "user_id": export["user_id"],
    }


def export_file(world: World, export_id: str) -> str | None:
    doc = world.store.get(FILE_KIND, export_id)
    return doc["csv"] if doc else None


def _export_failed(world: World, job: Job, error: str) -> None:
    """The vendor's ERROR status for an export whose job raised (targ.jobs)."""
    doc = find_export(world, job.owner, str(job.payload.get("export")))
    if doc is not None:
        world.store.put(EXPORT_KIND, doc.id, {**doc.data, "status": "ERROR"}, owner=job.owner)


@runs(EXPORT_JOB, on_failure=_export_failed)
def run_export(world: World, job: Job) -> None:
    project, export_id = job.owner, job.payload["export"]
    doc = find_export(world, project, export_id)
    if doc is None:
        return  # deleted while scheduled
    export = doc.data
    if job.payload["step"] == "start":
        export["status"] = "IN_PROGRESS"
        _, step = step_delays(world)
        world.schedule(EXPORT_JOB, step, {"export": export_id, "step": "finish"}, owner=project)
    else:
        world.store.put(FILE_KIND, export_id, {"csv": build_csv(world, project, export)}, owner=project)
        export["status"] = "DONE"
        export["token"] = world.ids.token("vf_export_token", 32)
    world.store.put(EXPORT_KIND, export_id, export, owner=project)


def build_csv(world: World, project: str, export: dict[str, Any]) -> str:
    """The header row (the raw field names) and one row per record that passes the filters, in the export's
    order."""
    source = SOURCES[export["exported_object"]]
    params = export["parameters"]
    fields: list[str] = params["fields"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    if source.read is None:
        return out.getvalue()
    get = source.read(world, project)
    keep = build_filter(params.get("filters"), get, world.clock.now_ms())
    docs = [d for d in source.records(world, project) if keep(d.data)]
    name = params["order"].lstrip("-")
    for doc in sort_docs(docs, params["order"], {name: sort_key(get, name)}):
        writer.writerow([cell(get(doc.data, f), f) for f in fields])
    return out.getvalue()
