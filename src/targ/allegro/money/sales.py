"""What a sale does to the seller's money, applied whenever the buyer's side of an order moves (the orders area's
buyer steps call `order_changed` after saving the order): each step is reconciled against a `sale` doc, so a step
seen twice books nothing twice.

* bought: the sales commission (billing SUC) of each line item, from the commission tariff of the offer's main
  category - Allegro charges it at the purchase, and gives it back when the sale does not complete (allegro-api
  #3356, #6749);
* paid online: the payment lands in the wallet of its operator (CONTRIBUTION), each surcharge too (SURCHARGE);
* cancelled before it was paid (by the buyer, or AUTO_CANCELLED): the commission comes back by itself, a billing
  REF "Zwrot kosztów" with the order's id (allegro-api #7431, #5641);
* a commission refund claim GRANTED (`claim_granted`, called by the orders area's claims): the commission of the
  claimed units comes back as REF.

Sales are docs of kind `sale`, id = the order id, owner = the seller, alt = the order's payment id (so a refund finds
its order by payment in one read): the marketplace, currency, payment operator, buyer, whether the payment was booked,
the surcharges booked, and per line item the offer, unit price, quantity, commission rate and the units whose
commission was given back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.money import billing, wallet
from targ.allegro.money.commission import commission, rate
from targ.allegro.orders import model
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

SALE_KIND = "sale"


def get_sale(world: World, seller: str, payment_id: str) -> Json | None:
    doc = world.store.get_by_alt(SALE_KIND, seller, payment_id)
    return doc.data if doc else None


def line_commission(line: Json, units: int) -> Decimal:
    return commission(Decimal(line["unit"]) * units, Decimal(line["rate"]))


def _new_sale(world: World, order: Any) -> Json:
    currency = order["summary"]["totalToPay"]["currency"]
    marketplace = order["marketplace"]["id"]
    lines: Json = {}
    for li in order["lineItems"]:
        offer = world.store.get("offer", li["offer"]["id"]) or {}
        line = {"offer": {"id": li["offer"]["id"], "name": li["offer"]["name"]}, "unit": li["price"]["amount"],
                "quantity": int(li["quantity"]), "rate": str(rate((offer.get("category") or {}).get("id"))),
                "returnedUnits": 0}
        lines[li["id"]] = line
        billing.book(world, model.seller_of(order), billing.SALES_COMMISSION, -line_commission(line, line["quantity"]),
                     currency, marketplace=marketplace, offer=line["offer"], order_id=order["id"])
    return {"order": order["id"], "payment": order["payment"]["id"], "marketplace": marketplace,
            "currency": currency, "operator": wallet.operator_of(order["payment"].get("provider")),
            "buyer": wallet.participant(order["buyer"]), "paid": False, "surcharges": [], "lines": lines}


def order_changed(world: World, order: Any) -> None:
    """Books what the order's latest buyer step means for the seller's money (see the module's docstring)."""
    seller = model.seller_of(order)
    known = world.store.get(SALE_KIND, order["id"])
    sale = known if known is not None else _new_sale(world, order)
    payment = order["payment"]
    if "paidAmount" in payment and not sale["paid"]:
        sale["paid"] = True
        if sale["operator"]:
            wallet.record(world, seller, "CONTRIBUTION", operator=sale["operator"],
                          amount=Decimal(payment["paidAmount"]["amount"]), currency=sale["currency"],
                          marketplace=sale["marketplace"],
                          details={"payment": {"id": payment["id"]}, "participant": sale["buyer"]})
    for surcharge in order["surcharges"]:
        if surcharge["id"] in sale["surcharges"]:
            continue
        sale["surcharges"].append(surcharge["id"])
        operator = wallet.operator_of(surcharge.get("provider"))
        if operator:
            wallet.record(world, seller, "SURCHARGE", operator=operator,
                          amount=Decimal(surcharge["paidAmount"]["amount"]), currency=sale["currency"],
                          marketplace=sale["marketplace"],
                          details={"payment": {"id": payment["id"]}, "surcharge": {"id": surcharge["id"]},
                                   "participant": sale["buyer"]})
    if order["status"] == model.CANCELLED and not sale["paid"]:
        for line_item_id, line in sale["lines"].items():
            return_commission(world, seller, sale, line_item_id, line["quantity"] - line["returnedUnits"])
    world.store.put(SALE_KIND, order["id"], sale, owner=seller, alt=sale["payment"])


def return_commission(world: World, seller: str, sale: Json, line_item_id: str, units: int) -> None:
    """Gives back the commission of `units` more units of a line item (billing REF), never more than was charged:
    the amounts are differences of the commission on all units returned so far, so they add up to the charge."""
    line = sale["lines"][line_item_id]
    units = min(units, line["quantity"] - line["returnedUnits"])
    if units <= 0:
        return
    before = line_commission(line, line["returnedUnits"])
    line["returnedUnits"] += units
    amount = line_commission(line, line["returnedUnits"]) - before
    billing.book(world, seller, billing.REFUND, amount, sale["currency"], marketplace=sale["marketplace"],
                 offer=line["offer"], order_id=sale["order"])


def claimable_commission(world: World, order_id: str, line_item_id: str, units: int) -> tuple[Decimal, str] | None:
    """(commission charged for `units` units of the line item, currency) for a refund claim; None when the order
    has no sale (never bought through targ's buyer)."""
    sale = world.store.get(SALE_KIND, order_id)
    if sale is None or line_item_id not in sale["lines"]:
        return None
    return line_commission(sale["lines"][line_item_id], units), sale["currency"]


def claim_granted(world: World, seller: str, order_id: str, line_item_id: str, quantity: int) -> None:
    """A commission refund claim was GRANTED: the commission of its units comes back."""
    sale = world.store.get(SALE_KIND, order_id)
    if sale is None or line_item_id not in sale["lines"]:
        return
    return_commission(world, seller, sale, line_item_id, quantity)
    world.store.put(SALE_KIND, order_id, sale, owner=seller, alt=sale["payment"])
