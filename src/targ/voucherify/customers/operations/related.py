"""What the vendor lists about a customer besides its profile: `activity`, `segments`, `redeemables`.

Answered from state: targ keeps no segments, vouchers or loyalty cards, so a customer belongs to no segment and holds
no redeemable, and records no customer events: the lists are empty (never the spec's example), for a customer
that exists; an unknown one is 404 where the vendor says so.
"""

from __future__ import annotations

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.common import found, project_of
from targ.voucherify.customers.models import find_customer


@handler("voucherify", "list-customer-activity")
def list_activity(req: Request) -> Reply:
    ref = req.path_params["customerId"]
    found(find_customer(req.world, project_of(req), ref), "customer", ref)
    return Reply({"object": "list", "data_ref": "data", "data": [], "has_more": False})


@handler("voucherify", "list-customer-segments")
def list_segments(req: Request) -> Reply:
    """"If you pass a `customerId` which is not stored ... the response will generate a list of segments that the
    customer would potentially qualify for": an unknown customer is not an error here."""
    return Reply({"object": "list", "data_ref": "data", "data": [], "total": 0})


@handler("voucherify", "list-customer-redeemables")
def list_redeemables(req: Request) -> Reply:
    ref = req.path_params["customerId"]
    found(find_customer(req.world, project_of(req), ref), "customer", ref)
    return Reply({"object": "list", "data_ref": "data", "data": [], "total": 0, "has_more": False})
