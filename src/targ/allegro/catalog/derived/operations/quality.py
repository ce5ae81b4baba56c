"""`GET /sale/quality`: the seller's sales quality, one result per finished day, at most 30 days back.

Reads the seller's docs of kind `checkout_form` (orders) and `user_rating` (buyers' ratings). Each day's result
covers the 30 days up to the end of that day; days before the seller's account existed have no result, so a seller
created today has none yet (`quality: []`, as in the vendor's sandbox), and each midnight of the virtual clock adds
one. Metric rules (targ's, where Allegro publishes only names and weights), each the share of orders in the window
times the metric's maximum:

* BUYER_SATISFACTION (150): recommending ratings among the ratings received;
* DISPATCH_IN_TIME (40): orders sent (fulfillment SENT, PICKED_UP, READY_FOR_PICKUP) among those whose dispatch
  deadline (`delivery.time.dispatch.to`) has passed (the CheckoutForm does not record when a parcel left);
* FAST_DISPATCH (160): orders sent among those promised for dispatch within 24 hours of purchase;
* NO_CANCELLATIONS (80): orders neither cancelled by the buyer nor by the seller;
* NO_RETURNS (70): orders not RETURNED.

Grade: NEUTRAL without any order in the window, else by score: EXCELLENT ≥ 400, VERY_GOOD ≥ 250, GOOD ≥ 120,
AVERAGE ≥ 60, BAD below.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from targ.allegro.catalog.dataset import DAY_MS
from targ.allegro.catalog.derived.common import ORDER_KIND, USER_RATING_KIND, day_start, seller_id
from targ.allegro.catalog.derived.ratings import REMOVERS
from targ.allegro.messages import localised
from targ.allegro.sellers import get_seller
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

HISTORY_DAYS = 30
WINDOW_MS = 30 * DAY_MS
SENT = frozenset({"SENT", "PICKED_UP", "READY_FOR_PICKUP"})
GRADES = ((400, "EXCELLENT"), (250, "VERY_GOOD"), (120, "GOOD"), (60, "AVERAGE"), (0, "BAD"))
METRICS = (  # code, Polish name, English name, max score
    ("BUYER_SATISFACTION", "Zadowolenie kupujących", "Buyer satisfaction", 150),
    ("DISPATCH_IN_TIME", "Wysyłka w terminie", "On-time dispatch", 40),
    ("FAST_DISPATCH", "Szybka wysyłka", "Fast dispatch", 160),
    ("NO_CANCELLATIONS", "Brak anulowań", "No cancellations", 80),
    ("NO_RETURNS", "Brak zwrotów", "No returns", 70),
)
MAX_SCORE = sum(m[3] for m in METRICS)


def _ms(value: Any) -> int | None:
    return parse_time(value) if isinstance(value, str) and value else None


def bought_at(order: Json) -> int | None:
    times = [t for t in (_ms(item.get("boughtAt")) for item in order.get("lineItems") or []) if t is not None]
    return min(times) if times else _ms(order.get("updatedAt"))


def _status(order: Json) -> str | None:
    return (order.get("fulfillment") or {}).get("status")


def _dispatch_by(order: Json) -> int | None:
    return _ms((((order.get("delivery") or {}).get("time") or {}).get("dispatch") or {}).get("to"))


def _share(items: list[Json], ok: Callable[[Json], bool]) -> float:
    return sum(1 for i in items if ok(i)) / len(items) if items else 0.0


def metric_shares(orders: list[Json], ratings: list[Json], end: int) -> dict[str, float]:
    due = [o for o in orders if (_dispatch_by(o) or end + 1) <= end]
    fast = [o for o in orders if (d := _dispatch_by(o)) is not None and d - (bought_at(o) or d) <= DAY_MS]
    return {
        "BUYER_SATISFACTION": _share(ratings, lambda r: bool(r.get("recommended"))),
        "DISPATCH_IN_TIME": _share(due, lambda o: _status(o) in SENT),
        "FAST_DISPATCH": _share(fast, lambda o: _status(o) in SENT),
        "NO_CANCELLATIONS": _share(orders, lambda o: o.get("status") != "CANCELLED" and _status(o) != "CANCELLED"),
        "NO_RETURNS": _share(orders, lambda o: _status(o) != "RETURNED"),
    }


def day_result(orders: list[Json], ratings: list[Json], day: int) -> Json:
    end = day + DAY_MS - 1
    in_window = [o for o in orders if (t := bought_at(o)) is not None and end - WINDOW_MS < t <= end]
    rated = [r for r in ratings if (t := _ms(r.get("createdAt"))) is not None and end - WINDOW_MS < t <= end]
    shares = metric_shares(in_window, rated, end) if in_window else {}
    metrics: list[dict[str, Any]] = [
        {"code": code, "name": localised({"name": pl, "nameEn": en}, "name"), "score": round(shares.get(code, 0) * top),
         "maxScore": top} for code, pl, en, top in METRICS]
    score = sum(m["score"] for m in metrics)
    grade = next(g for floor, g in GRADES if score >= floor) if in_window else "NEUTRAL"
    return {"resultFor": datetime.fromtimestamp(day / 1000, UTC).strftime("%Y-%m-%d"), "score": score,
            "grade": grade, "maxScore": MAX_SCORE, "metrics": metrics}


@handler("allegro", "getSaleQualityUsingGET", backing="derived")
def sale_quality(req: Request) -> Reply:
    seller = seller_id(req)
    store = req.world.store
    today = day_start(req.world.clock.now_ms())
    account = get_seller(req.world, seller) or {}
    first = max(today - HISTORY_DAYS * DAY_MS, day_start(account.get("createdAt", today)))
    orders = [d.data for d in store.find(ORDER_KIND, seller)]
    # A removed rating (withdrawn by the buyer, removed by Allegro) counts nowhere, as in the ratings summary.
    ratings = [d.data for d in store.find(USER_RATING_KIND, seller) if d.data.get("removedBy") not in REMOVERS]
    days = range(today - DAY_MS, first - 1, -DAY_MS)   # finished days, newest first
    return Reply({"quality": [day_result(orders, ratings, day) for day in days]})
