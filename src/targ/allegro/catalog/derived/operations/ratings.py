"""The operations (offerRatingGET, getUserSummaryUsingGET); what they do, the vendor's rules and their sources:
`targ.allegro.catalog.derived.ratings`."""

from __future__ import annotations

from decimal import Decimal

from targ.allegro.catalog.derived.common import USER_RATING_KIND, owned_offer, seller_id
from targ.allegro.catalog.derived.ratings import (
    OFFER_REVIEW_KIND,
    REMOVERS,
    SIZES,
    Json,
    date,
    one_decimal,
    side,
    sort_ratings,
)
from targ.allegro.errors import AllegroError
from targ.allegro.sellers import get_seller
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "offerRatingGET", backing="derived")
def offer_rating(req: Request) -> Reply:
    offer_id = req.param("offerId")
    owned_offer(req, offer_id)
    reviews = [d.data for d in req.world.store.find(OFFER_REVIEW_KIND, seller_id(req))
               if (d.data.get("offer") or {}).get("id") == offer_id]
    scores = [int(r["score"]) for r in reviews if r.get("score") in (1, 2, 3, 4, 5)]
    out: Json = {}
    if scores:
        out["averageScore"] = one_decimal(Decimal(sum(scores)) / len(scores))
    out["scoreDistribution"] = [{"name": str(s), "count": scores.count(s)} for s in (5, 4, 3, 2, 1)]
    out["totalResponses"] = len(scores)
    sizes = [r["sizeFeedback"] for r in reviews if r.get("sizeFeedback") in SIZES]
    if sizes:
        out["sizeFeedback"] = [{"name": s, "count": sizes.count(s)} for s in SIZES]
    return Reply(out)


@handler("allegro", "getUserSummaryUsingGET", backing="derived")
def ratings_summary(req: Request) -> Reply:
    user_id = req.param("userId")
    user = get_seller(req.world, user_id)
    if user is None:
        message = f"User {user_id} not found."
        raise AllegroError(404, "NOT_FOUND", message, user_message=message)
    received = [d.data for d in req.world.store.find(USER_RATING_KIND, user_id)]
    counted, removed, excluded = sort_ratings(received)
    yes, no = side(counted, True), side(counted, False)
    out: Json = {"recommended": yes, "notRecommended": no}
    if yes["unique"] + no["unique"]:
        share = Decimal(100 * yes["unique"]) / (yes["unique"] + no["unique"])
        out["recommendedPercentage"] = one_decimal(share).replace(".", ",")
    by = {field: sum(1 for r in removed if r["removedBy"] == who) for who, field in REMOVERS.items()}
    out["statistics"] = {"received": {"total": len(received)}, "excluded": {"total": len(excluded)},
                         "removed": {"total": len(removed), **by}}
    created = user.get("createdAt")
    out["user"] = {"createdAt": date(created) if isinstance(created, int) else "1970-01-01"}
    return Reply(out)
