"""Offer events (`GET /sale/offer-events`): one stored doc per change of status, price, stock or content.

Events are docs of kind `offer-event` owned by the seller, in insertion order. Their id is the base64 (unpadded) of
a growing number, as the vendor's look (`MTEzMjQzODU3NA` is base64 of "1132438574"); `from` is such an id.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from targ.clock import iso

if TYPE_CHECKING:
    from targ.world import World

EVENT_KIND = "offer-event"
# Event numbers start high so ids look like the vendor's (10 digits) and never collide with a low `from`.
_FIRST_NUMBER = 1_132_438_000

ACTIVATED = "OFFER_ACTIVATED"
CHANGED = "OFFER_CHANGED"
ENDED = "OFFER_ENDED"
STOCK_CHANGED = "OFFER_STOCK_CHANGED"
PRICE_CHANGED = "OFFER_PRICE_CHANGED"
ARCHIVED = "OFFER_ARCHIVED"
TRANSLATION_UPDATED = "OFFER_TRANSLATION_UPDATED"
VISIBILITY_CHANGED = "OFFER_VISIBILITY_CHANGED"


def encode_event_id(number: int) -> str:
    return base64.b64encode(str(number).encode()).decode().rstrip("=")


def decode_event_id(event_id: str) -> int | None:
    """The number behind an event id, or None when it is not one of ours."""
    try:
        text = base64.b64decode(event_id + "=" * (-len(event_id) % 4), validate=True).decode()
    except ValueError:
        return None
    return int(text) if text.isdigit() else None


def _offer_ref(offer: dict[str, Any]) -> dict[str, Any]:
    ref: dict[str, Any] = {"id": offer["id"]}
    if (offer.get("external") or {}).get("id"):
        ref["external"] = {"id": offer["external"]["id"]}
    return ref


def record(world: World, owner: str, offer: dict[str, Any], type_: str, **extra: Any) -> dict[str, Any]:
    """Stores one event about `offer` (its state after the change). `extra` merges into the event's `offer`
    (e.g. `publication={"endedBy": "EMPTY_STOCK"}`) except `translations`, which sits beside it."""
    number = _FIRST_NUMBER + world.ids.sequence(EVENT_KIND)
    event_id = encode_event_id(number)
    ref = _offer_ref(offer)
    translations = extra.pop("translations", None)
    ref.update(extra)
    if type_ == PRICE_CHANGED:
        # OfferEventExternalOfferForPriceChanges requires `external`; the vendor sends null ids as {}.
        ref.setdefault("external", {})
        ref.setdefault("marketplaces", [{"id": _base_marketplace(offer), "changeType": "MANUAL"}])
    event: dict[str, Any] = {"id": event_id, "occurredAt": iso(world.clock.now_ms()), "type": type_, "offer": ref}
    if translations is not None:
        event["translations"] = translations
    world.store.put(EVENT_KIND, event_id, event, owner=owner)
    return event


def _base_marketplace(offer: dict[str, Any]) -> str:
    return (((offer.get("publication") or {}).get("marketplaces") or {}).get("base") or {}).get("id") or "allegro-pl"
