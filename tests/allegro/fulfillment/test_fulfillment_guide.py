"""The One Fulfillment guide (seed 003), walked through plain HTTP as far as advance ship notices, the warehouse and
stock go: the account, available products, a notice created and edited with etags (losing a race), its labels as
PDF and ZPL, submitted, received by the warehouse with one damaged unit, and the stock in JSON and CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from fulfillment_helpers import ASN, complete_body, courier_shipping, create, send, submit, warehouse
from pypdf import PdfReader

from targ.testing import TargServer


def test_the_guide_from_draft_to_stock(targ: TargServer, allegro: httpx.Client, demo: dict[str, Any],
                                      product: str) -> None:
    # The account is linked to One Fulfillment.
    assert "ONE_FULFILLMENT" in allegro.get("/me").json()["features"]
    offer = demo["offers"][2]
    [available] = allegro.get("/fulfillment/available-products").json()["products"]
    assert (available["id"], available["name"], available["gtins"]) == (product, offer["name"], [offer["ean"]])
    before = allegro.get("/fulfillment/stock").json()["stock"][0]["quantity"]
    assert before == {"onOffer": 20, "available": 20, "onOrder": 0, "onHold": 0}

    # A draft: Location, etag, a display number.
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

    # The warehouse: arrives, counts 5 good units and 1 damaged, completes.
    warehouse(targ, asn["id"], "arrive")
    unpacking = allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()
    assert unpacking["stage"] == "IN_PROGRESS" and unpacking["content"][0]["received"] == []
    warehouse(targ, asn["id"], "receive", {"content": [{"product": {"id": product}, "received": [
        {"quantity": 5, "receivedType": "SELLABLE"},
        {"quantity": 1, "receivedType": "DAMAGE", "reasonCode": "DAMAGED_IN_TRANSPORT"}]}]})
    warehouse(targ, asn["id"], "complete")
    state = allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()
    assert state["stage"] == "COMPLETED" and state["displayNumber"] == asn["displayNumber"]
    assert state["content"] == [{"expected": 6, "product": {"id": product}, "received": [
        {"quantity": 5, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"},
        {"quantity": 1, "receivedType": "DAMAGE", "reasonCode": "DAMAGED_IN_TRANSPORT"}]}]
    assert allegro.get(f"{ASN}/{asn['id']}").json()["status"] == "COMPLETED"

    # Stock: 5 more sellable units, 1 on hold; the offer follows; JSON and CSV agree.
    row = allegro.get("/fulfillment/stock").json()["stock"][0]
    assert row["quantity"] == {"onOffer": 25, "available": 25, "onOrder": 0, "onHold": 1}
    assert row["offerId"] == offer["id"]
    assert targ.demo["offers"][2]["stock"] == 25
    table = list(csv.DictReader(io.StringIO(allegro.get("/fulfillment/stock", headers={"Accept": "text/csv"}).text)))
    assert [(r["id_produktu"], r["nazwa"], r["na_ofercie"], r["w_realizacji"], r["niezdatne"]) for r in table] == [
        (product, row["product"]["name"], "25", "0", "1")]
