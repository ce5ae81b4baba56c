"""Stock of offers as purchases see it: the API orders (and the buyer admin actions) code against.

* `offer_for_purchase` - the stored offer doc, or OfferNotBuyable (NOT_FOUND, INACTIVE, ACTIVATING, ENDED);
* `take_stock` - a purchase: decrements the available stock, records OFFER_STOCK_CHANGED, and ends a
  seller-fulfilled offer that reaches 0 (publication.status ENDED, endedBy EMPTY_STOCK, OFFER_ENDED), as the
  vendor does;
* `return_stock` - a cancelled purchase gives its units back; an offer ended by zero stock stays ENDED (the vendor
  does not resume it; the seller republishes);
* `set_fulfillment_stock` - a One Fulfillment offer's stock follows the warehouse (an ASN receipt, a sale).

All of them run inside the caller's transaction and never open one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.offers import events
from targ.clock import iso

if TYPE_CHECKING:
    from targ.world import World

OFFER_KIND = "offer"


class OfferNotBuyable(Exception):
    def __init__(self, reason: str, offer_id: str = "") -> None:
        super().__init__(f"offer {offer_id} is not buyable: {reason}")
        self.reason = reason
        self.offer_id = offer_id


class InsufficientStock(Exception):
    def __init__(self, available: int, offer_id: str = "") -> None:
        super().__init__(f"offer {offer_id} has only {available} units available")
        self.available = available
        self.offer_id = offer_id


def is_one_fulfillment(offer: dict[str, Any]) -> bool:
    return bool(offer.get("oneFulfillment")) or (offer.get("fulfillment") or {}).get("provider") == "ALLEGRO"


def offer_for_purchase(world: World, offer_id: str) -> dict[str, Any]:
    offer = world.store.get(OFFER_KIND, str(offer_id))
    if offer is None or offer.get("deleted"):
        raise OfferNotBuyable("NOT_FOUND", str(offer_id))
    status = (offer.get("publication") or {}).get("status") or "INACTIVE"
    if status != "ACTIVE":
        raise OfferNotBuyable(status, str(offer_id))
    return offer


def take_stock(world: World, offer_id: str, quantity: int) -> dict[str, Any]:
    if quantity < 1:
        raise ValueError("quantity must be positive")
    offer = offer_for_purchase(world, offer_id)
    available = int(offer["stock"]["available"])
    if quantity > available:
        raise InsufficientStock(available, offer["id"])
    offer["stock"]["available"] = available - quantity
    offer["stock"]["sold"] = int(offer["stock"].get("sold") or 0) + quantity
    _save(world, offer, events.STOCK_CHANGED)
    if offer["stock"]["available"] == 0 and not is_one_fulfillment(offer):
        end_offer(world, offer, "EMPTY_STOCK")
    return offer


def return_stock(world: World, offer_id: str, quantity: int) -> None:
    if quantity < 1:
        raise ValueError("quantity must be positive")
    offer = world.store.get(OFFER_KIND, str(offer_id))
    if offer is None:
        return  # a deleted draft cannot have been bought; nothing to give back to
    offer["stock"]["available"] = int(offer["stock"]["available"]) + quantity
    offer["stock"]["sold"] = max(0, int(offer["stock"].get("sold") or 0) - quantity)
    _save(world, offer, events.STOCK_CHANGED)


def set_fulfillment_stock(world: World, offer_id: str, available: int) -> dict[str, Any]:
    """The warehouse says how many units of a One Fulfillment offer can be sold. The offer does not end at 0: it
    waits for the next delivery to the warehouse (the guide: the offer is shown as unavailable)."""
    offer = world.store.get(OFFER_KIND, str(offer_id))
    if offer is None:
        raise OfferNotBuyable("NOT_FOUND", str(offer_id))
    if int(offer["stock"]["available"]) != available:
        offer["stock"]["available"] = max(0, int(available))
        _save(world, offer, events.STOCK_CHANGED)
    return offer


def end_offer(world: World, offer: dict[str, Any], ended_by: str) -> dict[str, Any]:
    """Ends an offer (publication ENDED) and records OFFER_ENDED with who ended it."""
    publication = offer.setdefault("publication", {})
    now = iso(world.clock.now_ms())
    publication["status"] = "ENDED"
    publication["endedAt"] = now
    publication["endedBy"] = ended_by
    _save(world, offer, events.ENDED, publication={"endedBy": ended_by})
    return offer


def _save(world: World, offer: dict[str, Any], event_type: str, **extra: Any) -> None:
    owner = _owner(world, offer["id"])
    offer["updatedAt"] = iso(world.clock.now_ms())
    world.store.put(OFFER_KIND, offer["id"], offer, owner=owner)
    events.record(world, owner, offer, event_type, **extra)


def _owner(world: World, offer_id: str) -> str:
    doc = world.store.get_doc(OFFER_KIND, offer_id)
    return doc.owner if doc is not None else ""
