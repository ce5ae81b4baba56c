"""`/sale/offer-quantity-change-commands`: FIXED sets the available stock, GAIN adds to it (or takes away).

A listed offer keeps at least one unit (the vendor's AvailableStockMustEqualToOneOrBeGreaterThanOne); a One
Fulfillment offer's stock follows the warehouse and cannot be set (the guide): both fail the offer's task.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.offers import model, onefulfillment
from targ.allegro.offers.commands.base import Family, TaskFailure, register
from targ.allegro.offers.documents import Offer
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

FAMILY = "quantity"


def _validate(req: Request, body: Json) -> None:
    modification = body.get("modification") or {}
    if modification.get("changeType") not in ("FIXED", "GAIN"):
        raise AllegroError(422, "VALIDATION_ERROR", "modification.changeType must be FIXED or GAIN.",
                           path="modification.changeType")
    value = modification.get("value")
    if not isinstance(value, int) or (modification["changeType"] == "FIXED" and value < 0):
        raise AllegroError(422, "VALIDATION_ERROR", "modification.value must be a whole number (FIXED: 0 or more).",
                           path="modification.value")


def _apply(world: World, owner: str, offer: Offer, body: Json) -> None:
    if model.is_one_fulfillment(offer):
        raise TaskFailure.of(onefulfillment.RULES["StockChange"].error())
    modification = body["modification"]
    stock = offer.setdefault("stock", {"unit": "UNIT"})
    current = int(stock.get("available") or 0)
    wanted = modification["value"] if modification["changeType"] == "FIXED" else current + modification["value"]
    if wanted < 0:
        raise TaskFailure("VALIDATION_ERROR", "The quantity cannot be negative.", "stock.available")
    if wanted < 1 and model.status_of(offer) in model.LIVE:
        raise TaskFailure("AvailableStockMustEqualToOneOrBeGreaterThanOne",
                          "The listed quantity cannot be less than 1.", "stock.available")
    stock["available"] = wanted


register(Family(FAMILY, _apply, _validate),
         "quantityModificationCommandUsingPUT", "getQuantityModificationCommandStatusUsingGET",
         "getQuantityModificationCommandTasksStatusesUsingGET")
