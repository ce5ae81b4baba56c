"""`POST /v1/customers/bulk/async`, `/v1/customers/metadata/async` and `/v1/customers/importCSV`: the request is
checked (a broken one is a 400 and nothing is queued) and answers the async action's id; the work is done in the
background (targ.voucherify.customers.bulk)."""

from __future__ import annotations

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.async_actions.bulk import queue_bulk_update, queue_import, queue_metadata_update
from targ.voucherify.bulk_checks import check_items
from targ.voucherify.customers.bulk import ACTIONS, IMPORT_CSV


@handler("voucherify", "update-customers-in-bulk")
def update_in_bulk(req: Request) -> Reply:
    return queue_bulk_update(req, ACTIONS, check_items(req.body))


@handler("voucherify", "update-customers-metadata-in-bulk")
def update_metadata_in_bulk(req: Request) -> Reply:
    return queue_metadata_update(req, ACTIONS)


@handler("voucherify", "import-customers-using-csv")
def import_csv(req: Request) -> Reply:
    return queue_import(req, ACTIONS, IMPORT_CSV)
