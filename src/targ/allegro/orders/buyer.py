"""The buyer: purchases and what a buyer does with a checkout form afterwards (fill in, pay, cancel, change the
address), and Allegro's cancellation of orders left unpaid. The admin API (`/__targ/buyer/...`) calls these.

Every step journals its events (`events.journal`) and returns them as `GET /order/events` shows them. Functions
validate before they write, and raise `MarketplaceRefusal` (the admin API's 4xx) only before writing or, for stock,
inside the request's transaction, which then rolls back as a whole.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

from targ.allegro.buyer_input import bad, only
from targ.allegro.fulfillment import outbound
from targ.allegro.money import sales
from targ.allegro.offers.documents import Offer
from targ.allegro.offers.stock import (
    InsufficientStock,
    OfferNotBuyable,
    is_one_fulfillment,
    offer_for_purchase,
    return_stock,
    take_stock,
)
from targ.allegro.orders import events, model, returns
from targ.allegro.orders.checkout import Purchase, build
from targ.allegro.orders.documents import CheckoutForm
from targ.allegro.orders.events import Pending, happened, journal
from targ.allegro.orders.model import MarketplaceRefusal
from targ.allegro.sellers import MARKETPLACES, get_seller
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

AUTO_CANCEL_JOB = "allegro.order.auto-cancel"
PAYMENT_TYPES = ("CASH_ON_DELIVERY", "WIRE_TRANSFER", "ONLINE", "SPLIT_PAYMENT", "EXTENDED_TERM")
PAYMENT_PROVIDERS = ("PAYU", "P24", "AF", "OFFLINE", "EPT")
ADDRESS_FIELDS = frozenset({"firstName", "lastName", "street", "city", "zipCode", "countryCode", "companyName",
                            "phoneNumber"})
BUYER_FIELDS = frozenset({"login", "email", "firstName", "lastName", "companyName", "guest", "personalIdentity",
                          "phoneNumber", "language", "address", "taxId"})
PURCHASE_FIELDS = frozenset({"sellerId", "lineItems", "buyer", "delivery", "payment", "invoiceRequired",
                             "messageToSeller", "marketplace", "surcharges", "fillIn", "pay"})


# --- validation of the admin bodies -----------------------------------------------------------------------------------


def _obj(value: Any, name: str) -> Json:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad(f"{name} must be an object")
    return value


def _text(value: Any, name: str) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise bad(f"{name} must be a non-empty string")
    return value


def _flag(body: Json, name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise bad(f"{name} must be a boolean")
    return value


def address(value: Any, name: str = "delivery.address") -> Json | None:
    given = _obj(value, name)
    only(given, ADDRESS_FIELDS, name)
    for key, v in given.items():
        _text(v, f"{name}.{key}")
    return given or None


def _lines(world: World, value: Any) -> list[tuple[Offer, int, str]]:
    """(offer, quantity, owner) per distinct offer; several entries for one offer add up."""
    if not isinstance(value, list) or not value:
        raise bad("lineItems must be a non-empty array of {offerId, quantity}")
    quantities: dict[str, int] = {}
    for i, item in enumerate(value):
        item = _obj(item, f"lineItems[{i}]")
        only(item, frozenset({"offerId", "quantity"}), f"lineItems[{i}]")
        offer_id, qty = item.get("offerId"), item.get("quantity", 1)
        if not isinstance(offer_id, str | int) or isinstance(offer_id, bool) or not str(offer_id):
            raise bad(f"lineItems[{i}].offerId must be an offer id")
        if not isinstance(qty, int) or isinstance(qty, bool) or qty < 1:
            raise bad(f"lineItems[{i}].quantity must be a positive integer")
        quantities[str(offer_id)] = quantities.get(str(offer_id), 0) + qty
    out = []
    for offer_id, qty in quantities.items():
        doc = world.store.get_doc("offer", offer_id)
        try:
            offer = offer_for_purchase(world, offer_id)
        except OfferNotBuyable as exc:
            if exc.reason == "NOT_FOUND" or doc is None:
                raise MarketplaceRefusal(404, "not_found", f"no offer {offer_id!r}") from None
            raise MarketplaceRefusal(409, "offer_not_buyable", f"offer {offer_id} is {exc.reason}") from None
        out.append((offer, qty, doc.owner if doc else ""))
    return out


def _surcharges(value: Any) -> list[Json]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad("surcharges must be an array of {amount, type?}")
    out = []
    for i, s in enumerate(value):
        s = _obj(s, f"surcharges[{i}]")
        only(s, frozenset({"amount", "type", "provider"}), f"surcharges[{i}]")
        try:
            amount = Decimal(str(s.get("amount")))
        except InvalidOperation:
            amount = Decimal(0)
        if not amount.is_finite() or amount <= 0 or amount != amount.quantize(model.CENT):
            raise bad(f"surcharges[{i}].amount must be a positive amount with at most 2 decimals")
        kind = s.get("type", "ONLINE")
        if kind not in PAYMENT_TYPES or kind in model.PAY_LATER:
            raise bad(f"surcharges[{i}].type must be a payment type paid in advance")
        out.append({"type": kind, "provider": s.get("provider", "PAYU"), "amount": str(amount)})
    return out


def parse_purchase(world: World, body: Json) -> Purchase:
    only(body, PURCHASE_FIELDS)
    lines = _lines(world, body.get("lineItems"))
    sellers = {owner for _, _, owner in lines}
    wanted = _text(body.get("sellerId"), "sellerId")
    if len(sellers) > 1 or (wanted is not None and sellers != {wanted}):
        raise MarketplaceRefusal(400, "mixed_sellers", "every offer of a purchase must belong to one seller"
                                 + (f" ({wanted})" if wanted else ""))
    if len({is_one_fulfillment(offer) for offer, _, _ in lines}) > 1:
        raise MarketplaceRefusal(400, "mixed_fulfillment", "One Fulfillment offers and offers the seller ships "
                                 "are bought in separate purchases")
    seller = sellers.pop()
    account = get_seller(world, seller) or {}
    marketplace = body.get("marketplace") or (account.get("baseMarketplace") or {}).get("id") or "allegro-pl"
    if marketplace not in MARKETPLACES:
        raise bad(f"marketplace must be one of {', '.join(MARKETPLACES)}")
    buyer = _obj(body.get("buyer"), "buyer")
    only(buyer, BUYER_FIELDS, "buyer")
    buyer_address = _obj(buyer.get("address"), "buyer.address")
    only(buyer_address, frozenset({"street", "city", "postCode", "countryCode"}), "buyer.address")
    for key in BUYER_FIELDS - {"guest", "address"}:
        _text(buyer.get(key), f"buyer.{key}")
    parcel = _obj(body.get("delivery"), "delivery")
    only(parcel, frozenset({"methodId", "pickupPoint", "address"}), "delivery")
    point = parcel.get("pickupPoint")
    if point is not None and not isinstance(point, str) and not (isinstance(point, dict) and point.get("id")):
        raise bad("delivery.pickupPoint must be a point id or an object with an id")
    payment = _obj(body.get("payment"), "payment")
    only(payment, frozenset({"type", "provider"}), "payment")
    if payment.get("type") is not None and payment["type"] not in PAYMENT_TYPES:
        raise bad(f"payment.type must be one of {', '.join(PAYMENT_TYPES)}")
    if payment.get("provider") is not None and payment["provider"] not in PAYMENT_PROVIDERS:
        raise bad(f"payment.provider must be one of {', '.join(PAYMENT_PROVIDERS)}")
    fill_in = _flag(body, "fillIn", True)
    pay = _flag(body, "pay", fill_in)
    if pay and not fill_in:
        raise bad("a buyer pays after filling in the checkout form: pay needs fillIn")
    surcharges = _surcharges(body.get("surcharges"))
    if surcharges and payment.get("type") in model.PAY_LATER:
        raise bad("surcharges are paid online: not with cash on delivery or a deferred payment")
    message = _text(body.get("messageToSeller"), "messageToSeller")
    return Purchase(seller=seller, marketplace=marketplace, lines=[(o, q) for o, q, _ in lines], buyer=buyer,
                    method_id=_text(parcel.get("methodId"), "delivery.methodId"), pickup_point=point,
                    address=address(parcel.get("address")), payment_type=payment.get("type"),
                    provider=payment.get("provider"), invoice_required=_flag(body, "invoiceRequired", False),
                    message=message, surcharges=surcharges, fill_in=fill_in, pay=pay)


# --- the buyer's steps ------------------------------------------------------------------------------------------------
def purchase(world: World, body: Json) -> tuple[CheckoutForm, list[Json]]:
    """A purchase: the order BOUGHT, then (by default) filled in and paid. Returns the order and its events."""
    p = parse_purchase(world, body)
    order = build(world, p)
    for offer, quantity in p.lines:
        try:
            take_stock(world, offer["id"], quantity)
        except InsufficientStock as exc:
            raise MarketplaceRefusal(409, "insufficient_stock", f"offer {offer['id']} has {exc.available} units "
                                     f"available, {quantity} wanted") from None
        except OfferNotBuyable as exc:
            raise MarketplaceRefusal(409, "offer_not_buyable", f"offer {offer['id']} is {exc.reason}") from None
    steps = [happened(world, order, "BOUGHT")]
    if p.fill_in:
        steps += _fill_in(world, order)
    if p.pay:
        steps += _pay(world, order)
    model.index_line_items(world, order)
    if order["status"] != model.READY:
        world.schedule(AUTO_CANCEL_JOB, world.config.ms("paymentDeadline"), {"order": order["id"]},
                       owner=model.seller_of(order))
    return _done(world, order, steps)


def _fill_in(world: World, order: CheckoutForm, new_address: Json | None = None,
             message: str | None = None) -> list[Pending]:
    steps = [happened(world, order, model.fill_in(world, order, new_address, message))]
    if order["payment"]["type"] in model.PAY_LATER:
        steps.append(_ready(world, order))
    return steps


def _ready(world: World, order: CheckoutForm) -> Pending:
    """→ READY_FOR_PROCESSING; from here Allegro's warehouse takes a One Fulfillment order (fulfillment outbound)."""
    event = happened(world, order, model.make_ready(world, order))
    outbound.hand_over(world, cast(Json, order))   # the warehouse's orders are not typed yet
    return event


