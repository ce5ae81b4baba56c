"""Issue attachments: the seller declares, uploads and sends a file; the buyer's files come with its messages; both
download them byte for byte. Limits: 2 097 152 bytes, the spec's formats; refusals change nothing."""

from __future__ import annotations

import base64

import httpx
from issues_helpers import ALLEGRO_BETA, SEND, admin_error, chat, dispute, errors, issue

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n" + b"\x00\xff" * 300


def _declare(allegro: httpx.Client, name: str = "zdjecie.png", size: int = len(PNG)) -> httpx.Response:
    return allegro.post("/sale/issues/attachments", json={"fileName": name, "size": size}, headers=SEND)


def _upload(client: httpx.Client, url: str, data: bytes = PNG, media_type: str = "image/png") -> httpx.Response:
    return client.put(url, content=data, headers={"Content-Type": media_type, "Accept": ALLEGRO_BETA})


def _uploaded(allegro: httpx.Client) -> str:
    declared = _declare(allegro)
    assert declared.status_code == 201, declared.text
    assert _upload(allegro, declared.headers["location"]).status_code == 200
    return str(declared.json()["id"])


def test_seller_file_round_trips_through_the_chat(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    opened = dispute(http, order)
    declared = _declare(allegro)
    assert declared.status_code == 201, declared.text
    attachment_id = declared.json()["id"]
    assert declared.headers["location"].endswith(f"/sale/issues/attachments/{attachment_id}")
    uploaded = _upload(allegro, declared.headers["location"])
    assert uploaded.status_code == 200 and uploaded.json() == {"id": attachment_id}
    sent = allegro.post(f"/sale/issues/{opened['id']}/message",
                        json={"text": "Etykieta zwrotna", "type": "REGULAR", "attachments": [{"id": attachment_id}]},
                        headers=SEND)
    assert sent.status_code == 201, sent.text
    ref = sent.json()["attachments"]
    assert ref == [{"fileName": "zdjecie.png", "url": declared.headers["location"]}]
    assert chat(allegro, opened["id"])[-1]["attachments"] == ref
    assert issue(allegro, opened["id"])["attachments"] == ref
    got = allegro.get(ref[0]["url"], headers={"Accept": "*/*"})
    assert got.status_code == 200 and got.content == PNG and got.headers["content-type"] == "image/png"
    buyer = http.get(f"/__targ/buyer/issues/{opened['id']}/attachments/{attachment_id}")
    assert buyer.status_code == 200 and buyer.content == PNG
    # Sent once: a second message cannot take it again.
    again = allegro.post(f"/sale/issues/{opened['id']}/message",
                         json={"text": "x", "type": "REGULAR", "attachments": [{"id": attachment_id}]}, headers=SEND)
    assert again.status_code == 422 and errors(again)[0]["path"] == "attachments"
    assert len(chat(allegro, opened["id"])) == 2


def test_buyer_files_come_with_the_first_message_and_replies(http: httpx.Client, allegro: httpx.Client,
                                                             order: str) -> None:
    opened = dispute(http, order, attachments=[{"fileName": "paragon.pdf", "content": base64.b64encode(PDF).decode()}])
    first = opened["chat"]["initialMessage"]["attachments"]
    assert [a["fileName"] for a in first] == ["paragon.pdf"]
    got = allegro.get(first[0]["url"], headers={"Accept": "*/*"})
    assert got.status_code == 200 and got.content == PDF and got.headers["content-type"] == "application/pdf"
    reply = http.post(f"/__targ/buyer/issues/{opened['id']}/messages",
                      json={"text": "Zdjęcie", "attachments": [{"fileName": "a.png",
                                                                "content": base64.b64encode(PNG).decode()}]})
    assert reply.status_code == 201, reply.text
    assert [a["fileName"] for a in issue(allegro, opened["id"])["attachments"]] == ["paragon.pdf", "a.png"]
    bad = [{"fileName": "wirus.exe", "content": base64.b64encode(PNG).decode()},
           {"fileName": "a.png", "content": "not base64!"},
           {"fileName": "a.png", "mimeType": "application/pdf", "content": base64.b64encode(PNG).decode()},
           {"fileName": "a.png", "content": base64.b64encode(b"x" * 2_097_153).decode()}]
    for item in bad:
        resp = http.post(f"/__targ/buyer/issues/{opened['id']}/messages", json={"text": "x", "attachments": [item]})
        assert admin_error(resp, 400) == "bad_request", item["fileName"]
    assert len(chat(allegro, opened["id"])) == 2


def test_declaration_limits_name_the_field(allegro: httpx.Client) -> None:
    for body, path in (({"fileName": "a.png", "size": 2_097_153}, "size"),
                       ({"fileName": "wirus.exe", "size": 10}, "fileName"),
                       ({"fileName": "x" * 252 + ".png", "size": 10}, "fileName"),
                       ({"fileName": "a.png", "size": 0}, "size"),
                       ({"fileName": "a.png"}, "size")):
        resp = allegro.post("/sale/issues/attachments", json=body, headers=SEND)
        assert resp.status_code == 422, (body, resp.text)
        assert errors(resp)[0]["path"] == path, body
    too_big = allegro.post("/sale/issues/attachments", json={"fileName": "a.png", "size": 2_097_153}, headers=SEND)
    assert errors(too_big)[0]["code"] == "ATTACHMENT_ERROR"


def test_upload_refusals_change_nothing(http: httpx.Client, allegro: httpx.Client, order: str,
                                        other: tuple[str, httpx.Client]) -> None:
    declared = _declare(allegro, size=len(PNG))
    url, attachment_id = declared.headers["location"], declared.json()["id"]
    assert allegro.get(url, headers={"Accept": "*/*"}).status_code == 404         # not uploaded yet
    assert _upload(allegro, url, media_type="image/jpeg").status_code == 415      # not what the name says
    assert _upload(allegro, url, PNG + b"more").status_code == 413                 # over the declared size
    _, client = other
    resp = _upload(client, url)
    assert resp.status_code == 422 and errors(resp)[0]["path"] == "attachmentId"  # another seller's
    opened = dispute(http, order)
    unsent = allegro.post(f"/sale/issues/{opened['id']}/message",
                          json={"text": "x", "type": "REGULAR", "attachments": [{"id": attachment_id}]}, headers=SEND)
    assert unsent.status_code == 422 and errors(unsent)[0]["path"] == "attachments"   # not uploaded
    assert _upload(allegro, url).status_code == 200
    again = _upload(allegro, url)
    assert again.status_code == 422 and errors(again)[0]["code"] == "ATTACHMENT_ERROR"   # one-time URL
    assert allegro.get(url, headers={"Accept": "*/*"}).content == PNG
    resp = client.get(url, headers={"Accept": "*/*"})
    assert resp.status_code == 403
    unknown = "5d1f8a5e-0000-4000-8000-000000000000"
    assert allegro.get(f"/sale/issues/attachments/{unknown}", headers={"Accept": "*/*"}).status_code == 404
    assert _upload(allegro, f"/sale/issues/attachments/{unknown}").status_code == 422
    assert http.get(f"/__targ/buyer/issues/{opened['id']}/attachments/{attachment_id}").status_code == 404
    assert len(chat(allegro, opened["id"])) == 1
