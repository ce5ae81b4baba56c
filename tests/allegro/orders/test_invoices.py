"""Invoices (metadata, the PDF, its security scan), billing document links and serial numbers."""

from __future__ import annotations

from typing import Any

import httpx
from orders_helpers import SEND, advance, buy, errors, order

from targ.testing import TargServer

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def add_invoice(allegro: httpx.Client, order_id: str, number: str = "FV 1/2026") -> httpx.Response:
    return allegro.post(f"/order/checkout-forms/{order_id}/invoices",
                        json={"file": {"name": "faktura.pdf"}, "invoiceNumber": number}, headers=SEND)


def upload(allegro: httpx.Client, order_id: str, invoice_id: str, content: bytes) -> httpx.Response:
    return allegro.put(f"/order/checkout-forms/{order_id}/invoices/{invoice_id}/file", content=content,
                       headers={"Content-Type": "application/pdf"})


def invoices(allegro: httpx.Client, order_id: str) -> dict[str, Any]:
    resp = allegro.get(f"/order/checkout-forms/{order_id}/invoices")
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_invoice_upload_and_scan(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                 offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"], invoiceRequired=True)["checkoutFormId"]
    assert invoices(allegro, order_id) == {"invoices": [], "links": [], "hasExternalInvoices": False}
    created = add_invoice(allegro, order_id)
    assert created.status_code == 201 and set(created.json()) == {"id"}
    invoice_id = created.json()["id"]
    assert invoices(allegro, order_id)["invoices"] == [{"id": invoice_id, "invoiceNumber": "FV 1/2026",
                                                        "createdAt": "2026-01-01T00:00:00.000Z",
                                                        "file": {"name": "faktura.pdf"}}]
    message = f"File for given order [{order_id}] and invoice [{invoice_id}] must"
    empty = upload(allegro, order_id, invoice_id, b"")
    assert empty.status_code == 422 and errors(empty)[0]["code"] == "EMPTY-ATTACHMENT"
    assert errors(empty)[0]["message"] == f"{message} not be empty"
    encoded = upload(allegro, order_id, invoice_id, b"JVBERi0xLjQK")                   # base64 of a PDF
    assert encoded.status_code == 422
    assert errors(encoded)[0] | {"userMessage": ""} == {"code": "FILE-CONTENT-INVALID", "details": None,
                                                        "message": f"{message} have a PDF content", "path": None,
                                                        "userMessage": "", "metadata": {}}
    too_big = upload(allegro, order_id, invoice_id, PDF + b"0" * (3 * 1024 * 1024))
    assert too_big.status_code == 413 and errors(too_big)[0]["code"] == "FILE-TOO-LARGE"
    wrong_type = allegro.put(f"/order/checkout-forms/{order_id}/invoices/{invoice_id}/file", content=PDF,
                             headers={"Content-Type": "application/octet-stream"})
    assert wrong_type.status_code == 415
    ok = upload(allegro, order_id, invoice_id, PDF)
    assert ok.status_code == 200 and ok.content == b""
    assert upload(allegro, order_id, invoice_id, PDF).status_code == 409
    file = invoices(allegro, order_id)["invoices"][0]["file"]
    assert file == {"name": "faktura.pdf", "uploadedAt": "2026-01-01T00:00:00.000Z",
                    "securityVerification": {"status": "WAITING"}}
    scanning = add_invoice(allegro, order_id, "FV 2/2026")
    assert scanning.status_code == 422 and errors(scanning)[0]["code"] == "SECURITY-SCAN-IN-PROGRESS"
    advance(targ, allegro, "PT5S")
    assert invoices(allegro, order_id)["invoices"][0]["file"]["securityVerification"] == {
        "status": "ACCEPTED", "verifiedAt": "2026-01-01T00:00:05.000Z"}
    assert add_invoice(allegro, order_id, "FV 2/2026").status_code == 201
    unknown = upload(allegro, order_id, "56ae349d-8045-4bb3-adcc-7cf6fb420f61", PDF)
    assert unknown.status_code == 404 and errors(unknown)[0]["code"] == "INVOICE-NOT-FOUND"


def test_invoice_limits_and_refusals(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"], invoiceRequired=True)["checkoutFormId"]
    for i in range(10):
        assert add_invoice(allegro, order_id, f"FV {i}/2026").status_code == 201
    eleventh = add_invoice(allegro, order_id)
    assert eleventh.status_code == 409 and errors(eleventh)[0]["code"] == "INVOICES-LIMIT-REACHED"
    no_invoice = buy(http, offers["A"])["checkoutFormId"]
    refused = add_invoice(allegro, no_invoice)
    message = f"Order with id [{no_invoice}] cannot have an invoice"        # allegro-api #4992
    assert refused.status_code == 422 and errors(refused) == [{
        "code": "ORDER-WITHOUT-INVOICE", "message": message, "details": None,
        "path": f"/order/checkout-forms/{no_invoice}/invoices", "userMessage": message, "metadata": {}}]
    missing = add_invoice(allegro, "7a0d5e96-1857-11eb-83f8-e53b0700a720")
    assert missing.status_code == 404
    assert errors(missing)[0] == {"code": "ORDER-NOT-FOUND",
                                  "message": "Order with id [7a0d5e96-1857-11eb-83f8-e53b0700a720] not found",
                                  "details": None, "path": None,
                                  "userMessage": "Order with id [7a0d5e96-1857-11eb-83f8-e53b0700a720] not found",
                                  "metadata": {}}
    nameless = allegro.post(f"/order/checkout-forms/{order_id}/invoices", json={"file": {}}, headers=SEND)
    assert nameless.status_code == 422 and errors(nameless)[0]["path"] == "file.name"


def test_billing_document_links(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    url = "https://paragony.pl/p/123"
    link = allegro.post(f"/order/{order_id}/billing-documents/links", json={"url": url}, headers=SEND)
    assert link.status_code == 201 and link.content == b""
    listed = invoices(allegro, order_id)
    assert listed["hasExternalInvoices"] is True and [lk["url"] for lk in listed["links"]] == [url]
    again = allegro.post(f"/order/{order_id}/billing-documents/links", json={"url": url}, headers=SEND)
    assert again.status_code == 409
    bad = allegro.post(f"/order/{order_id}/billing-documents/links", json={"url": "paragon"}, headers=SEND)
    assert bad.status_code == 422 and errors(bad)[0]["path"] == "url"


def serials(allegro: httpx.Client, order_id: str, items: list[dict[str, Any]],
            revision: str | None = None) -> httpx.Response:
    return allegro.post(f"/order/checkout-forms/{order_id}/serial-numbers", json={"lineItems": items}, headers=SEND,
                        params={"checkoutForm.revision": revision} if revision else None)


def test_serial_numbers(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    cf = order(allegro, buy(http, offers["A"], 2)["checkoutFormId"])
    line_item = cf["lineItems"][0]["id"]

    def entries(*values: str) -> list[dict[str, Any]]:
        return [{"id": line_item, "serialNumbers": {"entries": [{"value": v} for v in values]}}]

    assert serials(allegro, cf["id"], entries("SN-1", "SN-2"), cf["revision"]).status_code == 204
    stored = order(allegro, cf["id"])["lineItems"][0]["serialNumbers"]
    assert stored == {"expected": False, "entries": [{"value": "SN-1", "returned": False},
                                                     {"value": "SN-2", "returned": False}]}
    assert serials(allegro, cf["id"], entries("SN-3")).status_code == 204            # the full list replaces
    assert [e["value"] for e in order(allegro, cf["id"])["lineItems"][0]["serialNumbers"]["entries"]] == ["SN-3"]
    too_many = serials(allegro, cf["id"], entries("a", "b", "c"))
    assert too_many.status_code == 422 and errors(too_many)[0]["path"] == "lineItems[0].serialNumbers.entries"
    twice = serials(allegro, cf["id"], entries("a") + entries("b"))
    assert twice.status_code == 422
    stranger = serials(allegro, cf["id"], [{"id": "62ae358b-8f65-4fc4-9c77-bedf604a2e2b",
                                            "serialNumbers": {"entries": []}}])
    assert stranger.status_code == 404
    assert serials(allegro, cf["id"], entries("x"), "0badf00d").status_code == 409