def _pay(world: World, order: CheckoutForm) -> list[Pending]:
    kind = order["payment"]["type"]
    if kind == "CASH_ON_DELIVERY":
        return []                               # paid to the carrier, never online; ready since fill-in
    model.record_payment(world, order)
    if kind == "EXTENDED_TERM":
        return []                               # ready since fill-in; the payout adds no second event (#5273)
    steps = [_ready(world, order)]
    for surcharge in order["_targ"].pop("pendingSurcharges", []):
        steps.append(happened(world, order, model.pay_surcharge(world, order, surcharge)))
    return steps


def order_for_buyer(world: World, order_id: str) -> CheckoutForm:
    order = model.get_form(world, order_id)
    if order is None or not model.retained(world, order):
        raise MarketplaceRefusal(404, "not_found", f"no checkout form {order_id!r}")
    return order


def _done(world: World, order: CheckoutForm, steps: list[Pending]) -> tuple[CheckoutForm, list[Json]]:
    model.save(world, order)
    sales.order_changed(world, order)   # the commission, the payment and surcharges in the seller's wallet
    return order, journal(world, model.seller_of(order), steps)


def fill_in(world: World, order_id: str, body: Json) -> tuple[CheckoutForm, list[Json]]:
    only(body, frozenset({"delivery", "messageToSeller"}))
    parcel = _obj(body.get("delivery"), "delivery")
    only(parcel, frozenset({"address"}), "delivery")
    new_address = address(parcel.get("address"))
    message = _text(body.get("messageToSeller"), "messageToSeller")
    order = order_for_buyer(world, order_id)
    return _done(world, order, _fill_in(world, order, new_address, message))


