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

from typing import TYPE_CHECKING

from targ.allegro.attachments import Attachments, Formats, content_of, linkable
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


FORMATS = Formats(MEDIA_TYPES)
FILES = Attachments(ATTACHMENT_KIND, {"status": "NEW"})
media_type_for, name_allowed, upload_allowed = FORMATS.media_type_for, FORMATS.name_allowed, FORMATS.upload_allowed
upload, find = FILES.upload, FILES.find
__all__ = ["ATTACHMENT_KIND", "MAX_BYTES", "content_of", "declare", "find", "link", "linkable", "media_type_for",
           "name_allowed", "upload", "upload_allowed"]


def declare(world: World, seller_id: str, file_name: str, size: int, *, by: str = "SELLER") -> Json:
    return FILES.declare(world, seller_id, file_name, size, by=by)


def link(world: World, seller_id: str, attachments: list[Json], message_id: str) -> None:
    """Sends the attachments with a message; the antivirus scan passes after `jobDelay`."""
    FILES.link(world, seller_id, attachments, message_id)
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
