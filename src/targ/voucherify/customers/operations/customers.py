"""`/v1/customers`: create (an upsert), get, list, update, delete and permanent deletion, on the same records the
order upserts write; `summary.orders` is computed from the project's orders."""

from __future__ import annotations

from typing import Any

from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.store.base import Doc
from targ.voucherify.common import list_page, nulls_first, path_doc, project_of, upsert_target
from targ.voucherify.customers.deletion import forget_customer
from targ.voucherify.customers.models import (
    CUSTOMER_KIND,
    delete_customer,
    find_customer,
    lookup_customer,
    write_customer,
)
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


def _customer(req: Request) -> tuple[str, Doc]:
    return path_doc(req, "customerId", "customer", find_customer)


def _render(req: Request, project: str, customer: dict[str, Any]) -> Reply:
    return Reply(OrderIndex(req.world, project).render(customer))


@handler("voucherify", "create-customer")
def create_customer(req: Request) -> Reply:
    """Upsert: "If you pass an `id` or a `source_id` that already exists in the customer database, Voucherify will
    return a related customer object with updated fields". An unknown `id` is 404 (only Voucherify assigns them,
    as for orders)."""
    body = req.body or {}
    project = project_of(req)
    existing = upsert_target(lookup_customer(req.world, project, body), body, "customer")
    return _render(req, project, write_customer(req.world, project, existing, body))


@handler("voucherify", "get-customer")
def get_customer(req: Request) -> Reply:
    project, doc = _customer(req)
    return _render(req, project, doc.data)


@handler("voucherify", "update-customer")
def update_customer(req: Request) -> Reply:
    """"Any parameters not provided in the payload will be left unchanged"; fields outside the update schema (`id`,
    `source_id`) are skipped."""
    project, doc = _customer(req)
    body = {k: v for k, v in (req.body or {}).items() if k not in ("id", "source_id")}
    return _render(req, project, write_customer(req.world, project, doc, body))


@handler("voucherify", "delete-customer")
def delete(req: Request) -> Reply:
    delete_customer(req.world, *_customer(req))
    return Reply(None, 204)


@handler("voucherify", "customer-permanently-deletion")
def permanently_delete(req: Request) -> Reply:
    project, doc = _customer(req)
    return Reply(forget_customer(req.world, project, doc))


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
    # targ keeps no segments: a segment holds no one.
    no_segment = req.param("segment_id") is not None

    def keep(c: dict[str, Any]) -> bool:
        if no_segment:
            return False
        city = (c["address"] or {}).get("city")
        if any((city if k == "city" else c[k]) != v for k, v in exact.items()):
            return False
        for field, after, when in dates:
            at = c[field]
            if at is None or (at <= when if after else at >= when):
                return False
        return True
    return keep