def pay(world: World, order_id: str) -> tuple[CheckoutForm, list[Json]]:
    order = order_for_buyer(world, order_id)
    if order["payment"]["type"] == "CASH_ON_DELIVERY":
        raise MarketplaceRefusal(409, "cash_on_delivery", f"checkout form {order_id} is paid to the carrier on "
                                 "delivery")
    if "paidAmount" in order["payment"]:
        raise MarketplaceRefusal(409, "already_paid", f"checkout form {order_id} is already paid")
    model.require_status(order, model.FILLED_IN, model.READY)
    return _done(world, order, _pay(world, order))


def cancel(world: World, order_id: str) -> tuple[CheckoutForm, list[Json]]:
    """BUYER_CANCELLED within the buyer's window; the units go back to the offers."""
    order = order_for_buyer(world, order_id)
    refusal = model.change_refusal(world, order)
    if refusal is not None:
        raise refusal
    in_flight = order["status"] == model.FILLED_IN and order["payment"]["type"] not in model.PAY_LATER
    _cancel(world, order)
    sales.order_changed(world, order)   # an unpaid order's commission comes back
    steps = [happened(world, order, "BUYER_CANCELLED")]
    # The vendor: a payment that was under way can still report READY_FOR_PROCESSING after the cancel (#5900).
    if in_flight and events.documented(world) and events.chance(world) < events.LATE_PAYMENT:
        steps.append(happened(world, order, "READY_FOR_PROCESSING"))
    # Two deliveries, one after the other: the late payment is never swapped before the cancel.
    return order, [e for step in steps for e in journal(world, model.seller_of(order), [step])]


