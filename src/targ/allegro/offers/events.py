"""Offer events (`GET /sale/offer-events`): one stored doc per change of status, price, stock or content.

Events are docs of kind `offer-event` owned by the seller, in insertion order. Their id is the base64 (unpadded) of
a growing number, as the vendor's look (`MTEzMjQzODU3NA` is base64 of "1132438574"); `from` is such an id.

`record_changes` compares an offer before and after a change and records what the vendor would: the resource
"concerns active offers and offers scheduled for activation" (ACTIVE, ACTIVATING), so changes to drafts and ended
offers make no events, except the transitions themselves (OFFER_ACTIVATED when an offer becomes ACTIVE,
OFFER_ENDED when it leaves ACTIVE/ACTIVATING for ENDED). One change may make several events (a purchase of the last
unit: OFFER_STOCK_CHANGED, then OFFER_ENDED), as the vendor warns.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from targ.allegro.offers.documents import Offer, OfferView
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


def _offer_ref(offer: OfferView) -> dict[str, Any]:
    ref: dict[str, Any] = {"id": offer["id"]}
    external = offer.get("external") or {}
    if external.get("id"):
        ref["external"] = {"id": external["id"]}
    return ref


def record(world: World, owner: str, offer: OfferView, type_: str, **extra: Any) -> dict[str, Any]:
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


# Fields whose change is not "content": they have events of their own, or are bookkeeping.
_NOT_CONTENT = frozenset({"updatedAt", "publication", "stock", "additionalMarketplaces", "validation", "product",
                          "ean", "fulfillment", "oneFulfillment"})


def _content(offer: OfferView) -> dict[str, Any]:
    out = {k: v for k, v in offer.items() if k not in _NOT_CONTENT and not k.startswith("_")}
    out["sellingMode"] = {k: v for k, v in (offer.get("sellingMode") or {}).items() if k != "price"}
    return out


def _prices(offer: OfferView) -> dict[str, Any]:
    prices = {_base_marketplace(offer): (offer.get("sellingMode") or {}).get("price")}
    for marketplace, extra in (offer.get("additionalMarketplaces") or {}).items():
        prices[marketplace] = (extra.get("sellingMode") or {}).get("price")
    return prices


def _visibility(offer: OfferView) -> dict[str, Any]:
    return ((offer.get("publication") or {}).get("marketplaces") or {})


def _status(offer: OfferView | None) -> str:
    return ((offer or {}).get("publication") or {}).get("status") or "INACTIVE"


def record_changes(world: World, owner: str, before: Offer | None, after: Offer) -> None:
    old, new = _status(before), _status(after)
    live = ("ACTIVE", "ACTIVATING")
    if old not in live and new not in live:
        return
    if before is not None and new in live and old in live:
        if _content(before) != _content(after):
            record(world, owner, after, CHANGED)
        old_prices, new_prices = _prices(before), _prices(after)
        changed = [m for m in new_prices if new_prices[m] != old_prices.get(m)]
        if changed:
            record(world, owner, after, PRICE_CHANGED,
                   marketplaces=[{"id": m, "changeType": "MANUAL"} for m in changed])
        if _visibility(before) != _visibility(after):
            updated = sorted({m["id"] for m in _visibility(after).get("additional") or ()}
                             ^ {m["id"] for m in _visibility(before).get("additional") or ()})
            # MarketplacesVisibility: the base marketplace by id, the additional ones with their state.
            visibility = {"base": _base_marketplace(after),
                          "additional": [{"id": m["id"], "status": "APPROVED"}
                                         for m in _visibility(after).get("additional") or ()]}
            record(world, owner, after, VISIBILITY_CHANGED,
                   publication={"marketplaces": visibility, "updatedMarketplaces": updated})
    if before is not None and (before.get("stock") or {}).get("available") != (after.get("stock") or {}).get(
            "available"):
        record(world, owner, after, STOCK_CHANGED)
    if new == "ACTIVE" and old != "ACTIVE":
        record(world, owner, after, ACTIVATED)
    if new == "ENDED" and old in live:
        ended_by = (after.get("publication") or {}).get("endedBy") or "USER"
        record(world, owner, after, ENDED, publication={"endedBy": ended_by})


def _base_marketplace(offer: OfferView) -> str:
    return (((offer.get("publication") or {}).get("marketplaces") or {}).get("base") or {}).get("id") or "allegro-pl"
