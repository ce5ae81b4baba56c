"""The REST operations on advance ship notices (`/fulfillment/advance-ship-notices…`), on the model of asn.py.

Checks run in this order, so the first failure answers: the notice (404, 403 for another seller's) → `If-Match`
(400 without, 412 stale) → its status (422 INVALID_ASN_STATE) → read-only properties sent with another value (422)
→ the content (422 VALIDATION_ERROR, every problem at once). Nothing is written before all of them pass.
"""

from __future__ import annotations

from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment import content, products
from targ.allegro.fulfillment.asn import CANCELLED, COMPLETED, DRAFT, IN_TRANSIT, UNPACKING
from targ.allegro.fulfillment.common import error, invalid, page, problem
from targ.allegro.fulfillment.operations.caller import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def _reply(req: Request, asn: Json, status: int | None = None, *, location: bool = False) -> Reply:
    headers = {"etag": notices.etag(asn)}
    if location:
        headers["location"] = f"{req.base_url}/fulfillment/advance-ship-notices/{asn['id']}"
    return Reply(notices.view(asn, req.base_url), status, headers)


def _available(req: Request, seller: str) -> set[str]:
    return set(products.of_seller(req.world, seller))


@handler("allegro", "getAdvanceShipNotices")
def list_notices(req: Request) -> Reply:
    """Ordered by createdAt; several `status` values are ORed. Without a status filter cancelled notices are left
    out (allegro-api#9581: a cancelled notice leaves the seller's list); `status=CANCELLED` shows them."""
    seller = seller_id(req)
    wanted = set(req.params.get("status") or ())
    rows = [a for a in notices.of_seller(req.world, seller)
            if (a["status"] in wanted if wanted else a["status"] != CANCELLED)]
    shown = page(rows, req.params.get("offset", 0), req.params.get("limit", 50))
    return Reply({"advanceShipNotices": [notices.view(a, req.base_url, listing=True) for a in shown],
                  "count": len(shown), "totalCount": len(rows)})


@handler("allegro", "createAdvanceShipNotice")
def create_notice(req: Request) -> Reply:
    seller = seller_id(req)
    new = content.draft_content(req.body or {}, _available(req, seller))
    asn = notices.create(req.world, seller, new)
    return _reply(req, asn, 201, location=True)


@handler("allegro", "getAdvanceShipNotice")
def get_notice(req: Request) -> Reply:
    return _reply(req, notices.owned(req.world, seller_id(req), req.path_params["id"]))


def _editable(req: Request, *statuses: str) -> tuple[str, Json]:
    """The caller's notice, at the version the client names, in one of `statuses`, without read-only changes."""
    seller = seller_id(req)
    asn = notices.owned(req.world, seller, req.path_params["id"])
    notices.check_if_match(asn, req.params.get("if-match"))
    notices.require_status(asn, *statuses)
    changed = notices.changed_read_only(asn, req.body or {}, req.base_url)
    if changed:
        raise invalid([problem("VALIDATION_ERROR", "read_only", {"field": key}, path=key) for key in changed])
    return seller, asn


def _store_edit(req: Request, seller: str, asn: Json, new: Json, *, relabel: bool) -> Reply:
    """Applies an edit's content to the notice and saves it; with `relabel` its labels are cleared."""
    asn.update(new)
    if relabel:
        notices.clear_labels(req.world, seller, asn)
    return _reply(req, notices.save(req.world, seller, asn))


@handler("allegro", "updateAdvanceShipNotice")
def update_notice(req: Request) -> Reply:
    """Replaces the DRAFT's content. Changing the items or the handling unit clears `labels` (new labels follow);
    shipping details may be completed after labelling (seed 003) and leave them."""
    seller, asn = _editable(req, DRAFT)
    new = content.draft_content(req.body or {}, _available(req, seller))
    before = {k: asn.get(k) for k in notices.CONTENT}
    if before == {k: new.get(k) for k in notices.CONTENT}:
        return _reply(req, asn)
    relabel = any(before[k] != new.get(k) for k in ("items", "handlingUnit"))
    for key in notices.CONTENT:
        asn.pop(key, None)
    return _store_edit(req, seller, asn, new, relabel=relabel)


@handler("allegro", "updateSubmittedAdvanceShipNotice")
def update_submitted_notice(req: Request) -> Reply:
    """The limited edits of an IN_TRANSIT notice (seed 003, "Edytuj zakończone awizo"); a new handling-unit amount
    clears `labels`."""
    seller, asn = _editable(req, IN_TRANSIT)
    new, relabel = content.submitted_changes(asn, req.body or {})
    if all(asn.get(k) == new.get(k) for k in notices.CONTENT):
        return _reply(req, asn)
    return _store_edit(req, seller, asn, new, relabel=relabel)


@handler("allegro", "deleteAdvanceShipNotice")
def delete_notice(req: Request) -> Reply:
    seller = seller_id(req)
    asn = notices.owned(req.world, seller, req.path_params["id"])
    notices.require_status(asn, DRAFT)
    req.world.store.delete(notices.ASN_KIND, asn["id"])
    return Reply(None, 204)


@handler("allegro", "cancelAdvanceShipNotice")
def cancel_notice(req: Request) -> Reply:
    """Until the warehouse starts unpacking (allegro-api#9581); the warehouse's pending arrival then does nothing."""
    seller = seller_id(req)
    asn = notices.owned(req.world, seller, req.path_params["id"])
    notices.require_status(asn, IN_TRANSIT)
    asn["status"] = CANCELLED
    notices.save(req.world, seller, asn)
    return Reply(None, 200, {"etag": notices.etag(asn)})


@handler("allegro", "getAdvanceShipNoticeReceivingState")
def get_receiving_state(req: Request) -> Reply:
    """Only once the warehouse has the delivery (UNPACKING, COMPLETED); before, and for cancelled notices, 404."""
    asn = notices.owned(req.world, seller_id(req), req.path_params["id"])
    if asn["status"] not in (UNPACKING, COMPLETED):
        raise error(404, "NOT_FOUND", "no_receiving",
                    {"id": asn["id"], "number": asn["displayNumber"], "status": asn["status"]})
    return Reply(notices.receiving_view(asn))
