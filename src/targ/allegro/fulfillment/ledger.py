"""Units in the warehouse, per seller and product: what stock reports and One Fulfillment offers are computed from.

A doc of kind `fulfillment_stock`, id `<seller>:<product>`, owner the seller:

* `sellable` - units on the shelves that can be sold (received SELLABLE, not yet shipped);
* `onHold` - units in the warehouse that cannot be sold (received DAMAGE; REJECT units go back to the seller at once,
  seed 003, so they are never held);
* `receipts` - `[{at, quantity}]`, sellable units by the time they were put away, oldest first (storage fees);
* `updatedAt` - ms of the last movement.

Units enter only when a notice is COMPLETED ("Lista uwzględnia tylko te sztuki produktów, dla których zakończono
proces przyjęcia na magazyn"). Orders (docs of kind `checkout_form`, the orders area's) reserve sellable units: see
`sales.py`. A One Fulfillment offer's stock follows `sellable - onOrder` (`sync_offers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment import products, sales

if TYPE_CHECKING:
    from targ.world import World

Json = dict[str, Any]
STOCK_KIND = "fulfillment_stock"


def _key(seller: str, product_id: str) -> str:
    return f"{seller}:{product_id}"


def of_seller(world: World, seller: str) -> dict[str, Json]:
    """Product id → ledger entry, for every product the seller ever had in the warehouse."""
    return {d.data["productId"]: d.data for d in world.store.find(STOCK_KIND, seller)}


def put_away(world: World, seller: str, product_id: str, *, sellable: int, on_hold: int) -> Json:
    """Units of a completed notice go on the shelves (sellable) or into quarantine (on hold)."""
    now = world.clock.now_ms()
    entry = world.store.get(STOCK_KIND, _key(seller, product_id)) or {
        "productId": product_id, "sellable": 0, "onHold": 0, "receipts": [], "updatedAt": now}
    entry["sellable"] = int(entry["sellable"]) + sellable
    entry["onHold"] = int(entry["onHold"]) + on_hold
    if sellable:
        entry["receipts"].append({"at": now, "quantity": sellable})
    entry["updatedAt"] = now
    world.store.put(STOCK_KIND, _key(seller, product_id), entry, owner=seller)
    return entry


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
    reserved = sales.of_seller(world, seller, products.by_offer(known)).on_order
    entries = of_seller(world, seller)
    for pid in wanted:
        sellable = int((entries.get(pid) or {}).get("sellable") or 0)
        set_fulfillment_stock(world, str(known[pid].offer_id), max(0, sellable - reserved.get(pid, 0)))
