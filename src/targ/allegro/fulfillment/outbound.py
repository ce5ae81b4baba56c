"""The warehouse's outbound side: Allegro picks, packs and ships the orders of One Fulfillment offers (seed 003,
"Jak obsługiwać zamówienia": the seller sees them in GET /order/checkout-forms and /order/events but does not
process them, and cannot set their `fulfillment.status`).

Orders are the orders area's (`orders.model.fulfilled_by_allegro`: `fulfillment.provider.id` ALLEGRO). The warehouse
moves their `fulfillment.status`; each change journals FULFILLMENT_STATUS_CHANGED in the seller's journal, counts
for nothing against the seller's status operations and makes no new revision (it is no buyer change, #3187):

* READY_FOR_PROCESSING (the orders area calls `hand_over`): the warehouse takes the order at once, as a job due
  immediately so that the buyer's step stays the buyer's: PROCESSING when the units on the shelves (sellable units
  not already picked for other orders, ledger.py) cover every line item - they are picked - else SUSPENDED (the
  status Allegro added in 2022 for One Fulfillment orders with missing stock). A suspended order is taken up again
  when units are put away (`resume`, from a completed notice).
* `warehousePickingDelay` later: picked and packed, READY_FOR_SHIPMENT.
* `warehouseShippingDelay` later: handed to the carrier, SENT. The units leave the ledger, oldest first, with
  their serial numbers and expiry dates; the parcel is recorded (parcels.py); its tracking number joins the order's
  shipments (`lineItemsSent` ALL), and the carrier tracks it from there (orders carrier.py).

Every job names the status it expects: one for a step already taken (on demand, `drive`: the admin actions
`POST /__targ/warehouse/orders/{id}/pack | ship`) or for an order cancelled meanwhile does nothing. The buyer may
cancel while the order is NEW or SUSPENDED (orders' `change_refusal`); `release` then gives its units back to the
offer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.catalog.delivery import canonical_carrier, delivery_method
from targ.allegro.fulfillment import ledger, parcels, products
from targ.allegro.fulfillment.common import WarehouseRefusal
from targ.allegro.orders import events, shipments
from targ.allegro.orders import model as orders
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

STEP_JOB = "allegro.fulfillment.order-step"
NEW, PROCESSING, SUSPENDED, PACKED, SENT = "NEW", "PROCESSING", "SUSPENDED", "READY_FOR_SHIPMENT", "SENT"
# The status a step leads to → the setting that says how long until the next step.
NEXT_DELAY = {PROCESSING: "warehousePickingDelay", PACKED: "warehouseShippingDelay"}
_RANK = {NEW: 0, SUSPENDED: 0, PROCESSING: 1, PACKED: 2, SENT: 3}
DEFAULT_CARRIER = "ALLEGRO"          # Allegro One Kurier, the carrier of the "One Fulfillment PL" methods


def hand_over(world: World, order: Json) -> None:
    """The order became READY_FOR_PROCESSING: a One Fulfillment order goes to the warehouse."""
    if orders.fulfilled_by_allegro(order):
        _schedule(world, order, NEW, 0)


def _schedule(world: World, order: Json, expected: str, delay_ms: int) -> None:
    world.schedule(STEP_JOB, delay_ms, {"order": order["id"], "from": expected}, owner=orders.seller_of(order))


@runs(STEP_JOB)
def _step_when_due(world: World, job: Job) -> None:
    order = orders.get(world, str(job.payload["order"]))
    if order is not None and order["status"] == orders.READY and order["fulfillment"]["status"] == job.payload["from"]:
        step(world, order)


def step(world: World, order: Json) -> list[Json]:
    """The warehouse's next step with a ready order; returns the events journaled (none while a suspended order
    still lacks units, or once it is SENT)."""
    current = order["fulfillment"]["status"]
    if current in (NEW, SUSPENDED):
        target = PROCESSING if units_there(world, order) else SUSPENDED
        if target == current:
            return []
        if target == PROCESSING:
            _pick(world, order)
    elif current == PROCESSING:
        target = PACKED
    elif current == PACKED:
        target = SENT
        _ship(world, order)
    else:
        return []
    orders.set_fulfillment_status(order, target, by_warehouse=True)
    orders.save(world, order)
    if target in NEXT_DELAY:
        _schedule(world, order, target, world.config.ms(NEXT_DELAY[target]))
    return events.journal(world, orders.seller_of(order),
                          [events.happened(world, order, "FULFILLMENT_STATUS_CHANGED")])


def drive(world: World, order: Json, target: str) -> list[Json]:
    """On demand (the admin actions): steps until the order is `target` (READY_FOR_SHIPMENT or SENT). Refuses,
    changing nothing, an order that is not the warehouse's, not ready, already there, or still short of units."""
    oid, status = order["id"], order["fulfillment"]["status"]
    if not orders.fulfilled_by_allegro(order):
        raise WarehouseRefusal(409, "not_one_fulfillment", f"checkout form {oid} is shipped by the seller, not by "
                               "Allegro's warehouse")
    if order["status"] != orders.READY:
        key = "order_cancelled" if order["status"] == orders.CANCELLED else "not_ready"
        raise WarehouseRefusal(409, key, f"checkout form {oid} is {order['status']}: the warehouse ships orders "
                               "that are READY_FOR_PROCESSING")
    if _RANK.get(status, 9) >= _RANK[target]:
        raise WarehouseRefusal(409, "conflict", f"checkout form {oid} is {status} already")
    if _RANK[status] == 0 and not units_there(world, order):
        raise WarehouseRefusal(409, "insufficient_stock", f"the units of checkout form {oid} are not on the "
                               "shelves (GET /fulfillment/stock; a completed advance ship notice brings more)")
    out: list[Json] = []
    for _ in range(_RANK[target] - _RANK[status]):       # one status per step, the units checked above
        out += step(world, order)
    return out