def modify(world: World, order_id: str, body: Json) -> tuple[CheckoutForm, list[Json]]:
    """BUYER_MODIFIED: a new delivery address, within the same window as a cancel."""
    only(body, frozenset({"delivery"}))
    parcel = _obj(body.get("delivery"), "delivery")
    only(parcel, frozenset({"address"}), "delivery")
    new_address = address(parcel.get("address"))
    if not new_address:
        raise bad("delivery.address is required")
    order = order_for_buyer(world, order_id)
    refusal = model.change_refusal(world, order)
    if refusal is not None:
        raise refusal
    return _done(world, order, [happened(world, order, model.modify_address(world, order, new_address))])


def customer_return(world: World, order_id: str, body: Json) -> Json:
    """The buyer sends items back (`returns.declare`): `items` [{lineItemId, quantity?, reason?: {type,
    userComment?}}] (default: every unit of every line item), `parcel` {carrierId, waybill} once dispatched."""
    only(body, frozenset({"items", "parcel"}))
    order = order_for_buyer(world, order_id)
    given = body.get("items")
    if given is not None and (not isinstance(given, list) or not given):
        raise bad("items must be a non-empty array of {lineItemId, quantity?, reason?}")
    items = []
    for i, item in enumerate(given or [{"lineItemId": li["id"], "quantity": li["quantity"]}
                                       for li in order["lineItems"]]):
        item = _obj(item, f"items[{i}]")
        only(item, frozenset({"lineItemId", "quantity", "reason"}), f"items[{i}]")
        qty = item.get("quantity", 1)
        if not isinstance(qty, int) or isinstance(qty, bool) or qty < 1:
            raise bad(f"items[{i}].quantity must be a positive integer")
        reason = _obj(item.get("reason"), f"items[{i}].reason")
        only(reason, frozenset({"type", "userComment"}), f"items[{i}].reason")
        items.append({"lineItemId": _text(item.get("lineItemId"), f"items[{i}].lineItemId") or "", "quantity": qty,
                      "reason": {"type": "MISTAKE", **reason}})
    parcel = body.get("parcel")
    if parcel is not None:
        parcel = _obj(parcel, "parcel")
        only(parcel, frozenset({"carrierId", "waybill"}), "parcel")
        for key in ("carrierId", "waybill"):
            if not _text(parcel.get(key), f"parcel.{key}"):
                raise bad(f"parcel.{key} is required")
    return returns.declare(world, order, items, parcel)


def _cancel(world: World, order: CheckoutForm) -> None:
    """→ CANCELLED, saved, and the units back to the offers. A One Fulfillment offer's stock is then what the
    warehouse can still sell, computed from the stored orders (so the order is saved first), and an offer the order
    had emptied is listed again (fulfillment outbound.release)."""
    model.cancel(world, order)
    model.save(world, order)
    for li in order["lineItems"]:
        return_stock(world, li["offer"]["id"], int(li["quantity"]))
    if model.fulfilled_by_allegro(order):
        outbound.release(world, cast(Json, order))


@runs(AUTO_CANCEL_JOB)
def auto_cancel(world: World, job: Job) -> None:
    """AUTO_CANCELLED: Allegro cancels an order still unpaid when `paymentDeadline` has passed (#4646)."""
    order = model.get_form(world, str(job.payload["order"]))
    if order is None or order["status"] not in (model.BOUGHT, model.FILLED_IN):
        return
    _cancel(world, order)
    _done(world, order, [happened(world, order, "AUTO_CANCELLED")])
