"""The seller's sales ratings: `GET /sale/user-ratings` (filters `recommended`, `lastChangedAt.gte/.lte`; `offset`,
`limit`), `GET /sale/user-ratings/{ratingId}`, `PUT …/answer` `{message}` and `PUT …/removal` `{request:
{message}}`. Both reads answer in the public or the beta media type, as `Accept` asks. Rules in
targ.allegro.ratings.seller."""

from __future__ import annotations

from targ.allegro.auth import access_denied
from targ.allegro.ratings import seller, store, views
from targ.allegro.ratings.store import Json
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.media import ALLEGRO_PUBLIC
from targ.http.request import Reply, Request


def _seller(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation, and as staff
    promised for this resource in allegro-api #10721)."""
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


def _time(req: Request, name: str) -> int | None:
    value = req.param(name)
    return parse_time(value) if value else None


def _own(req: Request) -> tuple[str, Json]:
    user = _seller(req)
    return user, seller.own(req.world, user, req.path_params["ratingId"])


@handler("allegro", "getUserRatingsUsingGET")
def list_ratings(req: Request) -> Reply:
    user = _seller(req)
    wanted = req.param("recommended")
    found = seller.listing(req.world, user, None if wanted is None else wanted == "true",
                           _time(req, "lastChangedAt.gte"), _time(req, "lastChangedAt.lte"))
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 20))
    received = store.of_seller(req.world, user) if req.media_type != ALLEGRO_PUBLIC else []
    return Reply({"ratings": [views.render(r, req.media_type, received) for r in found[offset:offset + limit]]})


@handler("allegro", "getUserRatingUsingGET")
def get_rating(req: Request) -> Reply:
    user, rating = _own(req)
    received = store.of_seller(req.world, user) if req.media_type != ALLEGRO_PUBLIC else []
    return Reply(views.render(rating, req.media_type, received))


@handler("allegro", "answerUserRatingUsingPUT")
def answer(req: Request) -> Reply:
    _, rating = _own(req)
    return Reply(seller.answer(req.world, rating, req.body["message"]))


@handler("allegro", "userRatingRemovalUsingPUT")
def request_removal(req: Request) -> Reply:
    _, rating = _own(req)
    return Reply(seller.request_removal(req.world, rating, req.body["request"]["message"]))
