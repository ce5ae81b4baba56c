"""Parcel tracking numbers (`…/shipments`) and the carriers' tracking history (`/order/carriers/{id}/tracking`,
`POST /__targ/carrier/parcels`)."""

from __future__ import annotations

import base64
from typing import Any

import httpx
from orders_helpers import add_shipment, advance, buy, errors, order

from targ.testing import TargServer

WAYBILL = "620111222333444555666777"


def tracking(allegro: httpx.Client, carrier: str, *waybills: str) -> dict[str, Any]:
    resp = allegro.get(f"/order/carriers/{carrier}/tracking", params=[("waybill", w) for w in waybills])
    assert resp.status_code == 200, resp.text
    return resp.json()


def codes(allegro: httpx.Client, carrier: str, waybill: str) -> list[str]:
    [parcel] = tracking(allegro, carrier, waybill)["waybills"]
    return [s["code"] for s in parcel["trackingDetails"]["statuses"]]


def test_tracking_numbers_and_what_was_sent(http: httpx.Client, allegro: httpx.Client,
                                            offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"], lineItems=[{"offerId": offers["A"]}, {"offerId": offers["B"]}])["checkoutFormId"]
    cf = order(allegro, order_id)
    first, second = (li["id"] for li in cf["lineItems"])
    assert allegro.get(f"/order/checkout-forms/{order_id}/shipments").json() == {"shipments": []}
    created = add_shipment(allegro, order_id, lineItems=[{"id": first}])
    assert created.status_code == 201
    assert created.json() == {"id": base64.b64encode(f"INPOST:{WAYBILL}".encode()).decode(), "waybill": WAYBILL,
                              "carrierId": "INPOST", "lineItems": [{"id": first}],
                              "createdAt": "2026-01-01T00:00:00.000Z"}
    sent = order(allegro, order_id)
    assert sent["fulfillment"]["shipmentSummary"] == {"lineItemsSent": "SOME"}
    assert (sent["revision"], sent["updatedAt"]) == (cf["revision"], cf["updatedAt"])    # not a buyer change
    some = allegro.get("/order/checkout-forms", params={"fulfillment.shipmentSummary.lineItemsSent": "SOME"})
    assert [o["id"] for o in some.json()["checkoutForms"]] == [order_id]
    other = add_shipment(allegro, order_id, carrierId="OTHER", carrierName="Kurier Janek", waybill="JAN-1",
                         lineItems=[{"id": second}])
    assert other.status_code == 201 and other.json()["carrierName"] == "Kurier Janek"
    assert order(allegro, order_id)["fulfillment"]["shipmentSummary"] == {"lineItemsSent": "ALL"}
    renamed = add_shipment(allegro, order_id, carrierId="X_PRESS_COURIERS", waybill="XP-1", carrierName="ignored")
    assert renamed.json()["carrierId"] == "ALLEGRO" and "carrierName" not in renamed.json()
    assert renamed.json()["lineItems"] == [{"id": first}, {"id": second}]             # none given: all of them
    again = add_shipment(allegro, order_id, lineItems=[{"id": second}])                # same parcel: merged
    assert again.status_code == 201 and again.json()["lineItems"] == [{"id": first}, {"id": second}]
    listed = allegro.get(f"/order/checkout-forms/{order_id}/shipments").json()["shipments"]
    assert [s["waybill"] for s in listed] == [WAYBILL, "JAN-1", "XP-1"]


def test_tracking_number_errors(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    unknown_carrier = add_shipment(allegro, order_id, carrierId="PIGEON")
    assert unknown_carrier.status_code == 400
    assert errors(unknown_carrier)[0] | {"userMessage": None} == {
        "code": "VALIDATION_ERROR", "message": "Unknown carrier id: PIGEON", "details": "request body",
        "path": "carrierId", "userMessage": None, "metadata": {}}
    nameless = add_shipment(allegro, order_id, carrierId="OTHER")
    assert nameless.status_code == 400 and errors(nameless)[0]["path"] == "carrierName"
    spaced = add_shipment(allegro, order_id, waybill="62 01")
    assert spaced.status_code == 400 and errors(spaced)[0]["code"] == "CarrierWaybillValidationException"
    long_name = add_shipment(allegro, order_id, carrierId="OTHER", carrierName="x" * 31)
    assert long_name.status_code == 422 and errors(long_name)[0]["path"] == "carrierName"    # the schema's maxLength
    stranger = add_shipment(allegro, order_id, lineItems=[{"id": "14e142cf-e8e0-48cc-bcf6-399b5fd90b32"}])
    assert stranger.status_code == 422
    assert errors(stranger) == [{"code": "OrderLineItemNotFoundException", "message": "Provided line item not found",
                                 "details": None, "path": "lineItems",
                                 "userMessage": "Provided line item not found",
                                 "metadata": {"lineItemId": "14e142cf-e8e0-48cc-bcf6-399b5fd90b32"}}]
    missing = add_shipment(allegro, "29738e61-7f6a-11e8-ac45-09db60ede9d6")
    assert missing.status_code == 404 and errors(missing)[0]["code"] == "CheckoutFormNotFoundException"
    assert allegro.get(f"/order/checkout-forms/{order_id}/shipments").json() == {"shipments": []}


def test_waybill_limits(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    for i in range(20):
        assert add_shipment(allegro, order_id, waybill=f"DPD-{i}", carrierId="DPD").status_code == 201
    over = add_shipment(allegro, order_id, waybill="DPD-20", carrierId="DPD")
    assert over.status_code == 409
    assert errors(over) == [{"code": "WaybillsAssignedToOrderLimitReached",
                             "message": "Maximum waybills assigned to order limit reached", "details": None,
                             "path": None, "userMessage": "Wystąpił błąd. Maksymalny limit przypisanych numerów "
                             "przesyłki do zamówienia został osiągnięty.", "metadata": {}}]
    shared = [buy(http, offers["A"])["checkoutFormId"] for _ in range(11)]
    for other in shared[:10]:
        assert add_shipment(allegro, other, waybill="ONE-BOX").status_code == 201
    reused = add_shipment(allegro, shared[10], waybill="ONE-BOX")
    assert reused.status_code == 409 and errors(reused)[0]["code"] == "WaybillAssignedToOrdersLimitReached"


def test_carrier_history_on_the_clock(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                      offers: dict[str, str]) -> None:
    home = buy(http, offers["A"], delivery={"methodId": "dfc41da5-01b3-5f93-91ec-47bc683e1dec"})["checkoutFormId"]
    locker = buy(http, offers["A"])["checkoutFormId"]                     # Paczkomaty InPost: a pickup point
    add_shipment(allegro, home, carrierId="DPD", waybill="DPD-HOME")
    add_shipment(allegro, locker, waybill="INPOST-LOCKER")
    assert codes(allegro, "DPD", "DPD-HOME") == ["PENDING"]
    advance(targ, allegro, "P1D")
    assert codes(allegro, "DPD", "DPD-HOME") == ["PENDING", "IN_TRANSIT"]
    advance(targ, allegro, "P5D")
    assert codes(allegro, "DPD", "DPD-HOME") == ["PENDING", "IN_TRANSIT", "RELEASED_FOR_DELIVERY", "DELIVERED"]
    assert codes(allegro, "INPOST", "INPOST-LOCKER") == ["PENDING", "IN_TRANSIT", "AVAILABLE_FOR_PICKUP",
                                                         "DELIVERED"]
    [parcel] = tracking(allegro, "DPD", "DPD-HOME")["waybills"]
    details = parcel["trackingDetails"]
    assert [s["occurredAt"][:10] for s in details["statuses"]] == ["2026-01-01", "2026-01-02", "2026-01-03",
                                                                   "2026-01-04"]
    assert details["createdAt"] == "2026-01-01T00:00:00.000Z" and details["updatedAt"] == "2026-01-04T00:00:00.000Z"
    assert all(s["description"] for s in details["statuses"])
    assert order(allegro, home)["fulfillment"]["status"] == "NEW"        # Allegro never sets SENT itself
    both = tracking(allegro, "DPD", "DPD-HOME", "NOPE")
    assert both["carrierId"] == "DPD" and both["waybills"][1] == {"waybill": "NOPE"}
    assert tracking(allegro, "758fcd59-fbfa-4453-ae07-4800d72c2ca5", "DPD-HOME")["waybills"] == [
        {"waybill": "DPD-HOME"}]


def test_a_route_moves_with_the_clock_alone_at_the_delay_it_started_with(targ: TargServer, http: httpx.Client,
                                                                          allegro: httpx.Client,
                                                                          offers: dict[str, str]) -> None:
    """Tracking is a time-driven transition, not a job: `drain` (asynchronous jobs) leaves it where the clock has
    it, and a changed `carrierStepDelay` applies from the next registration or push on."""
    first = buy(http, offers["A"], delivery={"methodId": "dfc41da5-01b3-5f93-91ec-47bc683e1dec"})["checkoutFormId"]
    add_shipment(allegro, first, carrierId="DPD", waybill="SLOW")
    assert targ.drain() == 0 and codes(allegro, "DPD", "SLOW") == ["PENDING"]
    assert http.patch("/__targ/config", json={"carrierStepDelay": "PT1H"}).status_code == 200
    second = buy(http, offers["A"], delivery={"methodId": "dfc41da5-01b3-5f93-91ec-47bc683e1dec"})["checkoutFormId"]
    add_shipment(allegro, second, carrierId="DPD", waybill="FAST")
    advance(targ, allegro, "PT2H30M")
    assert codes(allegro, "DPD", "SLOW") == ["PENDING"]
    assert codes(allegro, "DPD", "FAST") == ["PENDING", "IN_TRANSIT", "RELEASED_FOR_DELIVERY"]
    [fast] = tracking(allegro, "DPD", "FAST")["waybills"]
    assert [s["occurredAt"] for s in fast["trackingDetails"]["statuses"]] == [
        "2026-01-01T00:00:00.000Z", "2026-01-01T01:00:00.000Z", "2026-01-01T02:00:00.000Z"]
    assert fast["trackingDetails"]["updatedAt"] == "2026-01-01T02:00:00.000Z"
    advance(targ, allegro, "P1D")
    assert codes(allegro, "DPD", "SLOW") == ["PENDING", "IN_TRANSIT"]
    assert codes(allegro, "DPD", "FAST")[-1] == "DELIVERED"


def test_carrier_pushes_statuses(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                 offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"], delivery={"methodId": "dfc41da5-01b3-5f93-91ec-47bc683e1dec"})["checkoutFormId"]
    add_shipment(allegro, order_id, carrierId="DPD", waybill="LOST-1")
    pushed = http.post("/__targ/carrier/parcels", json={"carrierId": "DPD", "waybill": "LOST-1", "code": "ISSUE"})
    assert pushed.status_code == 201
    assert [s["code"] for s in pushed.json()["trackingDetails"]["statuses"]] == ["PENDING", "ISSUE"]
    advance(targ, allegro, "P10D")
    assert codes(allegro, "DPD", "LOST-1") == ["PENDING", "ISSUE"]          # a lost parcel goes nowhere by itself
    http.post("/__targ/carrier/parcels", json={"carrierId": "DPD", "waybill": "LOST-1", "code": "RETURNED"})
    http.post("/__targ/carrier/parcels", json={"carrierId": "DPD", "waybill": "LOST-1", "code": "IN_TRANSIT",
                                               "occurredAt": "2026-01-05T12:00:00Z"})
    assert codes(allegro, "DPD", "LOST-1") == ["PENDING", "ISSUE", "IN_TRANSIT", "RETURNED"]    # in time order
    notice = http.post("/__targ/carrier/parcels", json={"carrierId": "UPS", "waybill": "1Z999", "code": "NOTICE_LEFT"})
    assert notice.json()["carrierId"] == "UPS"
    advance(targ, allegro, "P2D")
    assert codes(allegro, "UPS", "1Z999") == ["NOTICE_LEFT", "AVAILABLE_FOR_PICKUP", "DELIVERED"]
    for body in ({"carrierId": "PIGEON", "waybill": "x", "code": "DELIVERED"},
                 {"carrierId": "DPD", "waybill": "x", "code": "EATEN"},
                 {"carrierId": "DPD", "waybill": "x", "code": "DELIVERED", "occurredAt": "soon"},
                 {"carrierId": "DPD", "code": "DELIVERED"}):
        assert http.post("/__targ/carrier/parcels", json=body).status_code == 400, body
