"""`GET /sale/smart`: whether the seller qualifies for Allegro Smart! (the seller's half of the classification).

Reads the seller's account (feature SUPER_SELLER) and docs of kind `user_rating` received in the last 12 months
(removed and excluded ones do not count, as in the ratings summary). The conditions are the ones the spec's example
lists: a Super Seller qualifies outright; anyone else needs a recommendation rate (recommending buyers among rating
buyers) of at least 98% and at least 5 unique recommending buyers. `lastChanged` is when the result last flipped
(a rating arriving or turning 12 months old), or the account's creation. The offer half (`/sale/offers/{id}/smart`,
delivery methods against shipping rates) stays with the offers area.
"""

from __future__ import annotations

from targ.allegro.catalog.dataset import DAY_MS
from targ.allegro.catalog.derived.ratings import side, sort_ratings
from targ.clock import parse_time
from targ.json_types import Json

YEAR_MS = 365 * DAY_MS
RATE_THRESHOLD = 0.98
COUNT_THRESHOLD = 5


def _created(rating: Json) -> int | None:
    value = rating.get("createdAt")
    return parse_time(value) if isinstance(value, str) and value else None


def evaluate(ratings: list[Json], super_seller: bool, at: int) -> tuple[bool, float, int]:
    """(fulfilled, recommendation rate, unique recommending buyers) from the ratings of the 12 months before `at`."""
    recent = [r for r in ratings if (t := _created(r)) is not None and at - YEAR_MS < t <= at]
    counted = sort_ratings(recent)[0]
    yes, no = side(counted, True)["unique"], side(counted, False)["unique"]
    rate = yes / (yes + no) if yes + no else 0.0
    return super_seller or (rate >= RATE_THRESHOLD and yes >= COUNT_THRESHOLD), rate, yes


def last_changed(ratings: list[Json], super_seller: bool, since: int, now: int) -> int:
    """The latest moment the result flipped: results only change when a rating arrives or ages out."""
    moments = sorted({t for r in ratings if (t := _created(r)) is not None}
                     | {t + YEAR_MS for r in ratings if (t := _created(r)) is not None})
    changed, state = since, evaluate(ratings, super_seller, since)[0]
    for moment in (m for m in moments if since < m <= now):
        result = evaluate(ratings, super_seller, moment)[0]
        if result != state:
            changed, state = moment, result
    return changed
