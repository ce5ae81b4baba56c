"""Commission refund claims (`/order/refund-claims*`): the seller asks Allegro to give back the sales commission of
a line item whose sale did not complete.

Claims are docs of kind `refund_claim`, owner = the seller, holding the `RefundClaim` plus `_targ.order`. A claim
is MANUAL, starts IN_PROGRESS, and Allegro decides after `jobDelay` (a job): GRANTED when the sale did not complete
for the claimed units (the order is CANCELLED or still unpaid, or customer returns of the line item cover the
quantity), REJECTED otherwise. Rules (targ's; the vendor publishes its conditions only in prose): one open or granted
claim per line item (422), at most the line item's quantity (422), a line item of another seller or of no order is
unknown (422, the operation declares no 404). Only an IN_PROGRESS claim can be cancelled (DELETE → CANCELLED, else
422). `commission` is the sales commission charged for the claimed units (targ.allegro.money.sales), a JSON number
as the spec types it. (The vendor refuses a claim on a line item that paid no commission, 422
`CommissionAmountException`, #11656; every sale through targ's buyer pays some: commissions round up to the grosz.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.money import sales
from targ.allegro.orders import model
from targ.allegro.orders.access import seller_id
from targ.allegro.orders.returns import REFUND_CLAIM_KIND, RETURN_KIND
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

DECIDE_JOB = "allegro.order.refund-claim"
OPEN = frozenset({"IN_PROGRESS", "WAITING_FOR_PAYMENT_REFUND", "APPEALED", "GRANTED"})
FILTERS: dict[str, Callable[[Json], Any]] = {
    "lineItem.offer.id": lambda c: c["lineItem"]["offer"]["id"],
    "buyer.login": lambda c: c["buyer"]["login"],
    "buyer.id": lambda c: c["buyer"]["id"],
    "status": lambda c: c["status"],
}


def _invalid(message: str, path: str | None = None) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", message, path=path, user_message=message)


def _public(claim: Json) -> Json:
    return {k: v for k, v in claim.items() if k != "_targ"}


def _own_claim(req: Request) -> Json:
    claim_id = req.path_params["claimId"]
    doc = req.world.store.get_doc(REFUND_CLAIM_KIND, claim_id)
    if doc is None:
        message = f"Refund claim {claim_id} not found"
        raise AllegroError(404, "NOT_FOUND", message, path="claimId", user_message=message)
    if doc.owner != seller_id(req):
        raise access_denied()
    return doc.data


@handler("allegro", "createRefundApplication")
def create_claim(req: Request) -> Reply:
    seller = seller_id(req)
    world = req.world
    line_item_id = str(((req.body or {}).get("lineItem") or {}).get("id") or "")
    quantity = (req.body or {}).get("quantity")
    mapping = world.store.get_doc(model.LINE_ITEM_KIND, line_item_id) if line_item_id else None
    order = model.get_form(world, mapping.data["checkoutFormId"]) if mapping and mapping.owner == seller else None
    line_item = model.line_item(order, line_item_id) if order and model.retained(world, order) else None
    if line_item is None or order is None:
        raise _invalid(f"Line item {line_item_id or '(none)'} not found", "lineItem.id")
    if quantity is None or quantity > int(line_item["quantity"]):
        raise _invalid(f"quantity must be between 1 and {line_item['quantity']}", "quantity")
    if any(d.data["lineItem"]["id"] == line_item_id and d.data["status"] in OPEN
           for d in world.store.find(REFUND_CLAIM_KIND, seller)):
        raise _invalid(f"A refund claim for line item {line_item_id} already exists", "lineItem.id")
    charged = sales.claimable_commission(world, order["id"], line_item_id, int(quantity))
    claim = {"id": world.ids.uuid(REFUND_CLAIM_KIND), "status": "IN_PROGRESS", "quantity": quantity,
             "buyer": {"id": order["buyer"]["id"], "login": order["buyer"]["login"]},
             "createdAt": iso(world.clock.now_ms()),
             "lineItem": {"id": line_item_id, "quantity": line_item["quantity"], "boughtAt": line_item["boughtAt"],
                          "offer": {"id": line_item["offer"]["id"], "name": line_item["offer"]["name"]}},
             "type": "MANUAL", "_targ": {"order": order["id"]}}
    if charged is not None:
        claim["commission"] = {"amount": float(charged[0]), "currency": charged[1]}
    world.store.put(REFUND_CLAIM_KIND, claim["id"], claim, owner=seller)
    world.schedule(DECIDE_JOB, world.config.ms("jobDelay"), {"claim": claim["id"]}, owner=seller)
    return Reply({"id": claim["id"]}, 201)


def _sale_incomplete(world: World, claim: Json, owner: str) -> bool:
    order = model.get_form(world, claim["_targ"]["order"])
    if order is None or order["status"] != model.READY:
        return True                              # cancelled, or never paid
    returned = sum(int(d.data["_targ"]["lineItems"].get(claim["lineItem"]["id"], 0))
                   for d in world.store.find(RETURN_KIND, owner) if d.data.get("rejection") is None)
    return returned >= int(claim["quantity"])


@runs(DECIDE_JOB)
def decide(world: World, job: Job) -> None:
    doc = world.store.get_doc(REFUND_CLAIM_KIND, str(job.payload["claim"]))
    if doc is None or doc.data["status"] != "IN_PROGRESS":
        return
    claim = doc.data
    claim["status"] = "GRANTED" if _sale_incomplete(world, claim, doc.owner) else "REJECTED"
    world.store.put(REFUND_CLAIM_KIND, claim["id"], claim, owner=doc.owner)
    if claim["status"] == "GRANTED":   # the commission of the claimed units comes back (billing REF)
        sales.claim_granted(world, doc.owner, claim["_targ"]["order"], claim["lineItem"]["id"],
                            int(claim["quantity"]))


@handler("allegro", "getRefundApplications")
def list_claims(req: Request) -> Reply:
    claims = [_public(d.data) for d in req.world.store.find(REFUND_CLAIM_KIND, seller_id(req), desc=True)]
    for name, value_of in FILTERS.items():
        wanted = req.param(name)
        if wanted is not None:
            claims = [c for c in claims if value_of(c) == wanted]
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 25))
    page = claims[offset:offset + limit]
    return Reply({"refundClaims": page, "count": len(page)})


@handler("allegro", "getRefundApplication")
def get_claim(req: Request) -> Reply:
    return Reply(_public(_own_claim(req)))


@handler("allegro", "cancelRefundApplication")
def cancel_claim(req: Request) -> Reply:
    claim = _own_claim(req)
    if claim["status"] != "IN_PROGRESS":
        raise _invalid(f"Refund claim {claim['id']} is {claim['status']} and cannot be cancelled")
    claim["status"] = "CANCELLED"
    req.world.store.put(REFUND_CLAIM_KIND, claim["id"], claim, owner=seller_id(req))
    return Reply(None, 204)
