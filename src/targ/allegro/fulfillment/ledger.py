"""Units in the warehouse, per seller and product: what stock reports and One Fulfillment offers are computed from.

A doc of kind `fulfillment_stock`, id `<seller>:<product>`, owner the seller:

* `sellable` - units in the warehouse that can be sold (received SELLABLE, not yet shipped);
* `picked` - of those, units picked for One Fulfillment orders being packed (outbound.py): no longer on the shelves
  for other orders or a stocktaking, still in the warehouse until their parcel leaves;
* `onHold` - units in the warehouse that cannot be sold (received DAMAGE; REJECT units go back to the seller at once,
  seed 003, so they are never held);
* `receipts` - `[{at, quantity, serialNumbers?, expirationDate?}]`, the sellable units still stored, by the time
  they were put away, oldest first (storage fees), with what the warehouse recorded of them. Units leave oldest first
  (`take`, `lose`), so the receipts always add up to `sellable`;
* `shipped`, `lost` - units that left: in parcels of One Fulfillment orders, or missing at a stocktaking;
* `updatedAt` - ms of the last movement.

Units enter only when a notice is COMPLETED ("Lista uwzględnia tylko te sztuki produktów, dla których zakończono
proces przyjęcia na magazyn"). Orders (docs of kind `checkout_form`, the orders area's) reserve sellable units: see
`sales.py`. A One Fulfillment offer's stock follows `sellable - onOrder` (`sync_offers`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment import products, sales
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

STOCK_KIND = "fulfillment_stock"


def _key(seller: str, product_id: str) -> str:
    return f"{seller}:{product_id}"


def of_seller(world: World, seller: str) -> dict[str, Mapping[str, Any]]:
    """Product id → ledger entry, for every product the seller ever had in the warehouse (read only: the store's
    scan shares decoded documents; `entry` reads one to change it)."""
    return {d.data["productId"]: d.data for d in world.store.scan(STOCK_KIND, seller)}


def put_away(world: World, seller: str, product_id: str, *, sellable: int, on_hold: int,
             lots: list[Json] | None = None) -> Json:
    """Units of a completed notice go on the shelves (sellable) or into quarantine (on hold). `lots` - `[{quantity,
    serialNumbers?, expirationDate?}]` adding up to `sellable` - says what the warehouse recorded of the units."""
    now = world.clock.now_ms()
    found = entry(world, seller, product_id) or {
        "productId": product_id, "sellable": 0, "onHold": 0, "receipts": [], "updatedAt": now}
    found["sellable"] = int(found["sellable"]) + sellable
    found["onHold"] = int(found["onHold"]) + on_hold
    for lot in lots if lots is not None else ([{"quantity": sellable}] if sellable else []):
        found["receipts"].append({"at": now, **lot})
    found["updatedAt"] = now
    world.store.put(STOCK_KIND, _key(seller, product_id), found, owner=seller)
    return found


def entry(world: World, seller: str, product_id: str) -> Json | None:
    return world.store.get(STOCK_KIND, _key(seller, product_id))


def on_shelves(found: Json | None) -> int:
    """Sellable units not picked for an order: what a new order or a stocktaking can find."""
    return int((found or {}).get("sellable") or 0) - int((found or {}).get("picked") or 0)


def pick(world: World, seller: str, product_id: str, quantity: int) -> None:
    """Units come off the shelves for an order (the caller checked `on_shelves`)."""
    found = _shelved(world, seller, product_id, quantity)
    found["picked"] = int(found.get("picked") or 0) + quantity
    world.store.put(STOCK_KIND, _key(seller, product_id), found, owner=seller)


def take(world: World, seller: str, product_id: str, quantity: int) -> list[Json]:
    """Picked units leave in a parcel, oldest first: `[{quantity, serialNumbers, expirationDate?}]`, one per
    receipt."""
    found = entry(world, seller, product_id) or {}
    return _remove(world, seller, product_id, quantity, "shipped",
                   picked=max(0, int(found.get("picked") or 0) - quantity))


def lose(world: World, seller: str, product_id: str, quantity: int) -> list[Json]:
    """Units found missing at a stocktaking (the warehouse admin action; the caller checked `on_shelves`)."""
    _shelved(world, seller, product_id, quantity)
    return _remove(world, seller, product_id, quantity, "lost")


def _shelved(world: World, seller: str, product_id: str, quantity: int) -> Json:
    found = entry(world, seller, product_id)
    if found is None or quantity > on_shelves(found):
        # Callers check first (outbound.units_there, warehouse.lose): this is a bug, not a refusal.
        raise ValueError(f"{quantity} units of {product_id} are not on the shelves")
    return found


def _remove(world: World, seller: str, product_id: str, quantity: int, counter: str,
            picked: int | None = None) -> list[Json]:
    """Units leave the warehouse, oldest receipts first, with what was recorded of them."""
    found = entry(world, seller, product_id)
    if found is None or quantity > int(found["sellable"]):
        raise ValueError(f"{quantity} units of {product_id} are not in the warehouse")
    out: list[Json] = []
    left = quantity
    receipts: list[Json] = found["receipts"]
    while left > 0 and receipts:
        receipt = receipts[0]
        n = min(left, int(receipt["quantity"]))
        serials = list(receipt.get("serialNumbers") or ())
        part: Json = {"quantity": n, "serialNumbers": serials[:n]}
        if receipt.get("expirationDate"):
            part["expirationDate"] = receipt["expirationDate"]
        out.append(part)
        receipt["quantity"] = int(receipt["quantity"]) - n
        if serials:
            receipt["serialNumbers"] = serials[n:]
        if receipt["quantity"] <= 0:
            receipts.pop(0)
        left -= n
    if left:
        out.append({"quantity": left, "serialNumbers": []})    # a ledger older than its receipts' bookkeeping
    found["sellable"] = int(found["sellable"]) - quantity
    found[counter] = int(found.get(counter) or 0) + quantity
    if picked is not None:
        found["picked"] = picked
    found["updatedAt"] = world.clock.now_ms()
    world.store.put(STOCK_KIND, _key(seller, product_id), found, owner=seller)
    return out


def serial_numbers(found: Mapping[str, Any]) -> list[str]:
    """The serial numbers of the sellable units still stored, oldest first (the CSV's `numery_seryjne`)."""
    return [sn for receipt in found.get("receipts") or () for sn in receipt.get("serialNumbers") or ()]


def sync_offers(world: World, seller: str, product_ids: list[str]) -> None:
    """A One Fulfillment offer's stock is what the warehouse can still sell: sellable units not yet ordered (seed
    003: "stan oferty zwiększy się o liczbę przyjętego towaru i automatycznie ją aktywujemy"). The offers area owns
    the offer: `set_fulfillment_stock` sets the number and activates an offer ended for lack of stock."""
    # Imported here, not at the top: the offers area stays free to import this one without a cycle.
    from targ.allegro.offers.stock import set_fulfillment_stock

    known = products.of_seller(world, seller)
    wanted = [pid for pid in product_ids if pid in known]
    if not wanted:
        return
    reserved = sales.of_seller(world, seller).on_order
    entries = of_seller(world, seller)
    for pid in wanted:
        sellable = int((entries.get(pid) or {}).get("sellable") or 0)
        set_fulfillment_stock(world, str(known[pid].offer_id), max(0, sellable - reserved.get(pid, 0)))
