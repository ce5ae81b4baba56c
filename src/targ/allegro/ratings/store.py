"""How sales ratings are kept: one document of kind `user_rating` per rated order (id = the rating id, owner = the
rated seller, alt = the order id), holding the `UserRating` exactly as `GET /sale/user-ratings/{ratingId}` shows it
in the public media type, plus:

* `removedBy` - `BUYER` or `BUYER_DUE_TO_COMPENSATION` once the buyer withdrew the rating (the ratings summary counts
  it as removed; the seller no longer sees it);
* `_targ` (never sent): `seller`, `language` (of the order's marketplace: the comment's and the answer's),
  `justifications` (the beta type's `[{text, visibleForBuyer}]`), `createdMs`, `changedMs` (ms of `createdAt` and
  `lastChangedAt`), `negativeSinceMs` (when it last became negative: the removal window counts from then),
  `removedAt`.

These are the documents the ratings summary, sales quality and Smart! classification read
(targ.allegro.catalog.derived): a rating the buyer gives here counts there at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.catalog.derived.common import USER_RATING_KIND
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

DAY_MS = 86_400_000
# The vendor's rating ids are 24 hex digits (MongoDB object ids: the spec's example `5df0a6d1ef437e00255572a1`).
ID_LENGTH = 24
# Languages of the comment and the answer, by the order's marketplace (the beta type's `language`: "pl").
LANGUAGES = {"allegro-pl": "pl", "allegro-cz": "cs", "allegro-sk": "sk", "allegro-hu": "hu"}
REMOVED_BY_BUYER = ("BUYER", "BUYER_DUE_TO_COMPENSATION")


def new_id(world: World) -> str:
    return world.ids.hex(USER_RATING_KIND, ID_LENGTH)


def save(world: World, rating: Json) -> None:
    world.store.put(USER_RATING_KIND, rating["id"], rating, owner=rating["_targ"]["seller"],
                    alt=rating["order"]["id"])


def get(world: World, rating_id: str) -> tuple[str, Json] | None:
    """(seller, rating) for any rating id, withdrawn ones included."""
    doc = world.store.get_doc(USER_RATING_KIND, rating_id)
    return (doc.owner, doc.data) if doc is not None else None


def for_order(world: World, seller: str, order_id: str) -> Json | None:
    """The rating of an order (one per order, withdrawn or not)."""
    doc = world.store.get_by_alt(USER_RATING_KIND, seller, order_id)
    return doc.data if doc is not None else None


def of_seller(world: World, seller: str) -> list[Json]:
    """Every rating the seller received, withdrawn ones included."""
    return [d.data for d in world.store.find(USER_RATING_KIND, seller)]


def withdrawn(rating: Json) -> bool:
    return rating.get("removedBy") in REMOVED_BY_BUYER


def created_ms(rating: Json) -> int:
    return int(rating["_targ"]["createdMs"])


def changed_ms(rating: Json) -> int:
    return int(rating["_targ"]["changedMs"])
