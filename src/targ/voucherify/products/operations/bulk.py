"""`POST /v1/products/bulk/async`, `/v1/products/metadata/async`, `/v1/products/importCSV` and
`/v1/skus/importCSV`: the request is checked (a broken one is a 400 and nothing is queued; a bulk update's item
prices as on `POST /v1/products`) and answers the async action's id; the work is done in the background
(targ.voucherify.products.bulk)."""

from __future__ import annotations

from targ.voucherify.async_actions.bulk import bind_endpoints
from targ.voucherify.products.bulk import ACTIONS, PRODUCTS_CSV, SKUS_CSV
from targ.voucherify.products.validation import check_price

bind_endpoints("products", ACTIONS, {"import-products-using-csv": PRODUCTS_CSV, "import-SKUs-using-csv": SKUS_CSV},
               check_price)
