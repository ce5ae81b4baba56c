"""`POST /v1/products/bulk/async`, `/v1/products/metadata/async`, `/v1/products/importCSV` and
`/v1/skus/importCSV`: the request is checked (a broken one is a 400 and nothing is queued) and answers the async
action's id; the work is done in the background (targ.voucherify.products.bulk)."""

from __future__ import annotations

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.async_actions.bulk import queue_bulk_update, queue_import, queue_metadata_update
from targ.voucherify.bulk_checks import check_items
from targ.voucherify.products.bulk import ACTIONS, PRODUCTS_CSV, SKUS_CSV
from targ.voucherify.products.validation import check_price


@handler("voucherify", "update-products-in-bulk")
def update_in_bulk(req: Request) -> Reply:
    items = check_items(req.body)
    for i, item in enumerate(items):
        check_price(item, f"[{i}].")
    return queue_bulk_update(req, ACTIONS, items)


@handler("voucherify", "update-products-metadata-in-bulk")
def update_metadata_in_bulk(req: Request) -> Reply:
    return queue_metadata_update(req, ACTIONS)


@handler("voucherify", "import-products-using-csv")
def import_products(req: Request) -> Reply:
    return queue_import(req, ACTIONS, PRODUCTS_CSV)


@handler("voucherify", "import-SKUs-using-csv")
def import_skus(req: Request) -> Reply:
    return queue_import(req, ACTIONS, SKUS_CSV)
