"""When a rating can be given, changed and asked to be removed (sources: docs/behaviour.md, "Sales ratings")."""

from __future__ import annotations

from targ.allegro.ratings.store import DAY_MS, Json
from targ.clock import iso

# The buyer rates (and may change the rating) until 60 days after the purchase.
RATING_WINDOW_MS = 60 * DAY_MS
# The seller may ask the buyer to remove a negative rating until 30 days after it became negative.
REMOVAL_WINDOW_MS = 30 * DAY_MS


def removal_deadline(rating: Json) -> int:
    return int(rating["_targ"]["negativeSinceMs"]) + REMOVAL_WINDOW_MS


def set_removal(rating: Json, now: int) -> None:
    """`removal` follows `recommended`: a negative rating has one (`possibleTo` counted from when it became negative,
    a request kept while it stays negative); a positive rating has none."""
    if rating["recommended"]:
        rating.pop("removal", None)
        rating["_targ"].pop("negativeSinceMs", None)
        return
    if "removal" not in rating:
        rating["_targ"]["negativeSinceMs"] = now
        rating["removal"] = {"possibleTo": iso(removal_deadline(rating))}
