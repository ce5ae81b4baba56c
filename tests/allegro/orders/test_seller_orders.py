"""The seller's order list, order details and fulfillment status over plain HTTP: statuses, headers and the exact
error bodies."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from orders_helpers import (
    ALLEGRO_JSON,
    act,
    add_shipment,
    advance,
    buy,
    errors,
    events,
    order,
    other_seller,
    set_status,
)

from targ.testing import TargServer

UNKNOWN = "29738e61-7f6a-11e8-ac45-09db60ede9d6"


def listed(allegro: httpx.Client, **params: Any) -> list[str]:
    resp = allegro.get("/order/checkout-forms", params=params)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["count"] == len(body["checkoutForms"])
    return [cf["id"] for cf in body["checkoutForms"]]


@pytest.fixture
def three(targ: TargServer, http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> list[str]:
    """Three orders an hour apart: paid (then PROCESSING and shipped), unpaid, cash on delivery."""
    first = buy(http, offers["A"], buyer={"login": "pierwszy"})["checkoutFormId"]
    advance(targ, allegro, "PT1H")
    second = buy(http, offers["A"], pay=False, buyer={"login": "drugi"})["checkoutFormId"]
    advance(targ, allegro, "PT1H")
    third = buy(http, offers["B"], payment={"type": "CASH_ON_DELIVERY"})["checkoutFormId"]
    assert set_status(allegro, first, "PROCESSING").status_code == 204
    assert add_shipment(allegro, first).status_code == 201
    return [first, second, third]


def test_list_filters(allegro: httpx.Client, three: list[str]) -> None:
    first, second, third = three
    assert listed(allegro) == [third, second, first]                     # newest purchase first
    assert listed(allegro, sort="lineItems.boughtAt") == [first, second, third]
    assert listed(allegro, status="FILLED_IN") == [second]
    assert listed(allegro, status="READY_FOR_PROCESSING") == [third, first]
    assert listed(allegro, **{"fulfillment.status": "PROCESSING"}) == [first]
    assert listed(allegro, **{"fulfillment.shipmentSummary.lineItemsSent": "ALL"}) == [first]
    assert listed(allegro, **{"fulfillment.shipmentSummary.lineItemsSent": "NONE"}) == [third, second]
    assert listed(allegro, **{"fulfillment.provider.id": "SELLER"}) == [third, second, first]
    assert listed(allegro, **{"buyer.login": "drugi"}) == [second]
    assert listed(allegro, **{"marketplace.id": "allegro-cz"}) == []
    assert listed(allegro, **{"lineItems.boughtAt.gte": "2026-01-01T01:00:00Z"}) == [third, second]
    assert listed(allegro, **{"lineItems.boughtAt.lte": "2026-01-01T01:00:00.000Z"}) == [second, first]
    cf = order(allegro, first)
    assert listed(allegro, **{"payment.id": cf["payment"]["id"]}) == [first]
    assert listed(allegro, **{"delivery.method.id": order(allegro, third)["delivery"]["method"]["id"]}) == [third]
    page = allegro.get("/order/checkout-forms", params={"offset": 1, "limit": 1}).json()
    assert page["count"] == 1 and page["totalCount"] == 3 and page["checkoutForms"][0]["id"] == second


def test_several_values_of_status_filters_give_the_union(allegro: httpx.Client, three: list[str]) -> None:
    """#3432 NEWS: repeated values; #9408: the comma form."""
    first, second, third = three
    url = "/order/checkout-forms"

    def ids(query: str) -> list[str]:
        resp = allegro.get(f"{url}?{query}")
        assert resp.status_code == 200, resp.text
        return [cf["id"] for cf in resp.json()["checkoutForms"]]
    assert ids("status=FILLED_IN&status=READY_FOR_PROCESSING") == [third, second, first]
    assert ids("status=FILLED_IN,BOUGHT") == [second]
    assert ids("fulfillment.status=NEW&fulfillment.status=PROCESSING") == [third, second, first]
    assert ids("fulfillment.status=PROCESSING,SENT") == [first]
    assert ids("status=READY_FOR_PROCESSING&fulfillment.status=NEW,SENT") == [third]
    bad = allegro.get(f"{url}?status=FILLED_IN&status=PAID")
    assert bad.status_code == 400 and errors(bad)[0]["path"] == "status"


