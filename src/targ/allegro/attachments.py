"""Files a seller or a buyer declares, uploads once and sends with one message, downloaded byte for byte: the
message center's and the post-purchase issues' attachments (targ.allegro.messaging.files, targ.allegro.issues.files
give each its kind, formats and limits); offer attachments (targ.allegro.offers.attachments) are declared and
uploaded the same way and then named by offers.

A file is a document of its kind, id = the attachment id (a UUID), owner = the seller whose messages hold it, with
`fileName`, `size` (as declared; None where nothing is declared), `declaredBy` (`SELLER` | `BUYER`), `mimeType`,
`content` (base64) and `uploadedAt` (ms) once uploaded, and `message` (the message it was sent with, or None).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroError
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World


@dataclass(frozen=True)
class Formats:
    """File extension → the media type its upload must carry."""

    media_types: Mapping[str, str]

    def media_type_for(self, file_name: str) -> str | None:
        """The media type a file of this name must be uploaded in; None for a name without a known extension."""
        _, dot, ext = file_name.rpartition(".")
        return self.media_types.get(ext.lower()) if dot else None

    def name_allowed(self, file_name: str) -> bool:
        """One of the formats by extension, or a name without an extension (its upload's media type tells)."""
        return "." not in file_name or self.media_type_for(file_name) is not None

    def upload_allowed(self, file_name: str, media_type: str) -> bool:
        """The upload is one of the formats, and the declared file's if its name tells it."""
        wanted = self.media_type_for(file_name)
        return media_type in self.media_types.values() and (wanted is None or wanted == media_type)


@dataclass(frozen=True)
class Attachments:
    kind: str
    starts_with: Mapping[str, Any] = field(default_factory=dict)   # more fields of a new declaration

    def declare(self, world: World, seller: str, file_name: str, size: int | None, *, by: str,
                extra: Mapping[str, Any] | None = None) -> Json:
        """A new declared file; `size` None where the vendor takes no declared size (offer attachments), `extra`
        the declaration's own fields (an offer attachment's type)."""
        attachment: Json = {"id": world.ids.uuid(self.kind), "fileName": file_name, "size": size, "declaredBy": by,
                            "mimeType": None, "content": None, "uploadedAt": None, "message": None,
                            **self.starts_with, **(extra or {})}
        world.store.put(self.kind, attachment["id"], attachment, owner=seller)
        return attachment

    def upload(self, world: World, seller: str, attachment: Json, media_type: str, content: bytes) -> None:
        attachment.update({"mimeType": media_type, "content": base64.b64encode(content).decode(),
                           "uploadedAt": world.clock.now_ms()})
        world.store.put(self.kind, attachment["id"], attachment, owner=seller)

    def find(self, world: World, attachment_id: str) -> tuple[str, Json] | None:
        """(owner, attachment) or None."""
        doc = world.store.get_doc(self.kind, attachment_id)
        return (doc.owner, doc.data) if doc else None

    def upload_checked(self, world: World, seller: str, attachment: Json, content_type: str | None, content: bytes,
                       *, formats: Formats, max_bytes: int, unsupported: Callable[[str], Exception],
                       too_large: Callable[[int, int], Exception]) -> None:
        """The seller's upload of a declared file: in one of the formats (the declared file's, if its name tells
        it), at most what was declared (if a size was) and `max_bytes`; each refusal is the area's own error."""
        media_type = (content_type or "").split(";")[0].strip().lower()
        if not formats.upload_allowed(attachment["fileName"], media_type):
            raise unsupported(f"{media_type} for {attachment['fileName']}")
        limit = max_bytes if attachment["size"] is None else min(max_bytes, int(attachment["size"]))
        if len(content) > limit:
            raise too_large(len(content), limit)
        self.upload(world, seller, attachment, media_type, content)

    def link(self, world: World, seller: str, attachments: list[Json], message_id: str) -> None:
        """Sends the attachments with a message."""
        for attachment in attachments:
            attachment["message"] = message_id
            world.store.put(self.kind, attachment["id"], attachment, owner=seller)


@dataclass(frozen=True)
class UploadRefusals:
    """An area's answers to a file in the wrong format or over the limit: the same statuses (415, 413), the
    area's own codes and wording, its message keys under `area`."""

    area: str
    unsupported_code: str
    unsupported_text: str
    too_large_code: str
    too_large_text: str

    def unsupported_type(self, what: str) -> AllegroError:
        return AllegroError(415, self.unsupported_code, f"{self.unsupported_text}: {what}",
                            user_key=f"{self.area}.unsupported_type")

    def too_large(self, size: int, limit: int) -> AllegroError:
        return AllegroError(413, self.too_large_code, f"{self.too_large_text}: {size} bytes, at most {limit}",
                            user_key=f"{self.area}.too_large")


def content_of(attachment: Json) -> bytes:
    return base64.b64decode(attachment["content"] or "")


def linkable(attachment: Json, by: str) -> bool:
    """Whether `by` (the author's role) may send the attachment with a new message: its own, uploaded, unsent."""
    return attachment["declaredBy"] == by and attachment["uploadedAt"] is not None and attachment["message"] is None
