"""Payment refunds (`POST/GET /payments/refunds`): the seller gives a buyer back money of a paid order.

A refund names the payment and what to give back: line items by QUANTITY (units at the price paid) or AMOUNT,
delivery, overpaid, surcharges, additional services, deposits. Never more than is left: what was paid minus what
refunds still alive (NEW, IN_PROGRESS, SUCCESS) already took - a refund under way counts (allegro-api #8840), a
CANCELED one gives its amounts back. What each refund took is kept on the order's `sale` (sales.py), so a check costs
one read, and two refunds racing for the same units are answered one after the other (one writer): the second
sees what the first took.

Refunds are docs of kind `payment_refund`, owner = the seller, alt = the `commandId` (the same command again answers
the refund it made, the spec's idempotency), holding the `RefundDetails` plus `_targ` (`ms`, `payment`, what it
took). Status on the clock (jobs, `jobDelay` each): NEW → IN_PROGRESS → SUCCESS, when the payment operator's
AVAILABLE wallet holds the amount: the REFUND_CHARGE operation takes it (funds leave the wallet at SUCCESS,
#12470); else CANCELED (#13740, #7828) and the amounts are free again. SUCCESS and CANCELED are final (#3772). The
order itself does not change: neither its status nor its fulfillment, no event (#9777, #3356).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroError
from targ.allegro.money import errors, wallet
from targ.allegro.money.sales import SALE_KIND, get_sale
from targ.allegro.orders import model
from targ.clock import iso
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

REFUND_KIND = "payment_refund"
STEP_JOB = "allegro.payments.refund-step"
ALIVE = frozenset({"NEW", "IN_PROGRESS", "SUCCESS"})
_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")
ZERO = Decimal(0)


@dataclass
class Taken:
    """What one refund takes from a payment: units and value per line item, and the other parts' values."""

    units: dict[str, int] = field(default_factory=dict)
    values: dict[str, Decimal] = field(default_factory=dict)
    delivery: Decimal = ZERO
    surcharges: dict[str, Decimal] = field(default_factory=dict)

    def to_json(self) -> Json:
        return {"units": self.units, "values": {k: str(v) for k, v in self.values.items()},
                "delivery": str(self.delivery), "surcharges": {k: str(v) for k, v in self.surcharges.items()}}

    @staticmethod
    def of(data: Json | None) -> Taken:
        data = data or {}
        return Taken(dict(data.get("units") or {}), {k: Decimal(v) for k, v in (data.get("values") or {}).items()},
                     Decimal(data.get("delivery") or 0),
                     {k: Decimal(v) for k, v in (data.get("surcharges") or {}).items()})

    def add(self, other: Taken, sign: int = 1) -> None:
        for k, n in other.units.items():
            self.units[k] = self.units.get(k, 0) + sign * n
        for k, v in other.values.items():
            self.values[k] = self.values.get(k, ZERO) + sign * v
        self.delivery += sign * other.delivery
        for k, v in other.surcharges.items():
            self.surcharges[k] = self.surcharges.get(k, ZERO) + sign * v


def _money(value: Any, path: str, currency: str) -> Decimal:
    """A `Price` of the request: an amount with at most two decimals (#12680), in the order's currency."""
    if not isinstance(value, dict):
        raise errors.bad_format(path, value)
    raw = value.get("amount")
    text = str(raw) if isinstance(raw, str | int | float) and not isinstance(raw, bool) else None
    if text is None or not _AMOUNT.match(text):
        raise errors.bad_format(f"{path}.amount", raw)
    if value.get("currency") != currency:
        raise errors.bad_format(f"{path}.currency", value.get("currency"))
    return Decimal(text)


def _exceeded(key: str, path: str, available: Decimal | int, wanted: Decimal | int, currency: str,
              id: str = "") -> AllegroError:
    def shown(x: Decimal | int) -> str:
        return str(x) if isinstance(x, int) else errors.amount_text(x, currency)
    return errors.exceeded(key, path, available=shown(available), wanted=shown(wanted), id=id)


def _paid(sale: Json, order: Any) -> bool:
    """Money a refund can give back: the payment was made online, through the seller's wallet."""
    return bool(sale["paid"] and sale["operator"] and "paidAmount" in order["payment"])