def test_date_filters_take_offsets_encoded(allegro: httpx.Client, three: list[str]) -> None:
    first, second, third = three
    resp = allegro.get("/order/checkout-forms?lineItems.boughtAt.gte=2026-01-01T02:00:00%2B01:00")
    assert [cf["id"] for cf in resp.json()["checkoutForms"]] == [third, second]
    assert listed(allegro, **{"lineItems.boughtAt.lte": "2025-12-31T19:00:00-05:00"}) == [first]
    # Issue 15's example, encoded; httpx encodes the `+` of an offset given as a parameter value too.
    resp = allegro.get("/order/checkout-forms?updatedAt.gte=2026-01-01T01:00:00%2B00:00&sort=updatedAt")
    assert resp.status_code == 200 and [cf["id"] for cf in resp.json()["checkoutForms"]] == [second, third]
    assert listed(allegro, **{"updatedAt.lte": "2026-01-01T02:00:00+01:00"}) == [second, first]


def test_a_single_valued_parameter_given_twice_is_refused(allegro: httpx.Client, three: list[str]) -> None:
    """Only one value can be meant; taking the first silently answered with the wrong data."""
    resp = allegro.get("/order/checkout-forms?buyer.login=drugi&buyer.login=pierwszy")
    assert resp.status_code == 422
    assert errors(resp) == [{"code": "VALIDATION_ERROR", "message": "buyer.login takes one value, got 2: drugi, "
                             "pierwszy", "details": "query parameter", "path": "buyer.login",
                             "userMessage": "Pole buyer.login ma nieprawidłową wartość.", "metadata": {}}]
    assert allegro.get("/order/checkout-forms?limit=1&limit=2").status_code == 422
    assert listed(allegro, **{"buyer.login": ["drugi", "drugi"]}) == [three[1]]   # the same value twice is one


def test_updated_at_moves_with_the_buyer_only(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                              three: list[str]) -> None:
    first, second, third = three
    advance(targ, allegro, "PT1H")
    act(http, second, "pay")
    assert set_status(allegro, third, "SENT").status_code == 204
    assert listed(allegro, sort="-updatedAt") == [second, third, first]
    assert listed(allegro, sort="updatedAt") == [first, third, second]
    assert listed(allegro, **{"updatedAt.gte": "2026-01-01T03:00:00Z"}) == [second]
    assert listed(allegro, **{"updatedAt.lte": "2026-01-01T02:00:00Z"}) == [third, first]


def test_list_errors(allegro: httpx.Client, three: list[str]) -> None:
    too_far = allegro.get("/order/checkout-forms", params={"offset": 9950, "limit": 51})
    assert too_far.status_code == 422
    message = "Offset and limit parameters exceed maximal result size of 10000 items"
    assert errors(too_far) == [{"code": "VALIDATION_ERROR", "message": message, "details": None,
                                "path": "/order/checkout-forms", "userMessage": message, "metadata": {}}]
    assert allegro.get("/order/checkout-forms", params={"offset": 9900, "limit": 100}).status_code == 200
    bad = allegro.get("/order/checkout-forms", params={"status": "PAID"})
    assert bad.status_code == 400 and errors(bad)[0]["code"] == "VALIDATION_ERROR"
    assert errors(bad)[0]["path"] == "status"
    for unzoned in ("2026-01-01T01:00:00", "2026-01-01T01:00:00 01:00"):   # #2347; an unencoded + (#2948)
        refused = allegro.get("/order/checkout-forms", params={"updatedAt.gte": unzoned})
        assert refused.status_code == 422 and errors(refused)[0]["path"] == "updatedAt.gte"
    for params in ({"limit": 101}, {"offset": -1}, {"sort": "price"}, {"updatedAt.gte": "yesterday"}):
        assert allegro.get("/order/checkout-forms", params=params).status_code == 422, params


