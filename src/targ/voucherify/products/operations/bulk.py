"""`POST /v1/products/bulk/async`, `/v1/products/metadata/async`, `/v1/products/importCSV` and
`/v1/skus/importCSV`: the request is checked (a broken one is a 400 and nothing is queued) and answers the async
action's id; the work is done in the background (targ.voucherify.products.bulk)."""

from __future__ import annotations

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.bulk_checks import check_items, check_metadata_update
from targ.voucherify.common import project_of
from targ.voucherify.products.bulk import (
    PRODUCTS_CSV,
    SKUS_CSV,
    start_bulk_update,
    start_import,
    start_metadata_update,
)
from targ.voucherify.products.validation import check_price
from targ.voucherify.uploads import csv_rows, uploaded_file


@handler("voucherify", "update-products-in-bulk")
def update_in_bulk(req: Request) -> Reply:
    items = check_items(req.body)
    for i, item in enumerate(items):
        check_price(item, f"[{i}].")
    action = start_bulk_update(req.world, project_of(req), req.trace_id, req.base_url, items)
    return Reply({"async_action_id": action["id"]})


@handler("voucherify", "update-products-metadata-in-bulk")
def update_metadata_in_bulk(req: Request) -> Reply:
    source_ids, metadata = check_metadata_update(req.body)
    action = start_metadata_update(req.world, project_of(req), req.trace_id, req.base_url, source_ids, metadata)
    return Reply({"async_action_id": action["id"]})


@handler("voucherify", "import-products-using-csv")
def import_products(req: Request) -> Reply:
    headers, rows = csv_rows(uploaded_file(req))
    action = start_import(req.world, project_of(req), PRODUCTS_CSV, req.trace_id, headers, rows)
    return Reply({"async_action_id": action["id"]})


@handler("voucherify", "import-SKUs-using-csv")
def import_skus(req: Request) -> Reply:
    headers, rows = csv_rows(uploaded_file(req))
    action = start_import(req.world, project_of(req), SKUS_CSV, req.trace_id, headers, rows)
    return Reply({"async_action_id": action["id"]})
