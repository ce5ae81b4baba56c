"""`POST /payments/refunds` (initiateRefund) and `GET /payments/refunds` (getRefundedPayments). Rules in
targ.allegro.money.refunds."""

from __future__ import annotations

from typing import Any

from targ.allegro.money import refunds
from targ.allegro.money.listing import page, time_bounds, within
from targ.allegro.orders.access import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request

# The list's `status` filter names a refund still waiting WAITING; a refund shows it as NEW.
_STATUS = {"WAITING": "NEW"}


@handler("allegro", "initiateRefund")
def initiate(req: Request) -> Reply:
    refund, _ = refunds.initiate(req.world, seller_id(req), req.body or {})
    return Reply(refunds.public(refund))


def _values(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@handler("allegro", "getRefundedPayments")
def list_refunds(req: Request) -> Reply:
    low, high = time_bounds(req)
    wanted = {name: req.param(name) for name in ("id", "payment.id", "order.id")}
    statuses = {_STATUS.get(s, s) for s in _values(req.param("status"))} if req.param("status") else None
    found = []
    for refund in refunds.listed(req.world, seller_id(req)):
        if wanted["id"] and refund["id"] != wanted["id"]:
            continue
        if wanted["payment.id"] and refund["payment"]["id"] != wanted["payment.id"]:
            continue
        if wanted["order.id"] and refund["order"]["id"] != wanted["order.id"]:
            continue
        if statuses is not None and refund["status"] not in statuses:
            continue
        if within(refund["_targ"]["ms"], low, high):
            found.append(refunds.public(refund))
    shown = page(req, found, default_limit=50)
    return Reply({"refunds": shown, "count": len(shown), "totalCount": len(found)})
