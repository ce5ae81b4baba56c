"""The seller's side of an issue: the list (newest opened first, with the spec's filters), a message in the chat
(with its type's effect) and the decision on a claim, with the vendor's allowed transitions and the 14-day deadline
on the clock. Each function checks everything before it writes; errors are the vendor's (targ.allegro.issues.errors).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from targ.allegro.issues import errors, files, store
from targ.allegro.orders import model
from targ.allegro.sellers import get_seller
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

DEADLINE_JOB = "allegro.issues.claim-deadline"
RETURN_TYPES = {"RETURN_REQUIRED_SELLER_LABEL": True, "RETURN_REQUIRED_CUSTOM": True, "RETURN_NOT_REQUIRED": False}


def own(world: World, seller: str, issue_id: str) -> Json:
    """The seller's issue: unknown → 404; another seller's → 403 (each operation on an issue declares both)."""
    found = store.find(world, issue_id)
    if found is None:
        raise errors.not_found(issue_id)
    if found[0] != seller:
        raise errors.not_allowed()
    return found[1]


def listing(world: World, seller: str, order_id: str | None, statuses: set[str] | None) -> list[Json]:
    """"Ordered by descending opened date" (the spec); issues opened at the same instant, the later first."""
    found = [i for i in reversed(store.of_seller(world, seller))
             if (order_id is None or i["checkoutForm"]["id"] == order_id)
             and (statuses is None or i["status"] in statuses)]
    found.sort(key=lambda i: i["openedDate"], reverse=True)
    return found


def _login(world: World, seller: str) -> str:
    account = get_seller(world, seller)
    return str(account["login"]) if account else seller


def _author(world: World, seller: str) -> Json:
    return {"role": store.SELLER, "login": _login(world, seller)}


def add_message(world: World, seller: str, issue: Json, text: str, kind: str, attachment_ids: list[str]) -> Json:
    """The seller writes in the chat; `kind` REGULAR, END_REQUEST (disputes, once: #12871) or a return decision
    (claims: sets `returnRequired`). Returns the stored message."""
    if not text.strip() and not attachment_ids:
        raise errors.invalid("empty", "At least one of fields: 'text', 'attachment' has to be present", "text")
    if kind == "END_REQUEST":
        if issue["type"] != store.DISPUTE:
            raise errors.invalid("type_for_disputes", "END_REQUEST is only allowed for disputes", "type")
        if issue["endRequested"]:
            raise errors.invalid("end_requested", "The buyer has already been asked to close this dispute", "type")
    if kind in RETURN_TYPES and issue["type"] != store.CLAIM:
        raise errors.invalid("type_for_claims", f"{kind} is only allowed for claims", "type")
    if not store.chat_active(issue):
        raise errors.conflict("chat_inactive", "Dispute is in a state that forbids adding new messages")
    attachments = _attachments(world, seller, attachment_ids)
    message = store.new_message(world, _author(world, seller), text, world.clock.now_ms(),
                                [files.ref(a) for a in attachments])
    files.link(world, seller, attachments, message["id"])
    issue["chat"].append(message)
    if kind == "END_REQUEST":
        issue["endRequested"] = True
    if kind in RETURN_TYPES:
        issue["returnRequired"] = RETURN_TYPES[kind]
    store.save(world, seller, issue)
    return message


def _attachments(world: World, seller: str, attachment_ids: list[str]) -> list[Json]:
    """The files named: each the seller's own, uploaded and not sent yet; otherwise 422 naming `attachments`, and
    nothing is written."""
    out: list[Json] = []
    for attachment_id in attachment_ids:
        found = files.find(world, attachment_id)
        if (found is None or found[0] != seller or not files.linkable(found[1], store.SELLER)
                or any(a["id"] == attachment_id for a in out)):
            raise errors.invalid("attachment", f"Attachment {attachment_id} cannot be added to the message",
                                 "attachments")
        out.append(found[1])
    return out


# --- the decision on a claim -----------------------------------------------------------------------------------------
def decide(world: World, seller: str, issue: Json, status: str, text: str, partial: Json | None) -> None:
    """Accepts or rejects a claim. #12428 (staff): a first decision may be either; after it only an acceptance:
    accepted → another acceptance, rejected → acceptance. The justification goes into the chat."""
    if issue["type"] != store.CLAIM:
        raise errors.bad_request("not_a_claim", "Not a valid operation for disputes")
    if not text.strip():
        raise errors.bad_request("blank", "message must not be blank", "message")
    accepting = status.startswith("ACCEPTED_")
    decided = issue["decision"]
    if decided is not None and not accepting:
        raise errors.bad_request("transition", f"Claim {issue['id']} was already decided ({decided['status']}): "
                                 "it can only be accepted now")
    if decided is not None and decided["status"] == status:
        raise errors.bad_request("transition", f"Claim {issue['id']} already has status {status}")
    refund = _partial_refund(world, issue, status, partial)
    issue["status"] = store.CLAIM_ACCEPTED if accepting else store.CLAIM_REJECTED
    issue["decision"] = {"status": status, "partialRefund": refund}
    issue["chat"].append(store.new_message(world, _author(world, seller), text, world.clock.now_ms()))
    store.save(world, seller, issue)


def _partial_refund(world: World, issue: Json, status: str, partial: Json | None) -> Json | None:
    if status != "ACCEPTED_PARTIAL_REFUND":
        if partial is not None:
            raise errors.bad_request("partial_refund", "partialRefund is for ACCEPTED_PARTIAL_REFUND only",
                                     "partialRefund")
        return None
    order = model.get(world, issue["checkoutForm"]["id"])
    paid = order["summary"]["totalToPay"] if order else {"amount": "0.00", "currency": ""}
    try:
        amount = Decimal(str((partial or {}).get("amount")))
    except InvalidOperation:
        amount = Decimal(0)
    if (partial is None or partial.get("currency") != paid["currency"] or not amount.is_finite() or amount <= 0
            or amount > Decimal(paid["amount"]) or amount != amount.quantize(model.CENT)):
        raise errors.bad_request("partial_refund", f"partialRefund must be an amount above 0 and at most "
                                 f"{paid['amount']} {paid['currency']}", "partialRefund")
    return dict(model.money(amount, str(paid["currency"])))


def schedule_deadline(world: World, seller: str, issue: Json) -> None:
    """The claim is considered accepted when the seller has not answered by the deadline (the consumer law's 14 days:
    a claim left unanswered is deemed accepted)."""
    world.schedule(DEADLINE_JOB, int(issue["dueMs"]) - world.clock.now_ms(), {"issue": issue["id"]}, owner=seller)


@runs(DEADLINE_JOB)
def deadline_passed(world: World, job: Job) -> None:
    found = store.find(world, str(job.payload["issue"]))
    if found is None or found[1]["decision"] is not None:
        return
    seller, issue = found
    issue["status"] = store.CLAIM_ACCEPTED
    issue["decision"] = {"status": "ACCEPTED_BY_DEADLINE", "partialRefund": None}
    # A state change in the chat, worded in the answer's language (`text` Polish, `textEn` English).
    note = store.new_message(world, {"role": "SYSTEM"}, "Reklamacja nie została rozpatrzona w ciągu 14 dni i "
                             "uważa się ją za uznaną.", int(issue["dueMs"]))
    note["textEn"] = "The claim was not answered within 14 days and is considered accepted."
    issue["chat"].append(note)
    store.save(world, seller, issue)
