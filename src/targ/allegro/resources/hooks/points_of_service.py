"""Points of service: the list is by seller (`seller.id` is required: an unknown seller → 404) and `countryCode`
(an unsupported code gives an empty list); the only point type is PICKUP_POINT; `locations`, `createdAt` and
`updatedAt` are Allegro's. A point similar to an existing one of the seller (same name and address) → 409 with the
existing point's URL in `Location`, as the create and update operations document."""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import AllegroError
from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.model import Doc, Hooks
from targ.allegro.resources.shape import array_property, project, response_schema
from targ.allegro.sellers import get_seller
from targ.http.request import Reply

POINT_TYPES = ("PICKUP_POINT",)
STATUSES = ("ACTIVE", "TEMPORARILY_CLOSED", "CLOSED_DOWN", "DELETED")
CONFIRMATIONS = ("AWAIT_CONTACT", "CALL_US", "CONTACT_NOT_REQUIRED")


def _place(doc: Doc) -> tuple[Any, ...]:
    address = doc.get("address") or {}
    return (str(doc.get("name", "")).casefold(), *(str(address.get(k, "")).casefold()
                                                  for k in ("street", "city", "zipCode", "countryCode")))


class PosHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        for field, allowed in (("type", POINT_TYPES), ("status", STATUSES), ("confirmationType", CONFIRMATIONS)):
            if doc[field] not in allowed:
                raise ctx.invalid(f"{field} must be one of {', '.join(allowed)}.", field)
        doc.pop("locations", None)
        similar = next((d for d in engine.docs_of(ctx) if d["id"] != doc["id"] and _place(d) == _place(doc)), None)
        if similar is not None:
            raise AllegroError(409, "CONFLICT", "Similar point of service already exists.", path="name",
                               headers=engine.location(ctx, similar, always=True))


def list_points(ctx: Ctx) -> Reply:
    seller_id = str(ctx.req.params["seller.id"])
    if get_seller(ctx.world, seller_id) is None:
        raise ctx.fail((404,), "NOT_FOUND", f"User {seller_id} not found.")
    country = ctx.req.params.get("countryCode")
    points = [d.data for d in ctx.store.find(ctx.res.kind, seller_id)]
    if country:
        points = [p for p in points if (p.get("address") or {}).get("countryCode") == country]
    _, items = array_property(response_schema(ctx.op))
    return Reply({"posList": [project(items, p) for p in points]})
