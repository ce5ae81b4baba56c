"""Threads and messages of the message center, free of HTTP: the seller's operations and the buyer's admin actions
both write through `post`, and read through `thread_view` / `message_view`.

Storage:

* `message_thread` docs: id = the thread id (43 letters and digits, as the vendor's: allegro-api #13028, #13123),
  owner = the seller, alt = the buyer's user id: **one thread per seller and buyer**, whatever order or offer a
  message is about (a buyer who wrote months ago writes into the same thread: #11931). They hold `buyer` (`id`,
  `login`), `read` (the seller's read flag), `lastMessageAt` (ms, or None once every message is deleted) and
  `messages` (ids, oldest first).
* `message` docs: id = a UUID (message ids are UUIDs: staff in #5339), owner = the seller, holding `thread`,
  `author` (`SELLER` | `BUYER`), `login` (the author's), `type`, `text`, `createdAt` (ms), `offer`, `order`
  (ids or None) and `attachments` (ids).

What moves `read` (docs/behaviour.md, "Message center"): a buyer's message makes the thread unread for the seller;
the seller's own messages do not mark it read (staff in #8736: only `PUT …/read` does); a thread the seller opens
starts read (nothing in it is unread for the seller).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from targ.allegro.messaging import files
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

THREAD_KIND = "message_thread"
MESSAGE_KIND = "message"
THREAD_ID_LENGTH = 43
MAX_TEXT = 2000          # "Limit wiadomości to 2000 znaków" (staff in #5611); the spec's NewMessage.text maxLength
SELLER, BUYER = "SELLER", "BUYER"


def thread_of_buyer(world: World, seller_id: str, buyer_id: str) -> Json | None:
    doc = world.store.get_by_alt(THREAD_KIND, seller_id, buyer_id)
    return doc.data if doc else None


def find_thread(world: World, thread_id: str) -> tuple[str, Json] | None:
    """(seller, thread) or None."""
    doc = world.store.get_doc(THREAD_KIND, thread_id)
    return (doc.owner, doc.data) if doc else None


def open_thread(world: World, seller_id: str, buyer: Json, *, read: bool) -> Json:
    """The seller's thread with this buyer, new if they never wrote to each other."""
    thread = thread_of_buyer(world, seller_id, buyer["id"])
    if thread is None:
        thread = {"id": world.ids.token(THREAD_KIND, THREAD_ID_LENGTH), "buyer": {"id": buyer["id"],
                  "login": buyer["login"]}, "read": read, "lastMessageAt": None, "messages": []}
        save_thread(world, seller_id, thread)
    return thread


def save_thread(world: World, seller_id: str, thread: Json) -> None:
    world.store.put(THREAD_KIND, thread["id"], thread, owner=seller_id, alt=thread["buyer"]["id"])


def threads(world: World, seller_id: str) -> list[Json]:
    """The seller's threads, the latest message first (the spec; staff in #4787): threads with no message left
    last, ties by creation, newest first."""
    docs = [(doc.seq, dict(doc.data)) for doc in world.store.scan(THREAD_KIND, seller_id)]
    docs.sort(key=lambda pair: (pair[1]["lastMessageAt"] is not None, pair[1]["lastMessageAt"] or 0, pair[0]),
              reverse=True)
    return [thread for _, thread in docs]


def set_read(world: World, seller_id: str, thread: Json, read: bool) -> None:
    thread["read"] = read
    save_thread(world, seller_id, thread)


def post(world: World, seller_id: str, thread: Json, *, author: str, login: str, text: str, message_type: str,
         offer: str | None = None, order: str | None = None, attachments: Iterable[Json] = (),
         message_id: str | None = None) -> Json:
    """A new message in the thread, now on the clock. Callers have checked the attachments (`files.linkable`)."""
    now = world.clock.now_ms()
    message: Json = {"id": message_id or new_message_id(world), "thread": thread["id"], "author": author,
                     "login": login, "type": message_type, "text": text, "createdAt": now, "offer": offer,
                     "order": order, "attachments": [a["id"] for a in attachments]}
    world.store.put(MESSAGE_KIND, message["id"], message, owner=seller_id)
    files.link(world, seller_id, list(attachments), message["id"])
    thread["messages"].append(message["id"])
    thread["lastMessageAt"] = now
    if author == BUYER:
        thread["read"] = False
    save_thread(world, seller_id, thread)
    return message


