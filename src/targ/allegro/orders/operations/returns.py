"""The operations (getCustomerReturns, getCustomerReturnById, rejectCustomerReturnRefund); what they do, the vendor's
rules and their sources: `targ.allegro.orders.returns`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.orders.access import seller_id
from targ.clock import iso, parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    pass

from targ.allegro.orders.returns import FILTERS, RETURN_KIND, own_return, view


@handler("allegro", "getCustomerReturns")
def list_returns(req: Request) -> Reply:
    seller = seller_id(req)
    docs = req.world.store.find(RETURN_KIND, seller)
    after = req.param("from")
    if after is not None:
        anchor = next((i for i, d in enumerate(docs) if d.id == after), None)
        docs = docs[anchor + 1:] if anchor is not None else []
    returns = [view(req.world, d.data) for d in docs]
    for name, values in FILTERS.items():
        wanted = req.param(name)
        if wanted is not None:
            returns = [r for r in returns if wanted in values(r)]
    for name, upper in (("createdAt.gte", False), ("createdAt.lte", True)):
        bound = req.param(name)
        if bound is not None:
            try:
                limit = parse_time(bound)
            except ValueError:
                raise AllegroError(400, "VALIDATION_ERROR", f"{name} must be an ISO 8601 date-time", path=name,
                                   details="query parameter") from None
            returns = [r for r in returns
                       if (parse_time(r["createdAt"]) <= limit if upper else parse_time(r["createdAt"]) >= limit)]
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 100))
    page = returns[offset:offset + limit]
    return Reply({"count": len(page), "customerReturns": page})


@handler("allegro", "getCustomerReturnById")
def get_return(req: Request) -> Reply:
    return Reply(view(req.world, own_return(req)))


@handler("allegro", "rejectCustomerReturnRefund")
def reject_refund(req: Request) -> Reply:
    ret = own_return(req)
    if ret.get("rejection"):
        message = f"The refund of customer return {ret['id']} is already rejected"
        raise AllegroError(422, "VALIDATION_ERROR", message, user_message=message)
    rejection = req.body["rejection"]
    ret["rejection"] = {"code": rejection["code"], **({"reason": rejection["reason"]} if "reason" in rejection else {}),
                        "createdAt": iso(req.world.clock.now_ms())}
    req.world.store.put(RETURN_KIND, ret["id"], ret, owner=seller_id(req))
    return Reply(view(req.world, ret))
