"""Message attachments: declared (`{filename, size}`), uploaded (the bytes, in one of the vendor's media types),
linked to one message, scanned, downloaded byte for byte.

Storage: a doc of kind `message_attachment`, id = the attachment id (a UUID, as the spec's example), owner = the
seller whose message center holds it (the declaring seller, or the seller a buyer wrote to), holding

* `fileName`, `size` (as declared), `declaredBy` (`SELLER` | `BUYER`);
* `mimeType`, `content` (base64), `uploadedAt` (ms) once uploaded;
* `message` - the message it was sent with (an attachment goes with one message only);
* `status` - `NEW` until the scan passes, then `SAFE` (`MessageAttachmentInfo.status`).

The limits (docs/behaviour.md, "Message center"): at most 5 MiB (the spec's `size` maximum, 5242880; staff in
allegro-api #8750: "The maximum file size is 5MB"); only .pdf, .gif, .bmp, .tiff, .jpeg, .jpg and .png files (staff in
#6635; the upload's media types in the spec are exactly those formats): a declared name with another extension is
refused, a name without one is taken and its upload's media type tells the format.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

ATTACHMENT_KIND = "message_attachment"
SCAN_JOB = "allegro.messaging.attachment-scan"
MAX_BYTES = 5 * 1024 * 1024
# File extension → the media type its upload must carry (the spec's upload media types).
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
}


MEDIA_TYPE_SET = frozenset(MEDIA_TYPES.values())


def media_type_for(file_name: str) -> str | None:
    """The media type a file of this name must be uploaded as; None when its name has no extension (then the upload's
    own media type tells) or one the message center does not take (see `name_allowed`)."""
    _, dot, ext = file_name.rpartition(".")
    return MEDIA_TYPES.get(ext.lower()) if dot else None


def name_allowed(file_name: str) -> bool:
    """A file the message center takes: one of its formats by extension, or a name without one (the spec's own
    example declares `"filename": "attachment"`)."""
    return "." not in file_name or media_type_for(file_name) is not None


def upload_allowed(file_name: str, media_type: str) -> bool:
    """The upload is one of the formats, and the declared file's if its name tells it."""
    wanted = media_type_for(file_name)
    return media_type in MEDIA_TYPE_SET and (wanted is None or wanted == media_type)


def declare(world: World, seller_id: str, file_name: str, size: int, *, by: str = "SELLER") -> Json:
    attachment: Json = {"id": world.ids.uuid(ATTACHMENT_KIND), "fileName": file_name, "size": size,
                        "declaredBy": by, "mimeType": None, "content": None, "uploadedAt": None, "message": None,
                        "status": "NEW"}
    world.store.put(ATTACHMENT_KIND, attachment["id"], attachment, owner=seller_id)
    return attachment


def upload(world: World, seller_id: str, attachment: Json, media_type: str, content: bytes) -> None:
    attachment.update({"mimeType": media_type, "content": base64.b64encode(content).decode(),
                       "uploadedAt": world.clock.now_ms()})
    world.store.put(ATTACHMENT_KIND, attachment["id"], attachment, owner=seller_id)


def find(world: World, attachment_id: str) -> tuple[str, Json] | None:
    """(owner, attachment) or None."""
    doc = world.store.get_doc(ATTACHMENT_KIND, attachment_id)
    return (doc.owner, doc.data) if doc else None


def content_of(attachment: Json) -> bytes:
    return base64.b64decode(attachment["content"] or "")


def linkable(attachment: Json, by: str) -> bool:
    """Whether `by` (the author's role) may send this attachment with a new message: its own, uploaded, unsent."""
    return attachment["declaredBy"] == by and attachment["uploadedAt"] is not None and attachment["message"] is None


def link(world: World, seller_id: str, attachments: list[Json], message_id: str) -> None:
    """Sends the attachments with a message; the antivirus scan passes after `jobDelay`."""
    for attachment in attachments:
        attachment["message"] = message_id
        world.store.put(ATTACHMENT_KIND, attachment["id"], attachment, owner=seller_id)
    if attachments:
        world.schedule(SCAN_JOB, world.config.ms("jobDelay"), {"attachments": [a["id"] for a in attachments]},
                       owner=seller_id)


def delete(world: World, attachment_ids: list[str]) -> None:
    for attachment_id in attachment_ids:
        world.store.delete(ATTACHMENT_KIND, attachment_id)


def info(attachment: Json, download_base: str) -> Json:
    """`MessageAttachmentInfo`; `url` is `download_base/<id>`: for the seller this server's download operation (the
    vendor's points at its upload host, and is read through the same operation: staff in #8750)."""
    return {"fileName": attachment["fileName"], "mimeType": attachment["mimeType"],
            "url": f"{download_base}/{attachment['id']}", "status": attachment["status"]}


@runs(SCAN_JOB)
def scan(world: World, job: Job) -> None:
    """The scan passes (targ's files are the users' own); an attachment deleted with its message is skipped."""
    for attachment_id in job.payload["attachments"]:
        doc = world.store.get_doc(ATTACHMENT_KIND, str(attachment_id))
        if doc is None:
            continue
        doc.data["status"] = "SAFE"
        world.store.put(ATTACHMENT_KIND, doc.id, doc.data, owner=doc.owner)
