"""The deprecated `/sale/disputes*` and `/sale/dispute-attachments*` show the same issues, chats and files as
`/sale/issues*`: the buyer opens a dispute (admin API), the seller reads it as a dispute and as an issue, answers
through the disputes API with a file declared, uploaded and downloaded there, and the answer shows in the issue's chat
and to the buyer. The session server checks every response against the vendor's schema."""

from __future__ import annotations

import base64
from typing import Any

import httpx
from issues_helpers import (
    BETA,
    PUBLIC,
    SEND,
    SEND_PUBLIC,
    advance,
    chat,
    dispute,
    dispute_messages,
    dispute_view,
    disputes,
    issue,
    now,
)

from targ.testing import TargServer

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
PDF = b"%PDF-1.4\n" + bytes(reversed(range(256))) * 3


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_dispute_story_through_both_families(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                             demo: dict[str, Any], order: str) -> None:
    # The buyer opens a dispute with a file.
    opened = dispute(http, order, attachments=[{"fileName": "paragon.pdf", "content": _b64(PDF)}])
    at = now(http)
    # The seller reads it as a dispute: the same id, buyer, order, opening message and file.
    seen = dispute_view(allegro, opened["id"])
    first_file = opened["chat"]["initialMessage"]["attachments"][0]
    file_id = first_file["url"].rsplit("/", 1)[1]
    assert seen == {
        "id": opened["id"], "subject": {"name": opened["subject"]}, "status": "ONGOING", "messagesStatus": "NEW",
        "buyer": opened["buyer"], "checkoutForm": opened["checkoutForm"],
        "message": {"id": opened["chat"]["initialMessage"]["id"], "text": "Gdzie jest moja paczka?",
                    "attachment": {"fileName": "paragon.pdf",
                                   "url": f"{targ.url}/sale/dispute-attachments/{file_id}"},
                    "author": {"login": "kupujacy_anna", "role": "BUYER"}, "createdAt": at},
        "messagesCount": 1, "openedDate": opened["openedDate"], "lastMessageCreationDate": at,
    }
    assert disputes(allegro) == [seen]
    # The buyer's file, downloaded through either family, byte for byte.
    for url in (seen["message"]["attachment"]["url"], first_file["url"]):
        got = allegro.get(url, headers={"Accept": "*/*"})
        assert got.status_code == 200 and got.content == PDF and got.headers["content-type"] == "application/pdf"

    # The seller declares a file through the disputes API, uploads it (200, no body) and downloads it.
    declared = allegro.post("/sale/dispute-attachments", json={"fileName": "etykieta.png", "size": len(PNG)},
                            headers=SEND_PUBLIC)
    assert declared.status_code == 201, declared.text
    attachment_id = declared.json()["id"]
    assert declared.json() == {"id": attachment_id}
    assert declared.headers["location"] == f"{targ.url}/sale/dispute-attachments/{attachment_id}"
    uploaded = allegro.put(declared.headers["location"], content=PNG,
                           headers={"Content-Type": "image/png", **PUBLIC})
    assert uploaded.status_code == 200 and uploaded.content == b""
    got = allegro.get(declared.headers["location"], headers={"Accept": "*/*"})
    assert got.status_code == 200 and got.content == PNG and got.headers["content-type"] == "image/png"

    # ... and answers through the disputes API with it.
    advance(targ, allegro, "PT2H")
    body = {"text": "Przesyłam etykietę.", "type": "REGULAR", "attachments": [{"id": attachment_id}]}
    answer = allegro.post(f"/sale/disputes/{opened['id']}/messages", json=body, headers=SEND_PUBLIC)
    assert answer.status_code == 201, answer.text
    sent = answer.json()
    answered_at = now(http)
    assert sent == {"id": sent["id"], "text": "Przesyłam etykietę.",
                    "attachment": {"fileName": "etykieta.png", "url": declared.headers["location"]},
                    "author": {"login": demo["login"], "role": "SELLER"}, "createdAt": answered_at}
    assert dispute_messages(allegro, opened["id"]) == [seen["message"], sent]

    # The answer is in the issue's chat, with the file under the issues' download URL ...
    as_issue = issue(allegro, opened["id"])
    issue_chat = chat(allegro, opened["id"])
    assert [m["id"] for m in issue_chat] == [seen["message"]["id"], sent["id"]]
    assert issue_chat[1]["text"] == sent["text"] and issue_chat[1]["author"] == sent["author"]
    assert issue_chat[1]["attachments"] == [{"fileName": "etykieta.png",
                                             "url": f"{targ.url}/sale/issues/attachments/{attachment_id}"}]
    assert as_issue["chat"]["lastMessage"] == {"createdAt": answered_at, "status": "SELLER_REPLIED"}
    assert as_issue["chat"]["messagesCount"] == 2
    got = allegro.get(issue_chat[1]["attachments"][0]["url"], headers={"Accept": "*/*"})
    assert got.status_code == 200 and got.content == PNG
    again = dispute_view(allegro, opened["id"])
    assert (again["messagesStatus"], again["messagesCount"], again["lastMessageCreationDate"]) == \
        ("SELLER_REPLIED", 2, answered_at)

    # ... and the buyer sees it and downloads the file.
    buyer = http.get(f"/__targ/buyer/issues/{opened['id']}").json()
    assert buyer["chat"] == issue_chat
    downloaded = http.get(f"/__targ/buyer/issues/{opened['id']}/attachments/{attachment_id}")
    assert downloaded.status_code == 200 and downloaded.content == PNG

    # The buyer answers; both views show it.
    advance(targ, allegro, "PT1H")
    reply = http.post(f"/__targ/buyer/issues/{opened['id']}/messages", json={"text": "Dziękuję."})
    assert reply.status_code == 201, reply.text
    assert dispute_view(allegro, opened["id"])["messagesStatus"] == "BUYER_REPLIED"
    assert issue(allegro, opened["id"])["chat"]["lastMessage"]["status"] == "BUYER_REPLIED"
    last = dispute_messages(allegro, opened["id"], offset=2, limit=1)
    assert last == [{"id": reply.json()["message"]["id"], "text": "Dziękuję.",
                     "author": {"login": "kupujacy_anna", "role": "BUYER"}, "createdAt": now(http)}]
    assert [m["id"] for m in dispute_messages(allegro, opened["id"], limit=2)] == [m["id"] for m in issue_chat]


