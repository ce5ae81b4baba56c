"""Line items: the legacy deal id ↔ line item id mapping (seed 000's `find_mapping`, `GET
/order/line-item-id-mappings`, from the 2020 spec) and serial numbers (`POST …/serial-numbers`, from the 2026 spec).

Serial numbers: each call carries the full list of the line items it names and replaces what was stored for them
(which also edits and deletes, #13375); at most `quantity` entries per line item, no line item twice (422); an id not
in the order → 404. They show in the order as `lineItems[].serialNumbers` (`expected`: the order goes abroad, where
the vendor requires them; `entries[].returned`: false until a customer return declares the unit).
"""

from __future__ import annotations

from targ.allegro.errors import AllegroError
from targ.allegro.orders import model
from targ.allegro.orders.access import check_revision, seller_id, seller_order
from targ.allegro.orders.documents import CheckoutForm
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


@handler("allegro", "findMapping")
def find_mapping(req: Request) -> Reply:
    seller = seller_id(req)
    line_item_id, deal_id = req.param("lineItemId"), req.param("dealId")
    if line_item_id is None and deal_id is None:
        raise AllegroError(422, "VALIDATION_ERROR", "Missing required parameter. Provide lineItemId or dealId.",
                           details="query parameter")
    store = req.world.store
    doc = store.get_doc(model.LINE_ITEM_KIND, line_item_id) if line_item_id else \
        store.get_by_alt(model.LINE_ITEM_KIND, seller, str(deal_id))
    order = model.get_form(req.world, doc.data["checkoutFormId"]) if doc is not None else None
    if (doc is None or doc.owner != seller or (deal_id is not None and doc.data["dealId"] != deal_id)
            or order is None or not model.retained(req.world, order)):
        message = f"Mapping for line item {line_item_id or ''} / deal {deal_id or ''} not found"
        raise AllegroError(404, "NotFoundException", message.replace("  ", " "))
    return Reply({"mappings": [{"dealId": doc.data["dealId"], "lineItemId": doc.data["lineItemId"]}]})


def _entries(order: CheckoutForm, body: Json) -> dict[str, list[Json]]:
    wanted: dict[str, list[Json]] = {}
    for i, item in enumerate(body.get("lineItems") or []):
        line_item = model.line_item(order, item["id"])
        if line_item is None:
            raise AllegroError(404, "OrderLineItemNotFoundException", f"Line item {item['id']} not found in order "
                               f"{order['id']}", path=f"lineItems[{i}].id")
        if item["id"] in wanted:
            raise AllegroError(422, "VALIDATION_ERROR", f"Line item {item['id']} is given more than once",
                               path=f"lineItems[{i}].id")
        values = [e["value"] for e in item["serialNumbers"]["entries"]]
        if len(values) > int(line_item["quantity"]):
            raise AllegroError(422, "VALIDATION_ERROR", f"Line item {item['id']} takes at most "
                               f"{line_item['quantity']} serial numbers, {len(values)} given",
                               path=f"lineItems[{i}].serialNumbers.entries")
        if any(not v.strip() for v in values):
            raise AllegroError(422, "VALIDATION_ERROR", "A serial number must not be blank",
                               path=f"lineItems[{i}].serialNumbers.entries")
        wanted[item["id"]] = [{"value": v, "returned": False} for v in values]
    return wanted


@handler("allegro", "setOrderLineItemsSerialNumbersUsingPOST")
def set_serial_numbers(req: Request) -> Reply:
    order = seller_order(req, req.path_params["id"])
    check_revision(req, order)
    if not (req.body or {}).get("lineItems"):
        raise AllegroError(422, "VALIDATION_ERROR", "lineItems must not be empty", path="lineItems")
    abroad = order["delivery"]["address"]["countryCode"] != order["_targ"]["country"]
    for line_item_id, entries in _entries(order, req.body).items():
        line_item = model.line_item(order, line_item_id)
        assert line_item is not None
        line_item["serialNumbers"] = {"expected": abroad, "entries": entries}
    model.save(req.world, order)
    return Reply(None, 204)
