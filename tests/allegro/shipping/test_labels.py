"""`POST /shipment-management/label` and `POST /shipment-management/protocol`: real files, read back with pypdf and
a ZPL reader; the request's options; refusals."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pypdf
import pytest
from pypdf.generic import ContentStream
from shipping_barcodes import page_barcodes, zpl_barcodes, zpl_blocks, zpl_texts
from shipping_helpers import (
    CANCEL,
    DPD,
    DPD_COD,
    OCTET,
    ORLEN_LOCKER,
    POCZTEX,
    UPS,
    buy,
    checkout_form,
    create,
    errors,
    run,
    second_seller,
    shipment,
    shipment_input,
)

from targ.testing import TargServer

LABEL, PROTOCOL = "/shipment-management/label", "/shipment-management/protocol"


def _made(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str, method_id: str = DPD,
          **extra: Any) -> dict[str, Any]:
    form = checkout_form(seller, buy(http, offer, method_id, **({"payment": {"type": "CASH_ON_DELIVERY"}}
                                                                 if method_id == DPD_COD else {})))
    return shipment(seller, create(targ, seller, shipment_input(form, **extra)))


def _pdf(resp: httpx.Response) -> pypdf.PdfReader:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-disposition"].startswith("attachment; filename=")
    return pypdf.PdfReader(io.BytesIO(resp.content))


def _waybills(*shipments: dict[str, Any]) -> list[str]:
    return [p["waybill"] for s in shipments for p in s["packages"]]


def _dashed(reader: pypdf.PdfReader, page: Any) -> bool:
    ops = ContentStream(page.get_contents(), reader).operations
    return any(op == b"d" and list(operands[0]) for operands, op in ops)


def test_a6_labels_one_page_per_parcel_in_order(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                offer: str) -> None:
    first = _made(targ, http, seller, offer, packages=2)
    second = _made(targ, http, seller, offer, UPS)
    pdf = _pdf(seller.post(LABEL, json={"shipmentIds": [first["id"], second["id"], first["id"]], "pageSize": "A6"},
                           headers=OCTET))
    assert [page_barcodes(pdf, p) for p in pdf.pages] == [[w] for w in _waybills(first, second)]
    texts = [p.extract_text() for p in pdf.pages]
    assert ("1/2" in texts[0], "2/2" in texts[1], "1/1" in texts[2]) == (True, True, True)
    assert "UPS" in texts[2] and "Allegro Kurier UPS" in texts[2]
    receiver = first["receiver"]
    assert receiver["email"] not in texts[0] and receiver["postalCode"] in texts[0]


def test_a4_with_and_without_cut_lines(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                       offer: str) -> None:
    made = _made(targ, http, seller, offer)
    plain = _pdf(seller.post(LABEL, json={"shipmentIds": [made["id"]], "pageSize": "A4"}, headers=OCTET))
    cut = _pdf(seller.post(LABEL, json={"shipmentIds": [made["id"]], "pageSize": "A4", "cutLine": True},
                           headers=OCTET))
    assert round(float(cut.pages[0].mediabox.width)) == 595 and len(cut.pages) == 1
    assert _dashed(cut, cut.pages[0]) and not _dashed(plain, plain.pages[0])
    assert page_barcodes(cut, cut.pages[0]) == _waybills(made)
    # cutLine is for A4 only.
    a6 = _pdf(seller.post(LABEL, json={"shipmentIds": [made["id"]], "pageSize": "A6", "cutLine": True},
                          headers=OCTET))
    assert not _dashed(a6, a6.pages[0])


def test_the_same_request_gives_the_same_file(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                              offer: str) -> None:
    made = _made(targ, http, seller, offer)
    body = {"shipmentIds": [made["id"]], "pageSize": "A6"}
    assert seller.post(LABEL, json=body, headers=OCTET).content == seller.post(LABEL, json=body, headers=OCTET).content


def test_cash_on_delivery_reference_and_text_on_label(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                      offer: str) -> None:
    made = _made(targ, http, seller, offer, DPD_COD, referenceNumber="ZAM/2026/7",
                 cashOnDelivery={"amount": "59.99", "currency": "PLN"})
    pdf = _pdf(seller.post(LABEL, json={"shipmentIds": [made["id"]]}, headers=OCTET))
    text = pdf.pages[0].extract_text()
    assert "POBRANIE / COD: 59.99 PLN" in text and "Ref: ZAM/2026/7" in text


def test_summary_report_last_and_every(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                       offer: str) -> None:
    first = _made(targ, http, seller, offer, packages=2, referenceNumber="R-1")
    second = _made(targ, http, seller, offer, referenceNumber="R-2")
    ids = [first["id"], second["id"]]
    fields = ["WAYBILL", "ORDER_ID", "BUYER_LOGIN", "REF_NUMBER"]
    last = _pdf(seller.post(LABEL, json={"shipmentIds": ids, "summaryReport": {"placement": "LAST",
                                                                               "fields": fields}}, headers=OCTET))
    assert len(last.pages) == 4
    report = last.pages[3].extract_text()
    order = seller.get(f"/order/checkout-forms/{checkout_form_id(seller, first)}").json()
    assert f"ORDER_ID: {order['id']}" in report and f"BUYER_LOGIN: {order['buyer']['login']}" in report
    assert f"WAYBILL: {', '.join(_waybills(first))}" in report and "REF_NUMBER: R-2" in report
    assert "DIMS_AND_WEIGHT" not in report
    every = _pdf(seller.post(LABEL, json={"shipmentIds": ids, "summaryReport": {"placement": "EVERY",
                                                                                "fields": ["REF_NUMBER"]}},
                             headers=OCTET))
    assert len(every.pages) == 5
    assert "REF_NUMBER: R-1" in every.pages[2].extract_text() and "REF_NUMBER: R-2" in every.pages[4].extract_text()


def checkout_form_id(seller: httpx.Client, made: dict[str, Any]) -> str:
    """The order a shipment went to: the one whose shipments list its waybill."""
    for form in seller.get("/order/checkout-forms").json()["checkoutForms"]:
        listed = seller.get(f"/order/checkout-forms/{form['id']}/shipments").json()["shipments"]
        if any(s["waybill"] == made["packages"][0]["waybill"] for s in listed):
            return str(form["id"])
    raise AssertionError("no order has the shipment's waybill")


def test_zpl_labels_and_report(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    made = _made(targ, http, seller, offer, labelFormat="ZPL", packages=2)
    resp = seller.post(LABEL, json={"shipmentIds": [made["id"]], "pageSize": "A6",
                                    "summaryReport": {"placement": "EVERY", "fields": ["WAYBILL"]}}, headers=OCTET)
    assert resp.status_code == 200 and resp.headers["content-disposition"].endswith('.zpl"')
    blocks = zpl_blocks(resp.content.decode())
    assert len(blocks) == 3
    for block, waybill in zip(blocks, _waybills(made), strict=False):
        assert zpl_barcodes(block) == [waybill] and waybill in zpl_texts(block)
        assert "^CI28" in block
    assert zpl_barcodes(blocks[2]) == [] and f"WAYBILL: {', '.join(_waybills(made))}" in zpl_texts(blocks[2])
    assert made["sender"]["street"] in zpl_texts(blocks[0])       # "Główna 30", UTF-8


def test_label_refusals(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    pdf = _made(targ, http, seller, offer)
    zpl = _made(targ, http, seller, offer, labelFormat="ZPL")
    [mixed] = errors(seller.post(LABEL, json={"shipmentIds": [pdf["id"], zpl["id"]]}, headers=OCTET), 400)
    assert mixed["path"] == "shipmentIds"
    [unknown] = errors(seller.post(LABEL, json={"shipmentIds": [pdf["id"], "nie-ma"]}, headers=OCTET), 404)
    assert (unknown["code"], unknown["path"]) == ("SHIPMENT_NOT_FOUND", "shipmentIds")
    with second_seller(http, targ.url) as other:
        other.headers["Content-Type"] = "application/vnd.allegro.public.v1+json"
        assert errors(other.post(LABEL, json={"shipmentIds": [pdf["id"]]}, headers=OCTET), 404)
        assert errors(other.post(PROTOCOL, json={"shipmentIds": [pdf["id"]]}, headers=OCTET), 404)
    assert errors(seller.post(LABEL, json={"shipmentIds": []}, headers=OCTET), 400)[0]["path"] == "shipmentIds"
    assert errors(seller.post(LABEL, json={"shipmentIds": [pdf["id"]], "pageSize": "A5"}, headers=OCTET),
                  400)[0]["path"] == "pageSize"


@pytest.mark.parametrize("accept", ["application/vnd.allegro.public.v1+json", "application/pdf", "text/plain"])
def test_labels_need_an_octet_stream_accept(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str,
                                            accept: str) -> None:
    made = _made(targ, http, seller, offer)
    resp = seller.post(LABEL, json={"shipmentIds": [made["id"]]}, headers={"Accept": accept})
    assert errors(resp, 406)[0]["code"] == "NotAcceptableException"


def test_cancelled_shipments_have_no_label(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                           offer: str) -> None:
    gone = _made(targ, http, seller, offer, POCZTEX)
    assert run(targ, seller, CANCEL, {"shipmentId": gone["id"]})["status"] == "SUCCESS"
    live = _made(targ, http, seller, offer, POCZTEX)
    assert seller.post(LABEL, json={"shipmentIds": [gone["id"]]}, headers=OCTET).status_code == 204
    assert errors(seller.post(LABEL, json={"shipmentIds": [live["id"], gone["id"]]}, headers=OCTET),
                  400)[0]["path"] == "shipmentIds"


def test_protocol_one_per_carrier(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    dpd = [_made(targ, http, seller, offer, packages=2), _made(targ, http, seller, offer)]
    ups = _made(targ, http, seller, offer, UPS)
    orlen = _made(targ, http, seller, offer, ORLEN_LOCKER)
    resp = seller.post(PROTOCOL, json={"shipmentIds": [dpd[0]["id"], ups["id"], orlen["id"], dpd[1]["id"]]},
                       headers=OCTET)
    pdf = _pdf(resp)
    assert resp.headers["content-type"].startswith("application/octet-stream")
    assert len(pdf.pages) == 2
    first, second = (p.extract_text() for p in pdf.pages)
    assert "DPD" in first and all(w in first for w in _waybills(*dpd)) and "Razem / Total: 2" in first
    assert "UPS" in second and _waybills(ups)[0] in second and _waybills(orlen)[0] not in first + second
    assert "Podpis kuriera" in first
    # A drop-off carrier alone: no protocol.
    assert seller.post(PROTOCOL, json={"shipmentIds": [orlen["id"]]}, headers=OCTET).status_code == 204


def test_protocol_needs_the_read_scope(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str,
                                       demo: dict[str, Any]) -> None:
    made = _made(targ, http, seller, offer)
    token = http.post(f"/__targ/sellers/{demo['sellerId']}/tokens",
                      json={"scopes": ["allegro:api:shipments:read"]}).json()["accessToken"]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/vnd.allegro.public.v1+json", **OCTET}
    assert http.post(PROTOCOL, json={"shipmentIds": [made["id"]]}, headers=headers).status_code == 200
    assert http.post(LABEL, json={"shipmentIds": [made["id"]]}, headers=headers).status_code == 200
    # Creating needs the write scope.
    denied = http.post("/shipment-management/shipments/create-commands", headers={**headers, "Accept": headers[
        "Content-Type"]}, json={"input": shipment_input(checkout_form(seller, buy(http, offer)))})
    assert errors(denied, 403)[0]["code"] == "AccessDenied"
