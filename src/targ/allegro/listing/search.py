"""Finding offers for the public search: which offers a buyer sees, which match, in what order.

* Visible: offers ACTIVE (`searchMode=REGULAR`) or ENDED (`CLOSED`), of every seller, on the marketplace asked for:
  their base marketplace, or an additional one the offer was approved on (`additionalMarketplaces.<id>`), priced in
  that marketplace's currency. Auctions are visible on their base marketplace only, at their current price (the
  highest bid's price, the starting price before any bid).
* The phrase: every word of it (case and diacritics ignored) in the title or, for REGULAR, in a parameter value of the
  offer or its products (allegro-api #9245, staff: the engine reads parameters too); CLOSED searches titles only
  (the spec). When nothing matches and `fallback` is on, related offers are returned instead: any word of the
  phrase, in any category (the vendor's guide: "we will also search through other categories").
* Filters (`sellingMode.format`, `price.from/.to`, `parameter.<id>`, `parameter.<id>.from/.to`): values of one filter
  match any of them, filters together all of them. A filter's value counts are taken over the offers that match
  everything but that filter.
* Order: promoted offers (a base promotion package) first, then the others (allegro-api #3390, #4235: the two
  cannot be fetched apart, promoted pages come first), each in the order `sort` asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import TYPE_CHECKING

from targ.allegro.catalog.delivery import delivery_method
from targ.allegro.catalog.matching import words
from targ.allegro.catalog.tree import tree
from targ.allegro.offers import model
from targ.allegro.offers.documents import OfferView, as_offer
from targ.allegro.orders import delivery
from targ.allegro.orders.model import MarketplaceRefusal
from targ.clock import parse_time

if TYPE_CHECKING:
    from targ.world import World

LISTED = "ACTIVE"
CLOSED = "ENDED"
FORMATS = ("BUY_NOW", "AUCTION", "ADVERTISEMENT")
BASE_PACKAGES = ("emphasized10d", "emphasized1d")   # the dataset's base promotion packages: "Wyróżnienie"
PROMO_PACKAGE = "promoPackage"                       # "Pakiet Promo": bold title and highlight as well
Range = tuple[Decimal | None, Decimal | None]


@dataclass(frozen=True)
class Query:
    """What the buyer searches for, checked (query.py)."""

    marketplace: str
    currency: str
    phrase: str | None = None
    category: str | None = None
    sellers: frozenset[str] | None = None
    closed: bool = False
    fallback: bool = True
    formats: tuple[str, ...] = ()
    price: Range | None = None
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)   # parameter id → dictionary value ids
    ranges: dict[str, Range] = field(default_factory=dict)             # parameter id → numeric range
    sort: str = "relevance"


@dataclass
class Candidate:
    """A visible offer with what matching and ordering read from it, worked out once per request."""

    world: World
    offer: OfferView
    owner: str
    price: Decimal
    currency: str
    marketplace: str
    now: int

    @cached_property
    def format(self) -> str:
        return str((self.offer.get("sellingMode") or {}).get("format") or "BUY_NOW")

    @cached_property
    def title(self) -> frozenset[str]:
        return frozenset(words(str(self.offer.get("name") or "")))

    @cached_property
    def values(self) -> dict[str, list[str]]:
        """Parameter id → its values (dictionary value ids and free values) of the offer and its products."""
        out: dict[str, list[str]] = {}
        products = [(e.get("product") or {}).get("parameters") or () for e in self.offer.get("productSet") or ()]
        for params in (self.offer.get("parameters") or (), *products):
            for param in params:
                found = out.setdefault(str(param.get("id")), [])
                found += [str(v) for v in (param.get("valuesIds") or []) + (param.get("values") or [])]
                if param.get("rangeValue"):
                    found.append(str(param["rangeValue"].get("from")))
        return out

    @cached_property
    def text(self) -> frozenset[str]:
        """Words of the parameter values, dictionary values by their (Polish) labels."""
        found: set[str] = set()
        for pid, values in self.values.items():
            labels = {e["id"]: e["value"] for e in (tree().parameters.get(pid) or {}).get("dictionary") or ()}
            for value in values:
                found.update(words(labels.get(value, value)))
        return frozenset(found)

    @cached_property
    def categories(self) -> tuple[str, ...]:
        category = tree().get(str((self.offer.get("category") or {}).get("id") or ""))
        return tuple(c["id"] for c in tree().path(category)) if category else ()

    @cached_property
    def packages(self) -> set[str]:
        options = (self.offer.get("_promo") or {}).get(self.marketplace) or {}
        held = [options.get("basePackage") or {}, *(options.get("extraPackages") or ())]
        # A package removed "with the end of its cycle" holds until its `validTo`.
        return {p["id"] for p in held
                if p.get("id") and not (p.get("validTo") and parse_time(p["validTo"]) <= self.now)}

    @property
    def promoted(self) -> bool:
        return bool(self.packages & {*BASE_PACKAGES, PROMO_PACKAGE})

    @property
    def sold(self) -> int:
        return int(self.offer.get("_sold") or 0)

    @property
    def started(self) -> int:
        started = self.offer.get("_startedAt")
        return parse_time(started) if started else 0

    @property
    def ending(self) -> int | None:
        ending = (self.offer.get("publication") or {}).get("endingAt")
        return parse_time(ending) if ending else None

    @cached_property
    def delivery(self) -> Decimal | None:
        return lowest_delivery(self.world, self.offer, self.marketplace, self.currency)


def visible_price(offer: OfferView, marketplace: str, currency: str) -> Decimal | None:
    """The offer's price on `marketplace` in `currency`, None when it is not sold there."""
    selling = offer.get("sellingMode") or {}
    base = model.base_marketplace(offer)
    if selling.get("format") == "AUCTION":
        price = ((offer.get("_auction") or {}).get("currentPrice") or selling.get("startingPrice")
                 if base == marketplace else None)
    elif base == marketplace:
        price = selling.get("price")
    else:
        extra = (offer.get("additionalMarketplaces") or {}).get(marketplace) or {}
        approved = (extra.get("publication") or {}).get("state") == "APPROVED"
        price = (extra.get("sellingMode") or {}).get("price") if approved else None
    if not price or price.get("currency") != currency:
        return None
    try:
        return Decimal(str(price["amount"]))
    except InvalidOperation:
        return None


