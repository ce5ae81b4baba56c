"""What finished bulk actions report: the update report file and the result shapes.

Bulk and metadata updates finish with the vendor's `{"done_count", "failed_count", "reports": [<url>],
"reports_available_till", "errors": []}`: "the report file with details about the update", where "the upserted
resources have value `false` in the `found` column and `true` in the `updated` column". targ writes that file as
CSV (`id,source_id,found,updated`, one row per item in request order) and serves it at the URL in `reports`
(`<scheme://Host of the request>/__targ/voucherify/reports/<32-character token>`: like the vendor's, a link that
needs no key pair) until `reports_available_till`, `REPORT_DAYS` after the action finished (the vendor's
examples do not show how long it keeps them). Updates fail no item (bad items are refused with the request), so
`failed_count` is 0 and `errors` empty.

CSV imports finish with `{"message": "N <noun>(s) imported successfully, M failed.", "failed": [...],
"done_count", "failed_count"}`, as the vendor's import examples.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from targ.voucherify.common import iso_or_none

if TYPE_CHECKING:
    from targ.world import World

REPORT_KIND = "vf_bulk_report"
REPORT_PATH = "/__targ/voucherify/reports/"
REPORT_DAYS = 7
DAY_MS = 86_400_000


def report_state() -> dict[str, Any]:
    return {"rows": []}


def write_report_row(state: dict[str, Any], record_id: str, source_id: str, *, found: bool) -> None:
    state["rows"].append([record_id, source_id, found])


def update_result(world: World, project: str, batch: dict[str, Any]) -> dict[str, Any]:
    """Stores the report file and answers the action's result."""
    rows = batch["state"]["rows"]
    token = world.ids.token("vf_report", 32)
    till = world.clock.now_ms() + REPORT_DAYS * DAY_MS
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "source_id", "found", "updated"])
    for record_id, source_id, found in rows:
        writer.writerow([record_id, source_id, "true" if found else "false", "true"])
    world.store.put(REPORT_KIND, token, {"csv": out.getvalue(), "available_till": till}, owner=project)
    return {"done_count": len(rows), "failed_count": 0, "reports": [batch["base_url"] + REPORT_PATH + token],
            "reports_available_till": iso_or_none(till), "errors": []}


def find_report(world: World, token: str) -> str | None:
    """A report file's text while it is available."""
    report = world.store.get(REPORT_KIND, token)
    if report is None or world.clock.now_ms() > report["available_till"]:
        return None
    return str(report["csv"])


def import_result(state: dict[str, Any], noun: str) -> dict[str, Any]:
    done, failed = state["done"], len(state["failed"])
    return {"message": f"{done} {noun}(s) imported successfully, {failed} failed.", "failed": state["failed"],
            "done_count": done, "failed_count": failed}
