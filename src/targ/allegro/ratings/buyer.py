"""The buyer's side of sales ratings, as the admin API drives it (`/__targ/buyer/ratings`, targ.admin.ratings): the
order's buyer rates the seller once the order is delivered, changes the rating, or withdraws it. Timestamps come from
the virtual clock. Functions validate everything before they write and raise `MarketplaceRefusal` (the admin API's
4xx)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.buyer_input import bad, objects, only
from targ.allegro.orders import carrier, model, shipments
from targ.allegro.orders.model import MarketplaceRefusal
from targ.allegro.ratings import store
from targ.allegro.ratings.rules import RATING_WINDOW_MS, set_removal
from targ.allegro.ratings.store import Json
from targ.clock import iso

if TYPE_CHECKING:
    from targ.world import World

RATE_FIELDS = frozenset({"checkoutFormId", "recommended", "comment", "rates", "justifications"})
CHANGE_FIELDS = frozenset({"recommended", "comment", "rates", "justifications"})
WITHDRAW_FIELDS = frozenset({"dueToCompensation"})
# The star rates the public type still shows. `delivery` (delivery time) is not rated since 2019-10-02 (#2227).
RATES = ("description", "service", "deliveryCost")
JUSTIFICATION_FIELDS = frozenset({"text", "visibleForBuyer"})
MAX_COMMENT = 500
MAX_JUSTIFICATIONS = 10


def refused(key: str, message: str) -> MarketplaceRefusal:
    return MarketplaceRefusal(409, key, message)


# --- the admin bodies ------------------------------------------------------------------------------------------------
def _recommended(body: Json) -> bool:
    value = body.get("recommended")
    if not isinstance(value, bool):
        raise bad("recommended must be true (recommends the seller) or false (does not)")
    return value


def _comment(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad("comment must be a non-empty string (or null for none)")
    if len(value) > MAX_COMMENT:
        raise bad(f"comment must be at most {MAX_COMMENT} characters long")
    return value


def _rates(value: Any) -> Json:
    if not isinstance(value, dict) or not value:
        raise bad(f"rates must be an object with some of {', '.join(RATES)}")
    if "delivery" in value:
        raise bad("rates.delivery: delivery time is not rated since 2019-10-02")
    only(value, frozenset(RATES), "rates")
    for name, rate in value.items():
        if isinstance(rate, bool) or not isinstance(rate, int) or not 1 <= rate <= 5:
            raise bad(f"rates.{name} must be an integer from 1 to 5")
    return {name: value[name] for name in RATES if name in value}


def _justifications(value: Any) -> list[Json]:
    out = []
    for where, item in objects(value, "justifications", "{text, visibleForBuyer?}", JUSTIFICATION_FIELDS,
                               most=MAX_JUSTIFICATIONS):
        text, visible = item.get("text"), item.get("visibleForBuyer", True)
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_COMMENT:
            raise bad(f"{where}.text must be a non-empty string of at most {MAX_COMMENT} characters")
        if not isinstance(visible, bool):
            raise bad(f"{where}.visibleForBuyer must be true or false")
        out.append({"text": text, "visibleForBuyer": visible})
    return out


def _parts(body: Json, rating: Json) -> None:
    """Applies the optional parts given (`comment`/`rates` null: none) to the rating."""
    for name, parse in (("comment", _comment), ("rates", _rates)):
        if name in body:
            if body[name] is None:
                rating.pop(name, None)
            else:
                rating[name] = parse(body[name])
    if "justifications" in body:
        rating["_targ"]["justifications"] = _justifications(body["justifications"] or [])


# --- what the buyer does ---------------------------------------------------------------------------------------------
def delivered(world: World, order: Json) -> bool:
    """Picked up in person, or a parcel of the order delivered by its carrier (by now on the clock)."""
    if order["fulfillment"].get("status") == "PICKED_UP":
        return True
    for shipment in shipments.shipments_of(world, order["id"]):
        parcel = carrier.get_parcel(world, shipment["carrierId"], shipment["waybill"])
        if parcel is not None and any(s["code"] == "DELIVERED" for s in parcel["statuses"]):
            return True
    return False


def _window_open(world: World, order: Json, now: int, doing: str) -> None:
    until = int(order["_targ"]["boughtAt"]) + RATING_WINDOW_MS
    if now > until:
        raise refused("rating_window_closed", f"the order can be {doing} until {iso(until)}, 60 days after the "
                      "purchase")


def rate(world: World, body: Json) -> Json:
    """A new rating of the order's seller by the order's buyer; the stored rating."""
    only(body, RATE_FIELDS)
    order_id = body.get("checkoutFormId")
    if not isinstance(order_id, str) or not order_id:
        raise bad("checkoutFormId is required")
    recommended = _recommended(body)
    order = model.get(world, order_id)
    if order is None:
        raise MarketplaceRefusal(404, "not_found", f"no order {order_id}")
    seller, now = model.seller_of(order), world.clock.now_ms()
    buyer = order["buyer"]
    if buyer.get("guest"):
        raise refused("guest_buyer", "a guest purchase (no Allegro account) cannot be rated")
    if order["status"] == model.CANCELLED:
        raise refused("order_cancelled", f"order {order_id} was cancelled")
    if order["status"] != model.READY:
        raise refused("not_paid", f"order {order_id} is {order['status']}: only a paid order can be rated")
    if store.for_order(world, seller, order_id) is not None:
        raise refused("already_rated", f"order {order_id} has been rated already (one rating per order)")
    if not delivered(world, order):
        raise refused("not_delivered", f"order {order_id} has not been delivered yet: no parcel of it is "
                      "DELIVERED and it was not picked up")
    _window_open(world, order, now, "rated")
    offers = {li["offer"]["id"]: {"id": li["offer"]["id"], "title": li["offer"]["name"]} for li in order["lineItems"]}
    rating: Json = {"id": store.new_id(world), "createdAt": iso(now), "lastChangedAt": iso(now),
                    "recommended": recommended, "buyer": {"id": buyer["id"], "login": buyer["login"]},
                    "order": {"id": order_id, "offers": list(offers.values())}, "excludedFromAverageRates": False,
                    "_targ": {"seller": seller, "language": store.LANGUAGES.get(order["marketplace"]["id"], "pl"),
                              "justifications": [], "createdMs": now, "changedMs": now}}
    _parts(body, rating)
    set_removal(rating, now)
    store.save(world, rating)
    return rating


def _buyers(world: World, rating_id: str) -> Json:
    found = store.get(world, rating_id)
    if found is None:
        raise MarketplaceRefusal(404, "not_found", f"no rating {rating_id}")
    return found[1]


def _live(world: World, rating_id: str) -> Json:
    rating = _buyers(world, rating_id)
    if store.withdrawn(rating):
        raise refused("rating_withdrawn", f"rating {rating_id} was withdrawn")
    return rating


def change(world: World, rating_id: str, body: Json) -> Json:
    """The buyer changes the rating (any of its parts) while the rating window lasts; `editedAt` and
    `lastChangedAt` become now."""
    only(body, CHANGE_FIELDS)
    if not body:
        raise bad(f"nothing to change: give some of {', '.join(sorted(CHANGE_FIELDS))}")
    rating = _live(world, rating_id)
    order = model.get(world, rating["order"]["id"])
    now = world.clock.now_ms()
    if order is not None:
        _window_open(world, order, now, "rated or its rating changed")
    changed = {**rating, "_targ": dict(rating["_targ"])}
    if "recommended" in body:
        changed["recommended"] = _recommended(body)
    _parts(body, changed)
    changed["editedAt"] = changed["lastChangedAt"] = iso(now)
    changed["_targ"]["changedMs"] = now
    set_removal(changed, now)
    store.save(world, changed)
    return changed


def withdraw(world: World, rating_id: str, body: Json) -> Json:
    """The buyer removes the rating (for good: the order cannot be rated again); `dueToCompensation` when the seller
    compensated the buyer for it."""
    only(body, WITHDRAW_FIELDS)
    compensated = body.get("dueToCompensation", False)
    if not isinstance(compensated, bool):
        raise bad("dueToCompensation must be true or false")
    rating = _live(world, rating_id)
    rating["removedBy"] = "BUYER_DUE_TO_COMPENSATION" if compensated else "BUYER"
    rating["_targ"]["removedAt"] = iso(world.clock.now_ms())
    store.save(world, rating)
    return rating


def read(world: World, rating_id: str) -> Json:
    """The rating as its buyer has it, withdrawn or not."""
    return _buyers(world, rating_id)
