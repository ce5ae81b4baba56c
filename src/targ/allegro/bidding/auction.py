"""Auctions: a user's maximum bid, the auction's price and leader, and its end on the clock.

Allegro bids by proxy (Allegro's help, "Jak działa licytacja w Allegro?"): a bidder gives the most they will pay and
the system bids for them only as much as it takes to lead, one increment above the runner-up's maximum; when the
minimal price is reached by a maximum, the price rises to it at once; two equal maximums: the earlier leads. So the
price is a function of the bids (`standing`): the starting price with one bidder, else the runner-up's maximum plus
one increment, never above the leader's maximum. A bidder may lower a maximum again, down to the current price
(allegro-api #2713, staff: a bidder "lowered his offer to 81,01").

The auction lives in its offer (`_auction`: bids, current price, leader, bidders), where the seller's and the public
listings read it. The first bid takes over the offer's ending: the offer's `_ending` marker becomes this area's, so the
offers area's end job finds it changed and stands aside, and `END_JOB` runs at `publication.endingAt`: the leader, if
the minimal price was met, buys the item as the buyer actor's purchase does (targ.allegro.orders.buyer), at the
auction's price, unpaid, with `auctionPaymentDeadline` to pay (allegro-api #4646: 30 days); the purchase takes the
only unit and ends the offer `EMPTY_STOCK`, as the vendor ends a sold auction (#4637 NEWS). Without a winner the offer
ends by EXPIRATION. Each bid records OFFER_BID_PLACED in the seller's offer events, without `external` (the spec).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroError
from targ.allegro.offers import events, model, publication
from targ.allegro.offers.documents import Offer, as_offer
from targ.allegro.orders import buyer
from targ.allegro.orders.buyer_data import buyer_for
from targ.allegro.sellers import get_seller
from targ.clock import iso, parse_time
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

END_JOB = "allegro.auction-end"
BID_PLACED = "OFFER_BID_PLACED"
CENT = Decimal("0.01")
# The increment above a price (decided: Allegro's table is not public in the sources; this one agrees with the
# examples there are: 0.50 at 8 PLN in Allegro's help, 1.00 at 81.01 PLN in allegro-api #2713).
INCREMENTS = ((Decimal("2500"), Decimal("50.00")), (Decimal("1000"), Decimal("25.00")),
              (Decimal("500"), Decimal("10.00")), (Decimal("250"), Decimal("5.00")), (Decimal("100"), Decimal("2.50")),
              (Decimal("25"), Decimal("1.00")), (Decimal("5"), Decimal("0.50")), (Decimal("1"), Decimal("0.25")),
              (Decimal("0"), Decimal("0.05")))


def increment(price: Decimal) -> Decimal:
    return next(step for floor, step in INCREMENTS if price >= floor)


def refused(status: int, key: str, path: str | None = None, **params: object) -> AllegroError:
    code = "NOT_FOUND" if status == 404 else "VALIDATION_ERROR"
    return AllegroError(status, code, path=path, user_key=f"bidding.{key}", user_params=params)


def _amount(price: Json | None) -> Decimal | None:
    return Decimal(str(price["amount"])) if price and price.get("amount") is not None else None


def _money(amount: Decimal, currency: str) -> Json:
    return {"amount": str(amount.quantize(CENT)), "currency": currency}


def currency_of(offer: Offer) -> str:
    selling = offer.get("sellingMode") or {}
    return str((selling.get("startingPrice") or {}).get("currency") or model.currency_of(model.base_marketplace(offer)))


# --- the auction's standing -------------------------------------------------------------------------------------------
def ranked(auction: Json) -> list[Json]:
    """The bids, highest maximum first; equal maximums: the earlier first."""
    return sorted(auction.get("bids") or (), key=lambda b: (-Decimal(b["maxAmount"]), b["seq"]))


def standing(offer: Offer) -> tuple[str | None, Decimal | None]:
    """(leader, current price) of the auction as its bids stand; (None, None) before any bid."""
    selling = offer.get("sellingMode") or {}
    bids = ranked(offer.get("_auction") or {})
    if not bids:
        return None, None
    starting = _amount(selling.get("startingPrice")) or Decimal(0)
    top = Decimal(bids[0]["maxAmount"])
    price = starting
    if len(bids) > 1:
        runner_up = Decimal(bids[1]["maxAmount"])
        price = max(starting, min(top, runner_up + increment(runner_up)))
    minimal = _amount(selling.get("minimalPrice"))
    if minimal is not None and top >= minimal:
        price = max(price, minimal)
    return str(bids[0]["bidder"]), price


def minimal_price_met(offer: Offer) -> bool:
    """The spec's `minimalPriceMet`: the minimal price is reached, or the auction has none."""
    minimal = _amount((offer.get("sellingMode") or {}).get("minimalPrice"))
    _, price = standing(offer)
    return minimal is None or (price is not None and price >= minimal)


def lowest_bid(offer: Offer, user: str) -> Decimal:
    """The lowest maximum `user` may bid now: the starting price in an auction without bids, the current price for
    its leader (who may lower a maximum, #2713), one increment above the current price for anyone else."""
    leader, price = standing(offer)
    if price is None:
        return _amount((offer.get("sellingMode") or {}).get("startingPrice")) or CENT
    return price if leader == user else price + increment(price)


