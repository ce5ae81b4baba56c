"""`/sale/offers/promo-options-commands`: the same promotion packages for many offers.

`modification` sets the base marketplace's packages, `additionalMarketplaces[]` those of other marketplaces the
offers are listed on: the base package (replacing the current one) and the extra packages (replacing them all).
With `modificationTime: END_OF_CYCLE` a new base package waits in `pendingChanges` (targ does not roll cycles).
Reports use the promotion shapes: PromoGeneralReport (no dates) and PromoModificationReport (tasks per offer with
DONE / ERROR / IN_PROGRESS, the command's modification echoed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.offers import model, promo
from targ.allegro.offers.commands.base import (
    Family,
    TaskFailure,
    general_report,
    register,
)
from targ.allegro.offers.documents import Offer
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

FAMILY = "promo"
_STATUS = {"NEW": "IN_PROGRESS", "SUCCESS": "DONE", "FAIL": "ERROR"}


def _blocks(body: Json) -> list[tuple[str | None, Json, str]]:
    """(marketplace or None for the base one, modification, its path) of a command body."""
    out: list[tuple[str | None, Json, str]] = []
    if body.get("modification"):
        out.append((None, body["modification"], "modification"))
    for i, extra in enumerate(body.get("additionalMarketplaces") or ()):
        out.append((extra.get("marketplaceId"), extra.get("modification") or {},
                    f"additionalMarketplaces[{i}].modification"))
    return out


def _validate(req: Request, body: Json) -> None:
    for _, modification, where in _blocks(body):
        if modification.get("basePackage"):
            promo.checked_package("BASE", str(modification["basePackage"].get("id")), f"{where}.basePackage.id")
        for j, extra in enumerate(modification.get("extraPackages") or ()):
            promo.checked_package("EXTRA", str(extra.get("id")), f"{where}.extraPackages[{j}].id")


def _apply(world: World, owner: str, offer: Offer, body: Json) -> None:
    now = world.clock.now_ms()
    options = offer.setdefault("_promo", {})
    for marketplace, modification, _ in _blocks(body):
        market = marketplace or model.base_marketplace(offer)
        if market != model.base_marketplace(offer) and market not in (offer.get("additionalMarketplaces") or {}):
            raise TaskFailure("VALIDATION_ERROR", f"The offer is not listed on {market}.", "marketplaceId")
        mine = options.setdefault(market, {})
        try:
            if modification.get("basePackage"):
                change = {"modificationType": "CHANGE", "packageType": "BASE",
                          "packageId": modification["basePackage"]["id"]}
                if modification.get("modificationTime") == "END_OF_CYCLE" and mine.get("basePackage"):
                    mine["pendingChanges"] = {"basePackage": {"id": modification["basePackage"]["id"]}}
                else:
                    promo.change(mine, change, now, "modification")
            if "extraPackages" in modification:
                mine["extraPackages"] = []
                for extra in modification["extraPackages"] or ():
                    promo.change(mine, {"modificationType": "CHANGE", "packageType": "EXTRA",
                                        "packageId": extra["id"]}, now, "modification")
        except AllegroError as error:
            raise TaskFailure.of(error) from None


def _report(command: Json) -> Json:
    general = general_report(command)
    return {"id": general["id"], "taskCount": general["taskCount"]}


def _task(command: Json, task: Json) -> Json:
    row = {"offer": {"id": task["offer"]["id"]}, "marketplaceId": task.get("marketplaceId", "allegro-pl"),
           "scheduledAt": task["scheduledAt"], "status": _STATUS[task["status"]], "errors": task.get("errors") or []}
    if task.get("finishedAt"):
        row["finishedAt"] = task["finishedAt"]
    return row


register(Family(FAMILY, _apply, _validate, report=_report, task=_task),
         "promoModificationCommandUsingPUT", "getPromoModificationCommandResultUsingGET",
         "getPromoModificationCommandDetailedResultUsingGET")
