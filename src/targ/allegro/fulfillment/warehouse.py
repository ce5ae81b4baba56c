"""The simulated Allegro warehouse: it expects submitted notices, unpacks them, counts what arrived and puts the
units away. In Allegro's sandbox a notice stays IN_TRANSIT forever (a person must accept it); here it moves on the
virtual clock, or on demand through the admin actions (`POST /__targ/warehouse/advance-ship-notices/{id}/arrive |
receive | complete`, targ/admin/warehouse.py).

* `dispatch` (the submit command succeeded): IN_TRANSIT, `submittedAt`; arrival is due `warehouseArrivalDelay` later.
* `arrive`: UNPACKING, a receiving report in stage IN_PROGRESS; completion is due `warehouseUnpackingDelay` later.
* `receive`: the warehouse's count, cumulative, per product and condition (SELLABLE, DAMAGE, REJECT with a reason
  code). Any product may turn up, declared or not: the receiving state reports each difference.
* `complete`: COMPLETED, stage COMPLETED. A notice nobody counted by hand is taken as delivered exactly as declared
  (all SELLABLE). SELLABLE units become sellable stock, DAMAGE units stock on hold, REJECT units go back to the
  seller; the products' One Fulfillment offers follow.

Jobs scheduled for a step that has already happened (on demand, or the notice was cancelled) do nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment import ledger
from targ.allegro.fulfillment.asn import COMPLETED, IN_TRANSIT, UNPACKING
from targ.allegro.fulfillment.common import whole
from targ.clock import iso
from targ.jobs import runs

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

Json = dict[str, Any]

ARRIVE_JOB = "allegro.fulfillment.arrive"
COMPLETE_JOB = "allegro.fulfillment.complete"
RECEIVED_TYPES = ("SELLABLE", "DAMAGE", "REJECT")
# ReceivingStatus.reasonCode without SELLABLE: why a unit could not be put on sale.
REASON_CODES = ("DAMAGED_CARRIER_CLAIM", "DAMAGED_IN_TRANSPORT", "NO_BARCODE", "PRODUCT_NOT_ACCEPTABLE_IN_FULFILLMENT",
                "SHORT_EXPIRY_DATE", "UNACCEPTABLE_HAZMAT", "UNACCEPTABLE_PRODUCT_SIZE",
                "UNACCEPTABLE_PRODUCT_VARIANT", "UNSCANNABLE_BARCODE")


class WarehouseRefusal(Exception):
    """A warehouse step that cannot happen now (409) or a count that makes no sense (400); the admin API answers
    `status` with `key`."""

    def __init__(self, status: int, key: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.key = key
        self.message = message


# --- steps ---------------------------------------------------------------------------------------------------------
def dispatch(world: World, seller: str, asn: Json) -> None:
    asn["status"] = IN_TRANSIT
    asn["submittedAt"] = iso(world.clock.now_ms())
    notices.save(world, seller, asn)
    world.schedule(ARRIVE_JOB, world.config.ms("warehouseArrivalDelay"), {"asnId": asn["id"]}, owner=seller)


def arrive(world: World, seller: str, asn: Json) -> None:
    expect(asn, IN_TRANSIT, "arrive")
    asn["status"] = UNPACKING
    asn["receiving"] = {"stage": "IN_PROGRESS", "updatedAt": iso(world.clock.now_ms()), "content": []}
    notices.save(world, seller, asn)
    world.schedule(COMPLETE_JOB, world.config.ms("warehouseUnpackingDelay"), {"asnId": asn["id"]}, owner=seller)


def receive(world: World, seller: str, asn: Json, counts: list[tuple[str, Json]]) -> None:
    """Adds `(product id, {quantity, receivedType, reasonCode?})` counts to the report (checked by `parse_counts`)."""
    expect(asn, UNPACKING, "receive")
    content: list[Json] = asn["receiving"]["content"]
    for product_id, count in counts:
        entry = next((e for e in content if e["product"]["id"] == product_id), None)
        if entry is None:
            entry = {"product": {"id": product_id}, "received": []}
            content.append(entry)
        same = next((r for r in entry["received"] if r["receivedType"] == count["receivedType"]
                     and r.get("reasonCode") == count.get("reasonCode")), None)
        if same is None:
            entry["received"].append(dict(count))
        else:
            same["quantity"] = int(same["quantity"]) + int(count["quantity"])
    asn["receiving"]["updatedAt"] = iso(world.clock.now_ms())
    asn["_targ"]["counted"] = True
    notices.save(world, seller, asn)


def complete(world: World, seller: str, asn: Json) -> None:
    expect(asn, UNPACKING, "complete")
    receiving = asn["receiving"]
    if not asn["_targ"].get("counted"):
        receiving["content"] = [{"product": dict(item["product"]),
                                 "received": [{"quantity": int(item["quantity"]), "receivedType": "SELLABLE"}]}
                                for item in asn.get("items") or ()]
    receiving["stage"] = COMPLETED
    receiving["updatedAt"] = iso(world.clock.now_ms())
    asn["status"] = COMPLETED
    notices.save(world, seller, asn)
    moved = []
    for entry in receiving["content"]:
        sellable = sum(int(r["quantity"]) for r in entry["received"] if r["receivedType"] == "SELLABLE")
        damaged = sum(int(r["quantity"]) for r in entry["received"] if r["receivedType"] == "DAMAGE")
        if sellable or damaged:
            ledger.put_away(world, seller, entry["product"]["id"], sellable=sellable, on_hold=damaged)
            moved.append(entry["product"]["id"])
    ledger.sync_offers(world, seller, moved)


def expect(asn: Json, status: str, step: str) -> None:
    if asn["status"] != status:
        raise WarehouseRefusal(409, "conflict", f"advance ship notice {asn['id']} is {asn['status']}: the warehouse "
                               f"can {step} only a notice that is {status}")


# --- the clock -----------------------------------------------------------------------------------------------------
@runs(ARRIVE_JOB)
def _arrive_when_due(world: World, job: Job) -> None:
    _when_due(world, job, IN_TRANSIT, arrive)


@runs(COMPLETE_JOB)
def _complete_when_due(world: World, job: Job) -> None:
    _when_due(world, job, UNPACKING, complete)


def _when_due(world: World, job: Job, status: str, step: Any) -> None:
    found = notices.load(world, str(job.payload["asnId"]))
    if found is not None and found[1]["status"] == status:
        step(world, found[0], found[1])


# --- counts --------------------------------------------------------------------------------------------------------
def parse_counts(body: Any, asn: Json, available: set[str]) -> list[tuple[str, Json]]:
    """The admin receive body (PRODUCT.md: the shape of the vendor's receiving state) → counts; a product must be
    declared in the notice or be one of the seller's One Fulfillment products."""
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, list) or not content:
        raise _bad("content must be a non-empty array of {product: {id}, received: [...]}")
    declared = {item["product"]["id"] for item in asn.get("items") or ()}
    out: list[tuple[str, Json]] = []
    for i, entry in enumerate(content):
        pid = str(((entry or {}).get("product") or {}).get("id") or "") if isinstance(entry, dict) else ""
        if pid not in declared and pid not in available:
            raise _bad(f"content[{i}].product.id {pid!r} is neither declared in the notice nor one of the seller's "
                       "One Fulfillment products")
        received = entry.get("received")
        if not isinstance(received, list) or not received:
            raise _bad(f"content[{i}].received must be a non-empty array")
        out += [(pid, _count(f"content[{i}].received[{j}]", r)) for j, r in enumerate(received)]
    return out


