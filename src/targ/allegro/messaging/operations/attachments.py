"""Message attachments: declare (`POST /messaging/message-attachments` `{filename, size}` → 201 `{id}`), upload
(`PUT /messaging/message-attachments/{attachmentId}` with the file in its own media type → 200 `{id}`) and
download (`GET` → the bytes as uploaded, with `Content-Type` and `Content-Disposition` as the vendor sends them,
staff in allegro-api #8750). Limits in targ.allegro.messaging.files."""

from __future__ import annotations

from urllib.parse import quote

from targ.allegro.messaging import center, errors, files
from targ.allegro.messaging.access import own_attachment, seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


def _q_encoded(name: str) -> str:
    """RFC 2047 "Q" encoding of a file name, as the vendor's `filename="=?UTF-8?Q?name.jpg?="` (#8750)."""
    out = []
    for byte in name.encode():
        char = chr(byte)
        out.append("_" if char == " " else char if char.isascii() and (char.isalnum() or char in ".-!*+/")
                   else f"={byte:02X}")
    return "".join(out)


@handler("allegro", "newAttachmentDeclarationPOST")
def declare(req: Request) -> Reply:
    seller = seller_id(req)
    file_name, size = str(req.body["filename"]), int(req.body["size"])
    if not files.name_allowed(file_name):
        # The spec's "415 Unsupported mime type" on the declaration; the formats: staff in #6635.
        raise errors.unsupported_type(file_name)
    attachment = files.declare(req.world, seller, file_name, size)
    return Reply({"id": attachment["id"]}, 201)


@handler("allegro", "uploadAttachmentPUT")
def upload(req: Request) -> Reply:
    seller, attachment = own_attachment(req, others=403)
    if attachment["declaredBy"] != center.SELLER or attachment["message"] is not None:
        # A buyer's file, or one already sent with a message: not the seller's to replace (403 "User does not
        # have [access]", the spec).
        raise errors.not_allowed()
    # Over what was declared (or the 5 MiB any file may have): the spec's "413 Exceeded size limit".
    files.FILES.upload_checked(req.world, seller, attachment, req.headers.get("content-type"), req.raw_body,
                               formats=files.FORMATS, max_bytes=files.MAX_BYTES,
                               unsupported=errors.unsupported_type, too_large=errors.too_large)
    return Reply({"id": attachment["id"]}, 200)


@handler("allegro", "downloadAttachmentGET")
def download(req: Request) -> Reply:
    _, attachment = own_attachment(req, others=404)
    if attachment["uploadedAt"] is None:
        raise errors.attachment_not_found(attachment["id"], req.path)
    name = attachment["fileName"]
    disposition = f"attachment; filename=\"=?UTF-8?Q?{_q_encoded(name)}?=\"; filename*=UTF-8''{quote(name)}"
    return Reply(files.content_of(attachment), 200, {"content-disposition": disposition},
                 media_type=attachment["mimeType"])
