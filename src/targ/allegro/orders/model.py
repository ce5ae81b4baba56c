"""The checkout form (an Allegro order): how it is stored, its buyer-driven state machine, and what the seller sees.

Storage: a doc of kind `checkout_form`, id = the checkout form id, owner = the seller, holding the `CheckoutForm`
exactly as `GET /order/checkout-forms/{id}` shows it, plus `_targ` (never sent):

* `seller` - the seller's user id (also the doc's owner);
* `revisionCount` - how many buyer changes so far (the 8-hex `revision` is derived from it);
* `boughtAt` - the purchase time in ms (retention, the buyer's window, the payment deadline);
* `readyAt` - when the order first became READY_FOR_PROCESSING: the delivery address shows from then on;
* `statusChanges` - fulfillment status operations so far (the vendor allows 100 per order);
* `invoices`, `links` - invoice metadata, billing document links (parcel tracking numbers are documents of their
  own: targ.allegro.orders.shipments);
* `dealIds` - line item id → the legacy numeric deal id;
* `pendingSurcharges` - surcharges the buyer pays with the order (they enter `surcharges` once paid).

`status` belongs to the buyer and Allegro, `fulfillment.status` to the seller (allegro-behaviour.md §2) - or, on a
One Fulfillment order, to Allegro's warehouse (targ.allegro.fulfillment.outbound): only the functions below, the
buyer's and Allegro's changes, move `revision` and `updatedAt`.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from targ.allegro.orders.documents import CheckoutForm, CheckoutFormOrJson, Money, as_checkout_form
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

ORDER_KIND = "checkout_form"
# Line item id → deal id (`GET /order/line-item-id-mappings`): id = line item id, alt = deal id, owner = seller.
LINE_ITEM_KIND = "order_line_item"
BOUGHT, FILLED_IN, READY, CANCELLED = "BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING", "CANCELLED"
# Once the seller has reached one of these, the buyer may no longer cancel or change the address (#3085).
SELLER_STARTED = frozenset({"PROCESSING", "READY_FOR_SHIPMENT", "SENT"})
# Payment types that make an order ready for processing as soon as the form is filled in, without a payment.
PAY_LATER = frozenset({"CASH_ON_DELIVERY", "EXTENDED_TERM"})
CENT = Decimal("0.01")


class MarketplaceRefusal(Exception):
    """A buyer or carrier action the marketplace refuses; the admin API answers `status` with `key`."""

    def __init__(self, status: int, key: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.key = key
        self.message = message


# --- money -----------------------------------------------------------------------------------------------------------
def money(amount: Decimal, currency: str) -> Money:
    """A `Price`: a decimal string with two places, in the marketplace's currency."""
    return {"amount": str(amount.quantize(CENT)), "currency": currency}


# --- storage ---------------------------------------------------------------------------------------------------------
def seller_of(order: Mapping[str, Any]) -> str:
    return str(order["_targ"]["seller"])


def revision_of(order_id: str, count: int) -> str:
    """8 hex characters like the vendor's (`f1901a50`); a new one for every buyer change."""
    return hashlib.sha256(f"{order_id}/revision/{count}".encode()).hexdigest()[:8]


def save(world: World, order: CheckoutFormOrJson) -> None:
    world.store.put(ORDER_KIND, order["id"], cast(Json, order), owner=seller_of(order))


def get(world: World, order_id: str) -> Json | None:
    """The stored order, retained or not (jobs act on it), as loose JSON (for Allegro's warehouse, whose documents
    are not typed yet); handlers go through `access`."""
    return world.store.get(ORDER_KIND, order_id)


def get_form(world: World, order_id: str) -> CheckoutForm | None:
    """`get`, typed."""
    order = get(world, order_id)
    return None if order is None else as_checkout_form(order)


def retained(world: World, order: Mapping[str, Any]) -> bool:
    """Orders older than `orderRetention` (vendor: 12 months) leave the list and answer 404 by id."""
    return int(order["_targ"]["boughtAt"]) >= retained_since(world)


