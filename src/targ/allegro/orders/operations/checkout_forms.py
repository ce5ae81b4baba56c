"""The seller's order operations: the order list and details, the fulfillment status, and the events journal."""

from __future__ import annotations

import orjson

from targ.allegro.errors import AllegroError
from targ.allegro.orders import events, listing, model
from targ.allegro.orders.access import check_revision, read_seller_order, seller_id, seller_order
from targ.allegro.orders.model import ORDER_KIND
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.store.memo import memo

UNPROCESSABLE = "SellerOrdersStoreUnprocessableEntityException"


@handler("allegro", "getListOfOrdersUsingGET")
def list_orders(req: Request) -> Reply:
    return Reply(listing.list_orders(req, seller_id(req)))


@handler("allegro", "getOrdersDetailsUsingGET")
def order_details(req: Request) -> Reply:
    order = read_seller_order(req, req.path_params["id"])
    # An order is read far more often than it changes: its rendered details are kept until an order is written.
    return Reply(memo(req.world.store, ("order-details", order["id"]), (ORDER_KIND,),
                      lambda: orjson.dumps(model.view(order))))


@handler("allegro", "setOrderFulfillmentUsingPUT")
def set_fulfillment(req: Request) -> Reply:
    """No transition graph: any status at any time (#9669), except RETURNED, which only Allegro sets; at most
    `maxStatusChangesPerOrder` operations per order (#11908); One Fulfillment orders are Allegro's to fulfil.
    `shipmentSummary` and `provider` in the body are ignored: Allegro computes them."""
    order = seller_order(req, req.path_params["id"])
    check_revision(req, order)
    status = (req.body or {}).get("status")
    if status is None:
        raise AllegroError(422, "VALIDATION_ERROR", "status must not be null", path="status")
    failed = f"Failed to set status {status} on order {order['id']}"
    if status == "RETURNED":
        raise AllegroError(422, "VALIDATION_ERROR", f"{failed}: status RETURNED cannot be set by the seller",
                           path="status")
    if model.fulfilled_by_allegro(order):
        raise AllegroError(422, UNPROCESSABLE, f"{failed}: the order is fulfilled by Allegro (One Fulfillment)")
    limit = int(req.world.config.get("maxStatusChangesPerOrder"))
    if int(order["_targ"]["statusChanges"]) >= limit:
        raise AllegroError(422, UNPROCESSABLE, f"{failed}: the limit of {limit} status changes is reached")
    model.set_fulfillment_status(order, status)
    model.save(req.world, order)
    events.journal(req.world, model.seller_of(order), [events.happened(req.world, order,
                                                                        "FULFILLMENT_STATUS_CHANGED")])
    return Reply(None, 204)


@handler("allegro", "getOrderEventsUsingGET")
def order_events(req: Request) -> Reply:
    seller = seller_id(req)
    raw_from = req.param("from")
    # ASCII digits only: str.isdigit() also takes "²" (which int() refuses: a 500) and other scripts' digits.
    if raw_from is not None and not (raw_from.isascii() and raw_from.isdigit()):
        raise AllegroError(422, "VALIDATION_ERROR", f"from must be an event id, not {raw_from!r}", path="from",
                           details="query parameter")
    types = list(req.param("type") or [])
    unknown = [t for t in types if t not in events.TYPES]
    if unknown:
        raise AllegroError(422, "VALIDATION_ERROR", f"type must be one of {', '.join(events.TYPES)}: "
                           f"{unknown[0]!r} is not", path="type", details="query parameter")
    found = events.read(req.world, seller, after=None if raw_from is None else int(raw_from),
                        types=frozenset(types) or None, limit=int(req.param("limit", 100)))
    return Reply({"events": found})


@handler("allegro", "getOrderEventsStatisticsUsingGET")
def order_event_stats(req: Request) -> Reply:
    """With nothing in the journal the vendor answers `{"latestEvent": null}` (#2683; the bundle's erratum
    order-event-stats-latest-event-null makes the spec agree)."""
    return Reply({"latestEvent": events.latest(req.world, seller_id(req))})
