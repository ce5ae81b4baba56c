"""The deprecated dispute attachments (public media type): declare (`POST /sale/dispute-attachments` `{fileName,
size}` → 201 `{id}`, `Location` the upload URL), upload (`PUT /sale/dispute-attachments/{attachmentId}` with the file
in its own media type → 200, no body: the spec declares none) and download (`GET` → the file as uploaded). The same
files, limits and refusals as `/sale/issues/attachments*` (targ.allegro.issues.files)."""

from __future__ import annotations

from targ.allegro.issues import access
from targ.allegro.issues.access import declared, uploaded
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "createAnAttachmentUsingPOST")
def declare(req: Request) -> Reply:
    return declared(req, "/sale/dispute-attachments")


@handler("allegro", "uploadDisputeAttachmentUsingPUT")
def upload(req: Request) -> Reply:
    uploaded(req)
    return Reply(None, 200)


@handler("allegro", "getAttachmentUsingGET")
def download(req: Request) -> Reply:
    return access.download(req)