def resume(world: World, seller: str, product_ids: list[str]) -> None:
    """Units of these products were put away: suspended orders that wanted them are taken up, oldest first."""
    known = products.of_seller(world, seller)
    wanted = {known[pid].offer_id for pid in product_ids if pid in known}
    for doc in world.store.find(orders.ORDER_KIND, seller):
        order = doc.data
        if (order["status"] == orders.READY and order["fulfillment"]["status"] == SUSPENDED
                and any(str(li["offer"]["id"]) in wanted for li in order["lineItems"])):
            step(world, order)


def release(world: World, order: Json) -> None:
    """A cancelled One Fulfillment order (already saved as CANCELLED) reserves nothing any more: its offers get the
    units back, and an offer it had emptied is listed again (ledger.sync_offers)."""
    ledger.sync_offers(world, orders.seller_of(order), list(_needed(world, order)))


def _lines(world: World, order: Json) -> list[tuple[str, str, int]]:
    """(product id, offer id, quantity) per line item; every offer of a One Fulfillment order is one (purchases
    never mix them, orders' buyer.py)."""
    out = []
    for li in order["lineItems"]:
        offer_id = str(li["offer"]["id"])
        pid = products.of_offer(world, offer_id)
        if pid is not None:
            out.append((pid, offer_id, int(li["quantity"])))
    return out


def _needed(world: World, order: Json) -> dict[str, int]:
    needed: dict[str, int] = {}
    for pid, _, quantity in _lines(world, order):
        needed[pid] = needed.get(pid, 0) + quantity
    return needed


def units_there(world: World, order: Json) -> bool:
    """Whether the shelves hold every unit the order needs (units picked for other orders are not on them)."""
    seller = orders.seller_of(order)
    return all(ledger.on_shelves(ledger.entry(world, seller, pid)) >= n for pid, n in _needed(world, order).items())


def _pick(world: World, order: Json) -> None:
    seller = orders.seller_of(order)
    for pid, quantity in _needed(world, order).items():
        ledger.pick(world, seller, pid, quantity)


def _ship(world: World, order: Json) -> None:
    """The parcel leaves: units out of the ledger, the parcel recorded, its tracking number on the order."""
    seller = orders.seller_of(order)
    items: list[Json] = []
    for pid, offer_id, quantity in _lines(world, order):
        items += parcels.packed_items(pid, offer_id, ledger.take(world, seller, pid, quantity))
    method = delivery_method(order["delivery"]["method"]["id"]) or {}
    carrier = canonical_carrier(method.get("carrier") or DEFAULT_CARRIER) or DEFAULT_CARRIER
    waybill = parcels.new_waybill(world, carrier)
    parcels.record(world, seller, order["id"], carrier, waybill, items)
    shipments.record(world, order, carrier, waybill, [li["id"] for li in order["lineItems"]])
