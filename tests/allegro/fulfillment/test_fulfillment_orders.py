"""Orders of One Fulfillment offers, shipped by Allegro's warehouse: on the clock and on demand, SUSPENDED while
units are missing, reservations released by cancels, parcels with serial numbers and expiry dates, and what the
seller may not do."""

from __future__ import annotations

from typing import Any

import httpx
from fulfillment_helpers import buy, complete_body, later, other_seller, submitted, warehouse

from targ.testing import TargServer

UNKNOWN = "6c2bcbe1-3040-4230-952a-6599da2f4b49"


def _status(client: httpx.Client, order_id: str) -> str:
    return str(client.get(f"/order/checkout-forms/{order_id}").json()["fulfillment"]["status"])


def _quantity(client: httpx.Client) -> dict[str, int]:
    [row] = client.get("/fulfillment/stock").json()["stock"]
    return dict(row["quantity"])


def _offer(client: httpx.Client, offer_id: str) -> tuple[str, int]:
    offer = client.get(f"/sale/product-offers/{offer_id}").json()
    return offer["publication"]["status"], offer["stock"]["available"]


def _statuses_journaled(client: httpx.Client) -> int:
    return len(client.get("/order/events", params={"type": "FULFILLMENT_STATUS_CHANGED"}).json()["events"])


def _deliver(targ: TargServer, client: httpx.Client, product: str, received: list[dict[str, Any]]) -> None:
    """A notice for the product, counted by hand as `received` and put away."""
    asn = submitted(targ, client, complete_body(product, quantity=sum(r["quantity"] for r in received)))
    warehouse(targ, asn["id"], "arrive")
    warehouse(targ, asn["id"], "receive", {"content": [{"product": {"id": product}, "received": received}]})
    warehouse(targ, asn["id"], "complete")


def _ship(http: httpx.Client, order_id: str, step: str = "ship") -> httpx.Response:
    return http.post(f"/__targ/warehouse/orders/{order_id}/{step}")


def test_cancelled_orders_release_their_reservation(targ: TargServer, allegro: httpx.Client,
                                                    demo: dict[str, Any]) -> None:
    offer_c = demo["offers"][2]["id"]
    # An unpaid order of every unit: the offer ends for lack of stock, the units are on order.
    order_id = buy(targ, offer_c, 20, pay=False)["checkoutFormId"]
    assert _offer(allegro, offer_c) == ("ENDED", 0)
    assert _quantity(allegro) == {"onOffer": 0, "available": 0, "onOrder": 20, "onHold": 0}
    # The buyer cancels: the units are the offer's again, and the offer is listed again (One Fulfillment offers
    # follow the warehouse, seed 003). The warehouse never touched the order.
    targ.admin.call("POST", f"/buyer/checkout-forms/{order_id}/cancel")
    assert _offer(allegro, offer_c) == ("ACTIVE", 20)
    assert _quantity(allegro) == {"onOffer": 20, "available": 20, "onOrder": 0, "onHold": 0}
    assert _status(allegro, order_id) == "NEW" and _statuses_journaled(allegro) == 0
    # Allegro cancels an order left unpaid (paymentDeadline): the same.
    buy(targ, offer_c, 5, pay=False)
    later(targ, allegro, "P7D")
    assert _offer(allegro, offer_c) == ("ACTIVE", 20)


def test_missing_units_suspend_an_order_until_a_delivery(targ: TargServer, allegro: httpx.Client, http: httpx.Client,
                                                         demo: dict[str, Any], product: str) -> None:
    offer_c = demo["offers"][2]["id"]
    order_id = buy(targ, offer_c, 3, pay=False)["checkoutFormId"]
    # A stocktaking finds 18 of the 20 units missing: 2 are left for an order of 3.
    lost = http.post("/__targ/warehouse/stock-losses",
                     json={"sellerId": demo["sellerId"], "productId": product, "quantity": 18})
    assert lost.status_code == 201 and lost.json() == {"sellerId": demo["sellerId"], "productId": product,
                                                       "quantity": 18, "sellable": 2, "onHold": 0}
    assert _offer(allegro, offer_c) == ("ENDED", 0)
    targ.admin.call("POST", f"/buyer/checkout-forms/{order_id}/pay")
    assert _status(allegro, order_id) == "SUSPENDED"
    refused = _ship(http, order_id)
    assert refused.status_code == 409 and refused.json()["error"] == "insufficient_stock"
    later(targ, allegro, "PT8H")
    assert _status(allegro, order_id) == "SUSPENDED"                   # nothing moves while units are missing
    # A delivery of 5 units: the order is taken up again, the offer listed again with what is left to sell.
    _deliver(targ, allegro, product, [{"quantity": 5, "receivedType": "SELLABLE"}])
    assert _status(allegro, order_id) == "PROCESSING"
    assert _offer(allegro, offer_c) == ("ACTIVE", 4)
    later(targ, allegro, "PT6H")
    assert _status(allegro, order_id) == "SENT"
    assert _quantity(allegro) == {"onOffer": 4, "available": 4, "onOrder": 0, "onHold": 0}
    assert _statuses_journaled(allegro) == 4                           # SUSPENDED, PROCESSING, packed, SENT


