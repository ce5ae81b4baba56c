"""Message attachments: declare → upload → send → download byte for byte, both ways; the scan on the clock; the
type and size limits; files that are not ours; unknown ids."""

from __future__ import annotations

import httpx
from messaging_helpers import (
    PDF,
    PNG,
    SEND,
    advance,
    buyer_reads,
    buyer_writes,
    declare,
    errors,
    file_body,
    messages,
    upload,
    uploaded,
)


def test_seller_file_round_trips_to_the_buyer(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="Proszę o zdjęcie")["threadId"]
    attachment_id = uploaded(allegro, "zdjęcie paczki.png", PNG, "image/png")
    sent = allegro.post(f"/messaging/threads/{thread_id}/messages",
                        json={"text": "Zdjęcie w załączniku", "attachments": [{"id": attachment_id}]}, headers=SEND)
    assert sent.status_code == 201, sent.text
    [info] = sent.json()["attachments"]
    assert info["fileName"] == "zdjęcie paczki.png" and info["mimeType"] == "image/png" and info["status"] == "NEW"
    assert info["url"].endswith(f"/messaging/message-attachments/{attachment_id}")
    got = allegro.get(f"/messaging/message-attachments/{attachment_id}")
    assert got.status_code == 200 and got.content == PNG and got.headers["content-type"] == "image/png"
    assert got.headers["content-disposition"] == ("attachment; filename=\"=?UTF-8?Q?zdj=C4=99cie_paczki.png?=\"; "
                                                  "filename*=UTF-8''zdj%C4%99cie%20paczki.png")
    # The scan passes after jobDelay on the virtual clock.
    advance(http, "PT5S")
    assert messages(allegro, thread_id)[0]["attachments"][0]["status"] == "SAFE"
    [seen] = buyer_reads(http, thread_id)[:1]
    assert seen["attachments"][0]["fileName"] == "zdjęcie paczki.png"
    assert http.get(seen["attachments"][0]["url"]).content == PNG


def test_buyer_file_round_trips_to_the_seller(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    written = buyer_writes(http, checkoutFormId=order, text="Reklamacja, w załączniku protokół",
                           attachments=[file_body("protokol.pdf", PDF), file_body("uszkodzenie.png", PNG)])
    infos = messages(allegro, written["threadId"])[0]["attachments"]
    assert [(i["fileName"], i["mimeType"]) for i in infos] == [("protokol.pdf", "application/pdf"),
                                                                ("uszkodzenie.png", "image/png")]
    pdf, png = (allegro.get(i["url"]) for i in infos)
    assert (pdf.content, pdf.headers["content-type"]) == (PDF, "application/pdf")
    assert (png.content, png.headers["content-type"]) == (PNG, "image/png")


def test_declaration_limits(allegro: httpx.Client) -> None:
    wrong_type = declare(allegro, "umowa.docx", 100)
    assert wrong_type.status_code == 415 and errors(wrong_type)[0]["code"] == "UNSUPPORTED_MIME_TYPE"
    archive = declare(allegro, "zdjecia.tar.gz", 100)
    assert archive.status_code == 415
    too_large = declare(allegro, "skan.pdf", 5 * 1024 * 1024 + 1)
    assert too_large.status_code == 422
    assert [(e["code"], e["path"]) for e in errors(too_large)] == [("VALIDATION_ERROR", "size")]
    missing = allegro.post("/messaging/message-attachments", json={"size": 10}, headers=SEND)
    assert missing.status_code == 422 and errors(missing)[0]["path"] == "filename"
    assert declare(allegro, "SKAN.PDF", 5 * 1024 * 1024).status_code == 201


def test_upload_limits(allegro: httpx.Client) -> None:
    attachment_id = declare(allegro, "skan.pdf", len(PDF)).json()["id"]
    not_listed = upload(allegro, attachment_id, PDF, "text/plain")
    assert not_listed.status_code == 415 and errors(not_listed)[0]["code"] == "NotSupportedException"
    other_format = upload(allegro, attachment_id, PNG, "image/png")
    assert other_format.status_code == 415 and errors(other_format)[0]["code"] == "UNSUPPORTED_MIME_TYPE"
    larger = upload(allegro, attachment_id, PDF + b"more", "application/pdf")
    assert larger.status_code == 413 and errors(larger)[0]["code"] == "EXCEEDED_SIZE_LIMIT"
    # Nothing was stored by the refusals.
    assert allegro.get(f"/messaging/message-attachments/{attachment_id}").status_code == 404
    assert upload(allegro, attachment_id, PDF, "application/pdf").status_code == 200
    assert allegro.get(f"/messaging/message-attachments/{attachment_id}").content == PDF


def test_sending_files_that_cannot_be_linked(http: httpx.Client, allegro: httpx.Client, order: str,
                                            other: tuple[str, httpx.Client]) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="x")["threadId"]
    not_uploaded = declare(allegro, "a.png", 10).json()["id"]
    _, stranger = other
    theirs = uploaded(stranger, "b.png", PNG, "image/png")
    unknown = "97dc0b60-2da4-4247-92ba-b748630ba0f6"
    for attachment_id in (not_uploaded, theirs, unknown):
        resp = allegro.post(f"/messaging/threads/{thread_id}/messages",
                            json={"text": "z plikiem", "attachments": [{"id": attachment_id}]}, headers=SEND)
        assert resp.status_code == 422
        [error] = errors(resp)
        assert error["code"] == "ASSIGNING_ATTACHMENTS_TO_MESSAGE_FAILED"
        assert error["message"].startswith("Assigning attachments to message failed. [Could not link all")
    assert len(messages(allegro, thread_id)) == 1   # nothing was sent
    once = uploaded(allegro, "c.png", PNG, "image/png")
    first = allegro.post(f"/messaging/threads/{thread_id}/messages",
                         json={"text": "raz", "attachments": [{"id": once}]}, headers=SEND)
    assert first.status_code == 201
    again = allegro.post(f"/messaging/threads/{thread_id}/messages",
                         json={"text": "dwa", "attachments": [{"id": once}]}, headers=SEND)
    assert again.status_code == 422
    # A sent file is no longer the seller's to replace.
    assert upload(allegro, once, PNG, "image/png").status_code == 403


