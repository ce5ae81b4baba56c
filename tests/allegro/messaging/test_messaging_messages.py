"""Messages both ways: the seller writes to a buyer (about the buyer's order) and in a thread, the buyer writes and
reads, filters and paging of a thread's messages, deleting one's own, and the vendor's refusals."""

from __future__ import annotations

from typing import Any

import httpx
from messaging_helpers import SEND, advance, buy, buyer_reads, buyer_replies, buyer_writes, errors, messages, thread


def new_message(allegro: httpx.Client, login: str, order_id: str, text: str = "Dzień dobry",
                **extra: Any) -> httpx.Response:
    return allegro.post("/messaging/messages",
                        json={"recipient": {"login": login}, "text": text, "order": {"id": order_id}, **extra},
                        headers=SEND)


def test_seller_writes_to_a_buyer_and_the_buyer_reads_it(http: httpx.Client, allegro: httpx.Client, demo: dict[
        str, Any], order: str) -> None:
    advance(http, "PT30M")
    resp = new_message(allegro, "kupujacy_anna", order, "Paczka wyjdzie jutro")
    assert resp.status_code == 201, resp.text
    sent = resp.json()
    assert sent["status"] == "DELIVERED" and sent["type"] == "MESSAGE_CENTER"
    assert sent["author"] == {"login": demo["login"], "isInterlocutor": False}
    assert sent["relatesTo"] == {"offer": None, "order": {"id": order}} and sent["attachments"] == []
    assert sent["createdAt"] == http.get("/__targ/clock").json()["now"]
    # A new thread the seller opened: nothing in it is unread for the seller.
    shown = thread(allegro, sent["thread"]["id"])
    assert shown["read"] is True and shown["lastMessageDateTime"] == sent["createdAt"]
    assert allegro.get(f"/messaging/messages/{sent['id']}").json() == sent
    [seen] = buyer_reads(http, sent["thread"]["id"])
    assert seen["text"] == "Paczka wyjdzie jutro" and seen["author"] == {"login": demo["login"],
                                                                         "isInterlocutor": True}


def test_story_buyer_asks_seller_reads_and_answers_buyer_sees(http: httpx.Client, allegro: httpx.Client,
                                                              offer: str) -> None:
    asked = buyer_writes(http, offerId=offer, login="ciekawski_jan", text="Czy ten produkt jest nowy?")
    thread_id = asked["threadId"]
    assert asked["message"]["type"] == "ASK_QUESTION" and asked["message"]["relatesTo"] == {"offer": {"id": offer}}
    [question] = messages(allegro, thread_id)
    assert question == asked["message"] and question["author"] == {"login": "ciekawski_jan", "isInterlocutor": True}
    assert allegro.put(f"/messaging/threads/{thread_id}/read", json={"read": True}, headers=SEND).status_code == 200
    advance(http, "PT5M")
    answer = allegro.post(f"/messaging/threads/{thread_id}/messages", json={"text": "Tak, nowy."}, headers=SEND)
    assert answer.status_code == 201 and answer.json()["relatesTo"] == {"offer": None}
    seen = buyer_reads(http, thread_id)
    assert [m["text"] for m in seen] == ["Tak, nowy.", "Czy ten produkt jest nowy?"]
    assert [m["author"]["isInterlocutor"] for m in seen] == [True, False]
    advance(http, "PT5M")
    buyer_replies(http, thread_id, text="Dziękuję, kupuję.")
    assert thread(allegro, thread_id)["read"] is False
    assert [m["text"] for m in messages(allegro, thread_id)] == ["Dziękuję, kupuję.", "Tak, nowy.",
                                                                 "Czy ten produkt jest nowy?"]


def test_seller_writes_into_the_buyers_existing_thread(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="Pytanie")["threadId"]
    sent = new_message(allegro, "kupujacy_anna", order).json()
    assert sent["thread"]["id"] == thread_id
    assert len(allegro.get("/messaging/threads").json()["threads"]) == 1
    assert thread(allegro, thread_id)["read"] is False   # the buyer's message is still unread


def test_messages_filters_and_paging(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="m0")["threadId"]
    times = [http.get("/__targ/clock").json()["now"]]
    for n in range(1, 4):
        times.append(advance(http, "PT1M"))
        buyer_replies(http, thread_id, text=f"m{n}")
    assert [m["text"] for m in messages(allegro, thread_id)] == ["m3", "m2", "m1", "m0"]
    assert [m["text"] for m in messages(allegro, thread_id, limit=2, offset=1)] == ["m2", "m1"]
    # after and before are exclusive.
    assert [m["text"] for m in messages(allegro, thread_id, after=times[1])] == ["m3", "m2"]
    assert [m["text"] for m in messages(allegro, thread_id, before=times[2])] == ["m1", "m0"]
    assert [m["text"] for m in messages(allegro, thread_id, after=times[0], before=times[3])] == ["m2", "m1"]
    page = allegro.get(f"/messaging/threads/{thread_id}/messages", params={"limit": 3}).json()
    assert (page["offset"], page["limit"], len(page["messages"])) == (0, 3, 3)


