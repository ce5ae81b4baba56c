"""Offer attachments: declare → upload → read (the file served byte for byte by targ's own host), named by offers
(`attachments`, a product's `safetyInformation`); the formats per type; other sellers' files; unknown ids."""

from __future__ import annotations

import uuid

import httpx
from media_helpers import PDF, attachment, declare, errors, picture, put_file
from offers_helpers import IPHONE_EAN, NewSeller, command, create, offer, offers_criteria, seller_body, send

from targ.testing import TargServer


def _total_offers(client: httpx.Client) -> int:
    return int(client.get("/sale/offers").json()["totalCount"])


def test_declare_upload_read_and_download(targ: TargServer, allegro: httpx.Client, http: httpx.Client) -> None:
    declared = declare(allegro, "USER_MANUAL", "instrukcja obsługi.pdf")
    assert declared.status_code == 201, declared.text
    assert "x-targ-backing" not in declared.headers
    body = declared.json()
    attachment_id = body["id"]
    # No file yet: no address (#11104 staff); the upload address in Location (the spec, #11008).
    assert body == {"id": attachment_id, "type": "USER_MANUAL", "file": {"name": "instrukcja obsługi.pdf"}}
    assert declared.headers["location"] == f"{targ.url}/sale/offer-attachments/{attachment_id}"
    assert allegro.get(f"/sale/offer-attachments/{attachment_id}").json() == body
    done = put_file(allegro, attachment_id, PDF, "application/pdf")
    assert done.status_code == 200, done.text
    url = f"{targ.url}/allegroimg/attachments/{attachment_id}"
    assert done.json() == {"id": attachment_id, "type": "USER_MANUAL",
                           "file": {"name": "instrukcja obsługi.pdf", "url": url}}
    assert allegro.get(f"/sale/offer-attachments/{attachment_id}").json() == done.json()
    served = http.get(url)
    assert served.status_code == 200 and served.content == PDF
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["content-disposition"] == "inline; filename*=UTF-8''instrukcja%20obs%C5%82ugi.pdf"


def test_formats_by_type(allegro: httpx.Client) -> None:
    png, jpeg = picture("PNG"), picture("JPEG")
    # Energy and tire labels are pictures; safety information a PDF or a picture; the rest PDFs (the spec, #7604).
    attachment(allegro, "ENERGY_LABEL", "etykieta.png", png, "image/png")
    attachment(allegro, "TIRE_LABEL", "opona.jpg", jpeg, "image/jpeg")
    attachment(allegro, "SAFETY_INFORMATION_MANUAL", "bezpieczenstwo.jpg", jpeg, "image/jpeg")
    attachment(allegro, "SAFETY_INFORMATION_MANUAL", "bezpieczenstwo.pdf")
    refused = [("MANUAL", "poradnik", png, "image/png"), ("ENERGY_LABEL", "etykieta", PDF, "application/pdf"),
               ("MANUAL", "poradnik.pdf", b"not a pdf", "application/pdf"),
               ("TIRE_LABEL", "opona.png", jpeg, "image/png"), ("TIRE_LABEL", "opona.png", jpeg, "image/jpeg")]
    for attachment_type, name, data, media_type in refused:
        attachment_id = declare(allegro, attachment_type, name).json()["id"]
        resp = put_file(allegro, attachment_id, data, media_type)
        assert resp.status_code == 415, (attachment_type, name, media_type, resp.text)
        assert errors(resp)[0]["code"] == "NotSupportedException"
        # Nothing was stored: the attachment still has no file.
        assert "url" not in allegro.get(f"/sale/offer-attachments/{attachment_id}").json()["file"]
    english = allegro.put(f"/sale/offer-attachments/{declare(allegro, 'MANUAL', 'a.pdf').json()['id']}",
                          content=png, headers={"Content-Type": "image/png", "Accept-Language": "en-US"})
    assert errors(english)[0]["userMessage"] == "A MANUAL attachment must be one of: PDF."
    text = put_file(allegro, declare(allegro, "MANUAL", "a.pdf").json()["id"], b"abc", "text/plain")
    assert text.status_code == 415          # not a media type of the operation at all (the edge)


def test_bad_declarations_and_uploads(allegro: httpx.Client, http: httpx.Client, seller: NewSeller) -> None:
    unknown_type = declare(allegro, "RECIPE", "przepis.pdf")
    assert unknown_type.status_code == 422 and errors(unknown_type)[0]["path"] == "type"
    no_name = allegro.post("/sale/offer-attachments", json={"type": "MANUAL"},
                           headers={"Content-Type": "application/vnd.allegro.public.v1+json"})
    assert no_name.status_code == 422 and errors(no_name)[0]["path"] == "file.name"
    long_name = declare(allegro, "MANUAL", "a" * 197 + ".pdf")
    assert long_name.status_code == 422                       # the spec's maxLength 200
    attachment_id = attachment(allegro)
    # The upload URL is one-time (the spec).
    again = put_file(allegro, attachment_id, PDF, "application/pdf")
    assert again.status_code == 422 and errors(again)[0]["path"] == "attachmentId"
    for unknown in ("0f8e2f0c-2c47-4c2e-9b55-3b7a1c9d0e11", "not-a-uuid"):
        assert allegro.get(f"/sale/offer-attachments/{unknown}").status_code == 404
        assert put_file(allegro, unknown, PDF, "application/pdf").status_code == 404
        assert http.get(f"/allegroimg/attachments/{unknown}").status_code == 404
    _, other = seller("inny-sprzedawca")
    denied = other.get(f"/sale/offer-attachments/{attachment_id}")
    assert denied.status_code == 403 and errors(denied)[0]["code"] == "AccessDenied"
    theirs = declare(other, "MANUAL", "cudzy.pdf").json()["id"]
    assert put_file(allegro, theirs, PDF, "application/pdf").status_code == 403
    # A declared file is not served before its upload.
    assert http.get(f"/allegroimg/attachments/{theirs}").status_code == 404


