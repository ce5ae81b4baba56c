"""The unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import `allegro_api`) through the message
center's main flow. That client predates the message center (2021-07, allegro-api #4727), so it has no
`MessageCenterApi`: the calls go through its own `ApiClient.call_api`, as a generated method would make them
(bearer auth, the vendor's media type, its JSON serialisation and error handling)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import allegro_api
import httpx
import pytest
from allegro_api.rest import ApiException
from allegro_kit import generated_client
from messaging_helpers import ALLEGRO_JSON, PDF, buyer_reads, buyer_writes

from targ.testing import TargServer

JSON_HEADERS = {"Accept": ALLEGRO_JSON, "Content-Type": ALLEGRO_JSON}


@pytest.fixture
def client(targ: TargServer, demo: dict[str, Any]) -> Iterator[allegro_api.ApiClient]:
    with generated_client(targ, demo["accessToken"]) as api:
        yield api


def call(client: allegro_api.ApiClient, path: str, method: str, *, body: Any = None, query: list[Any] | None = None,
         headers: dict[str, str] | None = None, response_type: str | None = "object") -> Any:
    return client.call_api(path, method, {}, query or [], {**JSON_HEADERS, **(headers or {})}, body=body,
                           response_type=response_type, auth_settings=["bearer-token-for-user"],
                           _return_http_data_only=True)


def test_main_flow_through_the_generated_client(client: allegro_api.ApiClient, http: httpx.Client,
                                                order: str) -> None:
    thread_id = buyer_writes(http, checkoutFormId=order, text="Gdzie moja faktura?")["threadId"]
    threads = call(client, "/messaging/threads", "GET", query=[("limit", 10)])
    assert [t["id"] for t in threads["threads"]] == [thread_id] and threads["threads"][0]["read"] is False
    marked = call(client, f"/messaging/threads/{thread_id}/read", "PUT", body={"read": True})
    assert marked["read"] is True
    declared = call(client, "/messaging/message-attachments", "POST", body={"filename": "faktura.pdf",
                                                                            "size": len(PDF)})
    uploaded = call(client, f"/messaging/message-attachments/{declared['id']}", "PUT", body=PDF,
                    headers={"Content-Type": "application/pdf"})
    assert uploaded == {"id": declared["id"]}
    sent = call(client, f"/messaging/threads/{thread_id}/messages", "POST",
                body={"text": "Faktura w załączniku", "attachments": [{"id": declared["id"]}]})
    assert sent["attachments"][0]["fileName"] == "faktura.pdf"
    listed = call(client, f"/messaging/threads/{thread_id}/messages", "GET")
    assert [m["text"] for m in listed["messages"]] == ["Faktura w załączniku", "Gdzie moja faktura?"]
    raw = client.call_api(f"/messaging/message-attachments/{declared['id']}", "GET", {}, [], {"Accept": "*/*"},
                          auth_settings=["bearer-token-for-user"], _preload_content=False,
                          _return_http_data_only=True)
    assert raw.data == PDF and raw.headers["Content-Type"] == "application/pdf"
    assert buyer_reads(http, thread_id)[0]["attachments"][0]["fileName"] == "faktura.pdf"
    # A generated delete method has no response type (204, no body).
    assert call(client, f"/messaging/messages/{sent['id']}", "DELETE", response_type=None) is None
    with pytest.raises(ApiException) as refused:
        call(client, f"/messaging/messages/{sent['id']}", "GET")
    assert refused.value.status == 404 and "MESSAGE_NOT_FOUND" in str(refused.value.body)
