"""`GET /payments/payment-operations` (getPaymentsOperationHistory): the seller's wallet history, newest first, with
the spec's filters. Rules in targ.allegro.money.wallet."""

from __future__ import annotations

from typing import Any

from targ.allegro.money import errors, wallet
from targ.allegro.money.listing import page, time_bounds, within
from targ.allegro.orders.access import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request

# "422 ... when the search result reached the limit of found operations - 10000" (the spec).
MAX_FOUND = 10000


def _matches(op: dict[str, Any], req: Request, groups: set[str] | None) -> bool:
    if op["wallet"]["type"] != req.param("wallet.type", wallet.AVAILABLE):
        return False
    checks = (("wallet.paymentOperator", op["wallet"]["paymentOperator"]),
              ("payment.id", (op.get("payment") or {}).get("id")),
              ("participant.login", (op.get("participant") or {}).get("login")),
              ("marketplaceId", op.get("marketplaceId")),
              ("currency", op["value"]["currency"]))
    if any(req.param(name) is not None and req.param(name) != value for name, value in checks):
        return False
    return groups is None or op["group"] in groups


@handler("allegro", "getPaymentsOperationHistory")
def history(req: Request) -> Reply:
    low, high = time_bounds(req)
    group = req.param("group")
    groups = {str(g) for g in (group if isinstance(group, list) else [group])} if group else None
    found = [{k: v for k, v in op.items() if k != "_targ"}
             for op in wallet.history(req.world, seller_id(req))
             if within(op["_targ"]["ms"], low, high) and _matches(op, req, groups)]
    if len(found) > MAX_FOUND:
        raise errors.invalid("too_many", None)
    shown = page(req, found, default_limit=50)
    return Reply({"paymentOperations": shown, "count": len(shown), "totalCount": len(found)})
