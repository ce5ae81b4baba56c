"""Issue attachments: declared (`{fileName, size}`), uploaded once (the bytes, in one of the spec's media types), sent
with one chat message, downloaded byte for byte.

Storage: a doc of kind `issue_attachment`, id = the attachment id (a UUID, as the spec's example), owner = the seller
whose issues hold it (the declaring seller, or the seller of the issue a buyer wrote in), holding `fileName`, `size`
(as declared), `declaredBy` (`SELLER` | `BUYER`), `mimeType`, `content` (base64) and `uploadedAt` (ms) once uploaded,
and `message` (the chat message it was sent with, or None).

Limits (docs/behaviour.md, "Post-purchase issues"): at most 2 097 152 bytes (the vendor's guide and its answers,
#7645, #12853); the formats of the upload's media types in the spec (pdf, bmp, gif, jpeg, png, tiff).

Both families of the seller's API declare, upload and download these same files: `/sale/issues/attachments*` and the
deprecated `/sale/dispute-attachments*` (`declare_checked`, `upload_checked`, `downloadable` below), so a file
declared through either goes with a message in either chat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.attachments import Attachments, Formats, content_of, linkable
from targ.allegro.issues import errors, store
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

ATTACHMENT_KIND = "issue_attachment"
MAX_BYTES = 2_097_152
MAX_NAME = 255           # `PostPurchaseIssueAttachment.fileName` maxLength
MEDIA_TYPES = {"pdf": "application/pdf", "bmp": "image/bmp", "gif": "image/gif", "jpeg": "image/jpeg",
               "jpg": "image/jpeg", "png": "image/png", "tiff": "image/tiff", "tif": "image/tiff"}
FORMATS = Formats(MEDIA_TYPES)
FILES = Attachments(ATTACHMENT_KIND)
media_type_for, name_allowed, upload_allowed = FORMATS.media_type_for, FORMATS.name_allowed, FORMATS.upload_allowed
declare, upload, find, link = FILES.declare, FILES.upload, FILES.find, FILES.link
__all__ = ["ATTACHMENT_KIND", "MAX_BYTES", "MAX_NAME", "content_of", "declare", "declare_checked", "downloadable",
           "find", "link", "linkable", "media_type_for", "name_allowed", "ref", "upload", "upload_allowed",
           "upload_checked"]


def ref(attachment: Json) -> Json:
    """What a chat message keeps of a file."""
    return {"id": attachment["id"], "fileName": attachment["fileName"]}


def declare_checked(world: World, seller: str, file_name: str, size: int) -> Json:
    """The seller declares a file: a name of one of the formats (or without an extension), at most `MAX_NAME`
    characters; at most `MAX_BYTES` bytes. Refusals are 422 ATTACHMENT_ERROR naming the field."""
    if not file_name.strip() or len(file_name) > MAX_NAME or not name_allowed(file_name):
        raise errors.attachment_error("file_name", f"File {file_name!r} is not accepted", "fileName")
    if size > MAX_BYTES:
        # #12853: "ATTACHMENT_ERROR", an empty message; #7645: the limit, 2097152 bytes, in its userMessage.
        raise errors.attachment_error("size", "", "size")
    return declare(world, seller, file_name, size, by=store.SELLER)


def upload_checked(world: World, seller: str, attachment_id: str, content_type: str | None, content: bytes) -> Json:
    """The seller uploads a file it declared, once. Neither upload operation declares 403 or 404: an unknown id,
    another seller's file, a buyer's, or one uploaded already ("The URL is unique and one-time", the spec) is their
    422; a media type other than the declared name's → 415; more bytes than declared → 413."""
    found = find(world, attachment_id)
    if (found is None or found[0] != seller or found[1]["declaredBy"] != store.SELLER
            or found[1]["uploadedAt"] is not None):
        raise errors.attachment_error("upload", f"Attachment {attachment_id} cannot be uploaded", "attachmentId")
    attachment = found[1]
    FILES.upload_checked(world, seller, attachment, content_type, content, formats=FORMATS, max_bytes=MAX_BYTES,
                         unsupported=errors.unsupported_type, too_large=errors.too_large)
    return attachment


def downloadable(world: World, seller: str, attachment_id: str) -> Json:
    """A file the seller may download: its own and the buyer's in its issues, once uploaded (else 404); another
    seller's → 403."""
    found = find(world, attachment_id)
    if found is None or found[1]["uploadedAt"] is None:
        raise errors.attachment_not_found(attachment_id)
    if found[0] != seller:
        raise errors.not_allowed()
    return found[1]
