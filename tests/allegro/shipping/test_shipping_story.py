"""The shipping story through plain HTTP, as a connector lives it: a buyer's purchase, a shipment created by a command
and polled, its labels printed (PDF A4 and A6, ZPL) and read back, its waybills on the order and tracked by the
carrier as the clock moves, a courier pickup proposed and booked; and a shipment cancelled before its pickup."""

from __future__ import annotations

import io

import httpx
import pypdf
from shipping_barcodes import page_barcodes, zpl_barcodes, zpl_blocks, zpl_texts
from shipping_helpers import (
    CANCEL,
    CREATE,
    DPD,
    OCTET,
    PICKUP,
    POCZTEX,
    SENDER,
    advance,
    buy,
    checkout_form,
    run,
    send,
    shipment,
    shipment_input,
    status,
)

from targ.testing import TargServer

A4_POINTS, A6_POINTS = (595.28, 841.89), (297.64, 419.53)


def _pdf(resp: httpx.Response) -> pypdf.PdfReader:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/octet-stream")
    assert resp.content.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(resp.content))


def _tracking(allegro: httpx.Client, carrier: str, waybill: str) -> list[str]:
    resp = allegro.get(f"/order/carriers/{carrier}/tracking", params={"waybill": waybill})
    assert resp.status_code == 200, resp.text
    [parcel] = resp.json()["waybills"]
    return [s["code"] for s in parcel["trackingDetails"]["statuses"]]


def test_purchase_to_shipment_labels_tracking_and_pickup(targ: TargServer, http: httpx.Client,
                                                        seller: httpx.Client, offer: str) -> None:
    order_id = buy(http, offer, DPD)
    form = checkout_form(seller, order_id)
    assert form["fulfillment"]["shipmentSummary"]["lineItemsSent"] == "NONE"

    # The command is answered at once, as sent; it runs on the jobs' clock and is polled at its status resource.
    command_input = shipment_input(form, packages=2, referenceNumber="ZAM-1", labelFormat="PDF")
    sent = send(seller, CREATE, command_input, command_id="14e142cf-e8e0-48cc-bcf6-399b5fd90b32")
    assert sent["commandId"] == "14e142cf-e8e0-48cc-bcf6-399b5fd90b32"
    assert sent["input"]["deliveryMethodId"] == DPD and len(sent["input"]["packages"]) == 2
    polled = status(seller, CREATE, sent["commandId"])
    assert polled == {"commandId": sent["commandId"], "status": "IN_PROGRESS"}
    assert http.post("/__targ/jobs/drain").json()["ran"] >= 1
    done = status(seller, CREATE, sent["commandId"])
    assert done["status"] == "SUCCESS" and set(done) == {"commandId", "status", "shipmentId"}

    made = shipment(seller, done["shipmentId"])
    waybills = [p["waybill"] for p in made["packages"]]
    assert len(set(waybills)) == 2 and all(w.endswith("U") and len(w) == 14 for w in waybills)   # DPD's numbers
    assert made["carrier"] == "DPD" and made["deliveryMethodId"] == DPD and made["labelFormat"] == "PDF"
    assert made["receiver"]["email"] == form["buyer"]["email"] and made["referenceNumber"] == "ZAM-1"
    assert made["createdDate"] == "2026-01-01T00:00:00.000Z" and "canceledDate" not in made
    assert made["transport"] == ["DPD"] and made["pickupAvailable"] is True

    # Every waybill is on the order, with every line item, as a seller-added tracking number would be.
    on_order = seller.get(f"/order/checkout-forms/{order_id}/shipments").json()["shipments"]
    assert [(s["carrierId"], s["waybill"]) for s in on_order] == [("DPD", w) for w in waybills]
    assert all(s["lineItems"] == [{"id": li["id"]} for li in form["lineItems"]] for s in on_order)
    assert checkout_form(seller, order_id)["fulfillment"]["shipmentSummary"]["lineItemsSent"] == "ALL"

    # Labels: one page per parcel, the waybill as a Code 128 barcode and as text.
    for size, points in (("A6", A6_POINTS), ("A4", A4_POINTS)):
        pdf = _pdf(seller.post("/shipment-management/label", json={"shipmentIds": [made["id"]], "pageSize": size},
                               headers=OCTET))
        assert len(pdf.pages) == 2
        for page, waybill in zip(pdf.pages, waybills, strict=True):
            assert (float(page.mediabox.width), float(page.mediabox.height)) == points
            assert page_barcodes(pdf, page) == [waybill]
            text = page.extract_text()
            assert waybill in text and "Allegro Kurier DPD" in text and "ZAM-1" in text
    first_page = _pdf(seller.post("/shipment-management/label", json={"shipmentIds": [made["id"]]},
                                  headers=OCTET)).pages[0]
    assert float(first_page.mediabox.width) == A4_POINTS[0]   # A4 unless asked otherwise

    # A shipment created with ZPL labels prints ZPL: a ^XA…^XZ label per parcel, the waybill in its ^BC field.
    zpl_id = run(targ, seller, CREATE, shipment_input(form, labelFormat="ZPL"))["shipmentId"]
    zpl = seller.post("/shipment-management/label", json={"shipmentIds": [zpl_id]}, headers=OCTET)
    assert zpl.status_code == 200
    [block] = zpl_blocks(zpl.content.decode())
    zpl_waybill = shipment(seller, zpl_id)["packages"][0]["waybill"]
    assert zpl_barcodes(block) == [zpl_waybill] and zpl_waybill in zpl_texts(block)
    assert form["delivery"]["address"]["city"] in " ".join(zpl_texts(block))   # UTF-8 (^CI28): Polish letters kept

    # The carrier tracks each parcel on the clock.
    assert _tracking(seller, "DPD", waybills[0]) == ["PENDING"]
    advance(targ, seller, "P1D")
    assert _tracking(seller, "DPD", waybills[0]) == ["PENDING", "IN_TRANSIT"]
    advance(targ, seller, "P2D")
    assert _tracking(seller, "DPD", waybills[1]) == ["PENDING", "IN_TRANSIT", "RELEASED_FOR_DELIVERY", "DELIVERED"]
    # Handed over: no pickup any more, and no cancelling.
    assert shipment(seller, made["id"])["pickupAvailable"] is False