def new_message_id(world: World) -> str:
    return world.ids.uuid(MESSAGE_KIND)


def find_message(world: World, message_id: str) -> tuple[str, Json] | None:
    """(seller, message) or None."""
    doc = world.store.get_doc(MESSAGE_KIND, message_id)
    return (doc.owner, doc.data) if doc else None


def messages(world: World, thread: Json) -> list[Json]:
    """The thread's messages, newest first (the order in which `before` pages back: the spec's `before` "cannot be
    used with offset")."""
    out = []
    for message_id in reversed(thread["messages"]):
        doc = world.store.get_doc(MESSAGE_KIND, message_id)
        if doc is not None:
            out.append(doc.data)
    return out


def delete(world: World, seller_id: str, message: Json) -> None:
    """Gone for both sides, with its attachments (staff in #11411: a message the seller deleted is no longer seen,
    in the message center nor through the API); the thread's `lastMessageDateTime` is then its latest remaining
    message's."""
    world.store.delete(MESSAGE_KIND, message["id"])
    files.delete(world, message["attachments"])
    found = find_thread(world, message["thread"])
    if found is None:
        return
    _, thread = found
    thread["messages"] = [m for m in thread["messages"] if m != message["id"]]
    remaining = messages(world, thread)
    thread["lastMessageAt"] = remaining[0]["createdAt"] if remaining else None
    save_thread(world, seller_id, thread)


# --- what the API shows -----------------------------------------------------------------------------------------------
def avatar_url(user_id: str) -> str:
    """A stable avatar address in the shape of the vendor's (`https://a.allegroimg.com/original/<6 hex>/<hex>`)."""
    digest = hashlib.sha256(f"avatar/{user_id}".encode()).hexdigest()
    return f"https://a.allegroimg.com/original/{digest[:6]}/{digest[6:34]}"


def thread_view(thread: Json) -> Json:
    """`Thread` as the seller sees it: the interlocutor is the buyer."""
    last = thread["lastMessageAt"]
    return {"id": thread["id"], "read": thread["read"], "lastMessageDateTime": iso(last) if last is not None else None,
            "interlocutor": {"login": thread["buyer"]["login"], "avatarUrl": avatar_url(thread["buyer"]["id"])}}


def message_view(world: World, message: Json, base_url: str, *, viewer: str = SELLER,
                 download_base: str | None = None) -> Json:
    """`Message` as `viewer` (the seller, or the buyer on the admin side) sees it; its files' URLs start with
    `download_base` (default: the seller's download operation).

    `relatesTo.order` is left out when the message is about no order: the spec's `MessageOrder` is not nullable
    (the vendor writes null there, #12675); `relatesTo.offer` is nullable and written as null.
    """
    relates: Json = {"offer": {"id": message["offer"]} if message["offer"] else None}
    if message["order"]:
        relates["order"] = {"id": message["order"]}
    attachments = []
    for attachment_id in message["attachments"]:
        found = files.find(world, attachment_id)
        if found is not None:
            attachments.append(files.info(found[1], download_base or f"{base_url}/messaging/message-attachments"))
    return {"id": message["id"], "status": "DELIVERED", "type": message["type"],
            "createdAt": iso(message["createdAt"]), "thread": {"id": message["thread"]},
            "author": {"login": message["login"], "isInterlocutor": message["author"] != viewer},
            "text": message["text"], "subject": None, "relatesTo": relates, "hasAdditionalAttachments": False,
            "attachments": attachments}
