"""The seller's side of a rating: the list (newest change first, with the spec's filters), the answer (once) and the
request to remove a negative rating (once, while `removal.possibleTo` has not passed). Each function checks
everything before it writes; errors are the vendor's (targ.allegro.ratings.errors)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.ratings import errors, store
from targ.allegro.ratings.rules import removal_deadline
from targ.allegro.ratings.store import Json
from targ.clock import iso

if TYPE_CHECKING:
    from targ.world import World

def listing(world: World, seller: str, recommended: bool | None, since: int | None, until: int | None) -> list[Json]:
    """The seller's ratings (withdrawn ones left out), "sorted by last change date, starting from the latest" (the
    spec); `lastChangedAt.gte`/`.lte` are inclusive bounds."""
    found = [r for r in reversed(store.of_seller(world, seller))
             if not store.withdrawn(r)
             and (recommended is None or r["recommended"] is recommended)
             and (since is None or store.changed_ms(r) >= since)
             and (until is None or store.changed_ms(r) <= until)]
    # Newest change first; ratings changed at the same instant, the later given first (the store keeps them in the
    # order they were given, and the sort is stable).
    found.sort(key=store.changed_ms, reverse=True)
    return found


def own(world: World, seller: str, rating_id: str) -> Json:
    """The seller's rating: unknown, withdrawn and other sellers' ratings are all 404."""
    found = store.get(world, rating_id)
    if found is None or found[0] != seller or store.withdrawn(found[1]):
        raise errors.not_found(rating_id)
    return found[1]


def _text(value: object, path: str) -> str:
    text = str(value)
    if "\r" in text:
        raise errors.bad_request()
    if not text.strip():
        raise errors.blank(path)
    return text


def answer(world: World, rating: Json, message: object) -> Json:
    """The seller's one answer to a rating; the `Answer` as stored. Not a change of the rating (its `lastChangedAt`
    is the buyer's)."""
    text = _text(message, "message")
    if "answer" in rating:
        raise errors.refused("answered", f"Rating {rating['id']} has already been answered.")
    rating["answer"] = {"createdAt": iso(world.clock.now_ms()), "message": text}
    store.save(world, rating)
    return dict(rating["answer"])


def request_removal(world: World, rating: Json, message: object) -> Json:
    """The seller asks the buyer to remove a negative rating; the `Removal` as stored."""
    text = _text(message, "request.message")
    removal = rating.get("removal")
    if rating["recommended"] or removal is None:
        raise errors.refused("positive", f"Rating {rating['id']} is not a negative rating: there is nothing to "
                             "request the removal of.")
    if "request" in removal:
        raise errors.refused("requested", f"Removal of rating {rating['id']} has already been requested.")
    now = world.clock.now_ms()
    if now > removal_deadline(rating):
        raise errors.refused("too_late", f"Removal of rating {rating['id']} could be requested until "
                             f"{removal['possibleTo']}.")
    removal["request"] = {"createdAt": iso(now), "message": text, "source": "SELLER"}
    store.save(world, rating)
    return {"possibleTo": removal["possibleTo"], "request": dict(removal["request"])}

