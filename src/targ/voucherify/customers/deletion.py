"""`POST /v1/customers/{id}/permanent-deletion`: the customer "forgotten" with its data and connected resources.

The vendor "deletes all customer data and connected resources" and answers a DONE permanent deletion object whose
`data_json` counts what went (its example: `"orders": 9, "customer": 1`). Of the vendor's connected resources targ
keeps the customer's orders (those it placed as the customer; orders it only referred keep their `referrer_id`):
they are deleted and counted; events, segments and order events targ does not keep, so they count 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.voucherify.common import iso_or_none
from targ.voucherify.customers.models import delete_customer
from targ.voucherify.orders.models import ORDER_KIND

if TYPE_CHECKING:
    from targ.store.base import Doc
    from targ.world import World


def forget_customer(world: World, project: str, customer: Doc) -> dict[str, Any]:
    """Deletes the customer and its orders; the vendor's permanent deletion object (kept nowhere: the vendor has
    no endpoint that reads it back)."""
    orders = [d.id for d in world.store.find(ORDER_KIND, project) if d.data["customer_id"] == customer.id]
    for order_id in orders:
        world.store.delete(ORDER_KIND, order_id)
    delete_customer(world, project, customer)
    return {
        "id": "del_" + world.ids.token("vf_deletion", 24),
        "created_at": iso_or_none(world.clock.now_ms()),
        "related_object_id": customer.id,
        "related_object": "customer",
        "status": "DONE",
        "data_json": {"events": 0, "customer_events": 0, "daily_events": 0, "segments": 0, "orders": len(orders),
                      "order_events": 0, "customer": 1},
        # sic: the vendor's spelling
        "object": "pernament_deletion",
    }
