"""What the buyer's admin actions read from their JSON bodies (the message center, post-purchase issues): unknown
fields refused, files sent inline as base64. A refusal is the marketplace's 400 `bad_request`."""

from __future__ import annotations

import base64
import binascii

from targ.allegro.attachments import Formats
from targ.allegro.orders.model import MarketplaceRefusal
from targ.json_types import Json

ATTACHMENT_FIELDS = frozenset({"fileName", "mimeType", "content"})


def bad(message: str) -> MarketplaceRefusal:
    return MarketplaceRefusal(400, "bad_request", message)


def only(body: Json, allowed: frozenset[str], where: str = "the body") -> None:
    extra = sorted(set(body) - allowed)
    if extra:
        raise bad(f"unknown field {extra[0]!r} in {where}; allowed: {', '.join(sorted(allowed))}")


def files_given(body: Json, formats: Formats, max_bytes: int, max_name: int = 255) -> list[tuple[str, str, bytes]]:
    """(file name, media type, bytes) of `attachments: [{fileName, mimeType?, content (base64)}]`, within the
    seller's limits; `mimeType` defaults to the one the name's extension tells."""
    given = body.get("attachments")
    if given is None:
        return []
    if not isinstance(given, list):
        raise bad("attachments must be an array of {fileName, content}")
    out = []
    for i, item in enumerate(given):
        where = f"attachments[{i}]"
        if not isinstance(item, dict):
            raise bad(f"{where} must be an object {{fileName, content}}")
        only(item, ATTACHMENT_FIELDS, where)
        name, content, media_type = item.get("fileName"), item.get("content"), item.get("mimeType")
        if not isinstance(name, str) or not name.strip() or not isinstance(content, str):
            raise bad(f"{where} needs fileName and content (base64)")
        media_type = media_type if isinstance(media_type, str) and media_type else formats.media_type_for(name)
        if (len(name) > max_name or media_type is None or not formats.name_allowed(name)
                or not formats.upload_allowed(name, media_type)):
            raise bad(f"{where}: {', '.join(formats.media_types)} files only, a name of at most {max_name} "
                      "characters and a mimeType agreeing with it")
        try:
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise bad(f"{where}.content must be base64") from None
        if not data or len(data) > max_bytes:
            raise bad(f"{where}: a file of 1 to {max_bytes} bytes")
        out.append((name, media_type, data))
    return out
