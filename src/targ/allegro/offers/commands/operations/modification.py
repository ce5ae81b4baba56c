"""`/sale/offer-modification-commands`: the same change to many offers (delivery, location, payments, size table,
duration, additional services, wholesale price list, responsible person/producer, safety information).

Every setting the modification names must be the seller's (checked at PUT, 422 with `modification.…` paths). Each
offer then takes the change, and a One Fulfillment offer (or one the change makes One Fulfillment) must still meet
the guide's rules: otherwise its task fails with the rule's error and the offer is left as it was.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, cast

from targ.allegro.errors import AllegroError
from targ.allegro.offers import attachments, model, onefulfillment, references
from targ.allegro.offers import draft as drafts
from targ.allegro.offers.commands.base import Family, TaskFailure, register
from targ.allegro.offers.documents import Offer
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

FAMILY = "modification"
# modification field → (offer field it sets, whether it goes on every productSet element)
TARGETS: dict[str, tuple[str, bool]] = {
    "additionalServicesGroup": ("additionalServices", False),
    "sizeTable": ("sizeTable", False),
    "location": ("location", False),
    "responsiblePerson": ("responsiblePerson", True),
    "responsibleProducer": ("responsibleProducer", True),
    "safetyInformation": ("safetyInformation", True),
}


def _apply_fields(offer: Json, modification: Json) -> None:
    """The modification's values written into `offer` (in place)."""
    for name, (target, per_product) in TARGETS.items():
        if name in modification:
            for holder in (offer.get("productSet") or []) if per_product else [offer]:
                holder[target] = dict(modification[name])
    delivery = modification.get("delivery") or {}
    if delivery:
        offer.setdefault("delivery", {}).update({k: dict(v) if isinstance(v, dict) else v
                                                for k, v in delivery.items()})
    if "discounts" in modification:
        offer["discounts"] = dict(modification["discounts"])
    payments = modification.get("payments") or {}
    if "invoice" in payments:
        offer.setdefault("payments", {})["invoice"] = payments["invoice"]
    if (payments.get("tax") or {}).get("percentage") is not None:
        rate = f"{Decimal(str(payments['tax']['percentage'])):.2f}"
        offer.setdefault("taxSettings", {})["rates"] = [{"rate": rate, "countryCode": "PL"}]
    duration = modification.get("publication") or {}
    if duration.get("durationUnlimited"):
        offer.setdefault("publication", {}).pop("duration", None)
    elif duration.get("duration"):
        offer.setdefault("publication", {})["duration"] = duration["duration"]


def _validate(req: Request, body: Json) -> None:
    modification = body.get("modification") or {}
    seller = model.seller(req)
    probe: Json = {"id": "", "productSet": [{}]}
    _apply_fields(probe, modification)
    try:
        references.resolve(req.world, seller.id, probe, req)
        attachments.check_offer(req.world, seller.id, probe)     # safety information's files
    except AllegroError as error:
        # Report the modification's own field, not the offer field it sets.
        problem = error.problems[0]
        path = str(problem.path or "").replace("productSet[0].", "").replace("additionalServices",
                                                                             "additionalServicesGroup")
        problem.path = f"modification.{path}"
        raise
    if onefulfillment.wants_one_fulfillment(req.world, probe):
        onefulfillment.check_access(seller)


def _apply(world: World, owner: str, offer: Offer, body: Json) -> None:
    try:
        # A modification writes the fields it names wherever they are, as a seller's body does: loose.
        _apply_fields(cast(Json, offer), body["modification"])
        references.resolve(world, owner, offer)     # a setting deleted since the command was accepted
        rates = ((offer.get("delivery") or {}).get("shippingRates") or {}).get("id")
        one_ff = onefulfillment.is_one_fulfillment_set(world, rates)
        if one_ff:
            onefulfillment.check(world, model.Seller(world, owner), offer, drafts.of_stored(world, owner, offer),
                                 creating=False)
    except AllegroError as error:
        raise TaskFailure.of(error) from None
    offer["oneFulfillment"] = one_ff


register(Family(FAMILY, _apply, _validate),
         "modificationCommandUsingPUT", "getGeneralReportUsingGET", "getTasksUsingGET")
