"""The deprecated `/sale/disputes*` views of post-purchase issues: the same issue documents, chats and files, in the
shapes the pinned spec declares for them (`Dispute`, `DisputeMessage`, `DisputeAttachment`).

A dispute is an issue of type DISPUTE, under the issue's own id: after the move to issues the identifier is one
(allegro-api #12505, staff, 2025-10-22: "identyfikator będzie jeden"). Claims are not shown here (#11998, staff:
claims only in `/sale/issues`; #11925: the deprecated resources do not handle claims). A dispute message carries
one attachment, the first of the message's files (#11654, staff: the dispute resources return only the first).
Vendor behaviours and their sources: docs/behaviour.md, "Deprecated disputes views"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.issues import errors, seller, store
from targ.allegro.messages import localised
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

# `Dispute.status` ↔ the issue's `currentState.status` for disputes.
STATUSES = {store.DISPUTE_ONGOING: "ONGOING", store.DISPUTE_CLOSED: "CLOSED",
            store.DISPUTE_UNRESOLVED: "UNRESOLVED"}
ISSUE_STATUSES = {status: issue_status for issue_status, status in STATUSES.items()}


def listing(world: World, seller_id: str, order_id: str | None, statuses: set[str] | None) -> list[Json]:
    """The seller's disputes, "ordered by descending opened date" (the spec), as the issues list orders them."""
    wanted = {ISSUE_STATUSES[s] for s in statuses} if statuses else None
    return [i for i in seller.listing(world, seller_id, order_id, wanted) if i["type"] == store.DISPUTE]


def add_message(world: World, seller_id: str, issue: Json, text: str, kind: str, attachment_ids: list[str]) -> Json:
    """The seller writes through `POST /sale/disputes/{disputeId}/messages`: the issue chat's rules, and at most one
    file (a dispute message holds one `attachment`; #11654, staff: after the opening message "obsługiwany jest tylko
    jeden załącznik – zarówno przy wysyłaniu, jak i przy pobieraniu")."""
    if len(attachment_ids) > 1:
        raise errors.invalid("one_attachment", "A dispute message takes at most one attachment", "attachments")
    return seller.add_message(world, seller_id, issue, text, kind, attachment_ids)


def attachment_view(attachment: Json, base_url: str) -> Json:
    """`DisputeAttachment`: the URL is this server's `GET /sale/dispute-attachments/{attachmentId}`."""
    return {"fileName": attachment["fileName"], "url": f"{base_url}/sale/dispute-attachments/{attachment['id']}"}


def message_view(message: Json, base_url: str) -> Json:
    """`DisputeMessage` (and `DisputeFirstMessage`, the same fields): its first file as `attachment`."""
    out: Json = {"id": message["id"], "text": localised(message, "text")}
    if message["attachments"]:
        out["attachment"] = attachment_view(message["attachments"][0], base_url)
    out.update({"author": store.author_view(message), "createdAt": iso(int(message["createdMs"]))})
    return out


def view(issue: Json, base_url: str) -> Json:
    """`Dispute`: `subject.name` worded from the reason in the answer's language, as the issue's `subject`;
    `messagesStatus` is the issue's `chat.lastMessage.status`; `message` the opening message. No `claim`: the
    buyer's expectations belong to claims, which are not disputes."""
    chat = issue["chat"]
    return {
        "id": issue["id"], "subject": {"name": store.subject(issue)}, "status": STATUSES[issue["status"]],
        "messagesStatus": store.last_status(chat), "buyer": dict(issue["buyer"]),
        "checkoutForm": dict(issue["checkoutForm"]), "message": message_view(chat[0], base_url),
        "messagesCount": len(chat), "openedDate": issue["openedDate"],
        "lastMessageCreationDate": iso(int(chat[-1]["createdMs"])),
    }
