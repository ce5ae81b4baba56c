"""Classified packages assigned to an offer (`/sale/offer-classifieds-packages/{offerId}`): only the seller's
classified offers (selling format ADVERTISEMENT) take packages; a PUT replaces the assignment. Package ids are
reference data (`Ref(..., "classified-package")`), checked once a module registers that lookup."""

from __future__ import annotations

from targ.allegro.resources.context import Ctx, owned_or_raise
from targ.allegro.resources.docpath import first
from targ.allegro.resources.model import OFFER, Doc, Hooks


class ClassifiedHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        offer = owned_or_raise(ctx, OFFER, doc["_offer"], "Classified")
        if first(offer, "sellingMode.format") != "ADVERTISEMENT":
            raise ctx.fail((404,), "NOT_FOUND", f"Classified {doc['_offer']} not found.")
        doc["extraPackages"] = [{"republish": False, **p} for p in doc.get("extraPackages") or ()]
