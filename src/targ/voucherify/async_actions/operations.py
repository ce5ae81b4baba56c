"""`GET /v1/async-actions/{id}` and `GET /v1/async-actions`."""

from __future__ import annotations

from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.async_actions.models import ACTION_KIND, find_action, render_action
from targ.voucherify.common import DEFAULT_LIMIT, found, project_of, sort_docs


@handler("voucherify", "get-async-action")
def get_async_action(req: Request) -> Reply:
    ref = req.path_params["asyncActionId"]
    doc = found(find_action(req.world, project_of(req), ref), "async_action", ref)
    return Reply(render_action(doc.data))


@handler("voucherify", "list-async-actions")
def list_async_actions(req: Request) -> Reply:
    """Newest first; `end_date` keeps the actions created before it. The vendor pages this list by date (no `page`
    parameter), so `has_more` says whether older ones were left out."""
    docs = req.world.store.find(ACTION_KIND, project_of(req))
    if req.param("end_date"):
        end = parse_time(req.param("end_date"))
        docs = [d for d in docs if d.data["created_at"] < end]
    limit = req.param("limit") or DEFAULT_LIMIT
    ordered = sort_docs(docs, "-created_at", {"created_at": lambda a: a["created_at"]})
    return Reply({"object": "list", "data_ref": "async_actions",
                  "async_actions": [render_action(d.data, with_result=False) for d in ordered[:limit]],
                  "has_more": len(ordered) > limit})
