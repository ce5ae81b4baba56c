"""The seller's post-purchase issues (beta media type): `GET /sale/issues` (filters `checkoutForm.id`, `status`;
`offset`, `limit`), `GET /sale/issues/{issueId}`, `GET …/chat` (`offset`, `limit`), `POST …/message` `{text, type,
attachments?}` and `POST …/status` `{status, message, partialRefund?}`. Rules in targ.allegro.issues.seller."""

from __future__ import annotations

from typing import Any

from targ.allegro.auth import access_denied
from targ.allegro.issues import seller, store
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def _seller(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


def _own(req: Request) -> tuple[str, Json]:
    user = _seller(req)
    return user, seller.own(req.world, user, req.path_params["issueId"])


def _values(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@handler("allegro", "getListOfIssuesUsingGET")
def list_issues(req: Request) -> Reply:
    user = _seller(req)
    wanted = req.param("status")
    found = seller.listing(req.world, user, req.param("checkoutForm.id"), set(_values(wanted)) if wanted else None)
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 10))
    return Reply({"issues": [store.view(i, req.base_url) for i in found[offset:offset + limit]]})


@handler("allegro", "getIssueUsingGET")
def get_issue(req: Request) -> Reply:
    _, issue = _own(req)
    return Reply(store.view(issue, req.base_url))


@handler("allegro", "getChatFromIssueUsingGET")
def get_chat(req: Request) -> Reply:
    _, issue = _own(req)
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 10))
    page = issue["chat"][offset:offset + limit]
    return Reply({"chat": [store.message_view(issue, m, req.base_url) for m in page]})


@handler("allegro", "addMessageToIssueUsingPOST")
def add_message(req: Request) -> Reply:
    user, issue = _own(req)
    ids = [str(a.get("id")) for a in req.body.get("attachments") or []]
    message = seller.add_message(req.world, user, issue, str(req.body["text"]), str(req.body["type"]), ids)
    return Reply(store.message_view(issue, message, req.base_url), 201)


@handler("allegro", "changeStatusOfIssueUsingPOST")
def change_status(req: Request) -> Reply:
    user, issue = _own(req)
    seller.decide(req.world, user, issue, str(req.body["status"]), str(req.body["message"]),
                  req.body.get("partialRefund"))
    return Reply(None, 200)
