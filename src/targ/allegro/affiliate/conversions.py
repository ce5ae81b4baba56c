"""CPS conversions as the publisher reads them, each derived from its order's current state when read:

* `quantity`: the units bought less the units the buyer declared returned (the spec: "subtracted by number of items
  returned");
* `status`: REJECTED when the order was cancelled (by the buyer or, unpaid, by Allegro) or every unit came back;
  CONFIRMED once the order is ready for processing and `affiliateConfirmation` (config, 30 days) has passed since the
  purchase; CREATED before that (decided: the vendor documents the three statuses, not when they change);
* `lastModifiedAt`: the latest of the purchase, a return of the line item, the cancellation, the confirmation;
* `commission.allegro`: the sales commission of the units kept, from the tariff billing uses
  (targ.allegro.money.commission); `commission.publisher`: a tenth of it (decided, the ratio of the spec's example:
  1.00 of 10.00);
* `publisherUrlParameters`: the link's parameters the request names in `includePublisherUrlParameters`, none by
  default (the spec).

A user is an Allegro Affiliate Business publisher when some purchase was made through its links; any other user is
refused 403 (allegro-api #11752, staff: "you must be an active user of Allegro Affiliate Business to retrieve data").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from targ.allegro.affiliate.marker import CONVERSION_KIND
from targ.allegro.money.commission import commission, rate
from targ.allegro.orders import model, returns
from targ.allegro.sellers import get_seller
from targ.clock import iso, parse_time
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

STATUSES = ("CREATED", "REJECTED", "CONFIRMED")
PUBLISHER_SHARE = Decimal("0.10")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Wanted:
    """The list's filters (times in ms, inclusive), paging and the URL parameters to show."""

    order_from: int | None = None
    order_to: int | None = None
    modified_from: int | None = None
    modified_to: int | None = None
    status: str | None = None
    offset: int = 0
    limit: int = 1000
    parameters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conversion:
    view: Json
    ordered_at: int
    modified_at: int


def is_publisher(world: World, user: str) -> bool:
    return bool(world.store.find(CONVERSION_KIND, user, limit=1))


def _money(amount: Decimal, currency: str) -> Json:
    return {"amount": str(amount.quantize(CENT)), "currency": currency}


def derive(world: World, entry: Json, parameters: tuple[str, ...]) -> Conversion | None:
    """One conversion from its index entry and its order; None when the order is gone."""
    order = model.get(world, entry["order"])
    line = model.line_item(order, entry["lineItem"]) if order else None
    if order is None or line is None:
        return None
    now, bought = world.clock.now_ms(), int(entry["createdAt"])
    returned = [r for r in returns.returns_of(world, order) if line["id"] in r["_targ"]["lineItems"]]
    quantity = max(0, int(line["quantity"]) - sum(int(r["_targ"]["lineItems"][line["id"]]) for r in returned))
    changes = [bought, *(parse_time(r["createdAt"]) for r in returned)]
    confirm_at = bought + world.config.ms("affiliateConfirmation")
    if order["status"] == model.CANCELLED or quantity == 0:
        status = "REJECTED"
        if order["status"] == model.CANCELLED:
            changes.append(parse_time(order["updatedAt"]))
    elif order["status"] == model.READY and now >= confirm_at:
        status = "CONFIRMED"
        changes.append(confirm_at)
    else:
        status = "CREATED"
    offer = world.store.get("offer", line["offer"]["id"]) or {}
    category = (offer.get("category") or {}).get("id")
    unit = line["price"]
    allegro = commission(Decimal(unit["amount"]) * quantity, rate(category))
    urls = (order["_targ"].get("affiliate") or {}).get("urlParameters") or {}
    seller = get_seller(world, entry["seller"]) or {}
    modified = max(changes)
    view: Json = {
        "id": entry["id"],
        "status": status,
        "lastModifiedAt": iso(modified),
        "orderCreatedAt": iso(bought),
        "quantity": quantity,
        "marketplace": {"id": order["marketplace"]["id"]},
        "offer": {"id": line["offer"]["id"], "name": line["offer"]["name"],
                  **({"category": {"id": category}} if category else {}),
                  "unitPrice": {"amount": unit["amount"], "currency": unit["currency"]},
                  "seller": {"login": seller.get("login", "")}},
        "commission": {"publisher": _money(allegro * PUBLISHER_SHARE, unit["currency"]),
                       "allegro": _money(allegro, unit["currency"])},
        "publisherUrlParameters": {k: urls[k] for k in parameters if k in urls},
    }
    return Conversion(view, bought, modified)


def listing(world: World, publisher: str, wanted: Wanted) -> list[Json]:
    """The publisher's conversions matching `wanted`, oldest purchase first (decided: the vendor gives no order),
    one page."""
    found = []
    for doc in world.store.find(CONVERSION_KIND, publisher):
        conversion = derive(world, doc.data, wanted.parameters)
        if conversion is None:
            continue
        if wanted.status is not None and conversion.view["status"] != wanted.status:
            continue
        if not _within(conversion.ordered_at, wanted.order_from, wanted.order_to):
            continue
        if not _within(conversion.modified_at, wanted.modified_from, wanted.modified_to):
            continue
        found.append(conversion)
    found.sort(key=lambda c: c.ordered_at)   # stable: purchases at the same instant in the order they were made
    return [c.view for c in found[wanted.offset:wanted.offset + wanted.limit]]


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)
