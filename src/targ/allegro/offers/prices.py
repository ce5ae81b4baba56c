"""An offer's price history: each marketplace's Buy Now price and since when, over the vendor's 30-day window.

Allegro computes the lowest price an offer had in the 30 days before a reduction itself (the crossed-out price of
DISCOUNT campaigns, allegro-api #7480, #12179) and serves no history through the API (#10908, #10961), so targ keeps
it in the offer (`_priceHistory`, never sent): per marketplace the offer is priced on (the base one's
`sellingMode.price`, an additional one's `additionalMarketplaces.<id>.sellingMode.price`), a list of
`[since_ms, amount]`, the amount in that marketplace's currency. `model.save` calls `record` on every write, so every
price change (an edit, a price command, an automation rule) is stamped with the clock's time.

Only what the window needs is kept: the entries of the last 30 days and the last one before them (the price in force
when the window starts). A marketplace the offer is no longer priced on loses its history.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.offers.documents import Offer, OfferView
from targ.clock import parse_time

if TYPE_CHECKING:
    from targ.json_types import Json

DAY_MS = 86_400_000
WINDOW_MS = 30 * DAY_MS        # "the lowest price of the offer from 30 days before the discount" (#7480)


def prices_by_marketplace(offer: OfferView) -> dict[str, Json]:
    """The offer's current Buy Now price on each marketplace it is priced on."""
    selling = offer.get("sellingMode") or {}
    out: dict[str, Json] = {}
    base = (((offer.get("publication") or {}).get("marketplaces") or {}).get("base") or {}).get("id") or "allegro-pl"
    if (selling.get("price") or {}).get("amount") is not None:
        out[base] = selling["price"]
    for marketplace, extra in (offer.get("additionalMarketplaces") or {}).items():
        price = (extra.get("sellingMode") or {}).get("price") or {}
        if price.get("amount") is not None:
            out[marketplace] = price
    return out


def record(offer: Offer, now_ms: int) -> None:
    """Stamps the offer's current prices (a changed amount starts a new entry) and drops what the window no longer
    needs."""
    history: dict[str, list[list[Any]]] = dict(offer.get("_priceHistory") or {})
    current = prices_by_marketplace(offer)
    for marketplace in list(history):
        if marketplace not in current:
            del history[marketplace]
    for marketplace, price in current.items():
        entries = list(history.get(marketplace) or ())
        amount = str(Decimal(str(price["amount"])))
        if not entries or Decimal(str(entries[-1][1])) != Decimal(amount):
            entries.append([now_ms, amount])
        history[marketplace] = _pruned(entries, now_ms - WINDOW_MS)
    if history or "_priceHistory" in offer:
        offer["_priceHistory"] = history


def _pruned(entries: list[list[Any]], window_start: int) -> list[list[Any]]:
    before = [e for e in entries if int(e[0]) <= window_start]
    return before[-1:] + [e for e in entries if int(e[0]) > window_start]


def history(offer: OfferView, marketplace: str) -> list[tuple[int, Decimal]]:
    """`(since_ms, amount)` of the offer's prices on `marketplace`, oldest first. An offer stored before targ kept
    histories has its current price since it was created."""
    stored = (offer.get("_priceHistory") or {}).get(marketplace)
    if stored:
        return [(int(since), Decimal(str(amount))) for since, amount in stored]
    price = prices_by_marketplace(offer).get(marketplace)
    if price is None or not offer.get("createdAt"):
        return []
    return [(parse_time(str(offer["createdAt"])), Decimal(str(price["amount"])))]


def priced_since(offer: OfferView, marketplace: str) -> int | None:
    """Since when the offer has had a price on `marketplace` (as far back as the window keeps), None if never."""
    entries = history(offer, marketplace)
    return entries[0][0] if entries else None


def lowest(offer: OfferView, marketplace: str, now_ms: int) -> Decimal | None:
    """The lowest price the offer had on `marketplace` in the 30 days up to `now_ms` (the price in force when the
    window starts counts), None if it has none."""
    entries = [e for e in history(offer, marketplace) if e[0] <= now_ms]
    if not entries:
        return None
    start = now_ms - WINDOW_MS
    in_force = [amount for since, amount in entries if since <= start][-1:]
    return min(in_force + [amount for since, amount in entries if since > start])
