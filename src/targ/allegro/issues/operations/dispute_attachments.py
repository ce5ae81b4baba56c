"""The deprecated dispute attachments (public media type): declare (`POST /sale/dispute-attachments` `{fileName,
size}` → 201 `{id}`, `Location` the upload URL), upload (`PUT /sale/dispute-attachments/{attachmentId}` with the file
in its own media type → 200, no body: the spec declares none) and download (`GET` → the file as uploaded). The same
files, limits and refusals as `/sale/issues/attachments*` (targ.allegro.issues.files)."""

from __future__ import annotations

from targ.allegro.issues import files
from targ.allegro.issues.access import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "createAnAttachmentUsingPOST")
def declare(req: Request) -> Reply:
    attachment = files.declare_checked(req.world, seller_id(req), str(req.body["fileName"]), int(req.body["size"]))
    # "Use this URL to perform PUT request with binary data file" (the spec's Location): this server's upload.
    location = f"{req.base_url}/sale/dispute-attachments/{attachment['id']}"
    return Reply({"id": attachment["id"]}, 201, {"location": location})


@handler("allegro", "uploadDisputeAttachmentUsingPUT")
def upload(req: Request) -> Reply:
    files.upload_checked(req.world, seller_id(req), req.path_params["attachmentId"], req.headers.get("content-type"),
                         req.raw_body)
    return Reply(None, 200)


@handler("allegro", "getAttachmentUsingGET")
def download(req: Request) -> Reply:
    attachment = files.downloadable(req.world, seller_id(req), req.path_params["attachmentId"])
    return Reply(files.content_of(attachment), 200, media_type=attachment["mimeType"])
