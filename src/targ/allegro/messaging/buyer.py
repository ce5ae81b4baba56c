"""The buyer's side of the message center, as the admin API drives it (`/__targ/buyer/messages`, targ.admin.messaging):
a buyer writes to a seller (about an order, an offer, or neither), replies in a thread, reads the thread and
downloads its files. What the buyer writes lands in the seller's one thread with that buyer, unread for the seller,
stamped by the virtual clock.

Functions validate everything before they write and raise `MarketplaceRefusal` (the admin API's 4xx).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.buyer_input import bad, files_given, only
from targ.allegro.messaging import center, files
from targ.allegro.offers.model import OFFER_KIND
from targ.allegro.orders.buyer_data import BUYER_KIND, buyer_for
from targ.allegro.orders.model import ORDER_KIND, MarketplaceRefusal
from targ.allegro.sellers import get_seller
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

WRITE_FIELDS = frozenset({"login", "sellerId", "checkoutFormId", "offerId", "text", "attachments"})
REPLY_FIELDS = frozenset({"checkoutFormId", "offerId", "text", "attachments"})


def not_found(message: str) -> MarketplaceRefusal:
    return MarketplaceRefusal(404, "not_found", message)


def _string(body: Json, name: str) -> str | None:
    value = body.get(name)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise bad(f"{name} must be a non-empty string")
    return value


def _text(body: Json) -> str:
    text = _string(body, "text")
    if text is None:
        raise bad("text is required")
    if len(text) > center.MAX_TEXT:
        raise bad(f"text must be at most {center.MAX_TEXT} characters long (the message center's limit)")
    return text


def _order(world: World, order_id: str) -> tuple[str, Json]:
    doc = world.store.get_doc(ORDER_KIND, order_id)
    if doc is None:
        raise not_found(f"no checkout form {order_id!r}")
    return doc.owner, doc.data


def _offer_owner(world: World, offer_id: str) -> str:
    doc = world.store.get_doc(OFFER_KIND, offer_id)
    if doc is None:
        raise not_found(f"no offer {offer_id!r}")
    return doc.owner


def _post(world: World, seller: str, thread: Json, buyer: Json, text: str, found: list[tuple[str, str, bytes]],
          offer: str | None, order: str | None) -> Json:
    attachments = []
    for name, media_type, data in found:
        attachment = files.declare(world, seller, name, len(data), by=center.BUYER)
        files.upload(world, seller, attachment, media_type, data)
        attachments.append(attachment)
    # A question asked at an offer is ASK_QUESTION; anything else written in the message center MESSAGE_CENTER
    # (staff in #13208).
    return center.post(world, seller, thread, author=center.BUYER, login=buyer["login"], text=text,
                       message_type="ASK_QUESTION" if offer else "MESSAGE_CENTER", offer=offer, order=order,
                       attachments=attachments)


def write(world: World, body: Json) -> Json:
    """A buyer writes to a seller: the seller is the order's, the offer's or `sellerId` (all that are given must
    agree); the buyer is the order's or `login` (created on first use, as a purchase does)."""
    only(body, WRITE_FIELDS)
    text, found = _text(body), files_given(body, files.FORMATS, files.MAX_BYTES)
    login, seller_id = _string(body, "login"), _string(body, "sellerId")
    order_id, offer_id = _string(body, "checkoutFormId"), _string(body, "offerId")
    sellers: set[str] = set()
    buyer: Json | None = None
    if order_id is not None:
        owner, order = _order(world, order_id)
        sellers.add(owner)
        buyer = world.store.get(BUYER_KIND, str(order["buyer"]["id"]))
        if login is not None and (buyer is None or buyer["login"].lower() != login.lower()):
            raise MarketplaceRefusal(409, "not_the_buyer", f"checkout form {order_id} was not bought by {login!r}")
    if offer_id is not None:
        sellers.add(_offer_owner(world, offer_id))
    if seller_id is not None:
        if get_seller(world, seller_id) is None:
            raise not_found(f"no seller {seller_id!r}")
        sellers.add(seller_id)
    if not sellers:
        raise bad("name the seller: checkoutFormId, offerId or sellerId")
    if len(sellers) > 1:
        raise MarketplaceRefusal(409, "different_sellers", "checkoutFormId, offerId and sellerId name different "
                                                           "sellers")
    seller = sellers.pop()
    if buyer is None:
        if login is None:
            raise bad("login is required unless checkoutFormId names the buyer")
        account = get_seller(world, seller)
        marketplace = account["baseMarketplace"]["id"] if account else "allegro-pl"
        buyer = buyer_for(world, marketplace, {"login": login})
    thread = center.open_thread(world, seller, buyer, read=False)
    message = _post(world, seller, thread, buyer, text, found, offer_id, order_id)
    return {"threadId": thread["id"], "message": message}


def reply(world: World, thread_id: str, body: Json) -> tuple[str, Json]:
    """The thread's buyer writes in it; an order or offer it names must be the thread's seller's (and the order the
    buyer's). Returns (seller, message)."""
    only(body, REPLY_FIELDS)
    seller, thread = _thread(world, thread_id)
    text, found = _text(body), files_given(body, files.FORMATS, files.MAX_BYTES)
    order_id, offer_id = _string(body, "checkoutFormId"), _string(body, "offerId")
    if order_id is not None:
        owner, order = _order(world, order_id)
        if owner != seller or order["buyer"]["id"] != thread["buyer"]["id"]:
            raise MarketplaceRefusal(409, "not_in_thread", f"checkout form {order_id} is not between this thread's "
                                                           "buyer and seller")
    if offer_id is not None and _offer_owner(world, offer_id) != seller:
        raise MarketplaceRefusal(409, "not_in_thread", f"offer {offer_id} is not this thread's seller's")
    buyer = world.store.get(BUYER_KIND, thread["buyer"]["id"]) or thread["buyer"]
    return seller, _post(world, seller, thread, buyer, text, found, offer_id, order_id)


def _thread(world: World, thread_id: str) -> tuple[str, Json]:
    found = center.find_thread(world, thread_id)
    if found is None:
        raise not_found(f"no thread {thread_id!r}")
    return found


def thread_messages(world: World, thread_id: str) -> list[Json]:
    """The thread's messages as stored, newest first."""
    return center.messages(world, _thread(world, thread_id)[1])


def attachment_in_thread(world: World, thread_id: str, attachment_id: str) -> Json:
    """A file sent in the thread (either way): what the buyer can download."""
    _thread(world, thread_id)
    found = files.find(world, attachment_id)
    message = center.find_message(world, found[1]["message"]) if found and found[1]["message"] else None
    if found is None or message is None or message[1]["thread"] != thread_id:
        raise not_found(f"no attachment {attachment_id!r} in thread {thread_id!r}")
    return found[1]