def test_files_that_are_not_ours(http: httpx.Client, allegro: httpx.Client, order: str,
                                 other: tuple[str, httpx.Client]) -> None:
    mine = uploaded(allegro, "moje.pdf", PDF, "application/pdf")
    _, stranger = other
    refused = upload(stranger, mine, PDF, "application/pdf")
    assert refused.status_code == 403 and errors(refused)[0]["code"] == "AccessDenied"
    hidden = stranger.get(f"/messaging/message-attachments/{mine}")
    assert hidden.status_code == 404 and errors(hidden)[0]["code"] == "ATTACHMENT_NOT_FOUND"
    # A buyer's file in the seller's thread can be downloaded but not replaced.
    written = buyer_writes(http, checkoutFormId=order, text="plik", attachments=[file_body("k.png", PNG)])
    buyers = messages(allegro, written["threadId"])[0]["attachments"][0]["url"].rsplit("/", 1)[1]
    assert upload(allegro, buyers, PNG, "image/png").status_code == 403
    assert stranger.get(f"/messaging/message-attachments/{buyers}").status_code == 404


def test_unknown_attachment(allegro: httpx.Client) -> None:
    missing = "97dc0b60-2da4-4247-92ba-b748630ba0f6"
    for resp in (allegro.get(f"/messaging/message-attachments/{missing}"),
                 upload(allegro, missing, PNG, "image/png")):
        assert resp.status_code == 404
        [error] = errors(resp)
        assert error["code"] == "ATTACHMENT_NOT_FOUND" and error["message"] == f"No attachment with such Id [{missing}]"


def test_a_reupload_before_sending_replaces_the_file(allegro: httpx.Client) -> None:
    attachment_id = declare(allegro, "skan.png", len(PNG)).json()["id"]
    assert upload(allegro, attachment_id, PNG[:100], "image/png").status_code == 200
    assert upload(allegro, attachment_id, PNG, "image/png").status_code == 200
    assert allegro.get(f"/messaging/message-attachments/{attachment_id}").content == PNG


def test_a_name_without_extension_takes_its_format_from_the_upload(allegro: httpx.Client) -> None:
    # The spec's own example declares "filename": "attachment".
    attachment_id = declare(allegro, "attachment", len(PDF)).json()["id"]
    assert upload(allegro, attachment_id, PDF, "application/pdf").status_code == 200
    got = allegro.get(f"/messaging/message-attachments/{attachment_id}")
    assert got.content == PDF and got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == ("attachment; filename=\"=?UTF-8?Q?attachment?=\"; "
                                                  "filename*=UTF-8''attachment")
