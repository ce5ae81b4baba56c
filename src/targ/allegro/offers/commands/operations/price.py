"""Price changes: the batch `/sale/offer-price-change-commands` and the single-offer
`PUT /offers/{offerId}/change-price-commands/{commandId}` of the older API.

Batch modifications: FIXED_PRICE (`price`), INCREASE_PRICE / DECREASE_PRICE (`value`), INCREASE_PERCENTAGE /
DECREASE_PERCENTAGE (`percentage`), on the base marketplace or `marketplaceId`. Amounts are decimal and rounded half
up to the grosz; a result that is not above zero, a currency other than the marketplace's, or a marketplace the offer
is not listed on fails the offer's task. The single-offer command answers `VALIDATED_AND_RUNNING` (the vendor's
status for an accepted change) and applies the price in a job; repeating it shows SUCCESSFUL or ERROR.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroError
from targ.allegro.failures import internal_problem
from targ.allegro.offers import model
from targ.allegro.offers.commands import base
from targ.allegro.offers.commands.base import Family, TaskFailure, register
from targ.allegro.offers.documents import Offer
from targ.allegro.sellers import MARKETPLACES
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

FAMILY = "price"
SINGLE = "change-price"
SINGLE_JOB = "allegro.offer-change-price"
HOLDERS = {"FIXED_PRICE": "price", "INCREASE_PRICE": "value", "DECREASE_PRICE": "value",
           "INCREASE_PERCENTAGE": "percentage", "DECREASE_PERCENTAGE": "percentage"}
CENT = Decimal("0.01")


def _decimal(value: Any, path: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise AllegroError(422, "VALIDATION_ERROR", f"'{value}' is not a valid number.", path=path) from None
    if not number.is_finite() or number <= 0:
        raise AllegroError(422, "VALIDATION_ERROR", "The value must be greater than zero.", path=path)
    return number


def _validate(req: Request, body: Json) -> None:
    modification = body.get("modification") or {}
    kind = modification.get("type")
    holder = HOLDERS.get(kind or "")
    if holder is None:
        raise AllegroError(422, "VALIDATION_ERROR", f"Unknown price modification type {kind!r}.",
                           path="modification.type")
    if modification.get("marketplaceId") and modification["marketplaceId"] not in MARKETPLACES:
        raise AllegroError(422, "VALIDATION_ERROR", f"Unknown marketplace {modification['marketplaceId']}.",
                           path="modification.marketplaceId")
    value = modification.get(holder)
    if value is None:
        raise AllegroError(422, "VALIDATION_ERROR", f"modification.{holder} is required for {kind}.",
                           path=f"modification.{holder}")
    if holder == "percentage":
        _decimal(value, "modification.percentage")
    else:
        _decimal(value.get("amount"), f"modification.{holder}.amount")


def new_price(current: Json | None, modification: Json, currency: str) -> Decimal:
    """The price a modification gives, or TaskFailure."""
    kind = modification["type"]
    holder = HOLDERS[kind]
    if holder != "percentage" and modification[holder].get("currency") != currency:
        raise TaskFailure("VALIDATION_ERROR", f"The price must be given in {currency}.",
                          f"modification.{holder}.currency")
    if kind == "FIXED_PRICE":
        return Decimal(str(modification["price"]["amount"])).quantize(CENT, ROUND_HALF_UP)
    if current is None:
        raise TaskFailure("VALIDATION_ERROR", "The offer has no price to change.", "sellingMode.price")
    amount = Decimal(str(current["amount"]))
    if holder == "value":
        change = Decimal(str(modification["value"]["amount"]))
    else:
        change = amount * Decimal(str(modification["percentage"])) / 100
    result = (amount + change if kind.startswith("INCREASE") else amount - change).quantize(CENT, ROUND_HALF_UP)
    if result <= 0:
        raise TaskFailure("VALIDATION_ERROR", "The new price must be greater than zero.", "sellingMode.price.amount")
    return result


def _apply(world: World, owner: str, offer: Offer, body: Json) -> None:
    modification = body["modification"]
    marketplace = modification.get("marketplaceId") or model.base_marketplace(offer)
    currency = model.currency_of(marketplace)
    if marketplace == model.base_marketplace(offer):
        selling = offer.setdefault("sellingMode", {})
    elif marketplace in (offer.get("additionalMarketplaces") or {}):
        selling = offer["additionalMarketplaces"][marketplace].setdefault("sellingMode", {})
    else:
        raise TaskFailure("VALIDATION_ERROR", f"The offer is not listed on {marketplace}.",
                          "modification.marketplaceId")
    price = new_price(selling.get("price"), modification, currency)
    selling["price"] = {"amount": str(price), "currency": currency}


register(Family(FAMILY, _apply, _validate),
         "priceModificationCommandUsingPUT", "getPriceModificationCommandStatusUsingGET",
         "getPriceModificationCommandTasksStatusesUsingGET")





# --- the single-offer command of the older API ------------------------------------------------------------------
def _single_view(command: Json) -> Json:
    return {"id": command["id"], "input": command["input"]["input"], "output": command["output"]}


@handler("allegro", "createChangePriceCommandUsingPUT")
def change_price(req: Request) -> Reply:
    world, seller = req.world, model.seller(req)
    offer = model.owned(req, seller.id)
    command_id = req.param("commandId")
    body = {**req.body, "offerId": offer["id"]}
    key = f"{SINGLE}/{command_id}"
    existing = base.registered(world, key, seller.id, body)
    if existing is not None:
        return Reply(_single_view(existing))
    if req.body.get("id") not in (None, command_id):
        raise AllegroError(422, "VALIDATION_ERROR", "The id in the body differs from the command id.", path="id")
    price = req.body["input"]["buyNowPrice"]
    _decimal(price.get("amount"), "input.buyNowPrice.amount")
    command = {"id": command_id, "family": SINGLE, "input": body, "_body": base.canonical(body),
               "createdAt": iso(world.clock.now_ms()), "output": {"status": "VALIDATED_AND_RUNNING", "errors": []}}
    world.store.put(base.COMMAND_KIND, key, command, owner=seller.id)
    world.schedule(SINGLE_JOB, world.config.ms("jobDelay"), {"key": key}, owner=seller.id)
    return Reply(_single_view(command))


def _single_failed(world: World, job: Job, error: str) -> None:
    """The command's output is ERROR with the error (the vendor's ProcessingStatus for a command that failed)."""
    doc = world.store.get_doc(base.COMMAND_KIND, str(job.payload.get("key")))
    if doc is None:
        return
    command = {**doc.data, "output": {"status": "ERROR", "errors": [internal_problem(error)]}}
    world.store.put(base.COMMAND_KIND, doc.id, command, owner=doc.owner)


@runs(SINGLE_JOB, on_failure=_single_failed)
def _run_single(world: World, job: Job) -> None:
    doc = world.store.get_doc(base.COMMAND_KIND, job.payload["key"])
    if doc is None:
        return
    command = doc.data
    price = command["input"]["input"]["buyNowPrice"]
    task: Json = {"offer": {"id": command["input"]["offerId"]}}
    body = {"modification": {"type": "FIXED_PRICE", "price": price}}
    base.run_task(world, base.FAMILIES[FAMILY], doc.owner, task, body)
    command["output"] = {"status": "SUCCESSFUL" if task["status"] == "SUCCESS" else "ERROR",
                         "errors": task.get("errors") or []}
    world.store.put(base.COMMAND_KIND, doc.id, command, owner=doc.owner)
