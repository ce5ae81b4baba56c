"""A rating as the seller reads it: `UserRating` (public media type, the stored shape) or `UserRatingVBeta1` (the beta
media type of 2025-06, allegro-api #11594: `comment` and `answer` become `{text, language}`, `exclusion` replaces the
`excludedFromAverageRates*` fields, `justifications` and `firstNegativeReviewInLast30Days` are new, `rates` are gone
with the star ratings)."""

from __future__ import annotations

from collections.abc import Iterable

from targ.allegro.ratings.store import DAY_MS, Json, created_ms, withdrawn
from targ.http.media import ALLEGRO_BETA

# "Whether the rating is the first negative in the last 30 days" (UserRatingVBeta1).
FIRST_NEGATIVE_WINDOW_MS = 30 * DAY_MS
_INTERNAL = ("_targ", "removedBy")


def public(rating: Json) -> Json:
    return {k: v for k, v in rating.items() if k not in _INTERNAL}


def beta(rating: Json, received: Iterable[Json]) -> Json:
    """The beta shape; `received` are the seller's ratings (for `firstNegativeReviewInLast30Days`)."""
    language = rating["_targ"]["language"]
    out: Json = {"id": rating["id"], "createdAt": rating["createdAt"]}
    if "editedAt" in rating:
        out["editedAt"] = rating["editedAt"]
    out |= {"lastChangedAt": rating["lastChangedAt"], "recommended": rating["recommended"], "buyer": rating["buyer"],
            "order": rating["order"]}
    if "comment" in rating:
        out["comment"] = {"text": rating["comment"], "language": language}
    if "answer" in rating:
        out["answer"] = {"createdAt": rating["answer"]["createdAt"], "text": rating["answer"]["message"],
                         "language": language}
    if rating.get("excludedFromAverageRates"):
        out["exclusion"] = {"reason": rating.get("excludedFromAverageRatesReason", "")}
    out["justifications"] = [dict(j) for j in rating["_targ"]["justifications"]]
    if "removal" in rating:
        removal = rating["removal"]
        out["removal"] = {"possibleTo": removal["possibleTo"]}
        if "request" in removal:
            out["removal"]["request"] = {**removal["request"], "language": language}
    out["firstNegativeReviewInLast30Days"] = first_negative(rating, received)
    return out


def first_negative(rating: Json, received: Iterable[Json]) -> bool:
    """A negative rating with no other negative one (not withdrawn) given in the 30 days before it; `received` in
    the order the ratings were given, which decides between ratings given at the same instant."""
    if rating["recommended"]:
        return False
    at, before = created_ms(rating), True
    for other in received:
        if other["id"] == rating["id"]:
            before = False
            continue
        if other["recommended"] or withdrawn(other):
            continue
        given = created_ms(other)
        if at - FIRST_NEGATIVE_WINDOW_MS <= given < at or (given == at and before):
            return False
    return True


def render(rating: Json, media_type: str | None, received: Iterable[Json]) -> Json:
    return beta(rating, received) if media_type == ALLEGRO_BETA else public(rating)
