"""`GET /shipment-management/delivery-services` (getDeliveryServices): the seller's services, from the reference
dataset (targ.allegro.shipping.services)."""

from __future__ import annotations

from targ.allegro.shipping.operations.caller import seller_id
from targ.allegro.shipping.services import services_for, view
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getDeliveryServices", backing="dataset")
def delivery_services(req: Request) -> Reply:
    return Reply({"services": [view(s) for s in services_for(req.world, seller_id(req))]})