def test_order_details_errors(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                              offers: dict[str, str]) -> None:
    missing = allegro.get(f"/order/checkout-forms/{UNKNOWN}")
    assert missing.status_code == 404
    message = f"Checkout form {UNKNOWN} not found"
    assert errors(missing) == [{"code": "CheckoutFormNotFoundException", "message": message, "details": None,
                                "path": f"/order/checkout-forms/{UNKNOWN}", "userMessage": message, "metadata": {}}]
    malformed = allegro.get("/order/checkout-forms/not-a-uuid")
    assert malformed.status_code == 422 and errors(malformed)[0]["code"] == "VALIDATION_ERROR"
    assert errors(malformed)[0]["path"] == "id"
    someone = other_seller(targ, http)
    theirs = buy(http, someone["offerId"])["checkoutFormId"]
    # Another seller's order is 404 as an unknown one: "Order not found or doesn't belong to the seller" (the spec;
    # allegro-behaviour.md §2, §5). Nothing changes.
    gone = f"Checkout form {theirs} not found"
    for resp in (allegro.get(f"/order/checkout-forms/{theirs}"), set_status(allegro, theirs, "SENT"),
                 allegro.get(f"/order/checkout-forms/{theirs}/shipments"), add_shipment(allegro, theirs),
                 allegro.get(f"/order/checkout-forms/{theirs}/invoices")):
        assert resp.status_code == 404, resp.text
        assert errors(resp)[0]["code"] in ("CheckoutFormNotFoundException", "ORDER-NOT-FOUND")
    assert errors(allegro.get(f"/order/checkout-forms/{theirs}"))[0]["message"] == gone
    theirs_now = httpx.get(f"{targ.url}/order/checkout-forms/{theirs}", headers=someone["headers"]).json()
    assert theirs_now["fulfillment"]["status"] == "NEW"
    shipments = httpx.get(f"{targ.url}/order/checkout-forms/{theirs}/shipments", headers=someone["headers"])
    assert shipments.json()["shipments"] == []
    assert listed(allegro) == []
    mine = httpx.get(f"{targ.url}/order/checkout-forms", headers=someone["headers"]).json()
    assert [cf["id"] for cf in mine["checkoutForms"]] == [theirs]
    ok = allegro.get(f"/order/checkout-forms/{buy(http, offers['A'])['checkoutFormId']}")
    assert ok.headers["content-type"] == "application/vnd.allegro.public.v1+json;charset=UTF-8"


def test_orders_leave_after_twelve_months(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                          offers: dict[str, str]) -> None:
    old = buy(http, offers["A"])["checkoutFormId"]
    advance(targ, allegro, "P300D")
    recent = buy(http, offers["A"])["checkoutFormId"]
    advance(targ, allegro, "P65DT1S")
    assert listed(allegro) == [recent]
    assert allegro.get(f"/order/checkout-forms/{old}").status_code == 404
    assert errors(allegro.get(f"/order/checkout-forms/{old}"))[0]["code"] == "CheckoutFormNotFoundException"
    assert allegro.get(f"/order/checkout-forms/{recent}").status_code == 200


