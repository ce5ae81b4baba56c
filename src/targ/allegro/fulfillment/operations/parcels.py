"""`GET /fulfillment/orders/{orderId}/parcels`: what the warehouse sent for a One Fulfillment order (parcels.py).

The operation declares only 200, 401 and 404: an order that does not exist, is past retention, is another seller's
or is not a One Fulfillment order (the seller ships it) is 404 `NOT_FOUND`, the code of the other fulfillment
resources, so that nobody learns about other sellers' orders. Before the order is SENT the list is empty.
"""

from __future__ import annotations

from targ.allegro.fulfillment import parcels
from targ.allegro.fulfillment.common import error
from targ.allegro.fulfillment.operations.caller import seller_id
from targ.allegro.orders import model as orders
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getFulfillmentOrderParcels")
def get_parcels(req: Request) -> Reply:
    seller = seller_id(req)
    order_id = req.path_params["orderId"]
    doc = req.world.store.get_doc(orders.ORDER_KIND, order_id)
    if (doc is None or doc.owner != seller or not orders.retained(req.world, doc.data)
            or not orders.fulfilled_by_allegro(doc.data)):
        raise error(404, "NOT_FOUND", "order_not_found", {"id": order_id}, path="orderId")
    return Reply({"orderId": order_id, "parcels": parcels.view(req.world, order_id)})
