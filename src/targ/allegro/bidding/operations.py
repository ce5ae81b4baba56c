"""`PUT /bidding/offers/{offerId}/bid` (placeBid) and `GET …/bid` (getBid): the calling user's maximum bid in an
auction and where it stands. User tokens only, scope `allegro:api:bids` (the spec). Rules in
targ.allegro.bidding.auction."""

from __future__ import annotations

from targ.allegro.bidding import auction
from targ.allegro.errors import access_denied
from targ.handlers import handler
from targ.http.request import Reply, Request


def _user(req: Request) -> str:
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


@handler("allegro", "placeBid")
def place_bid(req: Request) -> Reply:
    body = req.body or {}
    return Reply(auction.place(req.world, str(req.param("offerId")), _user(req), body.get("maxAmount")))


@handler("allegro", "getBid")
def get_bid(req: Request) -> Reply:
    offer_id = str(req.param("offerId"))
    _, offer = auction.public_auction(req.world, offer_id)
    mine = auction.my_bid(offer, _user(req))
    if mine is None:
        raise auction.refused(404, "no_bid", offer=offer_id)
    return Reply(mine)
