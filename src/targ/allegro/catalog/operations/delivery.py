"""Delivery reference data: `GET /sale/delivery-methods` and `GET /order/carriers`.

Carriers are the ids a seller may give a parcel tracking number for (`POST /order/checkout-forms/{id}/shipments`):
`OTHER` (a custom carrier, named by the seller) has no name; `X_PRESS_COURIERS`, dropped on 2024-12-09, is not
listed but is still accepted and stored as `ALLEGRO` (allegro-behaviour.md §2) — `canonical_carrier` says so for
the orders area."""

from __future__ import annotations

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.allegro.catalog.delivery import INTERNAL
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getOrdersCarriersUsingGET", backing="dataset")
def carriers(req: Request) -> Reply:
    return Reply({"carriers": [dict(c) for c in load(DELIVERY)["carriers"]]})


@handler("allegro", "getListOfDeliveryMethodsUsingGET", backing="dataset")
def delivery_methods(req: Request) -> Reply:
    """All methods, or those of one marketplace (`marketplace=allegro-cz`; an unknown one has none)."""
    marketplace = req.param("marketplace")
    methods = [{k: v for k, v in m.items() if k not in INTERNAL} for m in load(DELIVERY)["deliveryMethods"]
               if marketplace is None or marketplace in m["marketplaces"]]
    return Reply({"deliveryMethods": methods})
