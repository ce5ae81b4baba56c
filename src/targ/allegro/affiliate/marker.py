"""The affiliate marker of a purchase: `POST /__targ/buyer/purchases` `{"affiliate": {"publisher": "<login or user
id>", "urlParameters"?: {"name": "value"}}}` - the buyer came by the link of a publisher (an Allegro account, created
with `POST /__targ/sellers`), carrying the link's parameters.

The order keeps the marker (`_targ.affiliate`); each of its line items becomes one CPS conversion, indexed under the
publisher: docs of kind `affiliate-conversion`, owner = the publisher's user id, id = the conversion's UUID, holding
the order, the line item and when it was bought. Everything else a conversion shows is derived from the order when
read (conversions.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.orders.model import MarketplaceRefusal, seller_of
from targ.allegro.sellers import find_seller
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.allegro.orders.documents import CheckoutForm
    from targ.world import World

CONVERSION_KIND = "affiliate-conversion"
FIELDS = frozenset({"publisher", "urlParameters"})


def _bad(message: str) -> MarketplaceRefusal:
    return MarketplaceRefusal(400, "bad_request", message)


def parse(world: World, value: Any) -> Json | None:
    """The marker of a purchase body's `affiliate` (None when there is none); refuses before anything is written."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _bad("affiliate must be an object {publisher, urlParameters?}")
    extra = sorted(set(value) - FIELDS)
    if extra:
        raise _bad(f"unknown field {extra[0]!r} in affiliate; allowed: {', '.join(sorted(FIELDS))}")
    publisher = value.get("publisher")
    if not isinstance(publisher, str) or not publisher.strip():
        raise _bad("affiliate.publisher must be the login or user id of an account")
    account = find_seller(world, publisher)
    if account is None:
        raise MarketplaceRefusal(404, "not_found", f"no account {publisher!r} to be the affiliate publisher")
    params = value.get("urlParameters") or {}
    if not isinstance(params, dict) or not all(isinstance(k, str) and k and isinstance(v, str)
                                               for k, v in params.items()):
        raise _bad("affiliate.urlParameters must be an object of text values")
    return {"publisher": account["id"], "urlParameters": dict(params)}


def record(world: World, order: CheckoutForm) -> None:
    """One conversion per line item of a purchase that carries a marker, under its publisher."""
    publisher = order["_targ"]["affiliate"]["publisher"]
    for line_item in order["lineItems"]:
        conversion_id = world.ids.uuid(CONVERSION_KIND)
        world.store.put(CONVERSION_KIND, conversion_id,
                        {"id": conversion_id, "order": order["id"], "lineItem": line_item["id"],
                         "seller": seller_of(order), "createdAt": order["_targ"]["boughtAt"]}, owner=publisher)
