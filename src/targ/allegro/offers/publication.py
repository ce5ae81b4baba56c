"""Offer status: INACTIVE → ACTIVATING → ACTIVE → ENDED, on the virtual clock.

* Activation (POST without `publication.status` or with ACTIVE, PATCH with ACTIVE, the ACTIVATE publication command)
  first checks what the vendor requires of a listed offer (`activation_problems`), then schedules a job: the offer
  becomes ACTIVE after `jobDelay`, staying INACTIVE meanwhile (#11875), or at `scheduledFor` /
  `publication.startingAt`, ACTIVATING meanwhile. An offer with
  `publication.duration` ends by EXPIRATION that long after it starts.
* An offer that becomes ACTIVE with no stock ends at once with `endedBy: EMPTY_STOCK`: for a One Fulfillment offer
  that is the guide's behaviour (listed with zero warehouse stock, it waits, ended, for a delivery to the warehouse
  and is activated again when stock arrives: stock.set_fulfillment_stock).
* Ending (END command, PATCH `ENDED`, a purchase of the last unit) sets ENDED with `endedBy` (USER, EMPTY_STOCK,
  EXPIRATION) and cancels a pending activation.

Jobs carry a marker (`_activation`, `_ending` in the offer): a job whose marker is no longer the offer's finds the
offer changed since (ended, re-scheduled) and does nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroProblem
from targ.allegro.failures import internal_problem
from targ.allegro.offers import model
from targ.allegro.offers.documents import Offer
from targ.clock import iso, parse_duration, parse_time
from targ.jobs import runs

if TYPE_CHECKING:
    from collections.abc import Callable

    from targ.store.base import Job
    from targ.world import World

ACTIVATION_JOB = "allegro.offer-activation"
END_JOB = "allegro.offer-end"


def activation_problems(offer: Offer) -> list[AllegroProblem]:
    """What keeps the offer from being listed, in the vendor's words where they are known."""
    problems: list[AllegroProblem] = []
    if not offer.get("name"):
        problems.append(AllegroProblem("VALIDATION_ERROR", "The offer has no title.", path="name",
                                       user_message="Oferta nie ma tytułu."))
    if not (offer.get("category") or {}).get("id"):
        problems.append(AllegroProblem("VALIDATION_ERROR", "The offer has no category.", path="category.id",
                                       user_message="Oferta nie ma kategorii."))
    selling = offer.get("sellingMode") or {}
    if selling.get("format", "BUY_NOW") == "BUY_NOW" and not selling.get("price"):
        problems.append(AllegroProblem("VALIDATION_ERROR", "The offer has no price.", path="sellingMode.price",
                                       user_message="Oferta nie ma ceny."))
    if selling.get("format") == "AUCTION":
        problems += _auction_problems(offer)
    if not offer.get("images"):
        problems.append(AllegroProblem("VALIDATION_ERROR", "The offer must have at least one image.", path="images",
                                       user_message="Oferta musi mieć co najmniej jedno zdjęcie."))
    if not model.is_one_fulfillment(offer) and int((offer.get("stock") or {}).get("available") or 0) < 1:
        # The vendor's code and text (allegro-api#11011).
        problems.append(AllegroProblem("AvailableStockMustEqualToOneOrBeGreaterThanOne",
                                       "The listed quantity cannot be less than 1.", path="stock.available"))
    return problems


# An auction lasts 1, 3, 5, 7 or 10 days (the spec's OfferDuration; allegro-api #469, staff).
AUCTION_DAYS = (1, 3, 5, 7, 10)
_DAY_MS = 86_400_000


def _auction_problems(offer: Offer) -> list[AllegroProblem]:
    """What an auction needs besides a listed offer's basics: a starting price, exactly one item and a duration of
    the auction's (allegro-api #469, staff: "w stock musisz podać wartość 1"); a minimal price and a buy-now price,
    when set, above the starting price (decided: a lower one could never apply)."""
    problems: list[AllegroProblem] = []
    selling = offer.get("sellingMode") or {}
    starting = (selling.get("startingPrice") or {}).get("amount")
    if starting is None:
        problems.append(AllegroProblem("VALIDATION_ERROR", "An auction needs a starting price.",
                                       path="sellingMode.startingPrice", user_message="Licytacja wymaga ceny "
                                       "wywoławczej."))
    for kind, name in (("minimalPrice", "minimal price"), ("price", "buy-now price")):
        amount = (selling.get(kind) or {}).get("amount")
        if starting is not None and amount is not None and Decimal(str(amount)) <= Decimal(str(starting)):
            problems.append(AllegroProblem("VALIDATION_ERROR", f"The {name} of an auction must be above its "
                                           "starting price.", path=f"sellingMode.{kind}"))
    if int((offer.get("stock") or {}).get("available") or 0) > 1:
        problems.append(AllegroProblem("VALIDATION_ERROR", "An auction sells exactly one item.",
                                       path="stock.available", user_message="W licytacji możesz wystawić tylko "
                                       "jedną sztukę."))
    duration = (offer.get("publication") or {}).get("duration")
    try:
        days = parse_duration(duration) / _DAY_MS if duration else None
    except ValueError:
        days = None
    if days not in AUCTION_DAYS:
        problems.append(AllegroProblem("VALIDATION_ERROR", "An auction lasts 1, 3, 5, 7 or 10 days "
                                       "(publication.duration).", path="publication.duration"))
    return problems


