"""The deprecated disputes (public media type, as the spec declares them): `GET /sale/disputes` (filters
`checkoutForm.id`, `status`; `offset`, `limit`), `GET /sale/disputes/{disputeId}`, `GET …/messages` (`offset`,
`limit`) and `POST …/messages` `{text, type, attachments?}`. The same issues, chats and rules as `/sale/issues*`,
shown by targ.allegro.issues.disputes."""

from __future__ import annotations

from targ.allegro.issues import disputes
from targ.allegro.issues.access import own_dispute, page, seller_id, values
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getListOfDisputesUsingGET")
def list_disputes(req: Request) -> Reply:
    found = disputes.listing(req.world, seller_id(req), req.param("checkoutForm.id"), values(req.param("status")))
    return Reply({"disputes": [disputes.view(i, req.base_url) for i in page(req, found)]})


@handler("allegro", "getDisputeUsingGET")
def get_dispute(req: Request) -> Reply:
    _, issue = own_dispute(req)
    return Reply(disputes.view(issue, req.base_url))


@handler("allegro", "getMessagesFromDisputeUsingGET")
def get_messages(req: Request) -> Reply:
    _, issue = own_dispute(req)
    return Reply({"messages": [disputes.message_view(m, req.base_url) for m in page(req, issue["chat"])]})


@handler("allegro", "addMessageToDisputeUsingPOST")
def add_message(req: Request) -> Reply:
    user, issue = own_dispute(req)
    ids = [str(a.get("id")) for a in req.body.get("attachments") or []]
    message = disputes.add_message(req.world, user, issue, str(req.body["text"]), str(req.body["type"]), ids)
    return Reply(disputes.message_view(message, req.base_url), 201)
