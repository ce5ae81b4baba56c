"""The marketplace's other actors as admin actions (PRODUCT.md): the buyer (purchases and what a buyer does with a
checkout form afterwards) and the carriers (parcel tracking statuses). The behaviour lives in `targ.allegro.orders`;
this module only reads the JSON bodies and renders the answers and refusals.

* `POST /__targ/buyer/purchases` → 201 `{checkoutFormId, status, events}`;
* `POST /__targ/buyer/checkout-forms/{id}/fill-in | pay | cancel | modify` → 200, the same shape;
* `POST /__targ/buyer/checkout-forms/{id}/returns` `{items?, parcel?}` → 201, the `CustomerReturn` the seller sees;
* `POST /__targ/carrier/parcels` `{carrierId, waybill, code, occurredAt?}` → 201 `{carrierId, waybill,
  trackingDetails}`.
"""

from __future__ import annotations

from collections.abc import Callable

from targ.admin import ADMIN
from targ.admin.core import bad_request, json_object
from targ.admin.refusals import refusals
from targ.allegro.orders import buyer, carrier
from targ.allegro.orders.documents import CheckoutForm
from targ.clock import parse_time
from targ.http.request import Reply, Request
from targ.json_types import Json

Step = Callable[[], tuple[CheckoutForm, list[Json]]]


def _answer(step: Step, status: int) -> Reply:
    with refusals():
        order, events = step()
    return Reply({"checkoutFormId": order["id"], "status": order["status"], "events": events}, status)


@ADMIN.route("POST", "/buyer/purchases")
def purchase(req: Request) -> Reply:
    body = json_object(req)
    return _answer(lambda: buyer.purchase(req.world, body), 201)


@ADMIN.route("POST", "/buyer/checkout-forms/{id}/fill-in")
def fill_in(req: Request) -> Reply:
    body = json_object(req)
    return _answer(lambda: buyer.fill_in(req.world, req.path_params["id"], body), 200)


@ADMIN.route("POST", "/buyer/checkout-forms/{id}/pay")
def pay(req: Request) -> Reply:
    return _answer(lambda: buyer.pay(req.world, req.path_params["id"]), 200)


@ADMIN.route("POST", "/buyer/checkout-forms/{id}/cancel")
def cancel(req: Request) -> Reply:
    return _answer(lambda: buyer.cancel(req.world, req.path_params["id"]), 200)


@ADMIN.route("POST", "/buyer/checkout-forms/{id}/modify")
def modify(req: Request) -> Reply:
    body = json_object(req)
    return _answer(lambda: buyer.modify(req.world, req.path_params["id"], body), 200)


@ADMIN.route("POST", "/buyer/checkout-forms/{id}/returns")
def customer_return(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        return Reply(buyer.customer_return(req.world, req.path_params["id"], body), 201)


@ADMIN.route("POST", "/carrier/parcels")
def parcel_status(req: Request) -> Reply:
    body = json_object(req)
    extra = sorted(set(body) - {"carrierId", "waybill", "code", "occurredAt"})
    if extra:
        raise bad_request(f"unknown field {extra[0]!r}; allowed: carrierId, waybill, code, occurredAt")
    for name in ("carrierId", "waybill", "code"):
        if not isinstance(body.get(name), str) or not body[name].strip():
            raise bad_request(f"{name} must be a non-empty string")
    at = body.get("occurredAt")
    try:
        at_ms = parse_time(at) if isinstance(at, str) else None
    except ValueError:
        at_ms = None
    if at is not None and at_ms is None:
        raise bad_request("occurredAt must be an RFC 3339 time")
    with refusals():
        return Reply(carrier.push(req.world, body["carrierId"], body["waybill"], body["code"], at_ms), 201)
