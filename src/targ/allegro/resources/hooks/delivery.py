"""Delivery: shipping rates sets and the seller's delivery settings.

Shipping rates (`/sale/shipping-rates`):
* at most 250 sets per seller (allegro-api#2846), beyond that 422 with the limit in the message;
* a name of letters, digits, hyphens, dots, commas and spaces (the schema's description), unique per seller;
* every rate priced in its delivery method's currency, within the method's constraints (the reference dataset); the
  set qualifies for its methods' marketplaces, which the list shows in `marketplaces` and filters on (`marketplace`);
* sellers with the ONE_FULFILLMENT feature start with the two sets Allegro manages for them, "One Fulfillment PL" and
  "One Fulfillment International" (allegro-api#12934, #12989), `features.managedByAllegro: true`, not modifiable.

Delivery settings (`/sale/delivery-settings`): one document per seller and marketplace; GET without `marketplace.id`
means the seller's base marketplace; a marketplace the vendor does not support (or `allegro-business-*` on PUT) → 422.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.allegro.catalog.delivery import delivery_method
from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.model import Doc, Hooks
from targ.allegro.sellers import MARKETPLACES, get_seller
from targ.http.request import Reply

SHIPPING_RATES_LIMIT = 250
_NAME = re.compile(r"[\w\-., ]+")
_MARKETPLACE_BY_CURRENCY = {cur: mp for mp, cur in MARKETPLACES.items()}
# The sets Allegro keeps for One Fulfillment sellers (prices are Allegro's; sellers only assign them to offers), by
# the names of the delivery methods in the reference dataset.
ONE_FULFILLMENT_SETS = (
    ("One Fulfillment PL", ("Allegro One Box, One Kurier", "Allegro One Punkt, One Kurier", "Allegro One Kurier")),
    ("One Fulfillment International", ("Allegro International One Kurier CZ", "Allegro International One Kurier SK",
                                       "Allegro International One Kurier HU")),
)


def _rates(method_names: tuple[str, ...]) -> list[dict[str, Any]]:
    by_name = {m["name"]: m for m in load(DELIVERY)["deliveryMethods"]}
    out = []
    for name in method_names:
        method = by_name[name]
        currency = MARKETPLACES[method["marketplaces"][0]]
        out.append({"deliveryMethod": {"id": method["id"]}, "maxQuantityPerPackage": 1,
                    "firstItemRate": {"amount": "0.00", "currency": currency},
                    "nextItemRate": {"amount": "0.00", "currency": currency},
                    "shippingTime": {"from": "PT24H", "to": "PT48H"}})
    return out


def seller_of(ctx: Ctx) -> dict[str, Any]:
    return get_seller(ctx.world, ctx.seller) or {}


def amount(ctx: Ctx, value: Any, path: str) -> Decimal:
    try:
        parsed = Decimal(str(value))
    except InvalidOperation:
        raise ctx.invalid(f"{value!r} is not a valid amount.", path) from None
    if not parsed.is_finite() or parsed < 0:
        raise ctx.invalid(f"{value!r} is not a valid amount.", path)
    return parsed


def _marketplaces(rate: dict[str, Any]) -> list[str]:
    """Where a rate delivers: its delivery method's marketplaces (the reference dataset), else its currency's."""
    method = delivery_method(str((rate.get("deliveryMethod") or {}).get("id")))
    if method is not None:
        return list(method["marketplaces"])
    currency = (rate.get("firstItemRate") or {}).get("currency")
    return [_MARKETPLACE_BY_CURRENCY[currency]] if currency in _MARKETPLACE_BY_CURRENCY else []


class ShippingRatesHooks(Hooks):
    def defaults(self, ctx: Ctx) -> list[Doc]:
        if "ONE_FULFILLMENT" not in (seller_of(ctx).get("features") or ()):
            return []
        return [{"name": name, "rates": _rates(methods), "features": {"managedByAllegro": True}}
                for name, methods in ONE_FULFILLMENT_SETS]

    def writable(self, ctx: Ctx, doc: Doc) -> None:
        if (doc.get("features") or {}).get("managedByAllegro"):
            raise ctx.fail((422, 403), "VALIDATION_ERROR",
                           f"Shipping rates set {doc['id']} is managed by Allegro and cannot be modified.")

    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        doc["features"] = {"managedByAllegro": False}
        name = doc.get("name")
        if name is not None and not _NAME.fullmatch(name):
            raise ctx.invalid("The name may only contain letters, numbers, hyphens, dots, commas and spaces.", "name")
        others = [d for d in engine.docs_of(ctx) if d["id"] != doc["id"]]
        if name is not None and any(d.get("name") == name for d in others):
            raise ctx.invalid(f"A shipping rates set named {name!r} already exists.", "name")
        if old is None and len(others) >= SHIPPING_RATES_LIMIT:
            raise ctx.invalid(f"The limit of {SHIPPING_RATES_LIMIT} shipping rates sets has been reached.")
        for i, rate in enumerate(doc.get("rates") or ()):
            self._check_rate(ctx, rate, f"rates[{i}]")

    @staticmethod
    def _check_rate(ctx: Ctx, rate: dict[str, Any], where: str) -> None:
        """Prices in the delivery method's currency, within the method's constraints (the reference dataset)."""
        method = delivery_method(str((rate.get("deliveryMethod") or {}).get("id"))) or {}
        constraints = method.get("shippingRatesConstraints") or {}
        if constraints.get("allowed") is False:
            raise ctx.invalid("This delivery method cannot be used in shipping rates.", f"{where}.deliveryMethod.id")
        most = (constraints.get("maxQuantityPerPackage") or {}).get("max")
        if most is not None and rate.get("maxQuantityPerPackage", 1) > most:
            raise ctx.invalid(f"maxQuantityPerPackage may be at most {most}.", f"{where}.maxQuantityPerPackage")
        for part in ("firstItemRate", "nextItemRate"):
            price, bounds = rate.get(part) or {}, constraints.get(part) or {}
            value = amount(ctx, price.get("amount"), f"{where}.{part}.amount")
            currency = price.get("currency")
            expected = bounds.get("currency") or (MARKETPLACES[method["marketplaces"][0]] if method else currency)
            if currency not in _MARKETPLACE_BY_CURRENCY or currency != expected:
                raise ctx.invalid(f"The rate must be priced in {expected}.", f"{where}.{part}.currency")
            low, high = Decimal(bounds.get("min", "0")), Decimal(bounds.get("max", "100000000"))
            if not low <= value <= high:
                raise ctx.invalid(f"The rate must be between {low} and {high}.", f"{where}.{part}.amount")

    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        marketplaces = dict.fromkeys(m for rate in doc.get("rates") or () for m in _marketplaces(rate))
        return {**doc, "marketplaces": [{"id": m} for m in marketplaces]}


# --- delivery settings ----------------------------------------------------------------------------------------------
SUPPORTED_MARKETPLACES = frozenset(MARKETPLACES) | {m.replace("allegro-", "allegro-business-", 1) for m in MARKETPLACES}


def _marketplace(ctx: Ctx, wanted: str | None, *, writing: bool) -> str:
    marketplace = wanted or seller_of(ctx).get("baseMarketplace", {}).get("id") or "allegro-pl"
    if marketplace not in SUPPORTED_MARKETPLACES:
        raise ctx.invalid(f"Marketplace {marketplace} is not supported.", "marketplace.id")
    if writing and marketplace.startswith("allegro-business-"):
        raise ctx.invalid(f"Delivery settings of {marketplace} follow those of the allegro-* marketplace; "
                          "modify that one instead.", "marketplace.id")
    return marketplace


def _settings(ctx: Ctx, marketplace: str) -> Doc:
    found = ctx.store.get_doc(ctx.res.kind, engine.store_id(ctx, marketplace))
    if found is not None:
        return found.data
    # What a seller who never changed anything has: costs joined by the highest rate, no free delivery.
    return {"_marketplace": marketplace, "marketplace": {"id": marketplace}, "joinPolicy": {"strategy": "MAX"},
            "customCost": {"allowed": False}, "updatedAt": ctx.now()}


def get_settings(ctx: Ctx) -> Reply:
    marketplace = _marketplace(ctx, ctx.req.params.get("marketplace.id"), writing=False)
    if marketplace.startswith("allegro-business-"):  # the business marketplace follows its allegro-* twin
        twin = "allegro-" + marketplace.removeprefix("allegro-business-")
        return engine.reply(ctx, {**_settings(ctx, twin), "marketplace": {"id": marketplace}})
    return engine.reply(ctx, _settings(ctx, marketplace))


def put_settings(ctx: Ctx) -> Reply:
    body = ctx.req.body or {}
    marketplace = _marketplace(ctx, (body.get("marketplace") or {}).get("id"), writing=True)
    currency = MARKETPLACES[marketplace]
    doc: Doc = {"_marketplace": marketplace, "marketplace": {"id": marketplace}}
    for part in ("freeDelivery", "abroadFreeDelivery", "joinPolicy", "customCost"):
        if part in body:
            doc[part] = body[part]
    for part in ("freeDelivery", "abroadFreeDelivery"):
        if part in doc:
            amount(ctx, doc[part].get("amount"), f"{part}.amount")
            if doc[part].get("currency") != currency:
                raise ctx.invalid(f"The currency of {marketplace} is {currency}.", f"{part}.currency")
    doc["updatedAt"] = ctx.now()
    return engine.reply(ctx, engine.save(ctx, doc))
