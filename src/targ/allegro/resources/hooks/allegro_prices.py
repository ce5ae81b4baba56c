"""Allegro Prices consents: the account's, and each offer's, on the base marketplace (`status`) and on the seller's
other marketplaces (`additionalMarketplaces`).

Participation is opt-in: an account starts DENIED everywhere; an offer follows the account until its own consent
is set. A PUT changes only the marketplaces it names; a marketplace the seller doesn't sell on → 422. Eligibility
is derived: the account's consent, and QUALIFIED on a marketplace where the seller has an active offer listed there.
"""

from __future__ import annotations

from typing import Any

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx, owned_or_raise
from targ.allegro.resources.docpath import values_at
from targ.allegro.resources.hooks.delivery import seller_of
from targ.allegro.resources.model import OFFER, Doc
from targ.allegro.sellers import MARKETPLACES
from targ.http.request import Reply

ACCOUNT = "account"  # the key of the account's consent; offers are keyed by their id
DENIED = "DENIED"


def _marketplaces(ctx: Ctx) -> tuple[str, list[str]]:
    base = seller_of(ctx).get("baseMarketplace", {}).get("id", "allegro-pl")
    return base, [m for m in MARKETPLACES if m != base]


def _stored(ctx: Ctx, key: str) -> Doc | None:
    return ctx.store.get(ctx.res.kind, engine.store_id(ctx, key))


def _consent(ctx: Ctx, key: str) -> Doc:
    """The stored consent, completed from the account's (an offer) or DENIED (the account)."""
    others = _marketplaces(ctx)[1]
    fallback: dict[str, Any] = _consent(ctx, ACCOUNT) if key != ACCOUNT else {
        "status": DENIED, "additionalMarketplaces": {m: {"status": DENIED} for m in others}}
    stored = _stored(ctx, key) or {}
    extra = {**fallback["additionalMarketplaces"], **(stored.get("additionalMarketplaces") or {})}
    return {"_key": key, "status": stored.get("status", fallback["status"]), "additionalMarketplaces": extra}


def _change(ctx: Ctx, key: str) -> Reply:
    body: dict[str, Any] = ctx.req.body or {}
    _, others = _marketplaces(ctx)
    for marketplace in body.get("additionalMarketplaces") or {}:
        if marketplace not in others:
            raise ctx.invalid(f"Marketplace {marketplace} is not one of the seller's additional marketplaces.",
                              f"additionalMarketplaces.{marketplace}")
    stored = _stored(ctx, key) or {"_key": key}
    changed = {**stored, "additionalMarketplaces": {**(stored.get("additionalMarketplaces") or {}),
                                                    **(body.get("additionalMarketplaces") or {})}}
    if "status" in body:
        changed["status"] = body["status"]
    engine.save(ctx, changed)
    return Reply(engine.view(ctx, _consent(ctx, key)))


def _offer(ctx: Ctx) -> str:
    offer_id = str(ctx.req.params["offerId"])
    owned_or_raise(ctx, OFFER, offer_id, "Offer")
    return offer_id


def offer_consent(ctx: Ctx) -> Reply:
    return Reply(engine.view(ctx, _consent(ctx, _offer(ctx))))


def change_offer_consent(ctx: Ctx) -> Reply:
    return _change(ctx, _offer(ctx))


def change_account_consent(ctx: Ctx) -> Reply:
    return _change(ctx, ACCOUNT)


def eligibility(ctx: Ctx) -> Reply:
    base, others = _marketplaces(ctx)
    consent = _consent(ctx, ACCOUNT)
    listed: set[str] = set()
    for offer in ctx.store.find(OFFER, ctx.seller):
        if values_at(offer.data, "publication.status") == ["ACTIVE"]:
            listed.update(map(str, values_at(offer.data, "publication.marketplaces.base.id")))
            listed.update(map(str, values_at(offer.data, "publication.marketplaces.additional[].id")))

    def qualification(marketplace: str) -> dict[str, str]:
        return {"status": "QUALIFIED" if marketplace in listed else "DISQUALIFIED"}
    return Reply({"consent": consent["status"], "qualification": qualification(base),
                  "additionalMarketplaces": {m: {"consent": consent["additionalMarketplaces"][m]["status"],
                                                 "qualification": qualification(m)} for m in others}})
