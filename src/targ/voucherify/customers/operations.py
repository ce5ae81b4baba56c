"""`GET /v1/customers/{id}` and `GET /v1/customers`: the customers order upserts wrote, so an integrator can check
them, with `summary.orders` computed from the project's orders."""

from __future__ import annotations

from typing import Any

from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.common import found, list_page, nulls_first, project_of
from targ.voucherify.customers.models import CUSTOMER_KIND, find_customer
from targ.voucherify.customers.summary import OrderIndex

CUSTOMER_SORT = {
    "created_at": lambda c: c["created_at"],
    "updated_at": lambda c: c["updated_at"] if c["updated_at"] is not None else c["created_at"],
    "source_id": lambda c: nulls_first(c["source_id"]),
}
# list-customers date filters: query parameter → (stored field, keep when the field is after the value?)
DATE_FILTERS = {
    "created_at[before]": ("created_at", False),
    "created_at[after]": ("created_at", True),
    "updated_at[before]": ("updated_at", False),
    "updated_at[after]": ("updated_at", True),
    "starting_after": ("created_at", True),
}


@handler("voucherify", "get-customer")
def get_customer(req: Request) -> Reply:
    ref = req.path_params["customerId"]
    project = project_of(req)
    doc = found(find_customer(req.world, project, ref), "customer", ref)
    return Reply(OrderIndex(req.world, project).render(doc.data))


@handler("voucherify", "list-customers")
def list_customers(req: Request) -> Reply:
    project = project_of(req)
    customers, total = list_page(req.world, CUSTOMER_KIND, project, req, CUSTOMER_SORT, keep=_filter(req))
    index = OrderIndex(req.world, project)
    return Reply({"object": "list", "data_ref": "customers", "customers": [index.render(c) for c in customers],
                  "total": total})


def _filter(req: Request) -> Any:
    exact = {k: req.param(k) for k in ("email", "name", "city") if req.param(k) is not None}
    dates = [(field, after, parse_time(req.param(p))) for p, (field, after) in DATE_FILTERS.items()
             if req.param(p) is not None]

    def keep(c: dict[str, Any]) -> bool:
        city = (c["address"] or {}).get("city")
        if any((city if k == "city" else c[k]) != v for k, v in exact.items()):
            return False
        for field, after, when in dates:
            at = c[field]
            if at is None or (at <= when if after else at >= when):
                return False
        return True
    return keep
