"""The buyer's side of the Allegro message center as admin actions; the behaviour lives in
`targ.allegro.messaging.buyer`, this module reads the JSON bodies and renders the answers.

* `POST /__targ/buyer/messages` `{login?, checkoutFormId?, offerId?, sellerId?, text, attachments?: [{fileName,
  content (base64)}]}` → 201 `{threadId, message}`: the buyer writes to the seller (the order's, the offer's or
  `sellerId`'s); `message` exactly as `GET /messaging/messages/{id}` shows it to the seller.
* `POST /__targ/buyer/threads/{threadId}/messages` `{text, checkoutFormId?, offerId?, attachments?}` → 201, the same
  shape: the buyer replies in the thread.
* `GET /__targ/buyer/threads/{threadId}/messages` → 200 `{messages}`: the thread as the buyer sees it, newest first
  (the seller is the interlocutor); file URLs point at the next route.
* `GET /__targ/buyer/threads/{threadId}/attachments/{attachmentId}` → 200, a file sent in the thread, as uploaded.
"""

from __future__ import annotations

from targ.admin import ADMIN
from targ.admin.core import json_object
from targ.admin.refusals import refusals
from targ.allegro.messaging import buyer, center, files
from targ.http.request import Reply, Request


@ADMIN.route("POST", "/buyer/messages")
def write(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        written = buyer.write(req.world, body)
    return Reply({"threadId": written["threadId"],
                  "message": center.message_view(req.world, written["message"], req.base_url)}, 201)


@ADMIN.route("POST", "/buyer/threads/{threadId}/messages")
def reply(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        _, message = buyer.reply(req.world, req.path_params["threadId"], body)
    return Reply({"threadId": message["thread"], "message": center.message_view(req.world, message, req.base_url)},
                 201)


@ADMIN.route("GET", "/buyer/threads/{threadId}/messages")
def read(req: Request) -> Reply:
    thread_id = req.path_params["threadId"]
    with refusals():
        found = buyer.thread_messages(req.world, thread_id)
    base = f"{req.base_url}/__targ/buyer/threads/{thread_id}/attachments"
    return Reply({"messages": [center.message_view(req.world, m, req.base_url, viewer=center.BUYER,
                                                   download_base=base) for m in found]})


@ADMIN.route("GET", "/buyer/threads/{threadId}/attachments/{attachmentId}")
def download(req: Request) -> Reply:
    with refusals():
        attachment = buyer.attachment_in_thread(req.world, req.path_params["threadId"],
                                                req.path_params["attachmentId"])
    return Reply(files.content_of(attachment), 200, media_type=attachment["mimeType"])
