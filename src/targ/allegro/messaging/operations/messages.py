"""The seller's messages: a new message to a buyer (`POST /messaging/messages`, into the seller's one thread with
that buyer), messages of a thread (`GET` and `POST /messaging/threads/{threadId}/messages`), one message (`GET`) and
deleting one's own (`DELETE /messaging/messages/{messageId}`). Rules in targ.allegro.messaging.center; the choices
and their sources in docs/behaviour.md, "Message center"."""

from __future__ import annotations

from targ.allegro.messaging import center, errors, files
from targ.allegro.messaging.access import own_message, own_thread, seller_id
from targ.allegro.orders.buyer_data import find_buyer
from targ.allegro.orders.model import ORDER_KIND
from targ.allegro.sellers import get_seller
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def _text(req: Request) -> str:
    text = str(req.body["text"])
    if not text.strip():
        raise errors.invalid("blank", "Message text must not be blank", "text")
    return text


def _attachments(req: Request, seller: str, message_id: str) -> list[Json]:
    """The attachments named in the body: each the seller's own, uploaded and not sent yet; otherwise the vendor's
    ASSIGNING_ATTACHMENTS_TO_MESSAGE_FAILED naming the message (#9124), and nothing is written."""
    out: list[Json] = []
    for ref in req.body.get("attachments") or []:
        found = files.find(req.world, str(ref.get("id")))
        if (found is None or found[0] != seller or not files.linkable(found[1], center.SELLER)
                or any(a["id"] == found[1]["id"] for a in out)):
            raise errors.assigning_failed(message_id, req.path)
        out.append(found[1])
    return out


def _login(req: Request, seller: str) -> str:
    account = get_seller(req.world, seller)
    return str(account["login"]) if account else seller


@handler("allegro", "newMessagePOST")
def new_message(req: Request) -> Reply:
    seller = seller_id(req)
    login = str(req.body["recipient"]["login"])
    buyer = find_buyer(req.world, login)
    if buyer is None:
        raise errors.invalid("recipient", f"Recipient with login [{login}] not found", "recipient.login")
    # "the order number must be related to the buyer you write to" (#10383 NEWS), and to the seller.
    order_id = str(req.body["order"]["id"])
    order = req.world.store.get_doc(ORDER_KIND, order_id)
    if order is None or order.owner != seller or order.data["buyer"]["id"] != buyer["id"]:
        raise errors.invalid("order", f"Order [{order_id}] is not related to the recipient [{login}]", "order.id")
    text = _text(req)
    message_id = center.new_message_id(req.world)
    attachments = _attachments(req, seller, message_id)
    thread = center.open_thread(req.world, seller, buyer, read=True)
    message = center.post(req.world, seller, thread, author=center.SELLER, login=_login(req, seller), text=text,
                          message_type="MESSAGE_CENTER", order=order_id, attachments=attachments,
                          message_id=message_id)
    return Reply(center.message_view(req.world, message, req.base_url), 201)


@handler("allegro", "newMessageInThreadPOST")
def new_message_in_thread(req: Request) -> Reply:
    seller, thread = own_thread(req, others=403)
    text = _text(req)
    message_id = center.new_message_id(req.world)
    attachments = _attachments(req, seller, message_id)
    message = center.post(req.world, seller, thread, author=center.SELLER, login=_login(req, seller), text=text,
                          message_type="MESSAGE_CENTER", attachments=attachments, message_id=message_id)
    return Reply(center.message_view(req.world, message, req.base_url), 201)


@handler("allegro", "listMessagesGET")
def list_messages(req: Request) -> Reply:
    _, thread = own_thread(req, others=403)
    before, after = req.param("before"), req.param("after")
    if before is not None and req.query("offset") is not None:
        # "before ... cannot be used with offset" (the spec's parameter description).
        raise errors.invalid("before_offset", "Parameter before cannot be used with offset", "before")
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 20))
    found = center.messages(req.world, thread)
    if before is not None:
        found = [m for m in found if m["createdAt"] < parse_time(str(before))]
    if after is not None:
        found = [m for m in found if m["createdAt"] > parse_time(str(after))]
    page = found[offset:offset + limit]
    return Reply({"messages": [center.message_view(req.world, m, req.base_url) for m in page], "offset": offset,
                  "limit": limit})


@handler("allegro", "getMessageGET")
def get_message(req: Request) -> Reply:
    _, message = own_message(req, others=404)
    return Reply(center.message_view(req.world, message, req.base_url))


@handler("allegro", "deleteMessageDELETE")
def delete_message(req: Request) -> Reply:
    # "403 User not allowed to delete particular message": the buyer's message, or another seller's.
    seller, message = own_message(req, others=403)
    if message["author"] != center.SELLER:
        raise errors.not_allowed()
    center.delete(req.world, seller, message)
    return Reply(None, 204)
