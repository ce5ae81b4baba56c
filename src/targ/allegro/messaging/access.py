"""What the seller's message center operations share: the calling seller and the caller's thread, message or
attachment. Another seller's is answered as the operation declares it: 404 where the spec declares only "not found"
(reading a thread, a message or an attachment), 403 where it declares "User not allowed to …" (docs/behaviour.md,
"Message center")."""

from __future__ import annotations

from targ.allegro.errors import access_denied
from targ.allegro.messaging import center, errors, files
from targ.http.request import Request
from targ.json_types import Json


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    seller = req.principal.seller_id if req.principal else None
    if not seller:
        raise access_denied()
    return seller


def own_thread(req: Request, *, others: int) -> tuple[str, Json]:
    """(seller, thread) for `{threadId}`: unknown → 404 THREAD_NOT_FOUND; another seller's → `others` (403 or 404)."""
    seller = seller_id(req)
    thread_id = req.path_params["threadId"]
    found = center.find_thread(req.world, thread_id)
    if found is None or (found[0] != seller and others == 404):
        raise errors.thread_not_found(thread_id, req.path)
    if found[0] != seller:
        raise errors.not_allowed()
    return seller, found[1]


def own_message(req: Request, *, others: int) -> tuple[str, Json]:
    """(seller, message) for `{messageId}`, as `own_thread`."""
    seller = seller_id(req)
    message_id = req.path_params["messageId"]
    found = center.find_message(req.world, message_id)
    if found is None or (found[0] != seller and others == 404):
        raise errors.message_not_found(message_id, req.path)
    if found[0] != seller:
        raise errors.not_allowed()
    return seller, found[1]


def own_attachment(req: Request, *, others: int) -> tuple[str, Json]:
    """(seller, attachment) for `{attachmentId}`, as `own_thread`. The seller's own are those it declared and those
    that came with a message into its message center."""
    seller = seller_id(req)
    attachment_id = req.path_params["attachmentId"]
    found = files.find(req.world, attachment_id)
    mine = found is not None and found[0] == seller and (found[1]["declaredBy"] == center.SELLER
                                                          or found[1]["message"] is not None)
    if found is None or (not mine and others == 404):
        raise errors.attachment_not_found(attachment_id, req.path)
    if not mine:
        raise errors.not_allowed()
    return seller, found[1]
