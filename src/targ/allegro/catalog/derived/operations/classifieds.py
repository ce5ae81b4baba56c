"""Advertisement (classified) statistics: `GET /sale/classified-seller-stats` and `GET /sale/classified-offers-stats`.

Reads the seller's docs of kind `offer` (advertisements: `sellingMode.format` ADVERTISEMENT) and of kind
`classified_event` (`{"offer": {"id"}, "eventType": <ClassifiedStatEventType>, "occurredAt"}`, owned by the
seller: what buyers did on an advertisement). Every day of the range gets an entry with every event type, zeros
included. The range defaults to the 30 days up to now; `date.gte` after `date.lte` or a range of 3 months or
more is a 422, and `date.lte` in the future counts as now.
"""

from __future__ import annotations

from datetime import UTC, datetime

from targ.allegro.catalog.dataset import DAY_MS
from targ.allegro.catalog.derived.common import OFFER_KIND, day_start, owned_offer, seller_id, time_param
from targ.allegro.errors import AllegroError
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

EVENT_KIND = "classified_event"
EVENT_TYPES = ("SHOWED_PHONE_NUMBER", "ASKED_QUESTION", "CLICKED_ASK_QUESTION", "ADDED_TO_FAVOURITES",
               "REMOVED_FROM_FAVOURITES")
MAX_RANGE_MS = 90 * DAY_MS
DEFAULT_RANGE_MS = 30 * DAY_MS
MAX_OFFERS = 50


def _invalid(message: str, path: str | None = None) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", message, path=path, user_message=message)


def date_range(req: Request) -> tuple[int, int]:
    now = req.world.clock.now_ms()
    high = min(time_param(req, "date.lte") or now, now)
    low = time_param(req, "date.gte")
    low = high - DEFAULT_RANGE_MS if low is None else low
    if low > high:
        raise _invalid("date.gte must be earlier than date.lte", "date.gte")
    if high - low >= MAX_RANGE_MS:
        raise _invalid("The difference between date.gte and date.lte must be less than 3 months", "date.gte")
    return low, high


def is_advertisement(offer: Json) -> bool:
    return (offer.get("sellingMode") or {}).get("format") == "ADVERTISEMENT"


def stats(events: list[Json], low: int, high: int) -> Json:
    per_day: dict[int, dict[str, int]] = {}
    day = day_start(low)
    while day <= high:
        per_day[day] = dict.fromkeys(EVENT_TYPES, 0)
        day += DAY_MS
    for event in events:
        at = parse_time(event["occurredAt"]) if event.get("occurredAt") else None
        if at is not None and low <= at <= high and event.get("eventType") in EVENT_TYPES:
            per_day[day_start(at)][event["eventType"]] += 1
    totals = {t: sum(counts[t] for counts in per_day.values()) for t in EVENT_TYPES}
    return {
        "eventStatsTotal": [{"count": totals[t], "eventType": t} for t in EVENT_TYPES],
        "eventsPerDay": [{"date": datetime.fromtimestamp(d / 1000, UTC).strftime("%Y-%m-%d"),
                          "eventStats": [{"count": counts[t], "eventType": t} for t in EVENT_TYPES]}
                         for d, counts in per_day.items()],
    }


def _events(req: Request, seller: str, offer_ids: set[str]) -> list[Json]:
    return [d.data for d in req.world.store.find(EVENT_KIND, seller)
            if (d.data.get("offer") or {}).get("id") in offer_ids]


@handler("allegro", "classifiedSellerOfferStatsGET", backing="derived")
def seller_stats(req: Request) -> Reply:
    seller = seller_id(req)
    low, high = date_range(req)
    ads = {d.id for d in req.world.store.find(OFFER_KIND, seller) if is_advertisement(d.data)}
    return Reply(stats(_events(req, seller, ads), low, high))


@handler("allegro", "classifiedOffersStatsGET", backing="derived")
def offers_stats(req: Request) -> Reply:
    seller = seller_id(req)
    offer_ids = list(dict.fromkeys(req.param("offer.id") or []))
    if len(offer_ids) > MAX_OFFERS:
        raise _invalid(f"At most {MAX_OFFERS} offer ids are allowed", "offer.id")
    low, high = date_range(req)
    for offer_id in offer_ids:
        if not is_advertisement(owned_offer(req, offer_id)):
            raise _invalid(f"Offer {offer_id} is not an advertisement", "offer.id")
    return Reply({"offerStats": [{"offer": {"id": offer_id}, **stats(_events(req, seller, {offer_id}), low, high)}
                                 for offer_id in offer_ids]})