def test_a_file_declared_in_either_family_goes_into_either_chat(http: httpx.Client, allegro: httpx.Client,
                                                                order: str) -> None:
    opened = dispute(http, order)
    through_issues = allegro.post("/sale/issues/attachments", json={"fileName": "a.png", "size": len(PNG)},
                                  headers=SEND)
    assert allegro.put(through_issues.headers["location"], content=PNG,
                       headers={"Content-Type": "image/png", **BETA}).status_code == 200
    through_disputes = allegro.post("/sale/dispute-attachments", json={"fileName": "b.pdf", "size": len(PDF)},
                                    headers=SEND_PUBLIC)
    assert allegro.put(through_disputes.headers["location"], content=PDF,
                       headers={"Content-Type": "application/pdf", **PUBLIC}).status_code == 200
    a_id, b_id = through_issues.json()["id"], through_disputes.json()["id"]
    in_dispute = allegro.post(f"/sale/disputes/{opened['id']}/messages",
                              json={"text": "A", "type": "REGULAR", "attachments": [{"id": a_id}]},
                              headers=SEND_PUBLIC)
    assert in_dispute.status_code == 201, in_dispute.text
    assert in_dispute.json()["attachment"]["url"].endswith(f"/sale/dispute-attachments/{a_id}")
    in_issue = allegro.post(f"/sale/issues/{opened['id']}/message",
                            json={"text": "B", "type": "REGULAR", "attachments": [{"id": b_id}]}, headers=SEND)
    assert in_issue.status_code == 201, in_issue.text
    assert in_issue.json()["attachments"][0]["url"].endswith(f"/sale/issues/attachments/{b_id}")
    for attachment_id, data in ((a_id, PNG), (b_id, PDF)):
        for path in (f"/sale/dispute-attachments/{attachment_id}", f"/sale/issues/attachments/{attachment_id}"):
            got = allegro.get(path, headers={"Accept": "*/*"})
            assert got.status_code == 200 and got.content == data, path
    assert [a["fileName"] for a in issue(allegro, opened["id"])["attachments"]] == ["a.png", "b.pdf"]
    assert [m.get("attachment", {}).get("fileName") for m in dispute_messages(allegro, opened["id"])] == \
        [None, "a.png", "b.pdf"]


def test_a_message_with_several_files_shows_its_first_as_a_dispute(http: httpx.Client, allegro: httpx.Client,
                                                                    order: str) -> None:
    """#11654 (staff): the dispute resources return only the first of a message's files."""
    opened = dispute(http, order, attachments=[{"fileName": "1.png", "content": _b64(PNG)},
                                               {"fileName": "2.pdf", "content": _b64(PDF)}])
    assert [a["fileName"] for a in opened["chat"]["initialMessage"]["attachments"]] == ["1.png", "2.pdf"]
    assert dispute_view(allegro, opened["id"])["message"]["attachment"]["fileName"] == "1.png"
    assert dispute_messages(allegro, opened["id"])[0]["attachment"]["fileName"] == "1.png"