def lowest_delivery(world: World, offer: OfferView, marketplace: str, currency: str) -> Decimal | None:
    """The cheapest delivery of one unit as a purchase would charge it (targ.allegro.orders.delivery): over the
    methods of the offer's shipping rates on the marketplace, else the method a purchase would pick. None when the
    offer cannot be delivered there."""
    set_id = ((offer.get("delivery") or {}).get("shippingRates") or {}).get("id")
    rates = (world.store.get(delivery.SHIPPING_RATES_KIND, set_id) or {}) if set_id else {}
    methods = [delivery_method(r["deliveryMethod"]["id"]) for r in rates.get("rates") or ()]
    usable = [m for m in methods if m and marketplace in m["marketplaces"]]
    lines = [(as_offer(offer), 1)]
    if not usable:
        try:
            usable = [delivery.choose_method(world, marketplace, [as_offer(offer)], None, None)[0]]
        except MarketplaceRefusal:
            return None
    return min(delivery.cost(world, method, lines, currency)[0] for method in usable)


def candidates(world: World, q: Query) -> list[Candidate]:
    """Every offer the buyer can see in this search, before the phrase and the filters."""
    status = CLOSED if q.closed else LISTED
    now = world.clock.now_ms()
    out = []
    for doc in world.store.find(model.OFFER_KIND):
        offer = doc.data
        if model.status_of(offer) != status or (q.sellers is not None and doc.owner not in q.sellers):
            continue
        price = visible_price(offer, q.marketplace, q.currency)
        if price is not None:
            out.append(Candidate(world, offer, doc.owner, price, q.currency, q.marketplace, now))
    return out


# --- matching ---------------------------------------------------------------------------------------------------------
Predicate = Callable[[Candidate], bool]


def _in_range(value: Decimal | None, bounds: Range) -> bool:
    low, high = bounds
    return value is not None and (low is None or value >= low) and (high is None or value <= high)