def _count(at: str, raw: Any) -> Json:
    if not isinstance(raw, dict):
        raise _bad(f"{at} must be an object")
    quantity = whole(raw.get("quantity"))
    if quantity is None or quantity < 0:
        raise _bad(f"{at}.quantity must be a whole number ≥ 0")
    kind, reason = raw.get("receivedType"), raw.get("reasonCode")
    if kind not in RECEIVED_TYPES:
        raise _bad(f"{at}.receivedType must be one of {', '.join(RECEIVED_TYPES)}")
    if kind == "SELLABLE":
        if reason not in (None, "SELLABLE"):
            raise _bad(f"{at}.reasonCode of a SELLABLE unit can only be SELLABLE")
        return {"quantity": quantity, "receivedType": kind}
    if reason not in REASON_CODES:
        raise _bad(f"{at}.reasonCode of a {kind} unit must be one of {', '.join(REASON_CODES)}")
    return {"quantity": quantity, "receivedType": kind, "reasonCode": reason}


def _bad(message: str) -> WarehouseRefusal:
    return WarehouseRefusal(400, "bad_request", message)


# --- the demo world ------------------------------------------------------------------------------------------------
def seed_completed(world: World, seller: str, product_id: str, quantity: int, *, created: int, submitted: int,
                   completed: int) -> Json:
    """A notice that went the whole way before the clock started (the demo's offer C): created, submitted by
    courier, labelled, delivered as declared and put away at `completed`. Schedules nothing."""
    content = {"items": [{"product": {"id": product_id}, "quantity": quantity}],
               "handlingUnit": {"unitType": "BOX", "amount": 1, "labelsType": "ONE_FULFILMENT"},
               "shipping": {"method": "COURIER_BY_SELLER", "courier": {"id": "DPD"}, "countryCode": "PL",
                            "estimatedTimeOfArrival": iso(completed - 2 * 86_400_000)}}
    asn = notices.create(world, seller, content, created_ms=created, labels_job=False)
    asn["_targ"]["labels"] = True
    asn["status"] = UNPACKING
    asn["submittedAt"] = iso(submitted)
    asn["receiving"] = {"stage": "IN_PROGRESS", "updatedAt": iso(completed), "content": []}
    with world.clock.pinned(completed):
        complete(world, seller, asn)
    return asn
