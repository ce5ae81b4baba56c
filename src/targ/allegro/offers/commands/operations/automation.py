"""Price automation: `POST /sale/offer-price-automation-commands` sets or removes an offer's automatic pricing rule
per marketplace, and `GET /sale/price-automation/offers/{offerId}/rules` reads what is set.

The command's id is the body's `id` (the client's) or a new UUID; the id rules of every command apply. Rules must be
the seller's (its own or Allegro's four defaults, the settings engine's `price-automation-rules`), a price range's
minimum must not exceed its maximum, and an offer must be listed on the marketplace (else its task fails). The rule
is kept in the offer (`_automation`, per marketplace); `GET /sale/offers` filters on it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.offers import model, references
from targ.allegro.offers.commands.base import Family, TaskFailure, register, register_command
from targ.allegro.offers.documents import Offer
from targ.allegro.sellers import MARKETPLACES
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

FAMILY = "automation"
RULES = "price-automation-rules"


def _invalid(message: str, path: str) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", message, path=path)


def _validate(req: Request, body: Json) -> None:
    seller = model.seller(req)
    modification = body.get("modification") or {}
    for verb in ("set", "remove"):
        for i, entry in enumerate(modification.get(verb) or ()):
            where = f"modification.{verb}[{i}]"
            if entry["marketplace"]["id"] not in MARKETPLACES:
                raise _invalid(f"Unknown marketplace {entry['marketplace']['id']}.", f"{where}.marketplace.id")
            if verb == "remove":
                continue
            rule_id = str(entry["rule"]["id"])
            if references.owned_item(req.world, seller.id, RULES, rule_id, req) is None:
                raise _invalid(f"Rule {rule_id} not found.", f"{where}.rule.id")
            price_range = (entry.get("configuration") or {}).get("priceRange")
            if price_range and Decimal(price_range["minPrice"]["amount"]) > Decimal(price_range["maxPrice"]["amount"]):
                raise _invalid("The minimum price must not exceed the maximum price.",
                               f"{where}.configuration.priceRange")


def _apply(world: World, owner: str, offer: Offer, body: Json) -> None:
    rules = offer.setdefault("_automation", {})
    now = iso(world.clock.now_ms())
    listed = {model.base_marketplace(offer), *(offer.get("additionalMarketplaces") or {})}
    for entry in (body.get("modification") or {}).get("set") or ():
        marketplace = entry["marketplace"]["id"]
        if marketplace not in listed:
            raise TaskFailure("VALIDATION_ERROR", f"The offer is not listed on {marketplace}.",
                              "modification.set.marketplace.id")
        rules[marketplace] = {"marketplace": {"id": marketplace}, "rule": {"id": entry["rule"]["id"]},
                              **({"configuration": entry["configuration"]} if entry.get("configuration") else {}),
                              "updatedAt": now}
    for entry in (body.get("modification") or {}).get("remove") or ():
        rules.pop(entry["marketplace"]["id"], None)


register(Family(FAMILY, _apply, _validate),
         None, "getofferAutomaticPricingModificationCommandStatusUsingGET",
         "getofferAutomaticPricingModificationCommandTasksStatusesUsingGET")


@handler("allegro", "offerAutomaticPricingModificationCommandUsingPOST")
def post(req: Request) -> Reply:
    command_id = req.body.get("id") or req.world.ids.uuid("offer-price-automation-command")
    return register_command(req, FAMILY, str(command_id), req.body)




@handler("allegro", "getAutomaticPricingRulesForOfferUsingGET")
def offer_rules(req: Request) -> Reply:
    offer = model.owned(req, model.seller(req).id)
    rules = list((offer.get("_automation") or {}).values())
    updated = max([r["updatedAt"] for r in rules], default=offer.get("updatedAt") or iso(req.world.clock.now_ms()))
    return Reply({"rules": rules, "updatedAt": updated})
