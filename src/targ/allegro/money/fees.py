"""Allegro's fees for an offer, from the reference dataset's fee tables (`commissions`, `fees`; sources per row in
tools/dataset/fees.py): the fee preview of an offer body (`POST /pricing/offer-fee-preview`) and the quotes of the
seller's listed offers for their next cycle (`GET /pricing/offer-quotes`). The commission comes from
`money.commission`, the same function billing charges a sale with. Vendor behaviour and sources: docs/behaviour.md,
"Fee preview and offer quotes (issue 19)".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.catalog.tree import tree
from targ.allegro.messages import localised
from targ.allegro.money import errors
from targ.allegro.money.commission import CENT, commission, featured_commission, is_advertisement, rate
from targ.allegro.offers import model as offers
from targ.allegro.orders.model import money
from targ.allegro.sellers import MARKETPLACES
from targ.clock import iso, parse_duration, parse_time
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

# The vendor's names of the two commissions (allegro-api #6935, #8568); English *decided*.
SALES_COMMISSION = {"name": "Prowizja od sprzedaży", "nameEn": "Sales commission", "type": "commissionFee"}
FEATURED_COMMISSION = {"name": "Prowizja od sprzedaży oferty wyróżnionej", "nameEn": "Featured offer sales commission",
                       "type": "commissionFeatureFee"}
FEATURED = ("emphasized10d", "emphasized1d")


@cache
def _fees() -> Json:
    return load(REFERENCE)["fees"]


def _row(table: str, package_id: str) -> Json | None:
    return next((row for row in _fees()[table] if row["packageId"] == package_id), None)


def _package(key: str, package_id: str) -> Json | None:
    return next((p for p in load(REFERENCE)[key] if p["id"] == package_id), None)


def _price(row: Json, currency: str) -> Decimal | None:
    amount = row["prices"].get(currency)
    return Decimal(amount) if amount is not None else None


# --- the fee preview -------------------------------------------------------------------------------------------------
def preview(body: Json, raw: Any, base_marketplace: str) -> Json:
    """FeePreviewResponse for a PublicOfferPreviewRequest as bound (`body`) and as sent (`raw`, for the legacy
    `promotion.emphasized` flag the binder drops as unknown but the vendor still honours: allegro-api #8568)."""
    marketplace = body.get("marketplaceId") or base_marketplace
    if marketplace not in MARKETPLACES:
        raise errors.invalid("marketplace", "marketplaceId", marketplace=str(marketplace))
    currency = MARKETPLACES[marketplace]
    offer = body.get("offer")
    if offer is None:
        raise errors.invalid("required", "offer", field="offer")
    category = _category(offer)
    packages = body.get("classifiedsPackages")
    if is_advertisement(category):
        if not packages or not packages.get("basePackage"):
            # allegro-api #8007 staff: advertisement categories are priced by their packages, "inaczej zawsze
            # zwrócimy 422" with "There is no price list for given category".
            raise errors.invalid("no_price_list", "classifiedsPackages", category=category["id"])
        return {"commissions": [], "quotes": _classified_quotes(packages, currency)}
    if packages:
        raise errors.invalid("packages", "classifiedsPackages")           # allegro-api #6364
    value = _value(offer, currency)
    percent = rate(category["id"])
    commissions = [_commission(SALES_COMMISSION, commission(value, percent), currency)]
    promotions = _promotions(offer, raw)
    if any(p in FEATURED for p in promotions):
        commissions.append(_commission(FEATURED_COMMISSION, featured_commission(value, percent), currency))
    quotes = [_quote(_fees()["listing"], currency, _fees()["listing"]["cycleDuration"])]
    for package_id in promotions:
        row, package = _row("promotions", package_id), _package_of(package_id)
        price = _price(row, currency) if row else None
        if row is not None and package is not None and price is not None:
            quotes.append(_quote(row, currency, package["cycleDuration"]))
    return {"commissions": commissions, "quotes": quotes}


def _category(offer: Json) -> Json:
    category_id = (offer.get("category") or {}).get("id")
    if category_id is None:
        raise errors.invalid("required", "offer.category.id", field="offer.category.id")
    category = tree().get(str(category_id))
    if category is None:
        raise errors.invalid("category", "offer.category.id", category=str(category_id))
    return category


def _value(offer: Json, currency: str) -> Decimal:
    """The price a sale would be charged on: the buy-now price, else an auction's starting price (*decided*)."""
    selling = offer.get("sellingMode") or {}
    price = selling.get("price") or selling.get("startingPrice")
    if not price or price.get("amount") is None:
        raise errors.invalid("required", "offer.sellingMode.price", field="offer.sellingMode.price")
    where = "price" if selling.get("price") else "startingPrice"
    amount = price["amount"]
    value = _amount(amount)
    if value is None:
        raise errors.bad_format(f"offer.sellingMode.{where}.amount", amount)
    if price.get("currency") not in (None, currency):
        # allegro-api #9896 staff: the price in the marketplace's currency in, the marketplace's currency out.
        raise errors.invalid("currency", f"offer.sellingMode.{where}.currency", currency=currency,
                             given=str(price.get("currency")))
    return value


def _amount(text: object) -> Decimal | None:
    """A positive amount with at most two decimals, or None."""
    try:
        value = Decimal(str(text))
        return value if value.is_finite() and value > 0 and value == value.quantize(CENT) else None
    except InvalidOperation:
        return None


def _promotions(offer: Json, raw: Any) -> list[str]:
    """The promotion packages the offer body asks for, in the spec's order (Promotion's three flags), the legacy
    `emphasized` flag read as the 10-day featured package."""
    chosen = offer.get("promotion") or {}
    sent = raw.get("offer", {}).get("promotion") if isinstance(raw, Mapping) and isinstance(raw.get("offer"),
                                                                                              Mapping) else None
    legacy = isinstance(sent, Mapping) and sent.get("emphasized") is True
    out = [p for p in ("emphasized1d", "emphasized10d", "departmentPage") if chosen.get(p) is True]
    if legacy and not any(p in FEATURED for p in out):
        out.insert(0, "emphasized10d")
    return out


def _package_of(package_id: str) -> Json | None:
    packages = load(REFERENCE)["promotionPackages"]
    return next((p for p in packages["basePackages"] + packages["extraPackages"] if p["id"] == package_id), None)


def _commission(kind: Json, amount: Decimal, currency: str) -> Json:
    return {"name": localised(kind, "name"), "type": kind["type"], "fee": money(amount, currency)}


def _quote(row: Json, currency: str, cycle: str | None) -> Json:
    """A QuoteResponse. The vendor writes `"classifiedsPackage": null` for offers (#8568); the spec's
    ClassifiedPackage is not nullable, so it is left out."""
    out = {"name": localised(row, "name"), "type": row["type"],
           "fee": money(_price(row, currency) or Decimal(0), currency)}
    if cycle:
        out["cycleDuration"] = cycle
    return out


def _classified_quotes(packages: Json, currency: str) -> list[Json]:
    chosen = [("classifiedsPackages.basePackage.id", packages["basePackage"].get("id"))]
    chosen += [(f"classifiedsPackages.extraPackages[{i}].id", extra.get("id"))
               for i, extra in enumerate(packages.get("extraPackages") or ())]
    quotes = []
    for path, package_id in chosen:
        row = _row("classifieds", str(package_id)) if package_id else None
        package = _package("classifiedPackages", str(package_id)) if package_id else None
        price = _price(row, currency) if row else None
        if row is None or package is None or price is None:
            raise errors.invalid("package", path, package=str(package_id))
        cycle = (package.get("publication") or {}).get("duration") or next(
            (p["duration"] for p in package.get("promotions") or ()), None)
        quotes.append({**_quote(row, currency, cycle), "classifiedsPackage": {"id": package["id"]}})
    return quotes


# --- offer quotes ----------------------------------------------------------------------------------------------------
def quotes(world: World, seller: str, offer_ids: Iterable[str]) -> list[Json]:
    """The fees the seller's listed offers will be charged at the start of their next cycle (allegro-api #11105
    staff: "zwracamy opłaty, która będzie naliczona w kolejnym cyklu"), only those with an amount (#4 staff), in
    the order the offers were asked. Offers that are not the seller's, not listed or unknown have none."""
    now = world.clock.now_ms()
    out: list[Json] = []
    for offer_id in dict.fromkeys(offer_ids):
        doc = world.store.peek(offers.OFFER_KIND, offer_id)
        if doc is None or doc.owner != seller or offers.status_of(doc.data) != "ACTIVE":
            continue
        offer = doc.data
        for marketplace, options in (offer.get("_promo") or {}).items():
            currency = MARKETPLACES.get(marketplace, "PLN")
            packages = [options.get("basePackage"), *(options.get("extraPackages") or ())]
            for option in packages:
                quote = _package_quote(offer_id, option, currency, now) if option else None
                if quote is not None:
                    out.append(quote)
    return out


def _package_quote(offer_id: str, option: Json, currency: str, now: int) -> Json | None:
    row, package = _row("promotions", option["id"]), _package_of(option["id"])
    price = _price(row, currency) if row else None
    if row is None or package is None or not price:
        return None
    cycle = parse_duration(package["cycleDuration"])
    start = parse_time(option["validFrom"])
    due = start + cycle * max(1, math.floor((now - start) / cycle) + 1)
    ending = option.get("validTo")
    return {"type": row["quoteType"], "name": localised(row, "quoteName"), "nextDate": iso(due),
            "fee": money(price, currency), "offer": {"id": offer_id},
            # A package removed with the end of its cycle (REMOVE_WITH_END_OF_CYCLE) is not renewed: its quote
            # stays, switched off (*decided*).
            "enabled": not (ending and parse_time(ending) <= due)}
