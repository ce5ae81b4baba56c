"""What the seller's message center operations share: the calling seller and the caller's thread, message or
attachment. Another seller's is answered as the operation declares it: 404 where the spec declares only "not found"
(reading a thread, a message or an attachment), 403 where it declares "User not allowed to …" (docs/behaviour.md,
"Message center")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.messaging import center, errors, files
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    seller = req.principal.seller_id if req.principal else None
    if not seller:
        raise access_denied()
    return seller


def own_thread(req: Request, *, others: int) -> tuple[str, Json]:
    """(seller, thread) for `{threadId}`: unknown → 404 THREAD_NOT_FOUND; another seller's → `others` (403 or 404)."""
    return _own(req, "threadId", center.find_thread, errors.thread_not_found, others)


def own_message(req: Request, *, others: int) -> tuple[str, Json]:
    """(seller, message) for `{messageId}`, as `own_thread`."""
    return _own(req, "messageId", center.find_message, errors.message_not_found, others)


def own_attachment(req: Request, *, others: int) -> tuple[str, Json]:
    """(seller, attachment) for `{attachmentId}`, as `own_thread`. The seller's own are those it declared and those
    that came with a message into its message center."""
    return _own(req, "attachmentId", files.find, errors.attachment_not_found, others,
                mine=lambda found: found["declaredBy"] == center.SELLER or found["message"] is not None)


def _own(req: Request, param: str, find: Callable[[World, str], tuple[str, Json] | None],
         not_found: Callable[[str, str], AllegroError], others: int,
         mine: Callable[[Json], bool] = lambda found: True) -> tuple[str, Json]:
    """(seller, document) for the path parameter `param`, found by `find` as (its seller, it). Unknown →
    `not_found(id, path)`; another seller's, or one `mine` says is not the seller's own → the same 404 or 403
    `not_allowed`, as the operation declares (`others`)."""
    seller = seller_id(req)
    ref = req.path_params[param]
    found = find(req.world, ref)
    owned = found is not None and found[0] == seller and mine(found[1])
    if found is None or (not owned and others == 404):
        raise not_found(ref, req.path)
    if not owned:
        raise errors.not_allowed()
    return seller, found[1]
