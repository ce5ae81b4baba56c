"""The seller's post-purchase issues (beta media type): `GET /sale/issues` (filters `checkoutForm.id`, `status`;
`offset`, `limit`), `GET /sale/issues/{issueId}`, `GET …/chat` (`offset`, `limit`), `POST …/message` `{text, type,
attachments?}` and `POST …/status` `{status, message, partialRefund?}`. Rules in targ.allegro.issues.seller."""

from __future__ import annotations

from targ.allegro.issues import seller, store
from targ.allegro.issues.access import own_issue, page, seller_id, values
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getListOfIssuesUsingGET")
def list_issues(req: Request) -> Reply:
    user = seller_id(req)
    found = seller.listing(req.world, user, req.param("checkoutForm.id"), values(req.param("status")))
    return Reply({"issues": [store.view(i, req.base_url) for i in page(req, found)]})


@handler("allegro", "getIssueUsingGET")
def get_issue(req: Request) -> Reply:
    _, issue = own_issue(req)
    return Reply(store.view(issue, req.base_url))


@handler("allegro", "getChatFromIssueUsingGET")
def get_chat(req: Request) -> Reply:
    _, issue = own_issue(req)
    return Reply({"chat": [store.message_view(issue, m, req.base_url) for m in page(req, issue["chat"])]})


@handler("allegro", "addMessageToIssueUsingPOST")
def add_message(req: Request) -> Reply:
    user, issue = own_issue(req)
    ids = [str(a.get("id")) for a in req.body.get("attachments") or []]
    message = seller.add_message(req.world, user, issue, str(req.body["text"]), str(req.body["type"]), ids)
    return Reply(store.message_view(issue, message, req.base_url), 201)


@handler("allegro", "changeStatusOfIssueUsingPOST")
def change_status(req: Request) -> Reply:
    user, issue = own_issue(req)
    seller.decide(req.world, user, issue, str(req.body["status"]), str(req.body["message"]),
                  req.body.get("partialRefund"))
    return Reply(None, 200)
