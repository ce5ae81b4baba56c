"""Stock of offers as purchases see it: the API orders (and the buyer admin actions) code against.

* `offer_for_purchase` - the stored offer doc, or OfferNotBuyable (NOT_FOUND, INACTIVE, ACTIVATING, ENDED);
* `take_stock` - a purchase: decrements the available stock (OFFER_STOCK_CHANGED), and ends an offer that reaches
  0 (publication.status ENDED, endedBy EMPTY_STOCK, OFFER_ENDED), as the vendor does;
* `return_stock` - a cancelled purchase gives its units back; an offer ended by zero stock stays ENDED (the vendor
  does not resume it; the seller publishes it again);
* `set_fulfillment_stock` - a One Fulfillment offer's stock follows the warehouse: it is set, not counted, and an
  offer the guide ended for lack of stock (endedBy EMPTY_STOCK) is activated again when units arrive.

All of them run inside the caller's transaction and never open one; they raise before writing anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.offers import model, publication
from targ.allegro.offers.documents import Offer, as_offer

if TYPE_CHECKING:
    from targ.world import World

OFFER_KIND = model.OFFER_KIND
is_one_fulfillment = model.is_one_fulfillment


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


def offer_for_purchase(world: World, offer_id: str) -> Offer:
    data = world.store.get(OFFER_KIND, str(offer_id))
    if data is None:
        raise OfferNotBuyable("NOT_FOUND", str(offer_id))
    offer = as_offer(data)
    status = model.status_of(offer)
    if status != "ACTIVE":
        raise OfferNotBuyable(status, str(offer_id))
    return offer


def take_stock(world: World, offer_id: str, quantity: int) -> Offer:
    if quantity < 1:
        raise ValueError("quantity must be positive")
    offer_for_purchase(world, offer_id)
    owner, before, offer = model.edit(world, str(offer_id))
    available = int(offer["stock"]["available"])
    if quantity > available:
        raise InsufficientStock(available, offer["id"])
    offer["stock"]["available"] = available - quantity
    offer["_sold"] = int(offer.get("_sold") or 0) + quantity
    if offer["stock"]["available"] == 0:
        publication.end(world, offer, "EMPTY_STOCK")
    return model.save(world, owner, before, offer)


def return_stock(world: World, offer_id: str, quantity: int) -> None:
    if quantity < 1:
        raise ValueError("quantity must be positive")
    if world.store.get(OFFER_KIND, str(offer_id)) is None:
        return  # a deleted draft cannot have been bought; nothing to give back to
    owner, before, offer = model.edit(world, str(offer_id))
    offer["stock"]["available"] = int(offer["stock"]["available"]) + quantity
    offer["_sold"] = max(0, int(offer.get("_sold") or 0) - quantity)
    model.save(world, owner, before, offer)


def set_fulfillment_stock(world: World, offer_id: str, available: int) -> Offer:
    """The warehouse says how many units of a One Fulfillment offer can be sold."""
    if world.store.get(OFFER_KIND, str(offer_id)) is None:
        raise OfferNotBuyable("NOT_FOUND", str(offer_id))
    owner, before, offer = model.edit(world, str(offer_id))
    offer.setdefault("stock", {"unit": "UNIT"})["available"] = max(0, int(available))
    ended_empty = model.status_of(offer) == "ENDED" and offer["publication"].get("endedBy") == "EMPTY_STOCK"
    if available > 0 and ended_empty and is_one_fulfillment(offer):
        publication.become_active(world, owner, offer)
    elif available == 0 and model.status_of(offer) == "ACTIVE":
        publication.end(world, offer, "EMPTY_STOCK")
    if offer == before:
        return offer
    return model.save(world, owner, before, offer)
