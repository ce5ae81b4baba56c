"""What `POST /sale/disputes/{id}/messages` and `/sale/dispute-attachments*` refuse, each with the vendor's status and
error naming the field, and changing nothing: the issue chat's rules, one file per dispute message, and the issue
attachments' limits."""

from __future__ import annotations

import httpx
from issues_helpers import PUBLIC, SEND_PUBLIC, chat, dispute, dispute_messages, errors, issue

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
UNKNOWN = "5d1f8a5e-0000-4000-8000-000000000000"


def _post(allegro: httpx.Client, dispute_id: str, body: dict[str, object]) -> httpx.Response:
    return allegro.post(f"/sale/disputes/{dispute_id}/messages", json=body, headers=SEND_PUBLIC)


def _declare(client: httpx.Client, name: str = "a.png", size: int = len(PNG)) -> httpx.Response:
    return client.post("/sale/dispute-attachments", json={"fileName": name, "size": size}, headers=SEND_PUBLIC)


def _upload(client: httpx.Client, url: str, data: bytes = PNG, media_type: str = "image/png") -> httpx.Response:
    return client.put(url, content=data, headers={"Content-Type": media_type, **PUBLIC})


def _uploaded(allegro: httpx.Client) -> str:
    declared = _declare(allegro)
    assert _upload(allegro, declared.headers["location"]).status_code == 200
    return str(declared.json()["id"])


def test_bad_messages_name_the_field_and_change_nothing(http: httpx.Client, allegro: httpx.Client,
                                                        order: str) -> None:
    opened = dispute(http, order)
    first, second = _uploaded(allegro), _uploaded(allegro)
    cases: list[tuple[dict[str, object], str]] = [
        ({"text": "   ", "type": "REGULAR"}, "text"),
        ({"type": "REGULAR"}, "text"),
        ({"text": "x"}, "type"),
        ({"text": "x", "type": "SHOUT"}, "type"),
        ({"text": "x" * 20_001, "type": "REGULAR"}, "text"),
        ({"text": "x", "type": "RETURN_REQUIRED_CUSTOM"}, "type"),           # claims only
        ({"text": "x", "type": "REGULAR", "attachments": [{"id": UNKNOWN}]}, "attachments"),
        # One file per dispute message (#11654).
        ({"text": "x", "type": "REGULAR", "attachments": [{"id": first}, {"id": second}]}, "attachments"),
    ]
    for body, path in cases:
        resp = _post(allegro, opened["id"], body)
        assert resp.status_code == 422, (body, resp.text)
        assert errors(resp)[0]["path"] == path and errors(resp)[0]["code"] == "VALIDATION_ERROR", body
    assert len(dispute_messages(allegro, opened["id"])) == 1
    # Both files are still unsent: each goes with a message of its own.
    for attachment_id in (first, second):
        assert _post(allegro, opened["id"], {"text": "", "type": "REGULAR",
                                             "attachments": [{"id": attachment_id}]}).status_code == 201
    assert [m.get("attachment", {}).get("url", "").rsplit("/", 1)[-1]
            for m in dispute_messages(allegro, opened["id"])] == ["", first, second]


def test_end_request_once_and_closed_dispute(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    opened = dispute(http, order)
    assert _post(allegro, opened["id"], {"text": "Czy możemy zakończyć?", "type": "END_REQUEST"}).status_code == 201
    again = _post(allegro, opened["id"], {"text": "Czy możemy zakończyć?", "type": "END_REQUEST"})
    assert again.status_code == 422 and errors(again)[0]["path"] == "type"     # once only (#12871)
    assert http.post(f"/__targ/buyer/issues/{opened['id']}/close").status_code == 200
    closed = _post(allegro, opened["id"], {"text": "Halo?", "type": "REGULAR"})
    assert closed.status_code == 409 and errors(closed)[0]["code"] == "CONFLICT"
    assert len(dispute_messages(allegro, opened["id"])) == 2 and len(chat(allegro, opened["id"])) == 2
    assert issue(allegro, opened["id"])["currentState"]["chatActive"] is False


def test_declaration_limits_name_the_field(allegro: httpx.Client) -> None:
    for body, path in (({"fileName": "a.png", "size": 2_097_153}, "size"),
                       ({"fileName": "wirus.exe", "size": 10}, "fileName"),
                       ({"fileName": "x" * 252 + ".png", "size": 10}, "fileName"),
                       ({"fileName": "a.png", "size": 0}, "size"),
                       ({"fileName": "a.png"}, "size"),
                       ({"size": 10}, "fileName")):
        resp = allegro.post("/sale/dispute-attachments", json=body, headers=SEND_PUBLIC)
        assert resp.status_code == 422, (body, resp.text)
        assert errors(resp)[0]["path"] == path, body
    # #7645, on this very operation: over 2 097 152 bytes, in Polish unless asked otherwise.
    too_big = _declare(allegro, size=2_097_153)
    assert errors(too_big)[0]["code"] == "ATTACHMENT_ERROR"
    assert errors(too_big)[0]["userMessage"] == "Rozmiar pliku przekracza dopuszczalną wartość 2097152 bajtów."
    assert _declare(allegro, size=2_097_152).status_code == 201


def test_upload_and_download_refusals_change_nothing(http: httpx.Client, allegro: httpx.Client, order: str,
                                                     other: tuple[str, httpx.Client]) -> None:
    declared = _declare(allegro)
    url, attachment_id = declared.headers["location"], declared.json()["id"]
    assert allegro.get(url, headers={"Accept": "*/*"}).status_code == 404          # not uploaded yet
    assert _upload(allegro, url, media_type="image/jpeg").status_code == 415       # not what the name says
    assert _upload(allegro, url, media_type="text/plain").status_code == 415       # not a format of the spec
    assert _upload(allegro, url, PNG + b"more").status_code == 413                  # over the declared size
    _, client = other
    resp = _upload(client, url)
    assert resp.status_code == 422 and errors(resp)[0]["path"] == "attachmentId"   # another seller's
    opened = dispute(http, order)
    unsent = _post(allegro, opened["id"], {"text": "x", "type": "REGULAR", "attachments": [{"id": attachment_id}]})
    assert unsent.status_code == 422 and errors(unsent)[0]["path"] == "attachments"   # not uploaded
    assert _upload(allegro, url).status_code == 200
    again = _upload(allegro, url)
    assert again.status_code == 422 and errors(again)[0]["code"] == "ATTACHMENT_ERROR"   # one-time URL
    assert allegro.get(url, headers={"Accept": "*/*"}).content == PNG
    forbidden = client.get(url, headers={"Accept": "*/*"})
    assert forbidden.status_code == 403 and errors(forbidden)[0]["code"] == "AccessDenied"
    assert allegro.get(f"/sale/dispute-attachments/{UNKNOWN}", headers={"Accept": "*/*"}).status_code == 404
    assert _upload(allegro, f"/sale/dispute-attachments/{UNKNOWN}").status_code == 422
    # The other seller cannot send this seller's file either.
    theirs = _declare(client)
    assert _upload(client, theirs.headers["location"]).status_code == 200
    mine = _post(allegro, opened["id"], {"text": "x", "type": "REGULAR", "attachments": [{"id": theirs.json()["id"]}]})
    assert mine.status_code == 422 and errors(mine)[0]["path"] == "attachments"
    assert len(dispute_messages(allegro, opened["id"])) == 1
