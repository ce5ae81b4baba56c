"""How the product and SKU lists sort and filter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.clock import parse_time

if TYPE_CHECKING:
    from targ.http.request import Request

# Of ParameterOrder (shared with vouchers and campaigns), only the dates apply to products; the rest sort as default.
SORT = {
    "created_at": lambda p: p["created_at"],
    "updated_at": lambda p: p["updated_at"] if p["updated_at"] is not None else p["created_at"],
}


def created_between(req: Request) -> Any:
    """`start_date` / `end_date`: created at or after / at or before."""
    start = parse_time(req.param("start_date")) if req.param("start_date") else None
    end = parse_time(req.param("end_date")) if req.param("end_date") else None
    return lambda d: (start is None or d["created_at"] >= start) and (end is None or d["created_at"] <= end)