def test_pickup_proposed_and_booked(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    form = checkout_form(seller, buy(http, offer, DPD))
    shipment_id = run(targ, seller, CREATE, shipment_input(form))["shipmentId"]
    proposals = seller.post("/shipment-management/pickup-proposals",
                            json={"shipmentIds": [shipment_id], "address": SENDER})
    assert proposals.status_code == 200, proposals.text
    [answer] = proposals.json()
    assert answer["address"] == SENDER
    [for_shipment] = answer["proposals"]
    # 2026-01-01 is a public holiday (a Thursday), 6 January too: the next working days, DPD's window.
    assert for_shipment == {"shipmentId": shipment_id, "proposalItems": [
        {"id": "2026010208001600", "name": "2026-01-02 08:00-16:00", "description": ""},
        {"id": "2026010508001600", "name": "2026-01-05 08:00-16:00", "description": ""},
        {"id": "2026010708001600", "name": "2026-01-07 08:00-16:00", "description": ""}]}

    booked = run(targ, seller, PICKUP, {"shipmentIds": [shipment_id], "pickupDateProposalId": "2026010208001600",
                                        "address": SENDER})
    assert booked["status"] == "SUCCESS" and set(booked) == {"commandId", "status", "pickupId", "carrierPickupId"}
    pickup = seller.get(f"/shipment-management/pickups/{booked['pickupId']}")
    assert pickup.status_code == 200, pickup.text
    waybill = shipment(seller, shipment_id)["packages"][0]["waybill"]
    assert pickup.json() == {"id": booked["pickupId"], "carrier": "DPD", "carrierPickupId": booked["carrierPickupId"],
                             "pickupCarrier": "DPD", "address": SENDER, "shipmentIds": [shipment_id],
                             "waybills": [waybill]}
    assert shipment(seller, shipment_id)["pickupAvailable"] is False
    again = seller.post("/shipment-management/pickup-proposals", json={"shipmentIds": [shipment_id],
                                                                      "address": SENDER})
    assert again.json()[0]["proposals"][0]["proposalItems"] == []


def test_a_shipment_cancelled_before_its_pickup(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                offer: str) -> None:
    form = checkout_form(seller, buy(http, offer, POCZTEX))
    shipment_id = run(targ, seller, CREATE, shipment_input(form))["shipmentId"]
    waybill = shipment(seller, shipment_id)["packages"][0]["waybill"]
    booked = run(targ, seller, PICKUP, {"shipmentIds": [shipment_id], "pickupDateProposalId": "2026010208001500",
                                        "address": SENDER})
    assert booked["status"] == "SUCCESS"

    cancelled = run(targ, seller, CANCEL, {"shipmentId": shipment_id})
    assert cancelled == {"commandId": cancelled["commandId"], "status": "SUCCESS", "shipmentId": shipment_id}
    after = shipment(seller, shipment_id)
    assert after["canceledDate"] == "2026-01-01T00:00:00.000Z" and after["pickupAvailable"] is False
    # The waybill stays on the order (the vendor removes none), and the carrier, never given the parcel, moves it
    # no further.
    on_order = seller.get(f"/order/checkout-forms/{form['id']}/shipments").json()["shipments"]
    assert [s["waybill"] for s in on_order] == [waybill]
    advance(targ, seller, "P5D")
    assert _tracking(seller, "POCZTA_POLSKA", waybill) == ["PENDING"]
    # No label for a cancelled shipment; no protocol either.
    assert seller.post("/shipment-management/label", json={"shipmentIds": [shipment_id]},
                       headers=OCTET).status_code == 204
    assert seller.post("/shipment-management/protocol", json={"shipmentIds": [shipment_id]},
                       headers=OCTET).status_code == 204


def test_no_shipment_management_operation_answers_from_an_example(http: httpx.Client) -> None:
    operations = http.get("/__targ/coverage").json()["operations"]
    shipping = [o for o in operations if o["vendor"] == "allegro" and o["path"].startswith("/shipment-management/")
                and o["source"] == "pinned"]
    assert len(shipping) == 12
    assert {o["backing"] for o in shipping} <= {"stateful", "dataset", "derived"}
    assert all(o["module"].startswith("targ.allegro.shipping.operations.") for o in shipping)
