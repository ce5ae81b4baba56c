"""The carriers: every parcel tracking number a seller adds gets a tracking history on the virtual clock, served by
`GET /order/carriers/{carrierId}/tracking`, and the carrier admin action pushes any status.

Parcels are docs of kind `parcel`, id = `<carrierId>:<waybill>`, no owner (a carrier's parcel, whoever asked):
`{carrierId, waybill, route, orders, statuses: [{code, occurredAt, description, _at}], createdAt, updatedAt,
nextAt, stepMs}`. A new parcel starts PENDING and moves one step along its route every `carrierStepDelay`:

* to an address: PENDING → IN_TRANSIT → RELEASED_FOR_DELIVERY → DELIVERED;
* to a pickup point (the order has `delivery.pickupPoint`): PENDING → IN_TRANSIT → AVAILABLE_FOR_PICKUP → DELIVERED.

A pushed status joins the history at its `occurredAt` and the route goes on from it (NOTICE_LEFT → AVAILABLE_FOR_PICKUP
→ DELIVERED); after DELIVERED, RETURNED or ISSUE (a lost parcel) nothing moves by itself any more.

The route is a time-driven transition, not a job: `nextAt` is when the next step falls due and `stepMs` the delay
in force when the route last (re)started (a registration or a push). Whoever reads a parcel sees it caught up with the
clock, each step at its own due time, exactly as if a job had run then; so a tracking number costs no job row, and
`POST /__targ/jobs/drain` (asynchronous jobs only, PRODUCT.md) leaves parcels where the clock has them."""

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
