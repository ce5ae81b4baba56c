"""What the buyer and Allegro do to an order after the purchase: cancel, change the address, pay, and the automatic
cancellation of unpaid orders; the buyer's window and what closes it."""

from __future__ import annotations

import httpx
import pytest
from orders_helpers import act, add_shipment, advance, buy, events, order, set_status

from targ.testing import TargServer


def stock(http: httpx.Client, offer_id: str) -> int:
    return next(o["stock"] for o in http.get("/__targ/demo").json()["offers"] if o["id"] == offer_id)


def test_buyer_cancels_within_the_window(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                         offers: dict[str, str]) -> None:
    bought = buy(http, offers["A"], 4)
    before = order(allegro, bought["checkoutFormId"])
    advance(targ, allegro, "P2DT23H")
    cancelled = act(http, before["id"], "cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "CANCELLED"
    [event] = cancelled.json()["events"]
    assert event["type"] == "BUYER_CANCELLED" and event["occurredAt"] == "2026-01-03T23:00:00.000Z"
    after = order(allegro, before["id"])
    assert after["status"] == "CANCELLED" and after["fulfillment"]["status"] == "NEW"
    assert after["revision"] != before["revision"] and after["updatedAt"] == "2026-01-03T23:00:00.000Z"
    assert event["order"]["checkoutForm"]["revision"] == after["revision"]
    assert stock(http, offers["A"]) == 100
    again = act(http, before["id"], "cancel")
    assert again.status_code == 409 and again.json()["error"] == "order_cancelled"
    assert act(http, before["id"], "pay").json()["error"] == "already_paid"


@pytest.mark.parametrize("closing", ["window", "PROCESSING", "READY_FOR_SHIPMENT", "SENT", "tracking"])
def test_what_ends_the_buyers_right_to_cancel_or_modify(closing: str, targ: TargServer, http: httpx.Client,
                                                         allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    if closing == "window":
        advance(targ, allegro, "P3DT1S")
    elif closing == "tracking":
        assert add_shipment(allegro, order_id).status_code == 201
    else:
        assert set_status(allegro, order_id, closing).status_code == 204
    expected = {"window": "window_closed", "tracking": "tracking_number_added"}.get(closing, "seller_processing")
    for action, body in (("cancel", {}), ("modify", {"delivery": {"address": {"city": "Gniezno"}}})):
        resp = act(http, order_id, action, body)
        assert resp.status_code == 409 and resp.json()["error"] == expected, resp.text
    assert order(allegro, order_id)["status"] == "READY_FOR_PROCESSING"


def test_seller_statuses_that_leave_the_window_open(http: httpx.Client, allegro: httpx.Client,
                                                    offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    assert set_status(allegro, order_id, "SUSPENDED").status_code == 204
    assert act(http, order_id, "cancel").status_code == 200


def test_buyer_changes_the_delivery_address(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                            offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    before = order(allegro, order_id)
    advance(targ, allegro, "PT2H")
    changed = act(http, order_id, "modify", {"delivery": {"address": {"street": "Nowa 1", "city": "Gniezno",
                                                                      "zipCode": "62-200"}}})
    assert changed.status_code == 200 and [e["type"] for e in changed.json()["events"]] == ["BUYER_MODIFIED"]
    after = order(allegro, order_id)
    address = after["delivery"]["address"]
    assert (address["street"], address["city"], address["zipCode"]) == ("Nowa 1", "Gniezno", "62-200")
    assert address["modifiedAt"] == "2026-01-01T02:00:00.000Z" == after["updatedAt"]
    assert after["revision"] != before["revision"] and address["lastName"] == before["delivery"]["address"]["lastName"]
    for body in ({}, {"delivery": {"address": {"planet": "Mars"}}}):
        assert act(http, order_id, "modify", body).status_code == 400
    unpaid = buy(http, offers["A"], pay=False)["checkoutFormId"]
    refused = act(http, unpaid, "modify", {"delivery": {"address": {"city": "Gniezno"}}})
    assert refused.status_code == 409 and refused.json()["error"] == "not_ready"


def test_payments(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    cod = buy(http, offers["A"], payment={"type": "CASH_ON_DELIVERY"})["checkoutFormId"]
    assert act(http, cod, "pay").json()["error"] == "cash_on_delivery"
    unfilled = buy(http, offers["A"], fillIn=False)["checkoutFormId"]
    refused = act(http, unfilled, "pay")
    assert refused.status_code == 409 and refused.json()["error"] == "not_filled_in"
    deferred = buy(http, offers["A"], payment={"type": "EXTENDED_TERM"}, pay=False)
    assert [e["type"] for e in deferred["events"]] == ["BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING"]
    cf = order(allegro, deferred["checkoutFormId"])
    assert cf["payment"]["provider"] == "EPT" and "paidAmount" not in cf["payment"]
    payout = act(http, cf["id"], "pay")
    assert payout.status_code == 200 and payout.json()["events"] == []          # no second RFP since 2021-11
    paid = order(allegro, cf["id"])
    assert paid["payment"]["paidAmount"] == paid["summary"]["totalToPay"] and paid["revision"] != cf["revision"]
    assert act(http, "7a0d5e96-1857-11eb-83f8-e53b0700a720", "pay").status_code == 404


def test_unpaid_orders_are_cancelled_after_the_payment_deadline(targ: TargServer, http: httpx.Client,
                                                                allegro: httpx.Client, offers: dict[str, str]) -> None:
    unpaid = buy(http, offers["A"], 5, pay=False)["checkoutFormId"]
    unfilled = buy(http, offers["A"], 1, fillIn=False)["checkoutFormId"]
    paid = buy(http, offers["A"], 1)["checkoutFormId"]
    cod_unfilled = buy(http, offers["A"], 1, fillIn=False, payment={"type": "CASH_ON_DELIVERY"})["checkoutFormId"]
    assert stock(http, offers["A"]) == 92
    advance(targ, allegro, "P6DT23H")
    assert order(allegro, unpaid)["status"] == "FILLED_IN"
    advance(targ, allegro, "PT1H")
    for order_id in (unpaid, unfilled, cod_unfilled):
        cf = order(allegro, order_id)
        assert cf["status"] == "CANCELLED" and cf["updatedAt"] == "2026-01-08T00:00:00.000Z"
    assert order(allegro, paid)["status"] == "READY_FOR_PROCESSING"
    cancelled = events(allegro, type="AUTO_CANCELLED")
    assert [e["order"]["checkoutForm"]["id"] for e in cancelled] == [unpaid, unfilled, cod_unfilled]
    assert {e["occurredAt"] for e in cancelled} == {"2026-01-08T00:00:00.000Z"}
    assert stock(http, offers["A"]) == 99


def test_payment_deadline_is_configurable(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                         offers: dict[str, str]) -> None:
    assert http.patch("/__targ/config", json={"paymentDeadline": "PT30M"}).status_code == 200
    order_id = buy(http, offers["A"], pay=False)["checkoutFormId"]
    advance(targ, allegro, "PT31M")
    assert order(allegro, order_id)["status"] == "CANCELLED"
    assert http.patch("/__targ/config", json={"buyerCancelWindow": "PT1H"}).status_code == 200
    late = buy(http, offers["A"])["checkoutFormId"]
    advance(targ, allegro, "PT61M")
    assert act(http, late, "cancel").json()["error"] == "window_closed"