def test_units_picked_for_orders_cannot_go_missing(targ: TargServer, http: httpx.Client, demo: dict[str, Any],
                                                   product: str) -> None:
    buy(targ, demo["offers"][2]["id"], 2)                              # paid: the warehouse picks 2 units
    body = {"sellerId": demo["sellerId"], "productId": product, "quantity": 19}
    refused = http.post("/__targ/warehouse/stock-losses", json=body)
    assert refused.status_code == 409 and refused.json()["error"] == "insufficient_stock"
    assert http.post("/__targ/warehouse/stock-losses", json={**body, "quantity": 18}).status_code == 201
    assert http.post("/__targ/warehouse/stock-losses", json={**body, "productId": UNKNOWN}).status_code == 404
    for bad in ({**body, "quantity": 0}, {**body, "extra": 1}, {"productId": product, "quantity": 1}):
        assert http.post("/__targ/warehouse/stock-losses", json=bad).status_code == 400


def test_on_demand_steps_and_their_refusals(targ: TargServer, allegro: httpx.Client, http: httpx.Client,
                                            demo: dict[str, Any]) -> None:
    offer_a, offer_c = demo["offers"][0]["id"], demo["offers"][2]["id"]
    order_id = buy(targ, offer_c, 1)["checkoutFormId"]
    packed = _ship(http, order_id, "pack")
    assert packed.status_code == 200 and packed.json()["fulfillmentStatus"] == "READY_FOR_SHIPMENT"
    assert [e["type"] for e in packed.json()["events"]] == ["FULFILLMENT_STATUS_CHANGED"]
    assert packed.json()["parcels"] == []
    assert _ship(http, order_id, "pack").json()["error"] == "conflict"
    shipped = _ship(http, order_id).json()
    assert shipped["fulfillmentStatus"] == "SENT" and len(shipped["parcels"]) == 1
    assert _ship(http, order_id).status_code == 409
    # The jobs the clock had scheduled for those steps find them taken and do nothing.
    targ.clock.advance("PT6H")
    assert _statuses_journaled(allegro) == 3
    assert len(allegro.get(f"/order/checkout-forms/{order_id}/shipments").json()["shipments"]) == 1

    refusals = {
        "not_one_fulfillment": buy(targ, offer_a, 1)["checkoutFormId"],
        "not_ready": buy(targ, offer_c, 1, pay=False)["checkoutFormId"],
    }
    cancelled = buy(targ, offer_c, 1, pay=False)["checkoutFormId"]
    targ.admin.call("POST", f"/buyer/checkout-forms/{cancelled}/cancel")
    refusals["order_cancelled"] = cancelled
    for key, refused_id in refusals.items():
        resp = _ship(http, refused_id)
        assert (resp.status_code, resp.json()["error"]) == (409, key)
    assert _ship(http, UNKNOWN).status_code == 404


def test_parcels_list_serial_numbers_and_expiry_dates(targ: TargServer, allegro: httpx.Client, http: httpx.Client,
                                                      demo: dict[str, Any], product: str) -> None:
    offer_c = demo["offers"][2]["id"]
    _deliver(targ, allegro, product, [
        {"quantity": 2, "receivedType": "SELLABLE", "serialNumbers": ["PB-001", "PB-002"],
         "expirationDate": "2027-03-01"},
        {"quantity": 2, "receivedType": "SELLABLE", "expirationDate": "2027-06-01"}])
    # 22 units: the demo's 20 (oldest, nothing recorded of them), then 2 of the first lot.
    order_id = buy(targ, offer_c, 22)["checkoutFormId"]
    parcels = _ship(http, order_id).json()["parcels"]
    assert parcels == allegro.get(f"/fulfillment/orders/{order_id}/parcels").json()["parcels"]
    [parcel] = parcels
    assert parcel["items"] == [
        {"productId": product, "quantity": 20, "serialNumbers": [], "offerId": offer_c},
        {"productId": product, "quantity": 2, "serialNumbers": ["PB-001", "PB-002"], "expirationDate": "2027-03-01",
         "offerId": offer_c}]


def test_parcels_of_orders_that_are_not_the_callers_one_fulfillment_orders_are_404(
        targ: TargServer, allegro: httpx.Client, demo: dict[str, Any]) -> None:
    own = buy(targ, demo["offers"][2]["id"], 1)["checkoutFormId"]
    seller_shipped = buy(targ, demo["offers"][0]["id"], 1)["checkoutFormId"]
    for order_id in (UNKNOWN, seller_shipped):
        resp = allegro.get(f"/fulfillment/orders/{order_id}/parcels")
        assert resp.status_code == 404 and resp.json()["errors"][0]["code"] == "NOT_FOUND"
    _, stranger = other_seller(targ, "obcy-sprzedawca")
    with stranger:
        assert stranger.get(f"/fulfillment/orders/{own}/parcels").status_code == 404
    assert allegro.get(f"/fulfillment/orders/{own}/parcels").json() == {"orderId": own, "parcels": []}


def test_every_fulfillment_operation_is_stateful(http: httpx.Client) -> None:
    rows = [r for r in http.get("/__targ/coverage").json()["operations"]
            if r["vendor"] == "allegro" and r["path"].startswith("/fulfillment/")]
    assert len(rows) >= 20
    assert {r["operationId"]: r["backing"] for r in rows if r["backing"] != "stateful"} == {}
