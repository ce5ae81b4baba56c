"""`/v1/orders`: create (upsert), get and update by Voucherify id or source id, list; `POST /v1/orders/import`
(the background import itself: targ.voucherify.orders.imports)."""

from __future__ import annotations

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.async_actions.models import new_action
from targ.voucherify.common import found, list_page, nulls_first, project_of
from targ.voucherify.orders.documents import as_order
from targ.voucherify.orders.imports import ACTION_TYPE, BATCH_KIND, enqueue_import
from targ.voucherify.orders.models import ORDER_KIND, find_order, render_order, update_order, upsert_order
from targ.voucherify.orders.validation import check_import, check_order

# list-orders `order`: updated_at falls back to created_at for orders never updated.
ORDER_SORT = {
    "created_at": lambda o: o["created_at"],
    "updated_at": lambda o: o["updated_at"] if o["updated_at"] is not None else o["created_at"],
    "source_id": lambda o: nulls_first(o["source_id"]),
    "status": lambda o: o["status"],
}


@handler("voucherify", "create-order")
def create_order(req: Request) -> Reply:
    body = req.body or {}
    check_order(body)
    return Reply(render_order(upsert_order(req.world, project_of(req), body)))


@handler("voucherify", "get-order")
def get_order(req: Request) -> Reply:
    ref = req.path_params["orderId"]
    doc = found(find_order(req.world, project_of(req), ref), "order", ref)
    return Reply(render_order(as_order(doc.data)))


@handler("voucherify", "update-order")
def put_order(req: Request) -> Reply:
    ref = req.path_params["orderId"]
    project = project_of(req)
    doc = found(find_order(req.world, project, ref), "order", ref)
    body = req.body or {}
    check_order(body)
    return Reply(render_order(update_order(req.world, project, doc, body)))


@handler("voucherify", "list-orders")
def list_orders(req: Request) -> Reply:
    orders, total = list_page(req.world, ORDER_KIND, project_of(req), req, ORDER_SORT)
    return Reply({"object": "list", "data_ref": "orders", "orders": [render_order(as_order(o)) for o in orders],
                  "total": total})


@handler("voucherify", "import-orders")
def import_orders(req: Request) -> Reply:
    check_import(req.body)
    world, project = req.world, project_of(req)
    action = new_action(world, project, ACTION_TYPE, req.trace_id)
    world.store.put(BATCH_KIND, action["id"], {"orders": req.body, "offset": 0, "done": 0, "failed": []},
                    owner=project)
    enqueue_import(world, project, action["id"])
    return Reply({"async_action_id": action["id"]})