def number_of(values: list[str]) -> Decimal | None:
    """A numeric parameter's value (its first), None when it has none."""
    try:
        return Decimal(values[0].replace(",", ".")) if values else None
    except InvalidOperation:
        return None


def filters(q: Query) -> dict[str, Predicate]:
    """The query's filters by filter id, each a predicate (values of one filter: any of them)."""
    out: dict[str, Predicate] = {}
    if q.formats:
        out["sellingMode.format"] = lambda c: c.format in q.formats
    if q.price is not None:
        bounds = q.price
        out["price"] = lambda c: _in_range(c.price, bounds)
    for pid, wanted in q.values.items():
        out[f"parameter.{pid}"] = _has_value(pid, wanted)
    for pid, bounds in q.ranges.items():
        out[f"parameter.{pid}"] = _in_parameter_range(pid, bounds)
    return out


def _has_value(pid: str, wanted: tuple[str, ...]) -> Predicate:
    return lambda c: any(v in wanted for v in c.values.get(pid, ()))


def _in_parameter_range(pid: str, bounds: Range) -> Predicate:
    return lambda c: _in_range(number_of(c.values.get(pid, [])), bounds)


def _phrase(q: Query, related: bool) -> Predicate:
    wanted = set(words(q.phrase or ""))
    if not wanted:
        return lambda c: True

    def match(c: Candidate) -> bool:
        found = c.title if q.closed else c.title | c.text
        return bool(wanted & found) if related else wanted <= found
    return match


@dataclass
class Found:
    """The search's outcome: the matching offers in order, whether the fallback was used, and what the filters'
    counts are taken over."""

    items: list[Candidate]
    fallback: bool
    scope: list[Candidate]                 # visible offers matching the phrase, category and sellers
    predicates: dict[str, Predicate]

    def without(self, filter_id: str) -> list[Candidate]:
        """The offers matching everything but the filter `filter_id` (its values' counts are taken over these)."""
        others = [p for k, p in self.predicates.items() if k != filter_id]
        return [c for c in self.scope if all(p(c) for p in others)]


def search(world: World, q: Query) -> Found:
    visible = candidates(world, q)
    predicates = filters(q)

    def run(related: bool) -> tuple[list[Candidate], list[Candidate]]:
        phrase = _phrase(q, related)
        in_category = related or q.category is None
        scope = [c for c in visible if phrase(c) and (in_category or q.category in c.categories)]
        return scope, [c for c in scope if all(p(c) for p in predicates.values())]

    scope, items = run(related=False)
    fallback = False
    if not items and q.phrase and words(q.phrase):
        if not q.fallback:
            return Found([], False, scope, predicates)
        scope, items = run(related=True)
        fallback = bool(items)
    return Found(order(items, q), fallback, scope, predicates)


# --- order ------------------------------------------------------------------------------------------------------------
def _relevance(q: Query) -> Callable[[Candidate], tuple[int, int, int, int]]:
    wanted = set(words(q.phrase or ""))
    return lambda c: (-len(wanted & c.title), -c.sold, -c.started, int(c.offer["id"]))


SORTS: dict[str, Callable[[Candidate], tuple[Decimal | int, ...]]] = {
    "+price": lambda c: (c.price, int(c.offer["id"])),
    "-price": lambda c: (-c.price, int(c.offer["id"])),
    "+withDeliveryPrice": lambda c: (c.price + (c.delivery or 0), int(c.offer["id"])),
    "-withDeliveryPrice": lambda c: (-(c.price + (c.delivery or 0)), int(c.offer["id"])),
    # Offers without an end (no duration) come after every offer that ends.
    "+endTime": lambda c: (0 if c.ending is not None else 1, c.ending or 0, int(c.offer["id"])),
    "-startTime": lambda c: (-c.started, int(c.offer["id"])),
}


def order(items: list[Candidate], q: Query) -> list[Candidate]:
    key = SORTS.get(q.sort) or _relevance(q)
    ranked = sorted(items, key=key)
    return [c for c in ranked if c.promoted] + [c for c in ranked if not c.promoted]
