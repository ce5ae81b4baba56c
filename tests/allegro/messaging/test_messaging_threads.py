"""Threads: what the buyer writes shows up unread with its time, the read flag, ordering and paging, another
seller's threads, unknown ids and bad parameters."""

from __future__ import annotations

import httpx
from messaging_helpers import SEND, advance, buy, buyer_writes, errors, now, thread


def test_buyer_message_opens_an_unread_thread_at_the_clock(http: httpx.Client, allegro: httpx.Client,
                                                           order: str) -> None:
    advance(http, "PT2H")
    written = buyer_writes(http, checkoutFormId=order, text="Kiedy wyślecie paczkę?")
    listed = allegro.get("/messaging/threads")
    assert listed.status_code == 200 and "x-targ-backing" not in listed.headers
    assert listed.json()["offset"] == 0 and listed.json()["limit"] == 20
    [shown] = listed.json()["threads"]
    assert shown["id"] == written["threadId"] and len(shown["id"]) == 43 and shown["id"].isalnum()
    assert shown["read"] is False and shown["lastMessageDateTime"] == now(http)
    assert shown["interlocutor"]["login"] == "kupujacy_anna"
    assert shown["interlocutor"]["avatarUrl"].startswith("https://a.allegroimg.com/original/")
    assert thread(allegro, written["threadId"]) == shown


def test_read_flag_is_set_by_put_only(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="Pytanie o fakturę")["threadId"]
    marked = allegro.put(f"/messaging/threads/{thread_id}/read", json={"read": True}, headers=SEND)
    assert marked.status_code == 200 and marked.json()["read"] is True
    assert thread(allegro, thread_id)["read"] is True
    # The seller's own answer does not change the flag (staff in #8736) ...
    answer = allegro.post(f"/messaging/threads/{thread_id}/messages", json={"text": "Wysłana"}, headers=SEND)
    assert answer.status_code == 201 and thread(allegro, thread_id)["read"] is True
    # ... the buyer's next message makes it unread, and the seller may mark it unread itself.
    buyer_writes(http, checkoutFormId=order, text="Dziękuję")
    assert thread(allegro, thread_id)["read"] is False
    allegro.put(f"/messaging/threads/{thread_id}/read", json={"read": True}, headers=SEND)
    unread = allegro.put(f"/messaging/threads/{thread_id}/read", json={"read": False}, headers=SEND)
    assert unread.status_code == 200 and thread(allegro, thread_id)["read"] is False


def test_read_flag_needs_the_flag(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="Halo")["threadId"]
    resp = allegro.put(f"/messaging/threads/{thread_id}/read", json={}, headers=SEND)
    assert resp.status_code == 422
    assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", "read")]
    assert thread(allegro, thread_id)["read"] is False


def test_one_thread_per_buyer_latest_message_first_and_paging(http: httpx.Client, allegro: httpx.Client,
                                                               offer: str, order: str) -> None:
    first = buyer_writes(http, checkoutFormId=order, text="Pierwsza")["threadId"]
    advance(http, "PT1M")
    second = buyer_writes(http, sellerId=allegro_seller(http), login="kupujacy_piotr", text="Czy jest w sklepie?")
    advance(http, "PT1M")
    # Another order of the same buyer goes into the same thread, which moves to the top.
    later_order = buy(http, offer, "kupujacy_anna")
    again = buyer_writes(http, checkoutFormId=later_order, text="Drugie zamówienie")
    assert again["threadId"] == first
    listed = allegro.get("/messaging/threads").json()["threads"]
    assert [t["id"] for t in listed] == [first, second["threadId"]]
    assert listed[0]["lastMessageDateTime"] == now(http)
    page = allegro.get("/messaging/threads", params={"limit": 1, "offset": 1}).json()
    assert [t["id"] for t in page["threads"]] == [second["threadId"]] and (page["offset"], page["limit"]) == (1, 1)
    assert allegro.get("/messaging/threads", params={"offset": 2}).json()["threads"] == []


def allegro_seller(http: httpx.Client) -> str:
    return str(http.get("/__targ/demo").json()["sellerId"])


def test_limit_and_offset_out_of_range(allegro: httpx.Client) -> None:
    for params, field in (({"limit": 21}, "limit"), ({"limit": 0}, "limit"), ({"offset": -1}, "offset"),
                          ({"offset": 15000001}, "offset")):
        resp = allegro.get("/messaging/threads", params=params)
        assert resp.status_code == 422, params
        assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", field)]


def test_unknown_thread(allegro: httpx.Client) -> None:
    missing = "P9XHEXmQAIiG3aCVmD124ZKm3knwcoEW06UTC3Zv9UK"
    for resp in (allegro.get(f"/messaging/threads/{missing}"),
                 allegro.get(f"/messaging/threads/{missing}/messages"),
                 allegro.put(f"/messaging/threads/{missing}/read", json={"read": True}, headers=SEND),
                 allegro.post(f"/messaging/threads/{missing}/messages", json={"text": "x"}, headers=SEND)):
        assert resp.status_code == 404
        [error] = errors(resp)
        assert error["code"] == "THREAD_NOT_FOUND" and error["message"] == f"No thread with such Id [{missing}]"
        assert error["path"] == resp.request.url.path and error["userMessage"] == "Wątek nie istnieje"
    english = allegro.get(f"/messaging/threads/{missing}", headers={"Accept-Language": "en-US"})
    assert errors(english)[0]["userMessage"] == "Thread does not exist"


def test_another_sellers_thread(http: httpx.Client, allegro: httpx.Client, order: str,
                                other: tuple[str, httpx.Client]) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="Do sprzedawcy demo")["threadId"]
    _, stranger = other
    assert stranger.get("/messaging/threads").json()["threads"] == []
    # Reading the thread declares only 404; the other operations declare "403 User not allowed to ...".
    hidden = stranger.get(f"/messaging/threads/{thread_id}")
    assert hidden.status_code == 404 and errors(hidden)[0]["code"] == "THREAD_NOT_FOUND"
    for resp in (stranger.get(f"/messaging/threads/{thread_id}/messages"),
                 stranger.put(f"/messaging/threads/{thread_id}/read", json={"read": True}, headers=SEND),
                 stranger.post(f"/messaging/threads/{thread_id}/messages", json={"text": "Obcy"}, headers=SEND)):
        assert resp.status_code == 403 and errors(resp)[0]["code"] == "AccessDenied"
    shown = thread(allegro, thread_id)
    assert shown["read"] is False and len(allegro.get(f"/messaging/threads/{thread_id}/messages").json()[
        "messages"]) == 1