def test_an_offer_names_its_attachments(allegro: httpx.Client) -> None:
    manual, label = attachment(allegro), attachment(allegro, "ENERGY_LABEL", "etykieta.png", picture(), "image/png")
    safety = [attachment(allegro, "SAFETY_INFORMATION_MANUAL", f"bhp-{n}.pdf") for n in (1, 2)]
    product_set = [{"product": {"id": IPHONE_EAN, "idType": "GTIN"},
                    "safetyInformation": {"type": "ATTACHMENTS", "attachments": [{"id": s} for s in safety]}}]
    made = create(allegro, seller_body(attachments=[{"id": manual}, {"id": label}], productSet=product_set))
    assert made["attachments"] == [{"id": manual}, {"id": label}]
    assert made["productSet"][0]["safetyInformation"] == {"type": "ATTACHMENTS",
                                                          "attachments": [{"id": s} for s in safety]}
    assert offer(allegro, made["id"])["attachments"] == made["attachments"]
    # One attachment may serve any number of offers (#10210 staff).
    assert create(allegro, seller_body(attachments=[{"id": manual}]))["attachments"] == [{"id": manual}]
    edited = send(allegro, "PATCH", f"/sale/product-offers/{made['id']}", {"attachments": [{"id": label}]})
    assert edited.status_code == 200 and edited.json()["attachments"] == [{"id": label}]


def test_an_offer_with_attachments_it_may_not_use_is_refused(allegro: httpx.Client, seller: NewSeller) -> None:
    manual = attachment(allegro)
    other_manual = attachment(allegro, name="drugi.pdf")
    safety = attachment(allegro, "SAFETY_INFORMATION_MANUAL", "bhp.pdf")
    declared_only = declare(allegro, "MANUAL", "szkic.pdf").json()["id"]
    _, other = seller("inny-sprzedawca")
    theirs = attachment(other)
    unknown = "0f8e2f0c-2c47-4c2e-9b55-3b7a1c9d0e11"
    existing = create(allegro, seller_body(attachments=[{"id": manual}]))
    before = _total_offers(allegro)
    cases = [
        ([{"id": unknown}], None, "VALIDATION_ERROR", "attachments[0].id"),
        ([{"id": "not-a-uuid"}], None, "VALIDATION_ERROR", "attachments[0].id"),
        ([{"id": manual}, {"id": theirs}], None, "VALIDATION_ERROR", "attachments[1].id"),
        ([{"id": declared_only}], None, "VALIDATION_ERROR", "attachments[0].id"),
        ([{"id": manual}, {"id": other_manual}], None, "VALIDATION_ERROR", "attachments[1].id"),
        ([{"id": safety}], None, "IllegalOfferUpdateException.AttachmentsTypeChange", "attachments"),
        (None, [{"id": manual}], "VALIDATION_ERROR", "productSet[0].safetyInformation.attachments[0].id"),
        (None, [{"id": safety}] * 21, "VALIDATION_ERROR", "productSet[0].safetyInformation.attachments"),
    ]
    for refs, safety_refs, code, path in cases:
        extra = {} if refs is None else {"attachments": refs}
        if safety_refs is not None:
            extra["productSet"] = [{"product": {"id": IPHONE_EAN, "idType": "GTIN"},
                                    "safetyInformation": {"type": "ATTACHMENTS", "attachments": safety_refs}}]
        resp = send(allegro, "POST", "/sale/product-offers", seller_body(**extra))
        assert resp.status_code == 422, resp.text
        assert (errors(resp)[0]["code"], errors(resp)[0]["path"]) == (code, path), resp.text
        patched = send(allegro, "PATCH", f"/sale/product-offers/{existing['id']}", extra)
        assert patched.status_code == 422 and errors(patched)[0]["path"] == path
    assert _total_offers(allegro) == before and offer(allegro, existing["id"]) == existing
    # The vendor's answer for safety information in `attachments` (#11075).
    wrong_place = send(allegro, "POST", "/sale/product-offers", seller_body(attachments=[{"id": safety}]))
    assert errors(wrong_place)[0] == {
        "code": "IllegalOfferUpdateException.AttachmentsTypeChange",
        "message": "Invalid attachment type: Instructions with safety information",
        "details": "IllegalOfferUpdateException.AttachmentsTypeChange", "path": "attachments",
        "userMessage": "Nieprawidłowy typ załącznika: Instrukcja z informacją o bezpieczeństwie", "metadata": {}}


def test_the_modification_command_sets_safety_information_files(targ: TargServer, allegro: httpx.Client) -> None:
    made = create(allegro, seller_body())
    manual, safety = attachment(allegro), attachment(allegro, "SAFETY_INFORMATION_MANUAL", "bhp.pdf")
    refused = send(allegro, "PUT", f"/sale/offer-modification-commands/{uuid.uuid4()}", {
        "offerCriteria": offers_criteria(made["id"]),
        "modification": {"safetyInformation": {"type": "ATTACHMENTS", "attachments": [{"id": manual}]}}})
    assert refused.status_code == 422
    assert errors(refused)[0]["path"] == "modification.safetyInformation.attachments[0].id"
    command(allegro, "modification", {"offerCriteria": offers_criteria(made["id"]), "modification": {
        "safetyInformation": {"type": "ATTACHMENTS", "attachments": [{"id": safety}]}}})
    targ.drain()
    assert offer(allegro, made["id"])["productSet"][0]["safetyInformation"] == {
        "type": "ATTACHMENTS", "attachments": [{"id": safety}]}
