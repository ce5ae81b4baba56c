"""How post-purchase issues are kept and shown.

Storage: one document of kind `post_purchase_issue` per issue (id = the issue id, a UUID as the spec's; owner = the
order's seller), holding the `PostPurchaseIssue` fields that do not move (`type`, `checkoutForm`,
`buyer`, `openedDate`, `description`, `expectations`, `offer`, `product`, `reason`, `referenceNumber`, `right`) and:

* `topic` - the reason key the `subject` is worded from (a dispute's topic; a claim's `reason.type`);
* `status`, `returnRequired`, `dueMs` (the claim's decision deadline, ms; None for disputes);
* `chat` - the messages, oldest first: `{id, text, textEn?, author: {role, login?}, createdMs, attachments:
  [{id, fileName}]}` (`textEn`: a system message's English wording);
* `endRequested` - the seller asked the buyer to close the dispute (`END_REQUEST`, once: #12871);
* `decision` - the last status change on a claim (`status`, `partialRefund`), once made: the seller's, or
  `ACCEPTED_BY_DEADLINE` when the deadline passed undecided.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from targ.allegro.messages import localised
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

ISSUE_KIND = "post_purchase_issue"
DISPUTE, CLAIM = "DISPUTE", "CLAIM"
DISPUTE_ONGOING, DISPUTE_CLOSED, DISPUTE_UNRESOLVED = "DISPUTE_ONGOING", "DISPUTE_CLOSED", "DISPUTE_UNRESOLVED"
CLAIM_SUBMITTED, CLAIM_ACCEPTED, CLAIM_REJECTED = "CLAIM_SUBMITTED", "CLAIM_ACCEPTED", "CLAIM_REJECTED"
SELLER, BUYER = "SELLER", "BUYER"
# A claim is decided within 14 days (the Polish consumer law the claim process follows); the deadline is the end of
# that day in Poland: opened 2025-09-19T10:53Z, due 2025-10-03T21:59:59Z (allegro-api #12340).
DECISION_DAYS = 14
POLAND = ZoneInfo("Europe/Warsaw")

# `subject` by reason: English as the spec's `subject` description words it; Polish: the spec's dispute example
# ("nie otrzymałem towaru po wpłacie"), #12340 ("niezgodny z opisem"), the others worded to match.
SUBJECTS: dict[str, tuple[str, str]] = {
    "NO_PRODUCT_RECEIVED": ("I have not received the product", "nie otrzymałem produktu"),
    "NO_PRODUCT_IN_PARCEL": ("no product in the parcel", "brak produktu w paczce"),
    "NO_PROOF_OF_PURCHASE_MANUAL_OR_WARRANTY": ("no proof of purchase, manual, or warranty",
                                                "brak dowodu zakupu, instrukcji lub gwarancji"),
    "MISSING_PRODUCT_ELEMENT": ("missing product element", "brak elementu produktu"),
    "PRODUCT_AND_PARCEL_DAMAGED_IN_TRANSIT": ("product and parcel damaged (in transit)",
                                              "produkt i paczka uszkodzone (w transporcie)"),
    "PRODUCT_DAMAGED_PARCEL_INTACT": ("the product is damaged, but the parcel is intact",
                                      "produkt uszkodzony, paczka nienaruszona"),
    "DEFECT_FOUND_DURING_USE": ("defects emerged during use", "wady ujawniły się podczas użytkowania"),
    "NOT_AS_DESCRIBED": ("does not match the description", "niezgodny z opisem"),
    "SELLER_DOES_NOT_WANT_TO_ACCEPT_RETURN": ("the seller does not want to accept the return",
                                              "sprzedający nie chce przyjąć zwrotu"),
    "PROBLEM_WITH_SENDING_PRODUCT_BACK": ("I have a problem returning the product",
                                          "mam problem z odesłaniem produktu"),
    "NO_REFUND_AFTER_RETURNING_PRODUCT": ("no refund after returning the product",
                                          "brak zwrotu pieniędzy po odesłaniu produktu"),
    "NO_REFUND_AFTER_CANCELING_ORDER": ("no refund after canceling the order",
                                        "brak zwrotu pieniędzy po anulowaniu zamówienia"),
    "DID_NOT_RECEIVE_GOODS_AFTER_PAYMENT": ("I did not receive the goods after payment",
                                            "nie otrzymałem towaru po wpłacie"),
    "RECEIVED_ITEMS_NOT_MATCHING_DESCRIPTION": ("I received an order inconsistent with the description",
                                                "otrzymałem zamówienie niezgodne z opisem"),
    "RECEIVED_INCOMPLETE_ORDER": ("I received an incomplete order", "otrzymałem niekompletne zamówienie"),
    "ITEM_IS_DAMAGED": ("the product is damaged", "produkt jest uszkodzony"),
    "PROBLEM_WITH_WITHDRAWAL_CANCELLATION_OF_PURCHASE": ("problem with withdrawal/cancelation of purchase",
                                                         "problem z odstąpieniem od umowy / anulowaniem zakupu"),
    "PROBLEM_WITH_GOODS_RETURN_CANCELLATION_OF_PURCHASE": ("I have a problem returning the goods/canceling the "
                                                           "purchase", "mam problem ze zwrotem towaru / anulowaniem "
                                                           "zakupu"),
}


def new_id(world: World) -> str:
    return world.ids.uuid(ISSUE_KIND)


def save(world: World, seller: str, issue: Json) -> None:
    world.store.put(ISSUE_KIND, issue["id"], issue, owner=seller)


def find(world: World, issue_id: str) -> tuple[str, Json] | None:
    """(seller, issue) or None."""
    doc = world.store.get_doc(ISSUE_KIND, issue_id)
    return (doc.owner, doc.data) if doc else None


def of_seller(world: World, seller: str) -> list[Json]:
    return [d.data for d in world.store.find(ISSUE_KIND, seller)]


def new_message(world: World, author: Json, text: str, now: int, attachments: list[Json] | None = None) -> Json:
    return {"id": world.ids.uuid("issue_message"), "text": text, "author": author, "createdMs": now,
            "attachments": attachments or []}


def decision_due(opened_ms: int) -> int:
    """The end (23:59:59 in Poland) of the 14th day after the claim was opened, in ms."""
    day = dt.datetime.fromtimestamp(opened_ms / 1000, POLAND).date() + dt.timedelta(days=DECISION_DAYS)
    end = dt.datetime.combine(day, dt.time(23, 59, 59), POLAND)
    return int(end.timestamp() * 1000)


def chat_active(issue: Json) -> bool:
    """Writing is possible until a dispute is closed (a claim's chat stays open after the decision: the buyer may
    still need the return's instructions)."""
    return bool(issue["status"] != DISPUTE_CLOSED)


def message_view(issue: Json, message: Json, base_url: str) -> Json:
    """`PostPurchaseIssueChatMessage`; attachment URLs point at this server's download operation."""
    return {"id": message["id"], "text": localised(message, "text"),
            "attachments": [attachment_ref(a, base_url) for a in message["attachments"]],
            "author": author_view(message), "createdAt": iso(int(message["createdMs"]))}


def author_view(message: Json) -> Json:
    """`{login?, role}`: no login for the marketplace's own messages (`SYSTEM`)."""
    author: Json = {"role": message["author"]["role"]}
    if "login" in message["author"]:
        author = {"login": message["author"]["login"], **author}
    return author


def attachment_ref(attachment: Json, base_url: str) -> Json:
    return {"fileName": attachment["fileName"], "url": f"{base_url}/sale/issues/attachments/{attachment['id']}"}


def last_status(chat: list[Json]) -> str:
    """`lastMessage.status` (the spec): NEW until the seller writes; then who wrote last."""
    if not any(m["author"]["role"] == SELLER for m in chat):
        return "NEW"
    return {SELLER: "SELLER_REPLIED", BUYER: "BUYER_REPLIED"}.get(chat[-1]["author"]["role"],
                                                                  "ALLEGRO_ADVISOR_REPLIED")


def subject(issue: Json) -> str:
    """The issue's subject, worded from its reason in the answer's language."""
    en, pl = SUBJECTS[issue["topic"]]
    return str(localised({"subject": pl, "subjectEn": en}, "subject"))


def view(issue: Json, base_url: str) -> Json:
    """`PostPurchaseIssue`, `subject` in the answer's language."""
    chat = issue["chat"]
    first, last = chat[0], chat[-1]
    claim = issue["type"] == CLAIM
    due = iso(int(issue["dueMs"])) if claim else None
    return {
        "id": issue["id"], "type": issue["type"], "referenceNumber": issue["referenceNumber"],
        "decisionDueDate": due, "openedDate": issue["openedDate"],
        "subject": subject(issue),
        "description": issue["description"], "checkoutForm": dict(issue["checkoutForm"]), "buyer": dict(issue["buyer"]),
        "currentState": {"status": issue["status"], "statusDueDate": due if issue["status"] == CLAIM_SUBMITTED
                         else None, "returnRequired": issue["returnRequired"], "chatActive": chat_active(issue)},
        "chat": {"initialMessage": message_view(issue, first, base_url),
                 "lastMessage": {"createdAt": iso(int(last["createdMs"])), "status": last_status(chat)},
                 "messagesCount": len(chat)},
        "attachments": [attachment_ref(a, base_url) for m in chat for a in m["attachments"]],
        "expectations": [dict(e) for e in issue["expectations"]], "offer": issue["offer"], "product": issue["product"],
        "reason": issue["reason"], "right": issue["right"],
    }