def retained_since(world: World) -> int:
    """The earliest purchase time (ms) of an order still retained."""
    return world.clock.now_ms() - world.config.ms("orderRetention")


def index_line_items(world: World, order: CheckoutForm) -> None:
    for li in order["lineItems"]:
        deal_id = order["_targ"]["dealIds"][li["id"]]
        world.store.put(LINE_ITEM_KIND, li["id"], {"lineItemId": li["id"], "dealId": deal_id,
                                                   "checkoutFormId": order["id"]},
                        owner=seller_of(order), alt=deal_id)


def line_item(order: Mapping[str, Any], line_item_id: str) -> Json | None:
    return next((li for li in order["lineItems"] if li["id"] == line_item_id), None)


# --- what the seller sees ---------------------------------------------------------------------------------------------
def view(order: Mapping[str, Any]) -> Json:
    """The `CheckoutForm`. The delivery address appears only from READY_FOR_PROCESSING on (DEV/en/orders): before
    that the buyer may still change it."""
    out = {k: v for k, v in order.items() if k != "_targ"}
    if not order["_targ"].get("readyAt") and "address" in (order.get("delivery") or {}):
        out["delivery"] = {k: v for k, v in order["delivery"].items() if k != "address"}
    return out


def event_data(order: CheckoutFormOrJson) -> Json:
    """`OrderEventData`: the order as an event carries it, at the revision of the moment."""
    buyer = order["buyer"]
    items = []
    for li in order["lineItems"]:
        offer = {k: li["offer"][k] for k in ("id", "name", "external") if k in li["offer"]}
        items.append({"id": li["id"], "offer": offer, "quantity": li["quantity"],
                      "originalPrice": li["originalPrice"], "price": li["price"], "boughtAt": li["boughtAt"]})
    return copy.deepcopy({
        "seller": {"id": seller_of(order)},
        "buyer": {k: buyer[k] for k in ("id", "email", "login", "guest", "preferences") if k in buyer},
        "lineItems": items,
        "checkoutForm": {"id": order["id"], "revision": order["revision"]},
        "marketplace": {"id": order["marketplace"]["id"]},
    })


# --- the seller's changes (neither revision nor updatedAt moves: #3996, #8419) ----------------------------------------
def fulfilled_by_allegro(order: CheckoutFormOrJson) -> bool:
    """A One Fulfillment order (`fulfillment.provider.id` ALLEGRO): Allegro's warehouse fulfils it, and the seller may
    not set its fulfillment status (seed 003); targ.allegro.fulfillment.outbound moves it instead."""
    return bool(order["fulfillment"]["provider"]["id"] == "ALLEGRO")


def set_fulfillment_status(order: CheckoutFormOrJson, status: str, *, by_warehouse: bool = False) -> None:
    """A fulfillment status operation. The seller's count towards `maxStatusChangesPerOrder` (#11908); the
    warehouse's, on One Fulfillment orders, are Allegro's own and count for nothing."""
    order["fulfillment"]["status"] = status
    if not by_warehouse:
        order["_targ"]["statusChanges"] = int(order["_targ"]["statusChanges"]) + 1


# --- the buyer's and Allegro's changes --------------------------------------------------------------------------------
def _buyer_changed(world: World, order: CheckoutForm) -> None:
    t = order["_targ"]
    t["revisionCount"] = int(t["revisionCount"]) + 1
    order["revision"] = revision_of(order["id"], t["revisionCount"])
    order["updatedAt"] = iso(world.clock.now_ms())


def require_status(order: CheckoutForm, *allowed: str) -> None:
    """409 unless the order is in one of `allowed`."""
    status, oid = order["status"], order["id"]
    if status in allowed:
        return
    if status == CANCELLED:
        raise MarketplaceRefusal(409, "order_cancelled", f"checkout form {oid} is cancelled")
    if status == BOUGHT and FILLED_IN in allowed:
        raise MarketplaceRefusal(409, "not_filled_in", f"checkout form {oid} is not filled in yet")
    if READY in allowed:
        raise MarketplaceRefusal(409, "not_ready", f"checkout form {oid} is {status}, not ready for processing")
    raise MarketplaceRefusal(409, "order_ready", f"checkout form {oid} is already ready for processing")


