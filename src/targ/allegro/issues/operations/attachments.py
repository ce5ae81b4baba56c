"""The seller's issue attachments (beta media type): declare (`POST /sale/issues/attachments` `{fileName, size}` →
201 `{id}`, `Location` the upload URL), upload (`PUT /sale/issues/attachments/{attachmentId}` with the file in its own
media type → 200 `{id}`) and download (`GET` → the file as uploaded). The same files as
`/sale/dispute-attachments*`; limits and refusals in targ.allegro.issues.files."""

from __future__ import annotations

from targ.allegro.issues import access
from targ.allegro.issues.access import declared, uploaded
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "createAnIssueAttachmentUsingPOST")
def declare(req: Request) -> Reply:
    return declared(req, "/sale/issues/attachments")


@handler("allegro", "uploadIssueAttachmentUsingPUT")
def upload(req: Request) -> Reply:
    attachment = uploaded(req)
    return Reply({"id": attachment["id"]}, 200)


@handler("allegro", "getIssueAttachmentUsingGET")
def download(req: Request) -> Reply:
    return access.download(req)