def _marker(world: World, name: str) -> int:
    return world.ids.sequence(name)


def request_activation(world: World, owner: str, offer: Offer, at_ms: int | None = None) -> None:
    """Puts `offer` (being edited, saved by the caller) in ACTIVATING and schedules its activation."""
    publication = offer.setdefault("publication", {})
    now = world.clock.now_ms()
    starting = publication.get("startingAt")
    if at_ms is None and starting:
        at_ms = max(parse_time(starting), now)
    due = at_ms if at_ms is not None and at_ms > now else now + world.config.ms("jobDelay")
    scheduled = False
    if at_ms is not None and at_ms > now:
        scheduled = True
        publication["startingAt"] = iso(at_ms)
    # ACTIVATING is for a listing scheduled for later; one being processed now stays INACTIVE until it is listed
    # (allegro-api #11875).
    publication["status"] = "ACTIVATING" if scheduled else "INACTIVE"
    publication.pop("endedBy", None)
    offer.pop("_endedAt", None)
    offer.pop("_ending", None)
    marker = _marker(world, "offer-activation")
    offer["_activation"] = marker
    world.schedule(ACTIVATION_JOB, due - now, {"offerId": offer["id"], "marker": marker}, owner=owner)


def end(world: World, offer: Offer, ended_by: str) -> None:
    """Ends `offer` (being edited, saved by the caller)."""
    publication = offer.setdefault("publication", {})
    publication["status"] = "ENDED"
    publication["endedBy"] = ended_by
    offer["_endedAt"] = iso(world.clock.now_ms())
    offer.pop("_activation", None)
    offer.pop("_ending", None)


def schedule_end(world: World, owner: str, offer: Offer, at_ms: int, ended_by: str = "USER") -> None:
    marker = _marker(world, "offer-ending")
    offer["_ending"] = marker
    world.schedule(END_JOB, max(0, at_ms - world.clock.now_ms()),
                   {"offerId": offer["id"], "marker": marker, "endedBy": ended_by}, owner=owner)


def become_active(world: World, owner: str, offer: Offer) -> None:
    """ACTIVATING → ACTIVE (and ENDED by EMPTY_STOCK at once when there is nothing to sell)."""
    now = world.clock.now_ms()
    publication = offer.setdefault("publication", {})
    publication["status"] = "ACTIVE"
    publication.pop("endedBy", None)       # listed again (a One Fulfillment offer whose stock arrived)
    offer.pop("_endedAt", None)
    offer["_startedAt"] = iso(now)
    offer["_published"] = True
    offer.pop("_activation", None)
    for extra in (offer.get("additionalMarketplaces") or {}).values():
        extra["publication"] = {"state": "APPROVED"}
    marketplaces = publication.setdefault("marketplaces", {"base": {"id": model.base_marketplace(offer)}})
    marketplaces["additional"] = [{"id": m} for m in offer.get("additionalMarketplaces") or {}]
    if int((offer.get("stock") or {}).get("available") or 0) < 1:
        end(world, offer, "EMPTY_STOCK")
        return
    duration = publication.get("duration")
    if duration:
        ending = now + parse_duration(duration)
        publication["endingAt"] = iso(ending)
        schedule_end(world, owner, offer, ending, "EXPIRATION")


def _change_marked(world: World, job: Job, marker: str, statuses: tuple[str, ...],
                   change: Callable[[str, Offer], None]) -> None:
    """Changes and saves the job's offer, unless the offer no longer carries the job's `marker` or is not in one of
    `statuses`."""
    doc = world.store.get_doc(model.OFFER_KIND, job.payload["offerId"])
    if doc is None or doc.data.get(marker) != job.payload["marker"]:
        return
    owner, before, offer = model.edit(world, doc.id)
    if model.status_of(offer) not in statuses:
        return
    change(owner, offer)
    model.save(world, owner, before, offer)


def processing_failed(world: World, offer_id: str, error: str, *, activation: int | None = None) -> None:
    """The vendor's processing of the offer failed (its job raised, targ.jobs): the offer says so in
    `validation.errors`, where the vendor reports what went wrong once it has processed an offer (#9659, #9943), and
    the activation `activation` (a marker), if still pending, is dropped: the offer is not listed, INACTIVE."""
    doc = world.store.get_doc(model.OFFER_KIND, offer_id)
    if doc is None:
        return
    owner, before, offer = model.edit(world, doc.id)
    if activation is not None and offer.get("_activation") == activation:
        offer.pop("_activation")
        offer.setdefault("publication", {})["status"] = "INACTIVE"
    validation = offer.setdefault("validation", {"errors": [], "warnings": []})
    validation["errors"] = [*(validation.get("errors") or ()), internal_problem(error)]
    validation["validatedAt"] = iso(world.clock.now_ms())
    model.save(world, owner, before, offer)


def _activation_failed(world: World, job: Job, error: str) -> None:
    processing_failed(world, str(job.payload.get("offerId")), error, activation=job.payload.get("marker"))


@runs(ACTIVATION_JOB, on_failure=_activation_failed)
def _activate(world: World, job: Job) -> None:
    _change_marked(world, job, "_activation", ("ACTIVATING", "INACTIVE"),
                   lambda owner, offer: become_active(world, owner, offer))


@runs(END_JOB)
def _end(world: World, job: Job) -> None:
    _change_marked(world, job, "_ending", model.LIVE, lambda _owner, offer: end(world, offer, job.payload["endedBy"]))
