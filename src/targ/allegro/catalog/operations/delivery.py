"""The operations (getOrdersCarriersUsingGET, getListOfDeliveryMethodsUsingGET); what they do, the vendor's rules and
their sources: `targ.allegro.catalog.delivery`."""

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
