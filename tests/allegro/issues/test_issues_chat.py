"""The issue's chat: the buyer writes (admin API), the seller reads `GET /sale/issues/{id}/chat` and answers with
`POST /sale/issues/{id}/message`, each message's type taking its effect; refusals change nothing."""

from __future__ import annotations

import httpx
from issues_helpers import BETA, SEND, admin_error, advance, chat, claim, dispute, errors, issue, now

from targ.testing import TargServer


def _post(allegro: httpx.Client, issue_id: str, text: str, kind: str = "REGULAR", **extra: object) -> httpx.Response:
    return allegro.post(f"/sale/issues/{issue_id}/message", json={"text": text, "type": kind, **extra},
                        headers=SEND)


def test_buyer_and_seller_write_in_turn(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                        demo: dict[str, object], order: str) -> None:
    opened = dispute(http, order)
    advance(targ, allegro, "PT1H")
    answer = _post(allegro, opened["id"], "Dzień dobry. Proszę o doprecyzowanie problemu.")
    assert answer.status_code == 201, answer.text
    sent = answer.json()
    assert sent["author"] == {"login": demo["login"], "role": "SELLER"} and sent["createdAt"] == now(http)
    assert sent["text"] == "Dzień dobry. Proszę o doprecyzowanie problemu." and sent["attachments"] == []
    seen = issue(allegro, opened["id"])
    assert seen["chat"]["lastMessage"] == {"createdAt": sent["createdAt"], "status": "SELLER_REPLIED"}
    assert seen["chat"]["messagesCount"] == 2
    advance(targ, allegro, "PT1H")
    reply = http.post(f"/__targ/buyer/issues/{opened['id']}/messages", json={"text": "Paczka nie dotarła."})
    assert reply.status_code == 201, reply.text
    assert reply.json()["message"]["author"] == {"login": "kupujacy_anna", "role": "BUYER"}
    seen = issue(allegro, opened["id"])
    assert seen["chat"]["lastMessage"]["status"] == "BUYER_REPLIED" and seen["chat"]["messagesCount"] == 3
    assert seen["chat"]["initialMessage"]["text"] == "Gdzie jest moja paczka?"
    messages = chat(allegro, opened["id"])
    assert [m["text"] for m in messages] == ["Gdzie jest moja paczka?", sent["text"], "Paczka nie dotarła."]
    assert messages[1] == sent and messages[2] == reply.json()["message"]
    assert [m["text"] for m in chat(allegro, opened["id"], offset=1, limit=1)] == [sent["text"]]
    assert http.get(f"/__targ/buyer/issues/{opened['id']}").json()["chat"] == messages


def test_message_types_take_effect_where_allowed(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    disputed, claimed = dispute(http, order), claim(http, order)
    assert _post(allegro, claimed["id"], "Proszę odesłać", "RETURN_REQUIRED_CUSTOM").status_code == 201
    assert issue(allegro, claimed["id"])["currentState"]["returnRequired"] is True
    assert _post(allegro, claimed["id"], "Nie trzeba odsyłać", "RETURN_NOT_REQUIRED").status_code == 201
    assert issue(allegro, claimed["id"])["currentState"]["returnRequired"] is False
    assert _post(allegro, disputed["id"], "Czy możemy zakończyć?", "END_REQUEST").status_code == 201
    refused = [
        (claimed["id"], "END_REQUEST", "type"),                  # disputes only
        (disputed["id"], "RETURN_REQUIRED_SELLER_LABEL", "type"),  # claims only
        (disputed["id"], "END_REQUEST", "type"),                 # once only (#12871)
    ]
    for issue_id, kind, path in refused:
        resp = _post(allegro, issue_id, "x", kind)
        assert resp.status_code == 422, (kind, resp.text)
        assert errors(resp)[0]["path"] == path and errors(resp)[0]["code"] == "VALIDATION_ERROR"
    assert issue(allegro, disputed["id"])["currentState"]["returnRequired"] is None
    assert len(chat(allegro, disputed["id"])) == 2 and len(chat(allegro, claimed["id"])) == 3


def test_bad_messages_name_the_field_and_change_nothing(http: httpx.Client, allegro: httpx.Client,
                                                        order: str) -> None:
    opened = dispute(http, order)
    cases: list[tuple[dict[str, object], int, str]] = [
        ({"text": "   ", "type": "REGULAR"}, 422, "text"),
        ({"type": "REGULAR"}, 422, "text"),
        ({"text": "x"}, 422, "type"),
        ({"text": "x", "type": "SHOUT"}, 422, "type"),
        ({"text": "x" * 20_001, "type": "REGULAR"}, 422, "text"),
        ({"text": "x", "type": "REGULAR", "attachments": [{"id": "eeed0007-4404-4176-a1eb-11d26f056c0d"}]}, 422,
         "attachments"),
    ]
    for body, status, path in cases:
        resp = allegro.post(f"/sale/issues/{opened['id']}/message", json=body, headers=SEND)
        assert resp.status_code == status, (body, resp.text)
        assert errors(resp)[0]["path"] == path, body
    assert len(chat(allegro, opened["id"])) == 1


def test_closed_dispute_takes_no_messages(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    opened = dispute(http, order)
    closed = http.post(f"/__targ/buyer/issues/{opened['id']}/close")
    assert closed.status_code == 200, closed.text
    state = issue(allegro, opened["id"])["currentState"]
    assert state["status"] == "DISPUTE_CLOSED" and state["chatActive"] is False
    resp = _post(allegro, opened["id"], "Halo?")
    assert resp.status_code == 409 and errors(resp)[0]["code"] == "CONFLICT"
    buyer = http.post(f"/__targ/buyer/issues/{opened['id']}/messages", json={"text": "Jednak nie"})
    assert admin_error(buyer, 409) == "chat_inactive"
    assert admin_error(http.post(f"/__targ/buyer/issues/{opened['id']}/close"), 409) == "closed"
    assert len(chat(allegro, opened["id"])) == 1
    assert admin_error(http.post(f"/__targ/buyer/issues/{claim(http, order)['id']}/close"), 409) == "not_a_dispute"


def test_another_sellers_chat_and_unknown_ids(http: httpx.Client, allegro: httpx.Client, order: str,
                                              other: tuple[str, httpx.Client]) -> None:
    opened = dispute(http, order)
    _, client = other
    for resp in (client.get(f"/sale/issues/{opened['id']}/chat"),
                 client.post(f"/sale/issues/{opened['id']}/message", json={"text": "x", "type": "REGULAR"},
                             headers={"Content-Type": BETA["Accept"]})):
        assert resp.status_code == 403 and errors(resp)[0]["code"] == "AccessDenied"
    unknown = "5d1f8a5e-0000-4000-8000-000000000000"
    assert allegro.get(f"/sale/issues/{unknown}/chat", headers=BETA).status_code == 404
    assert _post(allegro, unknown, "x").status_code == 404
    assert admin_error(http.post(f"/__targ/buyer/issues/{unknown}/messages", json={"text": "x"}), 404) == "not_found"
    assert len(chat(allegro, opened["id"])) == 1
