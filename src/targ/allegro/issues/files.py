"""Issue attachments: declared (`{fileName, size}`), uploaded once (the bytes, in one of the spec's media types), sent
with one chat message, downloaded byte for byte.

Storage: a doc of kind `issue_attachment`, id = the attachment id (a UUID, as the spec's example), owner = the seller
whose issues hold it (the declaring seller, or the seller of the issue a buyer wrote in), holding `fileName`, `size`
(as declared), `declaredBy` (`SELLER` | `BUYER`), `mimeType`, `content` (base64) and `uploadedAt` (ms) once uploaded,
and `message` (the chat message it was sent with, or None).

Limits (docs/behaviour.md, "Post-purchase issues"): at most 2 097 152 bytes (the vendor's guide and its answers,
#7645, #12853); the formats of the upload's media types in the spec (pdf, bmp, gif, jpeg, png, tiff).
"""

from __future__ import annotations

from targ.allegro.attachments import Attachments, Formats, content_of, linkable
from targ.json_types import Json

ATTACHMENT_KIND = "issue_attachment"
MAX_BYTES = 2_097_152
MAX_NAME = 255           # `PostPurchaseIssueAttachment.fileName` maxLength
MEDIA_TYPES = {"pdf": "application/pdf", "bmp": "image/bmp", "gif": "image/gif", "jpeg": "image/jpeg",
               "jpg": "image/jpeg", "png": "image/png", "tiff": "image/tiff", "tif": "image/tiff"}
FORMATS = Formats(MEDIA_TYPES)
FILES = Attachments(ATTACHMENT_KIND)
media_type_for, name_allowed, upload_allowed = FORMATS.media_type_for, FORMATS.name_allowed, FORMATS.upload_allowed
declare, upload, find, link = FILES.declare, FILES.upload, FILES.find, FILES.link
__all__ = ["ATTACHMENT_KIND", "MAX_BYTES", "MAX_NAME", "content_of", "declare", "find", "link", "linkable",
           "media_type_for", "name_allowed", "ref", "upload", "upload_allowed"]


def ref(attachment: Json) -> Json:
    """What a chat message keeps of a file."""
    return {"id": attachment["id"], "fileName": attachment["fileName"]}
