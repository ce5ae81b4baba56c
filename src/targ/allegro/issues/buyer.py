"""The buyer's side of post-purchase issues, as the admin API drives it (`/__targ/buyer/issues`, targ.admin.issues):
the order's buyer opens a dispute or a claim about a paid order, writes in its chat and reads it. Timestamps come from
the virtual clock. Functions validate everything before they write and raise `MarketplaceRefusal` (the admin API's
4xx)."""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from targ.allegro.buyer_input import bad, files_given, only
from targ.allegro.issues import files, store
from targ.allegro.issues import seller as rules
from targ.allegro.orders import model
from targ.allegro.orders.model import MarketplaceRefusal
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

OPEN_FIELDS = frozenset({"checkoutFormId", "type", "text", "reason", "description", "right", "expectations",
                         "offerId", "quantity", "attachments"})
WRITE_FIELDS = frozenset({"text", "attachments"})
RIGHTS = ("WARRANTY", "COMPLAINT")
EXPECTATIONS = ("REPAIR", "EXCHANGE", "REFUND", "PARTIAL_REFUND")
MAX_TEXT = 20_000        # the spec's `MessageRequest.text` maxLength, the same for both sides of the chat
MAX_DESCRIPTION = 2_000


def _text(body: Json) -> str:
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad("text must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise bad(f"text must be at most {MAX_TEXT} characters long")
    return text


def _stored(world: World, seller: str, found: list[tuple[str, str, bytes]]) -> list[Json]:
    """The buyer's files, declared and uploaded at once (the buyer's side has no separate upload)."""
    out = []
    for name, media_type, data in found:
        attachment = files.declare(world, seller, name, len(data), by=store.BUYER)
        files.upload(world, seller, attachment, media_type, data)
        out.append(attachment)
    return out


def _choice(body: Json, name: str, allowed: tuple[str, ...] | frozenset[str]) -> str:
    value = body.get(name)
    if value not in allowed:
        raise bad(f"{name} must be one of {', '.join(sorted(allowed))}")
    return str(value)


def _description(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_DESCRIPTION:
        raise bad(f"description must be a non-empty string of at most {MAX_DESCRIPTION} characters (or null)")
    return value


def _expectations(value: Any, currency: str, paid: Decimal) -> list[Json]:
    """A claim's expected solutions: `[{name, amount?}]`; PARTIAL_REFUND with an amount above zero and at most what
    was paid, in the order's currency."""
    if not isinstance(value, list) or not value:
        raise bad(f"expectations must be a non-empty array of {{name: {'|'.join(EXPECTATIONS)}, amount?}}")
    out: list[Json] = []
    for i, item in enumerate(value):
        where = f"expectations[{i}]"
        if not isinstance(item, dict):
            raise bad(f"{where} must be an object {{name, amount?}}")
        only(item, frozenset({"name", "amount"}), where)
        name = item.get("name")
        if name not in EXPECTATIONS:
            raise bad(f"{where}.name must be one of {', '.join(EXPECTATIONS)}")
        if any(e["name"] == name for e in out):
            raise bad(f"{where}.name {name} is given twice")
        expectation: Json = {"name": name, "refund": None}
        if name == "PARTIAL_REFUND":
            try:
                amount = Decimal(str(item.get("amount")))
            except InvalidOperation:
                amount = Decimal(0)
            if not amount.is_finite() or amount <= 0 or amount > paid or amount != amount.quantize(model.CENT):
                raise bad(f"{where}.amount must be a decimal string above 0 and at most {paid} {currency}")
            expectation["refund"] = model.money(amount, currency)
        elif "amount" in item:
            raise bad(f"{where}.amount is for PARTIAL_REFUND only")
        out.append(expectation)
    return out


def _offer(body: Json, order: Json) -> tuple[Json | None, Json | None]:
    """(`offer`, `product`) the issue is about: a line item's offer of the order, `quantity` up to what was bought."""
    offer_id, quantity = body.get("offerId"), body.get("quantity")
    if offer_id is None:
        if quantity is not None:
            raise bad("quantity needs offerId")
        return None, None
    line = next((li for li in order["lineItems"] if li["offer"]["id"] == offer_id), None)
    if line is None:
        raise bad(f"offerId {offer_id!r} is not an offer of checkout form {order['id']}")
    bought = int(line["quantity"])
    if quantity is None:
        quantity = bought
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= bought:
        raise bad(f"quantity must be an integer from 1 to {bought} (bought)")
    products = (line["offer"].get("productSet") or {}).get("products") or []
    return {"id": offer_id, "quantity": quantity}, ({"id": products[0]["id"]} if products else None)


def _reference_number(world: World, now: int) -> str:
    """`N/YYYY`, the claims' running number and the year (#12340: "547843/2025")."""
    return f"{world.ids.number('claim_reference', 1)}/{time.gmtime(now / 1000).tm_year}"


def open_issue(world: World, body: Json) -> tuple[str, Json]:
    """The order's buyer opens a dispute (`reason` is its topic) or a claim (`reason` its type, `right`,
    `expectations`) about a paid order. Returns (seller, issue)."""
    only(body, OPEN_FIELDS)
    order_id = body.get("checkoutFormId")
    if not isinstance(order_id, str) or not order_id:
        raise bad("checkoutFormId is required")
    kind = _choice(body, "type", (store.DISPUTE, store.CLAIM))
    text, found = _text(body), files_given(body, files.FORMATS, files.MAX_BYTES, files.MAX_NAME)
    topic = _choice(body, "reason", tuple(store.SUBJECTS))
    description = _description(body.get("description"))
    order = model.get(world, order_id)
    if order is None:
        raise MarketplaceRefusal(404, "not_found", f"no checkout form {order_id!r}")
    offer, product = _offer(body, order)
    claim = kind == store.CLAIM
    currency = order["summary"]["totalToPay"]["currency"]
    paid = Decimal(order["summary"]["totalToPay"]["amount"])
    if claim:
        right = _choice(body, "right", RIGHTS)
        expectations = _expectations(body.get("expectations"), currency, paid)
    else:
        for name in ("right", "expectations"):
            if body.get(name) is not None:
                raise bad(f"{name} is for claims only")
        right, expectations = None, []
    if order["status"] != model.READY:
        raise MarketplaceRefusal(409, "not_paid", f"checkout form {order_id} is {order['status']}: issues are opened "
                                 "about paid orders")
    if order["buyer"].get("guest"):
        raise MarketplaceRefusal(409, "guest_buyer", "a guest purchase (no Allegro account) has no issues")
    seller, now = model.seller_of(order), world.clock.now_ms()
    buyer = {"id": order["buyer"]["id"], "login": order["buyer"]["login"]}
    issue: Json = {
        "id": store.new_id(world), "type": kind,
        "referenceNumber": _reference_number(world, now) if claim else None,
        "openedDate": iso(now), "description": description,
        "checkoutForm": {"id": order_id, "createdAt": iso(int(order["_targ"]["boughtAt"]))}, "buyer": buyer,
        "expectations": expectations, "offer": offer, "product": product,
        "reason": {"type": topic, "description": description} if claim else None, "right": right, "topic": topic,
        "status": store.CLAIM_SUBMITTED if claim else store.DISPUTE_ONGOING, "returnRequired": None,
        "dueMs": store.decision_due(now) if claim else None, "endRequested": False, "decision": None,
        "chat": [],
    }
    attachments = _stored(world, seller, found)
    first = store.new_message(world, {"role": store.BUYER, "login": buyer["login"]}, text, now,
                              [files.ref(a) for a in attachments])
    files.link(world, seller, attachments, first["id"])
    issue["chat"].append(first)
    store.save(world, seller, issue)
    if claim:
        rules.schedule_deadline(world, seller, issue)
    return seller, issue


def _issue(world: World, issue_id: str) -> tuple[str, Json]:
    found = store.find(world, issue_id)
    if found is None:
        raise MarketplaceRefusal(404, "not_found", f"no issue {issue_id!r}")
    return found


def write(world: World, issue_id: str, body: Json) -> tuple[Json, Json]:
    """The buyer writes in the issue's chat while it is active. Returns (issue, message)."""
    only(body, WRITE_FIELDS)
    text, found = _text(body), files_given(body, files.FORMATS, files.MAX_BYTES, files.MAX_NAME)
    seller, issue = _issue(world, issue_id)
    if not store.chat_active(issue):
        raise MarketplaceRefusal(409, "chat_inactive", f"issue {issue_id} is {issue['status']}: no new messages")
    attachments = _stored(world, seller, found)
    message = store.new_message(world, {"role": store.BUYER, "login": issue["buyer"]["login"]}, text,
                                world.clock.now_ms(), [files.ref(a) for a in attachments])
    files.link(world, seller, attachments, message["id"])
    issue["chat"].append(message)
    store.save(world, seller, issue)
    return issue, message


def close(world: World, issue_id: str) -> Json:
    """The buyer ends a dispute ("Zakończ dyskusję"): DISPUTE_CLOSED, the chat no longer takes messages. A claim is
    decided by the seller (or the deadline), not closed by the buyer."""
    seller, issue = _issue(world, issue_id)
    if issue["type"] != store.DISPUTE:
        raise MarketplaceRefusal(409, "not_a_dispute", f"issue {issue_id} is a claim: only a dispute is closed")
    if issue["status"] == store.DISPUTE_CLOSED:
        raise MarketplaceRefusal(409, "closed", f"dispute {issue_id} is closed already")
    issue["status"] = store.DISPUTE_CLOSED
    store.save(world, seller, issue)
    return issue


def read(world: World, issue_id: str) -> Json:
    return _issue(world, issue_id)[1]


def attachment_in_issue(world: World, issue_id: str, attachment_id: str) -> Json:
    """A file sent in the issue's chat (by either side): what the buyer can download."""
    issue = _issue(world, issue_id)[1]
    found = files.find(world, attachment_id)
    sent = any(a["id"] == attachment_id for m in issue["chat"] for a in m["attachments"])
    if found is None or not sent:
        raise MarketplaceRefusal(404, "not_found", f"no attachment {attachment_id!r} in issue {issue_id!r}")
    return found[1]
