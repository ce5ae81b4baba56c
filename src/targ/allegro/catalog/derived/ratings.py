"""Ratings summaries: `GET /sale/offers/{offerId}/rating` and `GET /users/{userId}/ratings-summary`.

* Offer rating reads docs of kind `offer_review` (a buyer's product rating of an offer: `{"offer": {"id"},
  "score": 1..5, "sizeFeedback"?: "BIGGER"|"FIT"|"SMALLER"}`, owned by the seller). No reviews: a zero
  distribution and no `averageScore`; `sizeFeedback` only where buyers gave any.
* A user's ratings summary reads the user's docs of kind `user_rating` (UserRating, owned by the rated seller).
  Ratings removed (a doc with `removedBy`: ADMIN, BUYER or BUYER_DUE_TO_COMPENSATION) or excluded from the
  averages (`excludedFromAverageRates`) do not count as recommending or not; `unique` counts distinct buyers.
  `recommendedPercentage` is the share of recommending buyers with a decimal comma ("99,8"), absent without any.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from targ.json_types import Json

OFFER_REVIEW_KIND = "offer_review"
SIZES = ("BIGGER", "FIT", "SMALLER")
REMOVERS = {"ADMIN": "byAdmin", "BUYER": "byBuyer", "BUYER_DUE_TO_COMPENSATION": "byBuyerDueToCompensation"}


def one_decimal(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def sort_ratings(received: list[Json]) -> tuple[list[Json], list[Json], list[Json]]:
    """(counted, removed, excluded): only counted ratings recommend or not."""
    removed = [r for r in received if r.get("removedBy") in REMOVERS]
    excluded = [r for r in received if r.get("excludedFromAverageRates") and r not in removed]
    return [r for r in received if r not in removed and r not in excluded], removed, excluded


def side(ratings: list[Json], recommended: bool) -> Json:
    """{unique, total} of the recommending (or not recommending) ratings; unique counts distinct buyers."""
    mine = [r for r in ratings if bool(r.get("recommended")) is recommended]
    return {"unique": len({(r.get("buyer") or {}).get("id") for r in mine}), "total": len(mine)}


def date(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d")
