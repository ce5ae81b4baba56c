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

import base64
from typing import TYPE_CHECKING

from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

ATTACHMENT_KIND = "issue_attachment"
MAX_BYTES = 2_097_152
MAX_NAME = 255           # `PostPurchaseIssueAttachment.fileName` maxLength
MEDIA_TYPES = {"pdf": "application/pdf", "bmp": "image/bmp", "gif": "image/gif", "jpeg": "image/jpeg",
               "jpg": "image/jpeg", "png": "image/png", "tiff": "image/tiff", "tif": "image/tiff"}
MEDIA_TYPE_SET = frozenset(MEDIA_TYPES.values())


def media_type_for(file_name: str) -> str | None:
    """The media type a file of this name must be uploaded in; None for a name without a known extension."""
    _, dot, ext = file_name.rpartition(".")
    return MEDIA_TYPES.get(ext.lower()) if dot else None


def name_allowed(file_name: str) -> bool:
    """One of the formats by extension, or a name without an extension (its upload's media type tells)."""
    return "." not in file_name or media_type_for(file_name) is not None


def upload_allowed(file_name: str, media_type: str) -> bool:
    wanted = media_type_for(file_name)
    return media_type in MEDIA_TYPE_SET and (wanted is None or wanted == media_type)


def declare(world: World, seller: str, file_name: str, size: int, *, by: str) -> Json:
    attachment: Json = {"id": world.ids.uuid(ATTACHMENT_KIND), "fileName": file_name, "size": size,
                        "declaredBy": by, "mimeType": None, "content": None, "uploadedAt": None, "message": None}
    world.store.put(ATTACHMENT_KIND, attachment["id"], attachment, owner=seller)
    return attachment


def upload(world: World, seller: str, attachment: Json, media_type: str, content: bytes) -> None:
    attachment.update({"mimeType": media_type, "content": base64.b64encode(content).decode(),
                       "uploadedAt": world.clock.now_ms()})
    world.store.put(ATTACHMENT_KIND, attachment["id"], attachment, owner=seller)


def find(world: World, attachment_id: str) -> tuple[str, Json] | None:
    """(owner, attachment) or None."""
    doc = world.store.get_doc(ATTACHMENT_KIND, attachment_id)
    return (doc.owner, doc.data) if doc else None


def content_of(attachment: Json) -> bytes:
    return base64.b64decode(attachment["content"] or "")


def linkable(attachment: Json, by: str) -> bool:
    """Whether `by` may send it with a new message: its own, uploaded, not sent yet."""
    return attachment["declaredBy"] == by and attachment["uploadedAt"] is not None and attachment["message"] is None


def link(world: World, seller: str, attachments: list[Json], message_id: str) -> None:
    for attachment in attachments:
        attachment["message"] = message_id
        world.store.put(ATTACHMENT_KIND, attachment["id"], attachment, owner=seller)


def ref(attachment: Json) -> Json:
    """What a chat message keeps of a file."""
    return {"id": attachment["id"], "fileName": attachment["fileName"]}