def test_messages_bad_parameters(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="x")["threadId"]
    path = f"/messaging/threads/{thread_id}/messages"
    for params, field in (({"limit": 21}, "limit"), ({"offset": 15001}, "offset"), ({"after": "wczoraj"}, "after"),
                          ({"before": "2026-01-01T00:00:00Z", "offset": 0}, "before")):
        resp = allegro.get(path, params=params)
        assert resp.status_code == 422, params
        assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", field)]


def test_new_message_refusals_name_the_field(http: httpx.Client, allegro: httpx.Client, offer: str,
                                            order: str) -> None:
    someone_elses = buy(http, offer, "kupujacy_piotr")
    cases = [
        (new_message(allegro, "nieznany_login", order), 422, "recipient.login"),
        (new_message(allegro, "kupujacy_anna", someone_elses), 422, "order.id"),
        (new_message(allegro, "kupujacy_anna", order, "a" * 2001), 422, "text"),
        (new_message(allegro, "kupujacy_anna", order, "   "), 422, "text"),
        # order is required since 2025-02-28 (#10383 NEWS); a null is not given (#11093).
        (allegro.post("/messaging/messages", json={"recipient": {"login": "kupujacy_anna"}, "text": "x",
                                                   "order": None}, headers=SEND), 422, "order"),
    ]
    for resp, status, field in cases:
        assert resp.status_code == status, resp.text
        assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", field)]
    # Nothing was written.
    assert allegro.get("/messaging/threads").json()["threads"] == []
    assert len(new_message(allegro, "kupujacy_anna", order, "a" * 2000).json()["text"]) == 2000


def test_another_sellers_order_is_not_the_recipients(http: httpx.Client, allegro: httpx.Client, order: str,
                                                    other: tuple[str, httpx.Client]) -> None:
    _, stranger = other
    resp = new_message(stranger, "kupujacy_anna", order)
    assert resp.status_code == 422 and errors(resp)[0]["path"] == "order.id"


def test_delete_own_message(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    asked = buyer_writes(http, checkoutFormId=order, text="Pytanie")
    thread_id = asked["threadId"]
    advance(http, "PT10M")
    sent = allegro.post(f"/messaging/threads/{thread_id}/messages", json={"text": "Pomyłka"}, headers=SEND).json()
    assert thread(allegro, thread_id)["lastMessageDateTime"] == sent["createdAt"]
    gone = allegro.delete(f"/messaging/messages/{sent['id']}")
    assert gone.status_code == 204 and gone.content == b""
    missing = allegro.get(f"/messaging/messages/{sent['id']}")
    assert missing.status_code == 404
    [error] = errors(missing)
    assert error["code"] == "MESSAGE_NOT_FOUND" and error["message"] == f"No message with such Id [{sent['id']}]"
    assert [m["id"] for m in messages(allegro, thread_id)] == [asked["message"]["id"]]
    assert [m["text"] for m in buyer_reads(http, thread_id)] == ["Pytanie"]   # gone for the buyer too (#11411)
    assert thread(allegro, thread_id)["lastMessageDateTime"] == asked["message"]["createdAt"]
    assert allegro.delete(f"/messaging/messages/{sent['id']}").status_code == 404


def test_the_buyers_and_another_sellers_messages_are_not_deletable(http: httpx.Client, allegro: httpx.Client,
                                                                   order: str,
                                                                   other: tuple[str, httpx.Client]) -> None:
    asked = buyer_writes(http, checkoutFormId=order, text="Nie do usunięcia")["message"]
    resp = allegro.delete(f"/messaging/messages/{asked['id']}")
    assert resp.status_code == 403 and errors(resp)[0]["code"] == "AccessDenied"
    thread_id = asked["thread"]["id"]
    mine = allegro.post(f"/messaging/threads/{thread_id}/messages", json={"text": "Moja"}, headers=SEND).json()
    _, stranger = other
    assert stranger.delete(f"/messaging/messages/{mine['id']}").status_code == 403
    # Reading a message declares only 404: another seller's is not found.
    hidden = stranger.get(f"/messaging/messages/{mine['id']}")
    assert hidden.status_code == 404 and errors(hidden)[0]["code"] == "MESSAGE_NOT_FOUND"
    assert len(messages(allegro, thread_id)) == 2


def test_unknown_message(allegro: httpx.Client) -> None:
    missing = "97dc0b60-2da4-4247-92ba-b748630ba0f6"
    for resp in (allegro.get(f"/messaging/messages/{missing}"), allegro.delete(f"/messaging/messages/{missing}")):
        assert resp.status_code == 404
        [error] = errors(resp)
        assert error["code"] == "MESSAGE_NOT_FOUND" and error["userMessage"] == "Wiadomość nie istnieje"
