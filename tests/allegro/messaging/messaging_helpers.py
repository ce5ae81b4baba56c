"""Helpers for the message center tests: the buyer's admin actions, the seller's requests, a second seller."""

from __future__ import annotations

import base64
from typing import Any

import httpx
from allegro_kit import (  # noqa: F401 - this area's tests import them from here
    ERROR_TYPE,
    admin_error,
    errors,
    now,
    second_seller,
)
from allegro_kit import buy_as as buy  # noqa: F401

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(range(256))
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"



def buyer_writes(http: httpx.Client, **body: Any) -> dict[str, Any]:
    """`POST /__targ/buyer/messages` that must succeed: `{threadId, message}`."""
    resp = http.post("/__targ/buyer/messages", json=body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def buyer_replies(http: httpx.Client, thread_id: str, **body: Any) -> dict[str, Any]:
    resp = http.post(f"/__targ/buyer/threads/{thread_id}/messages", json=body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def buyer_reads(http: httpx.Client, thread_id: str) -> list[dict[str, Any]]:
    resp = http.get(f"/__targ/buyer/threads/{thread_id}/messages")
    assert resp.status_code == 200, resp.text
    return list(resp.json()["messages"])


def file_body(name: str, content: bytes) -> dict[str, str]:
    return {"fileName": name, "content": base64.b64encode(content).decode()}


def advance(http: httpx.Client, duration: str) -> str:
    """Moves the virtual clock through the admin API; the new time."""
    resp = http.post("/__targ/clock", json={"advance": duration})
    assert resp.status_code == 200, resp.text
    return str(resp.json()["now"])



def thread(allegro: httpx.Client, thread_id: str) -> dict[str, Any]:
    resp = allegro.get(f"/messaging/threads/{thread_id}")
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def messages(allegro: httpx.Client, thread_id: str, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get(f"/messaging/threads/{thread_id}/messages", params=params)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["messages"])



def declare(allegro: httpx.Client, name: str, size: int) -> httpx.Response:
    return allegro.post("/messaging/message-attachments", json={"filename": name, "size": size}, headers=SEND)


def upload(allegro: httpx.Client, attachment_id: str, content: bytes, media_type: str) -> httpx.Response:
    return allegro.put(f"/messaging/message-attachments/{attachment_id}", content=content,
                       headers={"Content-Type": media_type})


def uploaded(allegro: httpx.Client, name: str, content: bytes, media_type: str) -> str:
    """A declared and uploaded attachment of the seller's; its id."""
    declared = declare(allegro, name, len(content))
    assert declared.status_code == 201, declared.text
    attachment_id = str(declared.json()["id"])
    done = upload(allegro, attachment_id, content, media_type)
    assert done.status_code == 200 and done.json() == {"id": attachment_id}, done.text
    return attachment_id
