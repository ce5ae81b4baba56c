"""What offers point at in the seller's settings, checked through the resource engine (docs/resources.md).

Every served resource declares the offer paths that reference it (`used_by`: `delivery.shippingRates.id`,
`afterSalesServices.returnPolicy.id`, `sizeTable.id`, `productSet[].responsibleProducer.id`, ...). An offer body
may name a setting by id or, where the vendor allows it, by `name`; a name is resolved to the seller's item of that
name first. An id that is missing or another seller's is a 422 with the field's path. The seller's default items
(the One Fulfillment shipping-rate sets) are created first, as the engine does on any use of the resource.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.offers.documents import OfferView
from targ.allegro.resources import engine
from targ.allegro.resources.context import Bound, Ctx
from targ.allegro.resources.docpath import first, locate
from targ.allegro.resources.model import OFFER
from targ.allegro.resources.references import BOUND
from targ.http.request import Headers, Principal, Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

SHIPPING_RATES = "shipping-rates"
ONE_FULFILLMENT_SETS = ("One Fulfillment PL", "One Fulfillment International")


def settings_ctx(world: World, seller_id: str, bound: Bound, req: Request | None = None) -> Ctx:
    """An engine context acting for the seller (a request of the seller's, or one made up for seeding)."""
    if req is None or req.principal is None or req.principal.seller_id != seller_id:
        req = Request(world=world, method="GET", path="", headers=Headers([]), base_url="",
                      principal=Principal("allegro", seller_id))
    return Ctx(req, bound)


def ensure_defaults(world: World, seller_id: str, req: Request | None = None) -> None:
    """The seller's default settings (created once), and the demo One Fulfillment offer bound to its set."""
    for bound in BOUND.values():
        if bound.res.used_by:
            engine.ensure_defaults(settings_ctx(world, seller_id, bound, req))
    _bind_one_fulfillment_rates(world, seller_id)


def _bind_one_fulfillment_rates(world: World, seller_id: str) -> None:
    """Points One Fulfillment offers seeded before their seller's sets existed (demo offer C) at "One Fulfillment
    PL". This completes the seed rather than changing the offer: no event, no `updatedAt`. Done once per seller
    (only seeded offers can lack the reference: every other one is checked when it is written)."""
    marker = f"offers.one-fulfillment-bound:{seller_id}"
    if world.store.meta_get(marker):
        return
    world.store.meta_set(marker, True)
    rates = next((r["id"] for r in shipping_rates(world, seller_id) if r.get("name") == ONE_FULFILLMENT_SETS[0]
                  and (r.get("features") or {}).get("managedByAllegro")), None)
    for doc in world.store.find(OFFER, seller_id) if rates else ():
        if doc.data.get("oneFulfillment") and not first(doc.data, "delivery.shippingRates.id"):
            doc.data.setdefault("delivery", {})["shippingRates"] = {"id": rates}
            world.store.put(OFFER, doc.id, doc.data, owner=seller_id)


def owned_item(world: World, seller_id: str, resource: str, key: str, req: Request | None = None) -> Json | None:
    """The seller's item of a served resource (its defaults created first), or None."""
    bound = BOUND[resource]
    engine.ensure_defaults(settings_ctx(world, seller_id, bound, req))
    doc = world.store.get_doc(bound.kind, key)
    return doc.data if doc is not None and doc.owner == seller_id else None


def shipping_rates(world: World, seller_id: str) -> list[Json]:
    return [d.data for d in world.store.find(BOUND[SHIPPING_RATES].kind, seller_id)]


def _by_name(world: World, seller_id: str, bound: Bound, name: str) -> str | None:
    return next((d.id for d in world.store.find(bound.kind, seller_id) if d.data.get("name") == name), None)


def resolve(world: World, seller_id: str, offer: OfferView, req: Request | None = None) -> None:
    """Replaces setting names by ids in `offer` and checks every referenced id is the seller's."""
    ensure_defaults(world, seller_id, req)
    for bound in BOUND.values():
        for path in bound.res.used_by:
            holder, _, _ = path.rpartition(".")
            for where, obj in locate(offer, holder):
                if isinstance(obj, dict) and not obj.get("id") and obj.get("name"):
                    found = _by_name(world, seller_id, bound, str(obj["name"]))
                    if found is None:
                        raise AllegroError(422, "VALIDATION_ERROR",
                                           f"{bound.res.label} named {obj['name']!r} not found.",
                                           path=f"{where}.name")
                    obj.clear()
                    obj["id"] = found
            for where, value in locate(offer, path):
                doc = world.store.get_doc(bound.kind, str(value))
                if doc is None or doc.owner != seller_id:
                    raise AllegroError(422, "VALIDATION_ERROR", f"{bound.res.label} {value} not found.", path=where,
                                       user_message=f"Nie znaleziono: {bound.res.label} {value}.")
