"""Promotion packages of offers: `GET /sale/offers/{offerId}/promo-options`, `POST …/promo-options-modification`
and `GET /sale/offers/promo-options` (every offer of the seller that has a package).

Packages come from the reference dataset (`promotionPackages`: base and extra packages with their cycle). An offer
keeps per marketplace (`_promo`) its base package, extra packages and pending changes:
* CHANGE sets the base package (replacing another) or adds an extra one, valid from now, next cycle after the
  package's `cycleDuration`;
* REMOVE_NOW drops the package; REMOVE_WITH_END_OF_CYCLE keeps it until its next cycle (`validTo`).
An unknown package id (or a package of the other type) is a 422.
"""

from __future__ import annotations

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.errors import AllegroError
from targ.allegro.offers import model
from targ.allegro.offers.documents import OfferView
from targ.clock import iso, parse_duration
from targ.json_types import Json


def package(kind: str, package_id: str) -> Json | None:
    key = "basePackages" if kind == "BASE" else "extraPackages"
    return next((p for p in load(REFERENCE)["promotionPackages"][key] if p["id"] == package_id), None)


def checked_package(kind: str, package_id: str, path: str) -> Json:
    found = package(kind, package_id)
    if found is None:
        raise AllegroError(422, "VALIDATION_ERROR", f"Unknown {kind.lower()} promotion package {package_id}.",
                           path=path)
    return found


def _option(now_ms: int, found: Json) -> Json:
    return {"id": found["id"], "validFrom": iso(now_ms), "nextCycleDate": iso(now_ms + parse_duration(
        found["cycleDuration"]))}


def change(options: Json, modification: Json, now_ms: int, where: str) -> None:
    """One PromoOptionsModification applied to one marketplace's options (in place)."""
    kind, package_id = modification.get("packageType", "BASE"), str(modification.get("packageId"))
    found = checked_package(kind, package_id, f"{where}.packageId")
    extras: list[Json] = options.setdefault("extraPackages", [])
    current = options.get("basePackage") if kind == "BASE" else next((p for p in extras if p["id"] == package_id),
                                                                     None)
    action = modification.get("modificationType", "CHANGE")
    if action == "CHANGE":
        if kind == "BASE":
            options["basePackage"] = _option(now_ms, found)
        elif current is None:
            extras.append(_option(now_ms, found))
    elif current is None or current["id"] != package_id:
        raise AllegroError(422, "VALIDATION_ERROR", f"The offer has no {kind.lower()} package {package_id}.",
                           path=f"{where}.packageId")
    elif action == "REMOVE_NOW":
        if kind == "BASE":
            options.pop("basePackage", None)
        else:
            extras.remove(current)
    else:
        current["validTo"] = current["nextCycleDate"]


def view(offer: OfferView) -> Json:
    """OfferPromoOptions."""
    promo = offer.get("_promo") or {}
    base = model.base_marketplace(offer)

    def block(marketplace: str) -> Json:
        options = promo.get(marketplace) or {}
        out: Json = {k: options[k] for k in ("basePackage", "pendingChanges") if options.get(k)}
        out["extraPackages"] = options.get("extraPackages") or []
        return out
    return {"offerId": offer["id"], "marketplaceId": base, **block(base),
            "additionalMarketplaces": [{"marketplaceId": m, **block(m)} for m in promo if m != base]}