def parse(sale: Json, order: Any, body: Json) -> tuple[Taken, Json, Decimal]:
    """What the refund takes, the request's parts as the refund shows them, and its total; a 422 otherwise."""
    currency = sale["currency"]
    paid = _paid(sale, order)
    already = Taken.of(sale.get("refunded"))
    taken = Taken()
    shown: Json = {}
    total = ZERO
    given = body.get("lineItems")
    if given is not None and not isinstance(given, list):
        raise errors.bad_format("lineItems", given)
    items: dict[str, Json] = {}
    for item in given or []:
        # The same line item twice refunds it once (allegro-api #2644): the last entry counts.
        items[str((item or {}).get("id"))] = item or {}
    lines = []
    for line_item_id, item in items.items():
        line = sale["lines"].get(line_item_id)
        if line is None:
            raise errors.invalid("line_item", "lineItems.id", id=line_item_id, order=sale["order"])
        unit = Decimal(line["unit"])
        bought_value = unit * line["quantity"] if paid else ZERO
        left_value = bought_value - already.values.get(line_item_id, ZERO)
        if item.get("type") == "QUANTITY":
            quantity = item.get("quantity")
            if not isinstance(quantity, int | float) or isinstance(quantity, bool) or quantity != int(quantity) \
                    or quantity < 1:
                raise errors.bad_format("lineItems.quantity", quantity)
            units = int(quantity)
            left_units = line["quantity"] - already.units.get(line_item_id, 0) if paid else 0
            if unit > 0:   # units already given back by AMOUNT count too
                left_units = min(left_units, int(left_value // unit))
            if units > left_units:
                raise _exceeded("quantity", "lineItems.quantity", left_units, units, currency, line_item_id)
            value = unit * units
            taken.units[line_item_id] = units
            lines.append({"id": line_item_id, "type": "QUANTITY", "quantity": units})
        elif item.get("type") == "AMOUNT":
            value = _money(item.get("value"), "lineItems.value", currency)
            if value > left_value:
                raise _exceeded("value", "lineItems.value", left_value, value, currency, line_item_id)
            lines.append({"id": line_item_id, "type": "AMOUNT", "value": model.money(value, currency)})
        else:
            raise errors.bad_format("lineItems.type", item.get("type"))
        taken.values[line_item_id] = value
        total += value
    if lines:
        shown["lineItems"] = lines
    for deposit in body.get("deposits") or []:
        # targ's orders carry no deposits: any deposit value is above what is left (zero).
        value = _money((deposit or {}).get("totalValue"), "deposits.totalValue", currency)
        if value > 0:
            raise _exceeded("deposit", "deposits.totalValue", ZERO, value, currency, str(deposit.get("lineItemId")))
    delivery = (body.get("delivery") or {}).get("value")
    if delivery is not None:
        value = _money(delivery, "delivery.value", currency)
        cost = Decimal(order["delivery"]["cost"]["amount"]) if paid else ZERO
        left = cost - already.delivery
        if value > left:
            raise _exceeded("delivery", "delivery.value", left, value, currency)
        if value > 0:
            taken.delivery = value
            total += value
            shown["delivery"] = {"value": model.money(value, currency)}
    for key, part in (("overpaid", "overpaid"), ("services", "additionalServices")):
        raw = (body.get(part) or {}).get("value")
        if raw is not None:
            # targ's buyers pay exactly the total and buy no additional services: nothing of either is left.
            value = _money(raw, f"{part}.value", currency)
            if value > 0:
                raise _exceeded(key, f"{part}.value", ZERO, value, currency)
    surcharges = []
    paid_surcharges = {s["id"]: Decimal(s["paidAmount"]["amount"]) for s in order["surcharges"]}
    for surcharge in body.get("surcharges") or []:
        surcharge_id = str((surcharge or {}).get("id"))
        value = _money((surcharge or {}).get("value"), "surcharges.value", currency)
        left = paid_surcharges.get(surcharge_id, ZERO) if paid else ZERO
        left -= already.surcharges.get(surcharge_id, ZERO)
        if value > left:
            raise _exceeded("surcharge", "surcharges.value", left, value, currency, surcharge_id)
        if value > 0:
            taken.surcharges[surcharge_id] = taken.surcharges.get(surcharge_id, ZERO) + value
            total += value
            surcharges.append({"id": surcharge_id, "value": model.money(value, currency)})
    if surcharges:
        shown["surcharges"] = surcharges
    if total <= 0:
        raise errors.invalid("nothing", None)
    return taken, shown, total


def initiate(world: World, seller: str, body: Json) -> tuple[Json, bool]:
    """A new refund (or, for a `commandId` already used, the refund it made: `False`). Raises the vendor's error."""
    command = str(body.get("commandId") or "")
    if command:
        done = world.store.get_by_alt(REFUND_KIND, seller, command)
        if done is not None:
            return done.data, False
    payment_id = str((body.get("payment") or {}).get("id") or "")
    sale = get_sale(world, seller, payment_id) if payment_id else None
    order = model.get(world, sale["order"]) if sale else None
    if sale is None or order is None or not model.retained(world, order):
        raise errors.payment_not_found(payment_id)
    order_id = (body.get("order") or {}).get("id")
    if order_id is not None and order_id != sale["order"]:
        raise errors.invalid("order", "order.id", payment=payment_id, order=str(order_id))
    taken, shown, total = parse(sale, order, body)
    now = world.clock.now_ms()
    refund: Json = {"id": world.ids.uuid(REFUND_KIND), "payment": {"id": payment_id}, "order": {"id": sale["order"]},
                    "reason": body["reason"], "status": "NEW", "createdAt": iso(now),
                    "totalValue": model.money(total, sale["currency"]), **shown}
    if body.get("sellerComment"):
        refund["sellerComment"] = body["sellerComment"]
    refunded = Taken.of(sale.get("refunded"))
    refunded.add(taken)
    sale["refunded"] = refunded.to_json()
    world.store.put(SALE_KIND, sale["order"], sale, owner=seller, alt=sale["payment"])
    world.store.insert(REFUND_KIND, refund["id"], {**refund, "_targ": {"ms": now, "taken": taken.to_json(),
                                                                   "command": command or None}},
                       owner=seller, alt=command or None)
    world.schedule(STEP_JOB, world.config.ms("jobDelay"), {"refund": refund["id"]}, owner=seller)
    return refund, True


@runs(STEP_JOB)
def step(world: World, job: Job) -> None:
    """NEW → IN_PROGRESS; IN_PROGRESS → SUCCESS (the wallet pays) or CANCELED (it cannot)."""
    doc = world.store.get_doc(REFUND_KIND, str(job.payload["refund"]))
    if doc is None or doc.data["status"] not in ("NEW", "IN_PROGRESS"):
        return
    refund, seller = doc.data, doc.owner
    if refund["status"] == "NEW":
        refund["status"] = "IN_PROGRESS"
        world.schedule(STEP_JOB, world.config.ms("jobDelay"), {"refund": refund["id"]}, owner=seller)
    else:
        sale = world.store.get(SALE_KIND, refund["order"]["id"])
        assert sale is not None                       # a refund is only made for a known sale
        total = Decimal(refund["totalValue"]["amount"])
        currency = refund["totalValue"]["currency"]
        if wallet.balance(world, seller, sale["operator"], currency) >= total:
            refund["status"] = "SUCCESS"
            wallet.record(world, seller, "REFUND_CHARGE", operator=sale["operator"], amount=-total,
                          currency=currency, marketplace=sale["marketplace"],
                          details={"payment": refund["payment"], "participant": sale["buyer"]})
        else:
            refund["status"] = "CANCELED"
            refunded = Taken.of(sale.get("refunded"))
            refunded.add(Taken.of(refund["_targ"]["taken"]), -1)
            sale["refunded"] = refunded.to_json()
            world.store.put(SALE_KIND, sale["order"], sale, owner=seller, alt=sale["payment"])
    world.store.put(REFUND_KIND, refund["id"], refund, owner=seller, alt=refund["_targ"]["command"])


def public(refund: Json) -> Json:
    return {k: v for k, v in refund.items() if k != "_targ"}


def listed(world: World, seller: str) -> list[Json]:
    """The seller's refunds, newest first, with `_targ`."""
    return [doc.data for doc in world.store.find(REFUND_KIND, seller, desc=True)]
