"""The buyer's side of post-purchase issues as admin actions; the behaviour lives in `targ.allegro.issues.buyer`,
this module reads the JSON bodies and renders the answers.

* `POST /__targ/buyer/issues` `{checkoutFormId, type: DISPUTE|CLAIM, reason, text, description?, offerId?,
  quantity?, right? (claims: WARRANTY|COMPLAINT), expectations? (claims: [{name, amount?}])}` → 201 `{issue}`: the
  order's buyer opens a dispute or a claim.
* `POST /__targ/buyer/issues/{issueId}/messages` `{text}` → 201 `{message}`: the buyer writes in the issue's chat.
* `POST /__targ/buyer/issues/{issueId}/close` `{}` → 200 `{issue}`: the buyer ends a dispute (DISPUTE_CLOSED).
* `GET /__targ/buyer/issues/{issueId}` → 200 `{issue, chat}`: the issue and its whole chat, oldest first.

* `GET /__targ/buyer/issues/{issueId}/attachments/{attachmentId}` → 200, a file sent in the issue's chat, as uploaded.

`attachments?: [{fileName, mimeType?, content (base64)}]` may go with the first message and with each message.
`issue` and `message` are exactly what `GET /sale/issues/{issueId}` and its chat show the seller.
"""

from __future__ import annotations

from targ.admin import ADMIN
from targ.admin.core import json_object
from targ.admin.refusals import refusals
from targ.allegro.issues import buyer, files, store
from targ.http.request import Reply, Request


@ADMIN.route("POST", "/buyer/issues")
def open_issue(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        _, issue = buyer.open_issue(req.world, body)
    return Reply({"issue": store.view(issue, req.base_url)}, 201)


@ADMIN.route("POST", "/buyer/issues/{issueId}/messages")
def write(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        issue, message = buyer.write(req.world, req.path_params["issueId"], body)
    return Reply({"message": store.message_view(issue, message, req.base_url)}, 201)


@ADMIN.route("POST", "/buyer/issues/{issueId}/close")
def close(req: Request) -> Reply:
    with refusals():
        issue = buyer.close(req.world, req.path_params["issueId"])
    return Reply({"issue": store.view(issue, req.base_url)})


@ADMIN.route("GET", "/buyer/issues/{issueId}")
def read(req: Request) -> Reply:
    with refusals():
        issue = buyer.read(req.world, req.path_params["issueId"])
    return Reply({"issue": store.view(issue, req.base_url),
                  "chat": [store.message_view(issue, m, req.base_url) for m in issue["chat"]]})


@ADMIN.route("GET", "/buyer/issues/{issueId}/attachments/{attachmentId}")
def download(req: Request) -> Reply:
    with refusals():
        attachment = buyer.attachment_in_issue(req.world, req.path_params["issueId"], req.path_params["attachmentId"])
    return Reply(files.content_of(attachment), 200, media_type=attachment["mimeType"])