def test_fulfillment_status(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    before = order(allegro, order_id)
    for status in ("SENT", "NEW", "PICKED_UP", "CANCELLED", "READY_FOR_PICKUP"):     # no transition graph
        resp = set_status(allegro, order_id, status, before["revision"])
        assert resp.status_code == 204 and resp.content == b"" and resp.headers.get("trace-id")
    after = order(allegro, order_id)
    assert after["fulfillment"]["status"] == "READY_FOR_PICKUP" and after["status"] == "READY_FOR_PROCESSING"
    assert (after["revision"], after["updatedAt"]) == (before["revision"], before["updatedAt"])
    changed = events(allegro, type="FULFILLMENT_STATUS_CHANGED")
    assert len(changed) == 5 and {e["order"]["checkoutForm"]["revision"] for e in changed} == {before["revision"]}
    returned = set_status(allegro, order_id, "RETURNED")
    assert returned.status_code == 422 and errors(returned)[0]["path"] == "status"
    empty = allegro.put(f"/order/checkout-forms/{order_id}/fulfillment", json={},
                        headers={"Content-Type": ALLEGRO_JSON})
    assert empty.status_code == 422
    wrong = allegro.put(f"/order/checkout-forms/{order_id}/fulfillment", json={"status": "LOST"},
                        headers={"Content-Type": ALLEGRO_JSON})
    assert wrong.status_code == 422 and errors(wrong)[0]["code"] == "VALIDATION_ERROR"
    missing = set_status(allegro, UNKNOWN, "SENT")
    assert missing.status_code == 404 and errors(missing)[0]["code"] == "CheckoutFormNotFoundException"


def test_stale_revision_is_a_conflict(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"], pay=False)["checkoutFormId"]
    read = order(allegro, order_id)["revision"]
    act(http, order_id, "pay")                               # the buyer, between the seller's read and write
    stale = set_status(allegro, order_id, "PROCESSING", read)
    assert stale.status_code == 409
    [problem] = errors(stale)
    assert problem["code"] == "CONFLICT" and problem["path"] == "checkoutForm.revision"
    assert order(allegro, order_id)["fulfillment"]["status"] == "NEW"
    assert set_status(allegro, order_id, "PROCESSING", order(allegro, order_id)["revision"]).status_code == 204


def test_status_change_limit(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    assert http.patch("/__targ/config", json={"maxStatusChangesPerOrder": 3}).status_code == 200
    order_id = buy(http, offers["A"])["checkoutFormId"]
    for status in ("PROCESSING", "READY_FOR_SHIPMENT", "SENT"):
        assert set_status(allegro, order_id, status).status_code == 204
    over = set_status(allegro, order_id, "PICKED_UP")
    assert over.status_code == 422
    assert errors(over) == [{"code": "SellerOrdersStoreUnprocessableEntityException",
                             "message": f"Failed to set status PICKED_UP on order {order_id}: the limit of 3 status "
                                        "changes is reached", "details": None, "path": None,
                             "userMessage": f"Failed to set status PICKED_UP on order {order_id}: the limit of 3 "
                                            "status changes is reached", "metadata": {}}]
    assert order(allegro, order_id)["fulfillment"]["status"] == "SENT"
    assert len(events(allegro, type="FULFILLMENT_STATUS_CHANGED")) == 3


def test_one_fulfillment_orders_refuse_seller_statuses(http: httpx.Client, allegro: httpx.Client,
                                                       offers: dict[str, str]) -> None:
    order_id = buy(http, offers["C"])["checkoutFormId"]
    refused = set_status(allegro, order_id, "SENT")
    assert refused.status_code == 422
    assert errors(refused)[0]["code"] == "SellerOrdersStoreUnprocessableEntityException"
    # Allegro's warehouse took the paid order (docs/fulfillment.md); the seller's SENT changed nothing.
    assert order(allegro, order_id)["fulfillment"]["status"] == "PROCESSING"
    assert len(events(allegro, type="FULFILLMENT_STATUS_CHANGED")) == 1


def test_line_item_id_mappings(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                               offers: dict[str, str]) -> None:
    cf = order(allegro, buy(http, offers["A"])["checkoutFormId"])
    line_item = cf["lineItems"][0]["id"]
    found = allegro.get("/order/line-item-id-mappings", params={"lineItemId": line_item}).json()["mappings"]
    deal_id = found[0]["dealId"]
    assert found == [{"dealId": deal_id, "lineItemId": line_item}] and deal_id == "7764645436"
    assert allegro.get("/order/line-item-id-mappings", params={"dealId": deal_id}).json()["mappings"] == found
    neither = allegro.get("/order/line-item-id-mappings")
    assert neither.status_code == 422
    assert errors(neither)[0]["message"] == "Missing required parameter. Provide lineItemId or dealId."
    for params in ({"dealId": "1"}, {"lineItemId": UNKNOWN}, {"lineItemId": line_item, "dealId": "1"}):
        resp = allegro.get("/order/line-item-id-mappings", params=params)
        assert resp.status_code == 404 and errors(resp)[0]["code"] == "NotFoundException", params
    someone = other_seller(targ, http)
    theirs = httpx.get(f"{targ.url}/order/line-item-id-mappings", params={"dealId": deal_id},
                       headers=someone["headers"])
    assert theirs.status_code == 404
