"""`GET /__targ/voucherify/reports/{token}`: the report file of a finished Voucherify bulk or metadata update, at
the URL its async action's `result.reports` hands out (targ.voucherify.async_actions.reports). Like the vendor's
report links it needs no key pair: the token is the secret. 404 once `reports_available_till` has passed."""

from __future__ import annotations

from targ.admin import ADMIN
from targ.http.errors import AdminError
from targ.http.request import Reply, Request
from targ.voucherify.async_actions.reports import find_report


@ADMIN.route("GET", "/voucherify/reports/{token}")
def get_report(req: Request) -> Reply:
    text = find_report(req.world, req.path_params["token"])
    if text is None:
        raise AdminError(404, "not_found", "no such report, or it is no longer available")
    return Reply(text, 200, media_type="text/csv")