def my_bid(offer: Offer, user: str) -> Json | None:
    """`MyBidResponse` for `user`, None when they did not bid."""
    mine = next((b for b in (offer.get("_auction") or {}).get("bids") or () if b["bidder"] == user), None)
    if mine is None:
        return None
    leader, price = standing(offer)
    currency = currency_of(offer)
    return {"maxAmount": _money(Decimal(mine["maxAmount"]), currency), "minimalPriceMet": minimal_price_met(offer),
            "highBidder": leader == user, "auction": {"currentPrice": _money(price or Decimal(0), currency)}}


# --- bidding ----------------------------------------------------------------------------------------------------------
def public_auction(world: World, offer_id: str) -> tuple[str, Offer]:
    """(seller, offer) of an auction buyers can see (listed or ended); anything else is "Auction not found"."""
    doc = world.store.get_doc(model.OFFER_KIND, offer_id)
    offer = as_offer(doc.data) if doc is not None else None
    if (doc is None or offer is None or (offer.get("sellingMode") or {}).get("format") != "AUCTION"
            or model.status_of(offer) not in ("ACTIVE", "ENDED")):
        raise refused(404, "not_found", offer=offer_id)
    return doc.owner, offer


def _checked_amount(given: Any, currency: str) -> Decimal:
    if not isinstance(given, dict):
        raise refused(422, "amount", "maxAmount")
    if given.get("currency") != currency:
        raise refused(422, "currency", "maxAmount.currency", currency=currency)
    try:
        amount = Decimal(str(given.get("amount")))
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(CENT):
        raise refused(422, "amount", "maxAmount.amount")
    return amount


def place(world: World, offer_id: str, user: str, max_amount: Any) -> Json:
    """`user` bids up to `max_amount` ({amount, currency}) in the auction: their `MyBidResponse`."""
    owner, offer = public_auction(world, offer_id)
    if model.status_of(offer) != "ACTIVE":
        raise refused(422, "ended", "offerId", offer=offer_id)
    if owner == user:
        raise refused(422, "own", "offerId")
    currency = currency_of(offer)
    amount = _checked_amount(max_amount, currency)
    lowest = lowest_bid(offer, user)
    if amount < lowest:
        raise refused(422, "too_low", "maxAmount.amount", amount=str(lowest.quantize(CENT)), currency=currency)
    owner, before, offer = model.edit(world, offer_id)
    auction = offer.setdefault("_auction", {"bids": []})
    first = not auction["bids"]
    account = get_seller(world, user) or {}
    auction["bids"] = [b for b in auction["bids"] if b["bidder"] != user] + [
        {"bidder": user, "login": account.get("login", ""), "maxAmount": str(amount), "placedAt":
         iso(world.clock.now_ms()), "seq": world.ids.sequence("auction-bid")}]
    _restate(offer)
    ending = (offer.get("publication") or {}).get("endingAt")
    if first and ending:
        # The auction's end is this area's from now on (see the module's docstring).
        marker = world.ids.sequence("offer-ending")
        offer["_ending"] = marker
        world.schedule(END_JOB, max(0, parse_time(ending) - world.clock.now_ms()),
                       {"offerId": offer_id, "marker": marker}, owner=owner)
    model.save(world, owner, before, offer)
    events.record(world, owner, {"id": offer_id}, BID_PLACED)   # no external id on bid events (the spec)
    found = my_bid(offer, user)
    assert found is not None   # the bid was just stored
    return found


def _restate(offer: Offer) -> None:
    """The auction's summary the listings read: current price, leader, number of bidders."""
    auction = offer["_auction"]
    leader, price = standing(offer)
    auction["leader"] = leader
    auction["biddersCount"] = len(auction["bids"])
    if price is not None:
        auction["currentPrice"] = _money(price, currency_of(offer))


# --- the end ----------------------------------------------------------------------------------------------------------
def _winner_buys(world: World, offer: Offer, winner: str) -> str:
    """The leader's purchase at the auction's price, as the buyer actor's (targ.allegro.orders.buyer): its order id."""
    account = get_seller(world, winner) or {}
    login = str(account.get("login") or winner)
    marketplace = model.base_marketplace(offer)
    # The winner is an Allegro account: the order's buyer is that user (its id and name), created on first purchase.
    buyer_for(world, marketplace, {"login": login, "id": winner,
                                   **{k: account[k] for k in ("firstName", "lastName") if account.get(k)}})
    purchase = buyer.parse_purchase(world, {"lineItems": [{"offerId": offer["id"], "quantity": 1}],
                                            "buyer": {"login": login}, "fillIn": False, "pay": False})
    purchase.prices[offer["id"]] = offer["_auction"]["currentPrice"]
    purchase.deadline = "auctionPaymentDeadline"
    order, _ = buyer.buy(world, purchase)
    return order["id"]


@runs(END_JOB)
def _end(world: World, job: Job) -> None:
    offer_id = str(job.payload["offerId"])
    doc = world.store.get_doc(model.OFFER_KIND, offer_id)
    if doc is None or doc.data.get("_ending") != job.payload["marker"] or model.status_of(doc.data) != "ACTIVE":
        return   # ended or taken over since (the seller ended it: no sale, see docs/behaviour.md)
    offer = as_offer(doc.data)
    leader, _ = standing(offer)
    order_id = _winner_buys(world, offer, leader) if leader and minimal_price_met(offer) else None
    owner, before, after = model.edit(world, offer_id)
    after["_auction"]["winner"] = leader if order_id else None
    if order_id:
        after["_auction"]["orderId"] = order_id
    if model.status_of(after) in model.LIVE:
        publication.end(world, after, "EXPIRATION")
    model.save(world, owner, before, after)
