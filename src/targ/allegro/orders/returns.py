"""Customer returns (`/order/customer-returns*`, beta media type): the buyer declares a return of paid line items
(the admin action `POST /__targ/buyer/checkout-forms/{id}/returns`), sends the items back, and the seller reads the
return or rejects its refund.

Returns are docs of kind `customer_return`, owner = the seller, holding the `CustomerReturn` plus `_targ`
(`{lineItems: {lineItemId: quantity}, seller}`). `status` is derived when read, latest fact first: REJECTED (the seller
rejected the refund), COMMISSION_REFUNDED / COMMISSION_REFUND_CLAIMED (a refund claim on a returned line item,
`refunds.py`), then the return parcel's tracking (`carrier.py`): PENDING → DISPATCHED, on the way → IN_TRANSIT,
DELIVERED → DELIVERED; without a parcel, CREATED. A returned line item's serial numbers are flagged `returned`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.delivery import canonical_carrier
from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.orders import carrier, model
from targ.allegro.orders.access import seller_id
from targ.allegro.orders.documents import CheckoutForm, CheckoutFormOrJson
from targ.allegro.orders.model import MarketplaceRefusal
from targ.clock import iso
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

RETURN_KIND = "customer_return"
REFUND_CLAIM_KIND = "refund_claim"       # refunds.py; read here for the return's status
_BY_PARCEL = {"PENDING": "DISPATCHED", "DELIVERED": "DELIVERED"}
# query parameter → the values of a return it matches
FILTERS: dict[str, Callable[[Json], list[Any]]] = {
    "customerReturnId": lambda r: [r["id"]],
    "orderId": lambda r: [r["orderId"]],
    "buyer.email": lambda r: [r["buyer"]["email"]],
    "buyer.login": lambda r: [r["buyer"]["login"]],
    "items.offerId": lambda r: [i["offerId"] for i in r["items"]],
    "items.name": lambda r: [i["name"] for i in r["items"]],
    "parcels.waybill": lambda r: [p["waybill"] for p in r["parcels"]],
    "parcels.transportingWaybill": lambda r: [p["transportingWaybill"] for p in r["parcels"]],
    "parcels.carrierId": lambda r: [p["carrierId"] for p in r["parcels"]],
    "parcels.transportingCarrierId": lambda r: [p["transportingCarrierId"] for p in r["parcels"]],
    "parcels.sender.phoneNumber": lambda r: [p["sender"]["phoneNumber"] for p in r["parcels"]],
    "referenceNumber": lambda r: [r["referenceNumber"]],
    "marketplaceId": lambda r: [r["marketplaceId"]],
    "status": lambda r: [r["status"]],
}


# --- the buyer's side ----------------------------------------------------------------------------------------------
def returns_of(world: World, order: CheckoutFormOrJson) -> list[Json]:
    """The returns the buyer declared for `order`, oldest first (also read by affiliate conversions)."""
    return [doc.data for doc in world.store.find(RETURN_KIND, model.seller_of(order))
            if doc.data["orderId"] == order["id"]]


def returned_so_far(world: World, order: CheckoutFormOrJson) -> dict[str, int]:
    """Line item id → units the buyer has declared returned."""
    out: dict[str, int] = {}
    for ret in returns_of(world, order):
        for line_item_id, qty in ret["_targ"]["lineItems"].items():
            out[line_item_id] = out.get(line_item_id, 0) + qty
    return out


def declare(world: World, order: CheckoutForm, items: list[Json], parcel: Json | None) -> Json:
    """A return of `items` ([{lineItemId, quantity, reason}]) of a paid order, optionally already sent back."""
    model.require_status(order, model.READY)
    already = returned_so_far(world, order)
    lines: dict[str, int] = {}
    out_items = []
    for item in items:
        line_item = model.line_item(order, item["lineItemId"])
        if line_item is None:
            raise MarketplaceRefusal(404, "not_found", f"no line item {item['lineItemId']} in the order")
        qty = item["quantity"]
        if qty + already.get(line_item["id"], 0) + lines.get(line_item["id"], 0) > int(line_item["quantity"]):
            raise MarketplaceRefusal(409, "too_many_returned", f"line item {line_item['id']} has "
                                     f"{line_item['quantity']} units, not more to return")
        lines[line_item["id"]] = lines.get(line_item["id"], 0) + qty
        offer = line_item["offer"]
        out_items.append({"offerId": offer["id"], "quantity": qty, "name": offer["name"], "price": line_item["price"],
                          "url": f"https://allegro.pl/oferta/{offer['id']}", "reason": item["reason"]})
    now = world.clock.now_ms()
    ret: Json = {"id": world.ids.uuid(RETURN_KIND), "createdAt": iso(now),
                 "referenceNumber": f"{world.ids.sequence('customer-return-ref'):04d}/Z{world.ids.hex('ref', 3)}"
                 .upper(), "orderId": order["id"],
                 "buyer": {"email": order["buyer"]["email"], "login": order["buyer"]["login"]},
                 "items": out_items, "parcels": [], "marketplaceId": order["marketplace"]["id"],
                 "_targ": {"lineItems": lines, "seller": model.seller_of(order)}}
    if order["payment"]["type"] == "CASH_ON_DELIVERY":
        # Cash on delivery is refunded by transfer: the buyer gives an account (26 digits, a Polish NRB).
        ret["refund"] = {"bankAccount": {"owner": f"{order['buyer']['firstName']} {order['buyer']['lastName']}",
                                         "accountNumber": world.ids.token("bank-account", 26, "0123456789")}}
    if parcel is not None:
        carrier_id = canonical_carrier(parcel["carrierId"]) or "OTHER"
        ret["parcels"].append({"createdAt": iso(now), "waybill": parcel["waybill"], "transportingWaybill": None,
                               "carrierId": carrier_id, "transportingCarrierId": None,
                               "sender": {"phoneNumber": order["buyer"].get("phoneNumber", "")}})
        carrier.register(world, carrier_id, parcel["waybill"], order["id"], False)
    _flag_serial_numbers(order, lines)
    model.save(world, order)
    world.store.put(RETURN_KIND, ret["id"], ret, owner=model.seller_of(order))
    return view(world, ret)


def _flag_serial_numbers(order: CheckoutForm, lines: dict[str, int]) -> None:
    for line_item_id, qty in lines.items():
        entries = ((model.line_item(order, line_item_id) or {}).get("serialNumbers") or {}).get("entries") or []
        for entry in [e for e in entries if not e["returned"]][:qty]:
            entry["returned"] = True


# --- the seller's side ---------------------------------------------------------------------------------------------
def status_of(world: World, ret: Json) -> str:
    if ret.get("rejection"):
        return "REJECTED"
    claims = [d.data for d in world.store.find(REFUND_CLAIM_KIND, ret["_targ"]["seller"])
              if d.data["lineItem"]["id"] in ret["_targ"]["lineItems"] and d.data["status"] != "CANCELLED"]
    if any(c["status"] == "GRANTED" for c in claims):
        return "COMMISSION_REFUNDED"
    if claims:
        return "COMMISSION_REFUND_CLAIMED"
    for parcel in ret["parcels"]:
        tracked = carrier.get_parcel(world, parcel["carrierId"], parcel["waybill"])
        if tracked and tracked["statuses"]:
            return _BY_PARCEL.get(tracked["statuses"][-1]["code"], "IN_TRANSIT")
    return "CREATED"


def view(world: World, ret: Json) -> Json:
    out = {k: v for k, v in ret.items() if k != "_targ"}
    out["status"] = status_of(world, ret)
    return out


def own_return(req: Request) -> Json:
    return_id = req.path_params["customerReturnId"]
    doc = req.world.store.get_doc(RETURN_KIND, return_id)
    if doc is None:
        message = f"Customer return {return_id} not found"
        # The rejection declares no 404: an unknown return is invalid data there.
        status = 404 if req.operation is None or req.operation.declares(404) else 422
        raise AllegroError(status, "NOT_FOUND", message, path="customerReturnId", user_message=message)
    if doc.owner != seller_id(req):
        raise access_denied()
    return doc.data
