"""The operations (getParcelTrackingUsingGET); what they do, the vendor's rules and their sources:
`targ.allegro.orders.carrier`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.catalog.delivery import canonical_carrier
from targ.handlers import handler
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    pass

from targ.allegro.orders.carrier import get_parcel, history


@handler("allegro", "getParcelTrackingUsingGET")
def tracking(req: Request) -> Reply:
    """A waybill the carrier does not know, or a carrier id that is no carrier (a delivery method's uuid, OTHER),
    comes back without `trackingDetails` (#12549: the vendor sends null; the spec's object is not nullable)."""
    requested = req.path_params["carrierId"]
    carrier = canonical_carrier(requested) or requested
    out = []
    for waybill in req.param("waybill") or []:
        parcel = get_parcel(req.world, carrier, waybill)
        out.append(history(parcel) if parcel else {"waybill": waybill})
    return Reply({"carrierId": carrier, "waybills": out})
