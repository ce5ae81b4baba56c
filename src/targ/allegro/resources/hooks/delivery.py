"""Delivery: shipping rates sets and the seller's delivery settings.

Shipping rates (`/sale/shipping-rates`):
* at most 250 sets per seller (allegro-api#2846), beyond that 422 with the limit in the message;
* a name of letters, digits, hyphens, dots, commas and spaces (the schema's description), unique per seller;
* every rate priced in one currency; the set qualifies for the marketplaces of its rates' currencies, which the list
  shows in `marketplaces` and filters on with `marketplace`;
* sellers with the ONE_FULFILLMENT feature start with the two sets Allegro manages for them, "One Fulfillment PL" and
  "One Fulfillment International" (allegro-api#12934, #12989), `features.managedByAllegro: true`, not modifiable.

Delivery settings (`/sale/delivery-settings`): one document per seller and marketplace; GET without `marketplace.id`
means the seller's base marketplace; a marketplace the vendor does not support (or `allegro-business-*` on PUT) → 422.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.docpath import values_at
from targ.allegro.resources.model import Doc, Hooks
from targ.allegro.sellers import MARKETPLACES, get_seller
from targ.http.request import Reply

SHIPPING_RATES_LIMIT = 250
_NAME = re.compile(r"[\w\-., ]+")
_MARKETPLACE_BY_CURRENCY = {cur: mp for mp, cur in MARKETPLACES.items()}


def _method_id(name: str) -> str:
    """A stable id for the One Fulfillment delivery methods the predefined sets use."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"targ:allegro:delivery-method:{name}"))


def _rate(method: str, first: str, currency: str) -> dict[str, Any]:
    price = {"amount": first, "currency": currency}
    return {"deliveryMethod": {"id": _method_id(method)}, "maxQuantityPerPackage": 1,
            "firstItemRate": price, "nextItemRate": {"amount": "0.00", "currency": currency},
            "shippingTime": {"from": "PT24H", "to": "PT48H"}}


# The sets Allegro keeps for One Fulfillment sellers: Allegro sets the prices; sellers only assign them to offers.
ONE_FULFILLMENT_SETS = (
    ("One Fulfillment PL", [_rate("Allegro One Box, One Kurier", "0.00", "PLN"),
                            _rate("Allegro Kurier DPD", "0.00", "PLN")]),
    ("One Fulfillment International", [_rate("Allegro International One Kurier CZ", "0.00", "CZK"),
                                       _rate("Allegro International One Kurier SK", "0.00", "EUR"),
                                       _rate("Allegro International One Kurier HU", "0.00", "HUF")]),
)


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


class ShippingRatesHooks(Hooks):
    def defaults(self, ctx: Ctx) -> list[Doc]:
        if "ONE_FULFILLMENT" not in (seller_of(ctx).get("features") or ()):
            return []
        return [{"name": name, "rates": rates, "features": {"managedByAllegro": True}}
                for name, rates in ONE_FULFILLMENT_SETS]

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
        currencies = set()
        for i, rate in enumerate(doc.get("rates") or ()):
            for part in ("firstItemRate", "nextItemRate"):
                price = rate.get(part) or {}
                amount(ctx, price.get("amount"), f"rates[{i}].{part}.amount")
                currencies.add(price.get("currency"))
        if len(currencies) > 1:
            raise ctx.invalid("All rates of a shipping rates set must be in one currency.", "rates")
        unknown = currencies - set(_MARKETPLACE_BY_CURRENCY)
        if unknown:
            raise ctx.invalid(f"Unsupported currency {sorted(map(str, unknown))[0]}.", "rates")

    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        currencies = dict.fromkeys(values_at(doc, "rates[].firstItemRate.currency"))
        marketplaces = [{"id": _MARKETPLACE_BY_CURRENCY[c]} for c in currencies if c in _MARKETPLACE_BY_CURRENCY]
        return {**doc, "marketplaces": marketplaces}


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
