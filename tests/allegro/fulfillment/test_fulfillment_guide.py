"""The One Fulfillment guide (seed 003), walked from start to end through plain HTTP: the account, a One Fulfillment
offer, a notice created and edited with etags (losing a race), its labels as PDF and ZPL, submitted, received by the
warehouse with one damaged unit, the stock in JSON and CSV, the offer published, bought, shipped by the warehouse
on the clock, and the parcels read."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from fulfillment_helpers import (
    ASN,
    buy,
    complete_body,
    courier_shipping,
    create,
    guide_offer_body,
    send,
    submit,
    warehouse,
)
from pypdf import PdfReader

from targ.testing import TargServer

SERIALS = ["F17XK2PLHG7F", "F17XK2PLHG7G", "F17XK2PLHG7H", "F17XK2PLHG7J", "F17XK2PLHG7K"]


def _stock_row(client: httpx.Client, product: str) -> dict[str, Any]:
    [row] = client.get("/fulfillment/stock", params={"productId": product}).json()["stock"]
    return row


def test_the_guide_from_offer_to_parcels(targ: TargServer, allegro: httpx.Client) -> None:
    # The account is linked to One Fulfillment.
    assert "ONE_FULFILLMENT" in allegro.get("/me").json()["features"]

    # "Jak wystawić ofertę": an offer linked to a catalogue product, with the "One Fulfillment PL" shipping-rate set
    # Allegro keeps on the account (by its id, as the guide does). Listed without stock, it is ended at once
    # ("zakończymy ją automatycznie ze stanem stock.available: 0") until the warehouse has its product.
    [rates] = [r for r in allegro.get("/sale/shipping-rates").json()["shippingRates"]
               if r["name"] == "One Fulfillment PL"]
    created_offer = send(allegro, "POST", "/sale/product-offers", guide_offer_body({"id": rates["id"]}))
    assert created_offer.status_code == 201, created_offer.text
    offer = created_offer.json()
    product = offer["productSet"][0]["product"]["id"]
    assert (offer["publication"]["status"], offer["publication"]["endedBy"]) == ("ENDED", "EMPTY_STOCK")
    assert offer["stock"]["available"] == 0
    available = allegro.get("/fulfillment/available-products").json()["products"]
    assert product in [p["id"] for p in available]

    # A draft notice: Location, etag, a display number.
    created = create(allegro, {"items": [{"product": {"id": product}, "quantity": 5}]})
    asn = created.json()
    assert created.headers["location"] == f"{targ.url}{ASN}/{asn['id']}"
    assert asn["status"] == "DRAFT" and asn["displayNumber"].startswith("A-260101-")
    first_etag = created.headers["etag"]

    # Two people edit it from the same version: the first wins, the second gets 412 and must read it again.
    body = complete_body(product, quantity=6, amount=2)
    won = send(allegro, "PUT", f"{ASN}/{asn['id']}", body, **{"If-Match": first_etag})
    assert won.status_code == 200, won.text
    assert won.json()["items"][0]["quantity"] == 6 and won.headers["etag"] != first_etag
    lost = send(allegro, "PUT", f"{ASN}/{asn['id']}", {**body, "shipping": courier_shipping(countryCode="DE")},
                **{"If-Match": first_etag})
    assert lost.status_code == 412, lost.text
    fresh = allegro.get(f"{ASN}/{asn['id']}")
    assert fresh.headers["etag"] == won.headers["etag"]
    again = send(allegro, "PUT", f"{ASN}/{asn['id']}", {**body, "shipping": courier_shipping(countryCode="DE")},
                 **{"If-Match": fresh.headers["etag"]})
    assert again.status_code == 200 and again.json()["shipping"]["countryCode"] == "DE"

    # Labels follow the content: made by a job, then linked from the notice.
    assert "labels" not in again.json()
    targ.drain()
    got = allegro.get(f"{ASN}/{asn['id']}").json()
    assert got["labels"]["fileUrl"] == f"{targ.url}{ASN}/{asn['id']}/labels"
    pdf = allegro.get(got["labels"]["fileUrl"], headers={"Accept": "application/pdf"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    assert len(pages) == 2
    texts = [p.extract_text() for p in pages]
    assert all(asn["displayNumber"] in t for t in texts)
    assert "BOX 1/2" in texts[0] and "BOX 2/2" in texts[1]
    zpl = allegro.get(got["labels"]["fileUrl"], headers={"Accept": "x-application/zpl"})
    assert zpl.status_code == 200 and zpl.headers["content-type"].startswith("x-application/zpl")
    assert zpl.text.count("^XA") == 2 and f"^FD{asn['displayNumber']}-002^FS" in zpl.text

    # Submitted: RUNNING at once, SUCCESSFUL after the command ran; the notice is on its way.
    command_id, put = submit(allegro, asn["id"])
    assert put.status_code == 201 and put.json()["output"]["status"] == "RUNNING"
    assert put.headers["location"] == f"{targ.url}/fulfillment/submit-commands/{command_id}"
    targ.clock.advance("PT5S")
    assert allegro.get(put.headers["location"]).json()["output"] == {"status": "SUCCESSFUL", "errors": []}
    transit = allegro.get(f"{ASN}/{asn['id']}").json()
    assert transit["status"] == "IN_TRANSIT" and transit["submittedAt"] == "2026-01-01T00:00:05.000Z"
    assert allegro.get(f"{ASN}/{asn['id']}/receiving-state").status_code == 404
    pending = allegro.get("/fulfillment/stock", params={"asnStatus": "SUBMITTED"}).json()
    assert [r["product"]["id"] for r in pending["stock"]] == [product]

    # The warehouse: arrives, counts 5 good units (scanning their serial numbers) and 1 damaged, completes.
    warehouse(targ, asn["id"], "arrive")
    unpacking = allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()
    assert unpacking["stage"] == "IN_PROGRESS" and unpacking["content"][0]["received"] == []
    warehouse(targ, asn["id"], "receive", {"content": [{"product": {"id": product}, "received": [
        {"quantity": 5, "receivedType": "SELLABLE", "serialNumbers": SERIALS},
        {"quantity": 1, "receivedType": "DAMAGE", "reasonCode": "DAMAGED_IN_TRANSPORT"}]}]})
    warehouse(targ, asn["id"], "complete")
    state = allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()
    assert state["stage"] == "COMPLETED" and state["displayNumber"] == asn["displayNumber"]
    assert state["content"] == [{"expected": 6, "product": {"id": product}, "received": [
        {"quantity": 5, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"},
        {"quantity": 1, "receivedType": "DAMAGE", "reasonCode": "DAMAGED_IN_TRANSPORT"}]}]
    assert allegro.get(f"{ASN}/{asn['id']}").json()["status"] == "COMPLETED"

    # Stock: 5 sellable units, and the offer that waited for them is listed again with them; 1 on hold; JSON and CSV
    # agree.
    row = _stock_row(allegro, product)
    assert row["quantity"] == {"onOffer": 5, "available": 5, "onOrder": 0, "onHold": 1}
    assert row["offerId"] == offer["id"]
    assert allegro.get(f"/sale/product-offers/{offer['id']}").json()["stock"]["available"] == 5
    table = list(csv.DictReader(io.StringIO(allegro.get("/fulfillment/stock", headers={"Accept": "text/csv"}).text)))
    [line] = [r for r in table if r["id_produktu"] == product]
    assert (line["nazwa"], line["na_ofercie"], line["w_realizacji"], line["niezdatne"], line["numery_seryjne"]) == (
        row["product"]["name"], "5", "0", "1", ",".join(SERIALS))
    listed = allegro.get(f"/sale/product-offers/{offer['id']}").json()["publication"]
    assert listed["status"] == "ACTIVE" and "endedBy" not in listed
    targ.clock.advance("PT5S")     # the seller looks at it for a while

    # Bought and paid: an order Allegro fulfils. The seller may read it but not set its fulfillment status.
    order_id = buy(targ, offer["id"], 2)["checkoutFormId"]
    order = allegro.get(f"/order/checkout-forms/{order_id}").json()
    assert order["status"] == "READY_FOR_PROCESSING" and order["fulfillment"]["provider"] == {"id": "ALLEGRO"}
    refused = send(allegro, "PUT", f"/order/checkout-forms/{order_id}/fulfillment", {"status": "SENT"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["code"] == "SellerOrdersStoreUnprocessableEntityException"
    assert _stock_row(allegro, product)["quantity"] == {"onOffer": 3, "available": 3, "onOrder": 2, "onHold": 1}

    # The warehouse ships it on the clock: PROCESSING at once, packed 2 hours later, sent 4 hours after that.
    def fulfillment() -> dict[str, Any]:
        return dict(allegro.get(f"/order/checkout-forms/{order_id}").json()["fulfillment"])

    assert fulfillment()["status"] == "PROCESSING"
    targ.clock.advance("PT2H")
    assert fulfillment()["status"] == "READY_FOR_SHIPMENT"
    assert allegro.get(f"/fulfillment/orders/{order_id}/parcels").json() == {"orderId": order_id, "parcels": []}
    targ.clock.advance("PT4H")
    assert fulfillment() == {"status": "SENT", "shipmentSummary": {"lineItemsSent": "ALL"},
                             "provider": {"id": "ALLEGRO"}}
    changes = allegro.get("/order/events", params={"type": "FULFILLMENT_STATUS_CHANGED"}).json()["events"]
    assert [(e["order"]["checkoutForm"]["id"], e["occurredAt"]) for e in changes] == [
        (order_id, "2026-01-01T00:00:10.000Z"), (order_id, "2026-01-01T02:00:10.000Z"),
        (order_id, "2026-01-01T06:00:10.000Z")]

    # The tracking number of the warehouse's carrier is on the order; the carrier tracks it.
    [shipment] = allegro.get(f"/order/checkout-forms/{order_id}/shipments").json()["shipments"]
    assert shipment["carrierId"] == "ALLEGRO" and shipment["lineItems"] == [{"id": order["lineItems"][0]["id"]}]
    tracking = allegro.get("/order/carriers/ALLEGRO/tracking", params={"waybill": shipment["waybill"]}).json()
    assert tracking["waybills"][0]["trackingDetails"]["statuses"][0]["code"] == "PENDING"

    # The units left the stock (onOrder → shipped), oldest first with their serial numbers: the parcels say which.
    assert _stock_row(allegro, product)["quantity"] == {"onOffer": 3, "available": 3, "onOrder": 0, "onHold": 1}
    parcels = allegro.get(f"/fulfillment/orders/{order_id}/parcels").json()
    assert parcels == {"orderId": order_id, "parcels": [{"waybill": shipment["waybill"], "items": [
        {"productId": product, "quantity": 2, "serialNumbers": SERIALS[:2], "offerId": offer["id"]}]}]}
    table = list(csv.DictReader(io.StringIO(allegro.get("/fulfillment/stock", headers={"Accept": "text/csv"}).text)))
    assert [r["numery_seryjne"] for r in table if r["id_produktu"] == product] == [",".join(SERIALS[2:])]
