"""`POST /v1/customers/bulk/async`, `/v1/customers/metadata/async` and `/v1/customers/importCSV`: the request is
checked (a broken one is a 400 and nothing is queued) and answers the async action's id; the work is done in the
background (targ.voucherify.customers.bulk)."""

from __future__ import annotations

from targ.voucherify.async_actions.bulk import bind_endpoints
from targ.voucherify.customers.bulk import ACTIONS, IMPORT_CSV

bind_endpoints("customers", ACTIONS, {"import-customers-using-csv": IMPORT_CSV})
