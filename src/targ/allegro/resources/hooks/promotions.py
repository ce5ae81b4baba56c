"""Rebates and promotions: offer bundles, loyalty promotions and turnover discounts, as the operations'
descriptions define them.

Bundles: at least two distinct offers of the seller, at least one entry point, `requiredQuantity` ≥ 1, at most one
discount per marketplace in that marketplace's currency. `publication` shows each marketplace (the base one and every
discounted one) as ACTIVE, or SUSPENDED while any of the offers is not active or out of stock; `createdBy` is USER.
`PUT /sale/bundles/{id}/discount` replaces all discounts.

Promotions: the seller's base marketplace must be allegro-pl (403 otherwise); one benefit and one offer criterion
whose types go together (LARGE_ORDER_DISCOUNT + ALL_OFFERS, at most one active; WHOLESALE_PRICE_LIST +
OFFERS_ASSIGNED_EXTERNALLY; UNIT_PERCENTAGE_DISCOUNT + CONTAINS_OFFERS, a MULTIPACK with one offer, a CROSS_MULTIPACK
with several). The list filters on that promotion type (required) and on `offer.id`; DELETE deactivates
(status INACTIVE), the promotion stays readable.

Turnover discounts (only `allegro-business-cz`, 404 "Marketplace not supported" for any other): a definition created
this month can be changed until the month ends; changing it later ends the current definition (turnover cumulated
until the end of this month, spent until the end of the next) and adds a new one from the next month. The status is
derived from the dates on the virtual clock: ACTIVATING before the first cumulation starts, DEACTIVATING after a
deactivation, ACTIVE otherwise; deactivating an ACTIVATING discount removes it at once (204).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.docpath import first, values_at
from targ.allegro.resources.hooks.delivery import amount, seller_of
from targ.allegro.resources.model import OFFER, Doc, Hooks
from targ.allegro.resources.shape import array_property, project, response_schema
from targ.allegro.sellers import MARKETPLACES
from targ.http.request import Reply

# --- offer bundles --------------------------------------------------------------------------------------------------


def check_discounts(ctx: Ctx, discounts: list[dict[str, Any]] | None) -> None:
    seen: set[str] = set()
    for i, discount in enumerate(discounts or ()):
        marketplace = discount["marketplace"]["id"]
        if marketplace not in MARKETPLACES:
            raise ctx.invalid(f"Marketplace {marketplace} is not supported.", f"discounts[{i}].marketplace.id")
        if marketplace in seen:
            raise ctx.invalid(f"Only one discount per marketplace ({marketplace}).", f"discounts[{i}].marketplace")
        seen.add(marketplace)
        if discount["currency"] != MARKETPLACES[marketplace]:
            raise ctx.invalid(f"Provided marketplace \u201e{marketplace}\u201d must have all monetary values in "
                              f"currency \u201e{MARKETPLACES[marketplace]}\u201d.", f"discounts[{i}].currency")
        if amount(ctx, discount["amount"], f"discounts[{i}].amount") <= 0:
            raise ctx.invalid("A discount must be greater than zero.", f"discounts[{i}].amount")


class BundleHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        offers = doc.get("offers") or []
        ids = [str(o["id"]) for o in offers]
        if len(set(ids)) < 2:
            raise ctx.invalid("A bundle has to contain at least two different offers.", "offers")
        if not any(o.get("entryPoint") for o in offers):
            raise ctx.invalid("At least one offer of a bundle has to be an entry point.", "offers")
        for i, offer in enumerate(offers):
            if offer["requiredQuantity"] < 1:
                raise ctx.invalid("requiredQuantity must be at least 1.", f"offers[{i}].requiredQuantity")
        check_discounts(ctx, doc.get("discounts"))
        doc.setdefault("discounts", [])
        doc["createdBy"] = "USER"

    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        base = seller_of(ctx).get("baseMarketplace", {}).get("id", "allegro-pl")
        marketplaces = dict.fromkeys([base, *values_at(doc, "discounts[].marketplace.id")])
        status = "ACTIVE" if all(_sellable(ctx, str(o["id"])) for o in doc.get("offers") or ()) else "SUSPENDED"
        return {**doc, "publication": [{"marketplace": {"id": m}, "status": status} for m in marketplaces]}


def _sellable(ctx: Ctx, offer_id: str) -> bool:
    offer = ctx.store.get(OFFER, offer_id) or {}
    return first(offer, "publication.status") == "ACTIVE" and (first(offer, "stock.available") or 0) > 0


def bundle_discount(ctx: Ctx) -> Reply:
    """`PUT /sale/bundles/{bundleId}/discount`: replaces the discounts on every marketplace."""
    doc = engine.owned(ctx, str(ctx.req.params["bundleId"]))
    discounts = (ctx.req.body or {}).get("discounts") or []
    check_discounts(ctx, discounts)
    return engine.reply(ctx, engine.save(ctx, {**doc, "discounts": discounts}))


# --- loyalty promotions ---------------------------------------------------------------------------------------------
_CRITERION = {"LARGE_ORDER_DISCOUNT": "ALL_OFFERS", "WHOLESALE_PRICE_LIST": "OFFERS_ASSIGNED_EXTERNALLY",
              "UNIT_PERCENTAGE_DISCOUNT": "CONTAINS_OFFERS"}


def promotion_type(doc: Doc) -> str | None:
    benefit = first(doc, "benefits[].specification.type")
    if benefit == "UNIT_PERCENTAGE_DISCOUNT":
        return "CROSS_MULTIPACK" if len(values_at(doc, "offerCriteria[].offers[].id")) > 1 else "MULTIPACK"
    return benefit


class PromotionHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        if seller_of(ctx).get("baseMarketplace", {}).get("id") != "allegro-pl":
            raise ctx.fail((403,), "AccessDenied", "Promotions can be created only on the allegro-pl marketplace.")
        if old is not None and old.get("status") == "INACTIVE":
            raise ctx.invalid(f"Promotion {old['id']} is not active.")
        benefits, criteria = doc.get("benefits") or [], doc.get("offerCriteria") or []
        if len(benefits) != 1 or len(criteria) != 1:
            raise ctx.invalid("A promotion has exactly one benefit and one offer criterion.", "benefits")
        benefit = benefits[0]["specification"]["type"]
        if benefit not in _CRITERION:
            raise ctx.invalid(f"Unsupported benefit type {benefit}.", "benefits[0].specification.type")
        if criteria[0]["type"] != _CRITERION[benefit]:
            raise ctx.invalid(f"A {benefit} promotion needs the {_CRITERION[benefit]} offer criterion.",
                              "offerCriteria[0].type")
        if benefit == "UNIT_PERCENTAGE_DISCOUNT" and not criteria[0].get("offers"):
            raise ctx.invalid("A multipack names its offers.", "offerCriteria[0].offers")
        if benefit == "LARGE_ORDER_DISCOUNT" and any(
                d["id"] != doc["id"] and d.get("status") == "ACTIVE" and promotion_type(d) == benefit
                for d in engine.docs_of(ctx)):
            raise ctx.invalid("You can have only one active large order discount.")
        doc["status"] = old["status"] if old else "ACTIVE"

    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        return {**doc, "_type": promotion_type(doc)}

    def delete(self, ctx: Ctx, doc: Doc) -> bool:
        engine.save(ctx, {**doc, "status": "INACTIVE"})
        return True


# --- turnover discounts ---------------------------------------------------------------------------------------------
TURNOVER_MARKETPLACES = ("allegro-business-cz",)


def _today(ctx: Ctx) -> date:
    return datetime.fromtimestamp(ctx.world.clock.now_ms() / 1000, UTC).date()


def _month(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date, months: int) -> date:
    return date.fromordinal(_month(day, months + 1).toordinal() - 1)


def turnover_status(ctx: Ctx, doc: Doc) -> str | None:
    definitions = doc.get("definitions") or []
    if not definitions:
        return None
    today = _today(ctx).isoformat()
    last = definitions[-1]
    if last.get("cumulatingToDate"):
        return "DEACTIVATING" if today <= (last.get("spendingToDate") or today) else None
    return "ACTIVATING" if today < definitions[0]["cumulatingFromDate"] else "ACTIVE"


def _supported(ctx: Ctx, marketplace: str) -> None:
    if marketplace not in TURNOVER_MARKETPLACES:
        raise ctx.fail((404,), "NOT_FOUND", f"Marketplace {marketplace} is not supported.")


class TurnoverHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        marketplace = doc["marketplaceId"]
        _supported(ctx, marketplace)
        thresholds = doc.pop("thresholds", None) or []
        currency = MARKETPLACES.get(marketplace.replace("allegro-business-", "allegro-", 1))
        for i, threshold in enumerate(thresholds):
            turnover = threshold.get("minimumTurnover") or {}
            amount(ctx, turnover.get("amount"), f"thresholds[{i}].minimumTurnover.amount")
            if turnover.get("currency") != currency:
                raise ctx.invalid(f"The currency of {marketplace} is {currency}.",
                                  f"thresholds[{i}].minimumTurnover.currency")
            amount(ctx, (threshold.get("discount") or {}).get("percentage"), f"thresholds[{i}].discount.percentage")
        today, now = _today(ctx), ctx.now()
        live = old is not None and turnover_status(ctx, old) is not None
        definitions = [dict(d) for d in (old or {}).get("definitions") or []] if live else []
        latest = definitions[-1] if definitions else None
        if latest and not latest.get("cumulatingToDate") and latest["createdAt"][:7] == today.isoformat()[:7]:
            latest.update(thresholds=thresholds, updatedAt=now)  # still this month's definition: changed in place
        else:
            if latest:
                latest.update(cumulatingToDate=_month_end(today, 0).isoformat(),
                              spendingToDate=_month_end(today, 1).isoformat(), updatedAt=now)
            definitions.append({"cumulatingFromDate": _month(today, 1).isoformat(), "cumulatingToDate": None,
                                "spendingFromDate": _month(today, 2).isoformat(), "spendingToDate": None,
                                "createdAt": now, "updatedAt": now, "thresholds": thresholds})
        doc["definitions"] = definitions[-3:]

    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        return {**doc, "status": turnover_status(ctx, doc)}


def list_turnover(ctx: Ctx) -> Reply:
    """Every supported marketplace asked for, with `status: null` where the seller has no live discount."""
    wanted = ctx.req.params.get("marketplaceId") or list(TURNOVER_MARKETPLACES)
    _, items = array_property(response_schema(ctx.op))
    out = []
    for marketplace in (m for m in TURNOVER_MARKETPLACES if m in wanted):
        found = ctx.store.get(ctx.res.kind, engine.store_id(ctx, marketplace))
        shown = ctx.res.hooks.render(ctx, found) if found else {}
        if shown.get("status") is None:
            shown = {"marketplaceId": marketplace, "status": None, "definitions": None}
        out.append(project(items, shown))
    return Reply(out)


def deactivate_turnover(ctx: Ctx) -> Reply:
    marketplace = str(ctx.req.params["marketplaceId"])
    _supported(ctx, marketplace)
    found = ctx.store.get(ctx.res.kind, engine.store_id(ctx, marketplace))
    status = turnover_status(ctx, found) if found else None
    if found is None or status is None:
        raise ctx.not_found(marketplace)
    if status == "ACTIVATING":
        ctx.store.delete(ctx.res.kind, engine.store_id(ctx, marketplace))
        return Reply(None, status=204)
    today = _today(ctx)
    definitions = [dict(d) for d in found["definitions"]]
    if status == "ACTIVE":
        definitions[-1].update(cumulatingToDate=_month_end(today, 0).isoformat(),
                               spendingToDate=_month_end(today, 1).isoformat(), updatedAt=ctx.now())
    return engine.reply(ctx, engine.save(ctx, {**found, "definitions": definitions}))
