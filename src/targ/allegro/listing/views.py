"""`ListingResponse` from a search: one page of offers split into promoted and regular, the categories and filters
with their counts, the search's metadata and the sort options, each left out when `include` says so.

Names (filters, their values, categories, sort options) are Polish, or English for `Accept-Language: en-US`, as the
dataset's names are (targ.allegro.messages.localised). An offer's title is its manual translation into the answer's
language (`Accept-Language`) when it has one (offer translations), else its own: Allegro machine-translates titles for
display, which targ does not model, so no offer is left out for its language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.tree import tree
from targ.allegro.listing.query import SEARCH_WINDOW, Page
from targ.allegro.listing.search import FORMATS, PROMO_PACKAGE, Candidate, Found, Query, number_of
from targ.allegro.messages import answering, localised
from targ.allegro.sellers import get_seller
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

CENT = Decimal("0.01")
UNITS = {"PLN": "zł", "CZK": "Kč", "EUR": "€", "HUF": "Ft"}
# (value, name, order label) of each sort option, in the spec's enum order; names as the site shows them.
SORT_OPTIONS = (
    ("relevance", ("trafność", "relevance"), ("największa", "highest")),
    ("+price", ("cena", "price"), ("od najniższej", "lowest")),
    ("-price", ("cena", "price"), ("od najwyższej", "highest")),
    ("+withDeliveryPrice", ("cena z dostawą", "price with delivery"), ("od najniższej", "lowest")),
    ("-withDeliveryPrice", ("cena z dostawą", "price with delivery"), ("od najwyższej", "highest")),
    ("+endTime", ("czas do końca", "time to end"), ("najmniej", "least")),
    ("-startTime", ("czas dodania", "time added"), ("najnowsze", "newest")),
)
FORMAT_NAMES = {"BUY_NOW": ("kup teraz", "buy now"), "AUCTION": ("licytacja", "auction"),
                "ADVERTISEMENT": ("ogłoszenie", "advertisement")}
# Popularity ranges of BUY_NOW offers (the spec's OfferSellingMode.popularityRange), by their lower bound.
POPULARITY = ((101, "[101+]"), (51, "[51-100]"), (21, "[21-50]"), (11, "[11-20]"), (6, "[6-10]"), (1, "[1-5]"),
              (0, "0"))


def _name(pair: tuple[str, str]) -> str:
    return str(localised({"name": pair[0], "nameEn": pair[1]}, "name"))


def _money(amount: Decimal, currency: str) -> Json:
    return {"amount": str(amount.quantize(CENT)), "currency": currency}


# --- offers -----------------------------------------------------------------------------------------------------------
def _title(c: Candidate) -> str:
    translated = ((c.offer.get("_translations") or {}).get(answering()) or {}).get("title") or {}
    return str(translated.get("translation") or c.offer.get("name") or "")


def _seller(world: World, owner: str, known: dict[str, Json]) -> Json:
    if owner not in known:
        account = get_seller(world, owner) or {}
        known[owner] = {"id": owner, "login": account.get("login", ""), "company": bool(account.get("company")),
                        "superSeller": "SUPER_SELLER" in (account.get("features") or ())}
    return known[owner]


def _selling_mode(c: Candidate) -> Json:
    selling = c.offer.get("sellingMode") or {}
    out: Json = {"format": c.format, "price": _money(c.price, c.currency)}
    if c.format == "AUCTION":
        buy_now = selling.get("price") or {}
        if buy_now.get("currency") == c.currency:
            out["fixedPrice"] = _money(Decimal(str(buy_now["amount"])), c.currency)
        out["bidCount"] = int((c.offer.get("_auction") or {}).get("biddersCount") or 0)
    elif c.format == "BUY_NOW":
        floor, label = next((bound, label) for bound, label in POPULARITY if c.sold >= bound)
        out.update({"popularity": floor, "popularityRange": label})
    return out


def item(world: World, c: Candidate, sellers: dict[str, Json]) -> Json:
    """One `ListingOffer`."""
    offer = c.offer
    lowest = c.delivery
    stock = offer.get("stock") or {}
    out: Json = {
        "id": offer["id"],
        "name": _title(c),
        "seller": _seller(world, c.owner, sellers),
        "promotion": {"emphasized": c.promoted, "bold": PROMO_PACKAGE in c.packages,
                      "highlight": PROMO_PACKAGE in c.packages},
        "delivery": ({"availableForFree": lowest == 0, "lowestPrice": _money(lowest, c.currency)}
                     if lowest is not None else {"availableForFree": False}),
        "images": [{"url": url} for url in offer.get("images") or ()],
        "sellingMode": _selling_mode(c),
        "stock": {"unit": stock.get("unit") or "UNIT", "available": int(stock.get("available") or 0)},
        "category": {"id": (offer.get("category") or {}).get("id")},
    }
    ending = (offer.get("publication") or {}).get("endingAt")
    if ending:
        out["publication"] = {"endingAt": ending}
    return out


# --- aggregations -----------------------------------------------------------------------------------------------------
def _categories(q: Query, found: Found) -> Json:
    nodes = tree()
    current = nodes.get(q.category) if q.category else None
    path = [{"id": c["id"], "name": localised(c, "name")} for c in nodes.path(current)] if current else []
    subcategories = []
    for child in nodes.children.get(current["id"] if current else None, []):
        count = sum(1 for c in found.items if child["id"] in c.categories)
        if count:
            subcategories.append({"id": child["id"], "name": localised(child, "name"), "count": count})
    return {"subcategories": subcategories, "path": path}


def _numeric(filter_id: str, name: str, numbers: list[Decimal], bounds: tuple[Decimal | None, Decimal | None]
             | None, unit: str | None) -> Json:
    low, high = bounds or (None, None)
    values = []
    for end, given, label in (("from", low, ("od", "from")), ("to", high, ("do", "to"))):
        value: Json = {"name": _name(label), "idSuffix": f".{end}", "selected": given is not None}
        if given is not None:
            value["value"] = str(given)
        values.append(value)
    out: Json = {"id": filter_id, "type": "NUMERIC", "name": name, "values": values}
    if numbers:
        out.update({"minValue": float(min(numbers)), "maxValue": float(max(numbers))})
    if unit:
        out["unit"] = unit
    return out


def _multi(filter_id: str, name: str, options: list[tuple[str, str]], counted: list[list[str]],
           selected: tuple[str, ...]) -> Json | None:
    """A MULTI filter over `options` (value, name): each value with its count among `counted` (the values each offer
    has), shown when some offer has it or it was asked for."""
    values = []
    for value, label in options:
        count = sum(1 for have in counted if value in have)
        if count or value in selected:
            values.append({"name": label, "value": value, "count": count, "selected": value in selected})
    return {"id": filter_id, "type": "MULTI", "name": name, "values": values} if values else None


def _filters(q: Query, found: Found) -> list[Json]:
    out: list[Json | None] = []
    formats = [[c.format] for c in found.without("sellingMode.format")]
    out.append(_multi("sellingMode.format", _name(("rodzaj oferty", "offer type")),
                      [(f, _name(FORMAT_NAMES[f])) for f in FORMATS], formats, q.formats))
    out.append(_numeric("price", _name(("cena", "price")), [c.price for c in found.without("price")], q.price,
                        UNITS.get(q.currency)))
    category = tree().get(q.category) if q.category else None
    for ref in tree().refs(category) if category else ():
        spec = tree().parameters.get(ref["id"]) or {}
        filter_id = f"parameter.{ref['id']}"
        scope = found.without(filter_id)
        if spec.get("type") == "dictionary":
            options = [(e["id"], str(localised(e, "value"))) for e in spec.get("dictionary") or ()]
            out.append(_multi(filter_id, str(localised(spec, "name")), options,
                              [c.values.get(ref["id"], []) for c in scope], q.values.get(ref["id"], ())))
        elif spec.get("type") in ("integer", "float"):
            numbers = [n for c in scope if (n := number_of(c.values.get(ref["id"], []))) is not None]
            if numbers or ref["id"] in q.ranges:
                out.append(_numeric(filter_id, str(localised(spec, "name")), numbers, q.ranges.get(ref["id"]),
                                    spec.get("unit")))
    return [f for f in out if f is not None]


def _sort(q: Query) -> list[Json]:
    return [{"value": value, "name": _name(name), "order": _name(order), "selected": value == q.sort}
            for value, name, order in SORT_OPTIONS]


def response(world: World, q: Query, page: Page, found: Found) -> Json:
    out: dict[str, Any] = {}
    if "items" in page.include:
        shown = found.items[page.offset:page.offset + page.limit]
        sellers: dict[str, Json] = {}
        out["items"] = {"promoted": [item(world, c, sellers) for c in shown if c.promoted],
                        "regular": [item(world, c, sellers) for c in shown if not c.promoted]}
    if "categories" in page.include:
        out["categories"] = _categories(q, found)
    if "filters" in page.include:
        out["filters"] = _filters(q, found)
    if "searchMeta" in page.include:
        total = len(found.items)
        out["searchMeta"] = {"availableCount": min(total, SEARCH_WINDOW), "totalCount": total,
                             "fallback": found.fallback}
    if "sort" in page.include:
        out["sort"] = _sort(q)
    return out
