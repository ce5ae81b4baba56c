"""The order events journal behind `GET /order/events` and `GET /order/event-stats`: one journal per seller.

Events are docs of kind `order_event`, id = the event id, owner = the seller, holding the `OrderEvent` exactly as the
journal shows it plus `_targ.occurredAt` (ms). The journal is append-only and read in insertion order, which is also
id order: every event journaled (for any seller) takes a larger id than the one before.

Ids are numeric strings of 16 digits, like the vendor's (`1577747854303808`, a µs epoch): the microsecond of the
virtual clock at which the event is journaled, bumped past the previous id when several land in the same
microsecond (the clock is frozen in tests), so they always grow.

`eventsMode` (config):
* `ordered` (default): one event per transition, journaled in the order the transitions happened;
* `documented`: the quirks Allegro documents (DEV/en/orders, allegro-behaviour.md §2), drawn from the world's seed
  so a run is reproducible: an event journaled twice (same type and `occurredAt`, a second id) with chance
  `DUPLICATE`; the events of one buyer step journaled out of order (FILLED_IN before BOUGHT) with chance `SWAP`;
  and (`buyer.cancel`) a READY_FOR_PROCESSING that arrives after BUYER_CANCELLED with chance `LATE_PAYMENT`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from targ.allegro.orders.documents import CheckoutFormOrJson
from targ.allegro.orders.model import event_data
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Doc
    from targ.world import World

EVENT_KIND = "order_event"
LAST_ID_KEY = "orders.lastEventId"
ID_DIGITS = 16  # a µs epoch: 16 digits until the year 2286, so ids compare as strings as they do as numbers
TYPES = ("BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING", "BUYER_CANCELLED", "FULFILLMENT_STATUS_CHANGED",
         "BUYER_MODIFIED", "AUTO_CANCELLED")
DUPLICATE, SWAP, LATE_PAYMENT = 0.2, 0.3, 0.5


@dataclass(frozen=True)
class Pending:
    """An event that happened and is not journaled yet: its type, the order as it was, and when."""

    type: str
    order: Json
    occurred_ms: int


def happened(world: World, order: CheckoutFormOrJson, type_: str) -> Pending:
    return Pending(type_, event_data(order), world.clock.now_ms())


def documented(world: World) -> bool:
    mode: str = world.config.get("eventsMode")
    return mode == "documented"


def chance(world: World) -> float:
    """A reproducible draw in [0, 1) for the documented quirks (from the seed and a counter of draws)."""
    return int(world.ids.hex("order-event-quirk", 8), 16) / 16**8


def journal(world: World, seller: str, batch: list[Pending]) -> list[Json]:
    """Journals one step's events for the seller and returns them as `GET /order/events` shows them."""
    if documented(world):
        batch = _quirks(world, batch)
    return [_append(world, seller, p) for p in batch]


def _quirks(world: World, batch: list[Pending]) -> list[Pending]:
    ordered = list(batch)
    if len(ordered) > 1 and chance(world) < SWAP:
        ordered[0], ordered[1] = ordered[1], ordered[0]
    out: list[Pending] = []
    for p in ordered:
        out.append(p)
        if chance(world) < DUPLICATE:
            out.append(p)
    return out


def _append(world: World, seller: str, p: Pending) -> Json:
    event_id = _next_id(world)
    event = {"id": event_id, "order": p.order, "type": p.type, "occurredAt": iso(p.occurred_ms)}
    # The type is the event's alternate key, so a read filtered by type is an index range (see `read`).
    world.store.insert(EVENT_KIND, event_id, {**event, "_targ": {"occurredAt": p.occurred_ms}}, owner=seller,
                       alt=p.type)
    return event


def _next_id(world: World) -> str:
    last = int(world.store.meta_get(LAST_ID_KEY) or 0)
    number = max(last + 1, world.clock.now_ms() * 1000)
    world.store.meta_set(LAST_ID_KEY, number)
    return str(number)


# --- reading ----------------------------------------------------------------------------------------------------------
def _oldest_kept(world: World) -> int:
    return world.clock.now_ms() - world.config.ms("eventRetention")


def _public(doc_data: Json) -> Json:
    return {k: v for k, v in doc_data.items() if k != "_targ"}


def read(world: World, seller: str, *, after: int | None, types: frozenset[str] | None, limit: int) -> list[Json]:
    """Oldest first; `after` excludes that id and everything before it; events past `eventRetention` are gone.

    Costs what it returns, whatever the journal's size: ids grow with insertion order, so the first id wanted
    becomes an insertion number and each page an index range with a LIMIT (for several types, a union of one range
    per type, so a rare type skips the others without reading them). An event is journaled no earlier than it
    occurred and its id is the journaling microsecond (or just past the previous id), so ids below the retention
    bound are expired for sure and are not read at all.
    """
    oldest = _oldest_kept(world)
    bound = max(after + 1 if after is not None else 0, oldest * 1000)
    if bound >= 10**ID_DIGITS:
        return []
    first = world.store.first_seq_from(EVENT_KIND, f"{bound:0{ID_DIGITS}d}")
    if first is None:
        return []
    out: list[Json] = []
    after_seq = first - 1
    while len(out) < limit:
        page = _page(world, seller, types, after_seq, limit - len(out))
        if not page:
            break
        # Near the retention bound an id can be just past it while its event occurred just before (ids are bumped
        # past each other): those few are skipped here, and the next page continues after them.
        out += [_public(doc.data) for doc in page if doc.data["_targ"]["occurredAt"] >= oldest]
        after_seq = page[-1].seq
    return out


def _page(world: World, seller: str, types: frozenset[str] | None, after_seq: int, limit: int) -> list[Doc]:
    # Several types: the store merges one index range per type and reads only the page's events.
    return world.store.find(EVENT_KIND, seller, after_seq=after_seq, limit=limit, alt=types or None)


def latest(world: World, seller: str) -> Json | None:
    """`LatestOrderEvent` of the seller's journal, or None when nothing happened within the retention."""
    docs = world.store.find(EVENT_KIND, seller, desc=True, limit=1)
    if not docs or docs[0].data["_targ"]["occurredAt"] < _oldest_kept(world):
        return None
    return {"id": docs[0].id, "occurredAt": docs[0].data["occurredAt"]}