def fill_in(world: World, order: CheckoutForm, address: Json | None = None, message: str | None = None) -> str:
    """BOUGHT → FILLED_IN; filling in again is allowed until the order is ready (FILLED_IN repeats)."""
    require_status(order, BOUGHT, FILLED_IN)
    if address:
        order["delivery"]["address"] = {**order["delivery"]["address"], **address}
    if message is not None:
        order["messageToSeller"] = message
    order["status"] = FILLED_IN
    _buyer_changed(world, order)
    return "FILLED_IN"


def record_payment(world: World, order: CheckoutForm) -> None:
    """The main payment settles: what was paid and when (cash on delivery is paid to the carrier, never here)."""
    payment = order["payment"]
    payment["finishedAt"] = iso(world.clock.now_ms())
    payment["paidAmount"] = order["summary"]["totalToPay"].copy()
    if order["status"] == READY:
        _buyer_changed(world, order)   # a deferred payment paid out: no event, but the payment data changed


def make_ready(world: World, order: CheckoutForm) -> str:
    """→ READY_FOR_PROCESSING: paid, or filled in with cash on delivery or a deferred payment."""
    require_status(order, FILLED_IN)
    order["status"] = READY
    order["_targ"].setdefault("readyAt", world.clock.now_ms())
    _buyer_changed(world, order)
    return "READY_FOR_PROCESSING"


def pay_surcharge(world: World, order: CheckoutForm, surcharge: Json) -> str:
    """A surcharge paid after the order was ready: it joins `surcharges` and READY_FOR_PROCESSING repeats (#2087)."""
    require_status(order, READY)
    now = iso(world.clock.now_ms())
    currency = order["summary"]["totalToPay"]["currency"]
    order["surcharges"].append({"id": surcharge["id"], "type": surcharge["type"], "provider": surcharge["provider"],
                                "finishedAt": now, "paidAmount": money(Decimal(surcharge["amount"]), currency)})
    _buyer_changed(world, order)
    return "READY_FOR_PROCESSING"


def change_refusal(world: World, order: CheckoutForm) -> MarketplaceRefusal | None:
    """Why the buyer may not cancel or change the order now (allegro-behaviour.md §2), or None."""
    oid = order["id"]
    if order["status"] == CANCELLED:
        return MarketplaceRefusal(409, "order_cancelled", f"checkout form {oid} is already cancelled")
    window = world.config.ms("buyerCancelWindow")
    if world.clock.now_ms() - int(order["_targ"]["boughtAt"]) > window:
        return MarketplaceRefusal(409, "window_closed", f"checkout form {oid} was bought more than "
                                  f"{world.config.get('buyerCancelWindow')} ago (buyerCancelWindow)")
    fulfillment = (order.get("fulfillment") or {}).get("status")
    if fulfillment in SELLER_STARTED:
        return MarketplaceRefusal(409, "seller_processing",
                                  f"the seller has set checkout form {oid} to {fulfillment}")
    if order["fulfillment"]["shipmentSummary"]["lineItemsSent"] != "NONE":  # the order has a tracking number
        return MarketplaceRefusal(409, "tracking_number_added",
                                  f"a parcel tracking number has been added to checkout form {oid}")
    return None


def cancel(world: World, order: CheckoutForm) -> None:
    """→ CANCELLED, by the buyer or by Allegro (unpaid). `fulfillment.status` stays the seller's (#3337)."""
    order["status"] = CANCELLED
    _buyer_changed(world, order)


def modify_address(world: World, order: CheckoutForm, address: Json) -> str:
    """BUYER_MODIFIED: a new delivery address on a ready order, stamped with `modifiedAt` (#3730)."""
    require_status(order, READY)
    now = iso(world.clock.now_ms())
    order["delivery"]["address"] = {**order["delivery"]["address"], **address, "modifiedAt": now}
    _buyer_changed(world, order)
    return "BUYER_MODIFIED"
