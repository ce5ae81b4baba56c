"""The buyer's admin actions refuse what a buyer could not do, in the admin envelope, and change nothing."""

from __future__ import annotations

import httpx
from messaging_helpers import PNG, buy, buyer_writes, file_body


def refused(resp: httpx.Response, status: int, key: str) -> None:
    assert resp.status_code == status, resp.text
    assert resp.json()["error"] == key and resp.json()["message"]


def test_writing_needs_a_seller_a_buyer_and_a_text(http: httpx.Client, offer: str, order: str) -> None:
    write = "/__targ/buyer/messages"
    refused(http.post(write, json={"login": "ktos", "text": "x"}), 400, "bad_request")
    refused(http.post(write, json={"offerId": offer, "text": "x"}), 400, "bad_request")
    refused(http.post(write, json={"checkoutFormId": order}), 400, "bad_request")
    refused(http.post(write, json={"checkoutFormId": order, "text": "a" * 2001}), 400, "bad_request")
    refused(http.post(write, json={"checkoutFormId": order, "text": "x", "subject": "?"}), 400, "bad_request")
    refused(http.post(write, json={"checkoutFormId": "nie-ma", "text": "x"}), 404, "not_found")
    refused(http.post(write, json={"offerId": "1", "login": "ktos", "text": "x"}), 404, "not_found")
    refused(http.post(write, json={"sellerId": "1", "login": "ktos", "text": "x"}), 404, "not_found")
    refused(http.post(write, json={"checkoutFormId": order, "login": "inny_kupujacy", "text": "x"}), 409,
            "not_the_buyer")


def test_attachments_must_be_files_the_message_center_takes(http: httpx.Client, order: str) -> None:
    write = "/__targ/buyer/messages"
    for attachment in (file_body("wirus.exe", PNG), {"fileName": "a.png", "content": "***"},
                       {**file_body("a.png", PNG), "mimeType": "application/pdf"}, file_body("bez_rozszerzenia", PNG),
                       file_body("pusty.png", b""), file_body("duzy.png", b"0" * (5 * 1024 * 1024 + 1))):
        refused(http.post(write, json={"checkoutFormId": order, "text": "x", "attachments": [attachment]}), 400,
                "bad_request")


def test_different_sellers_and_unknown_threads(http: httpx.Client, allegro: httpx.Client, offer: str, order: str,
                                               other: tuple[str, httpx.Client]) -> None:
    seller_id, _ = other
    refused(http.post("/__targ/buyer/messages", json={"checkoutFormId": order, "sellerId": seller_id, "text": "x"}),
            409, "different_sellers")
    assert allegro.get("/messaging/threads").json()["threads"] == []
    refused(http.post("/__targ/buyer/threads/nie-ma/messages", json={"text": "x"}), 404, "not_found")
    refused(http.get("/__targ/buyer/threads/nie-ma/messages"), 404, "not_found")
    thread_id = buyer_writes(http, checkoutFormId=order, text="x")["threadId"]
    someone_elses = buy(http, offer, "kupujacy_piotr")
    refused(http.post(f"/__targ/buyer/threads/{thread_id}/messages",
                      json={"text": "x", "checkoutFormId": someone_elses}), 409, "not_in_thread")
    refused(http.get(f"/__targ/buyer/threads/{thread_id}/attachments/nie-ma"), 404, "not_found")


def test_a_buyer_writing_to_another_seller_gets_a_thread_there(http: httpx.Client, allegro: httpx.Client,
                                                               other: tuple[str, httpx.Client]) -> None:
    seller_id, stranger = other
    written = buyer_writes(http, sellerId=seller_id, login="kupujacy_anna", text="Do drugiego sprzedawcy")
    assert [t["id"] for t in stranger.get("/messaging/threads").json()["threads"]] == [written["threadId"]]
    assert allegro.get("/messaging/threads").json()["threads"] == []
    assert written["message"]["type"] == "MESSAGE_CENTER" and written["message"]["relatesTo"] == {"offer": None}


def test_a_buyer_file_without_extension_names_its_type(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    written = buyer_writes(http, checkoutFormId=order, text="zdjęcie",
                           attachments=[{**file_body("zdjecie", PNG), "mimeType": "image/png"}])
    [info] = written["message"]["attachments"]
    assert (info["fileName"], info["mimeType"]) == ("zdjecie", "image/png")
    assert allegro.get(info["url"]).content == PNG
