"""The seller's issue attachments (beta media type): declare (`POST /sale/issues/attachments` `{fileName, size}` →
201 `{id}`, `Location` the upload URL), upload (`PUT /sale/issues/attachments/{attachmentId}` with the file in its own
media type → 200 `{id}`) and download (`GET` → the file as uploaded). The same files as
`/sale/dispute-attachments*`; limits and refusals in targ.allegro.issues.files."""

from __future__ import annotations

from targ.allegro.issues import files
from targ.allegro.issues.access import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "createAnIssueAttachmentUsingPOST")
def declare(req: Request) -> Reply:
    attachment = files.declare_checked(req.world, seller_id(req), str(req.body["fileName"]), int(req.body["size"]))
    # "Use this URL to perform PUT request" (the spec's Location header): this server's upload operation.
    location = f"{req.base_url}/sale/issues/attachments/{attachment['id']}"
    return Reply({"id": attachment["id"]}, 201, {"location": location})


@handler("allegro", "uploadIssueAttachmentUsingPUT")
def upload(req: Request) -> Reply:
    attachment = files.upload_checked(req.world, seller_id(req), req.path_params["attachmentId"],
                                      req.headers.get("content-type"), req.raw_body)
    return Reply({"id": attachment["id"]}, 200)


@handler("allegro", "getIssueAttachmentUsingGET")
def download(req: Request) -> Reply:
    attachment = files.downloadable(req.world, seller_id(req), req.path_params["attachmentId"])
    return Reply(files.content_of(attachment), 200, media_type=attachment["mimeType"])
