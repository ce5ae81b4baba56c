"""The simulated Allegro warehouse: it expects submitted notices, unpacks them, counts what arrived and puts the
units away. In Allegro's sandbox a notice stays IN_TRANSIT forever (a person must accept it); here it moves on the
virtual clock, or on demand through the admin actions (`POST /__targ/warehouse/advance-ship-notices/{id}/arrive |
receive | complete`, targ/admin/warehouse.py).

* `dispatch` (the submit command succeeded): IN_TRANSIT, `submittedAt`; arrival is due `warehouseArrivalDelay` later.
* `arrive`: UNPACKING, a receiving report in stage IN_PROGRESS; completion is due `warehouseUnpackingDelay` later.
* `receive`: the warehouse's count, cumulative, per product and condition (SELLABLE, DAMAGE, REJECT with a reason
  code). Any product may turn up, declared or not: the receiving state reports each difference. SELLABLE units may
  come with their serial numbers and expiry date (kept in `_targ.lots`, not shown in the receiving state, whose
  schema has no place for them); the parcels of the orders they are shipped in list them.
* `complete`: COMPLETED, stage COMPLETED. A notice nobody counted by hand is taken as delivered exactly as declared
  (all SELLABLE). SELLABLE units become sellable stock, DAMAGE units stock on hold, REJECT units go back to the
  seller; the products' One Fulfillment offers follow, and orders suspended for want of these products are taken
  up again (outbound.py).
* `lose`: a stocktaking finds units missing (only units not already picked for orders); the offers follow.

Jobs scheduled for a step that has already happened (on demand, or the notice was cancelled) do nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment import ledger, outbound
from targ.allegro.fulfillment.asn import COMPLETED, IN_TRANSIT, UNPACKING
from targ.allegro.fulfillment.common import WarehouseRefusal, whole
from targ.clock import iso
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World


ARRIVE_JOB = "allegro.fulfillment.arrive"
COMPLETE_JOB = "allegro.fulfillment.complete"
RECEIVED_TYPES = ("SELLABLE", "DAMAGE", "REJECT")
# What the warehouse may record of SELLABLE units beyond their number (the admin receive body).
LOT_FIELDS = ("serialNumbers", "expirationDate")
# ReceivingStatus.reasonCode without SELLABLE: why a unit could not be put on sale.
REASON_CODES = ("DAMAGED_CARRIER_CLAIM", "DAMAGED_IN_TRANSPORT", "NO_BARCODE", "PRODUCT_NOT_ACCEPTABLE_IN_FULFILLMENT",
                "SHORT_EXPIRY_DATE", "UNACCEPTABLE_HAZMAT", "UNACCEPTABLE_PRODUCT_SIZE",
                "UNACCEPTABLE_PRODUCT_VARIANT", "UNSCANNABLE_BARCODE")


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
    for product_id, given in counts:
        count = {k: v for k, v in given.items() if k not in LOT_FIELDS}
        if count != given and count["quantity"]:
            lot = {"quantity": count["quantity"], **{k: given[k] for k in LOT_FIELDS if k in given}}
            asn["_targ"].setdefault("lots", {}).setdefault(product_id, []).append(lot)
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
        pid = entry["product"]["id"]
        sellable = sum(int(r["quantity"]) for r in entry["received"] if r["receivedType"] == "SELLABLE")
        damaged = sum(int(r["quantity"]) for r in entry["received"] if r["receivedType"] == "DAMAGE")
        if sellable or damaged:
            lots = list(asn["_targ"].get("lots", {}).get(pid) or ())
            plain = sellable - sum(int(lot["quantity"]) for lot in lots)
            ledger.put_away(world, seller, pid, sellable=sellable, on_hold=damaged,
                            lots=lots + ([{"quantity": plain}] if plain else []))
            moved.append(pid)
    ledger.sync_offers(world, seller, moved)
    outbound.resume(world, seller, moved)


def lose(world: World, seller: str, product_id: str, quantity: int) -> Json:
    """A stocktaking finds `quantity` units missing from the shelves; units picked for orders are not on them."""
    found = ledger.entry(world, seller, product_id)
    if found is None:
        raise WarehouseRefusal(404, "not_found", f"seller {seller} has no units of product {product_id} in the "
                               "warehouse")
    if quantity > ledger.on_shelves(found):
        raise WarehouseRefusal(409, "insufficient_stock", f"only {ledger.on_shelves(found)} units of product "
                               f"{product_id} are on the shelves ({found.get('picked') or 0} more are picked for "
                               "orders)")
    ledger.lose(world, seller, product_id, quantity)
    ledger.sync_offers(world, seller, [product_id])
    return ledger.entry(world, seller, product_id) or {}


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
        return {"quantity": quantity, "receivedType": kind, **_lot(at, raw, quantity)}
    if any(raw.get(k) is not None for k in LOT_FIELDS):
        raise _bad(f"{at}: serialNumbers and expirationDate are recorded for SELLABLE units only")
    if reason not in REASON_CODES:
        raise _bad(f"{at}.reasonCode of a {kind} unit must be one of {', '.join(REASON_CODES)}")
    return {"quantity": quantity, "receivedType": kind, "reasonCode": reason}


def _lot(at: str, raw: Json, quantity: int) -> Json:
    """Serial numbers (one per unit) and an expiry date (YYYY-MM-DD) of SELLABLE units, when the body has them."""
    out: Json = {}
    serials = raw.get("serialNumbers")
    if serials is not None:
        if (not isinstance(serials, list) or len(serials) != quantity
                or not all(isinstance(v, str) and v.strip() for v in serials) or len(set(serials)) != len(serials)):
            raise _bad(f"{at}.serialNumbers must be {quantity} different non-blank strings, one per unit")
        out["serialNumbers"] = [v.strip() for v in serials]
    expires = raw.get("expirationDate")
    if expires is not None:
        try:
            date.fromisoformat(expires if isinstance(expires, str) and len(expires) == 10 else "")
        except ValueError:
            raise _bad(f"{at}.expirationDate must be a date, YYYY-MM-DD") from None
        out["expirationDate"] = expires
    return out


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
