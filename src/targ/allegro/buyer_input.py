"""What the buyer's admin actions read from their JSON bodies (the message center, post-purchase issues): unknown
fields refused, files sent inline as base64. A refusal is the marketplace's 400 `bad_request`."""

from __future__ import annotations

import base64
import binascii
from typing import Any

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


def objects(value: Any, name: str, shape: str, allowed: frozenset[str],
            most: int | None = None) -> list[tuple[str, Json]]:
    """(where, item) of each object of the array `name` (at most `most`), each with only the `allowed` fields;
    `shape` shows them in a refusal (`{fileName, content}`)."""
    if not isinstance(value, list) or (most is not None and len(value) > most):
        raise bad(f"{name} must be an array of {'' if most is None else f'at most {most} '}{shape}")
    out = []
    for i, item in enumerate(value):
        where = f"{name}[{i}]"
        if not isinstance(item, dict):
            raise bad(f"{where} must be an object {shape}")
        only(item, allowed, where)
        out.append((where, item))
    return out


def files_given(body: Json, formats: Formats, max_bytes: int, max_name: int = 255) -> list[tuple[str, str, bytes]]:
    """(file name, media type, bytes) of `attachments: [{fileName, mimeType?, content (base64)}]`, within the
    seller's limits; `mimeType` defaults to the one the name's extension tells."""
    given = body.get("attachments")
    if given is None:
        return []
    out = []
    for where, item in objects(given, "attachments", "{fileName, content}", ATTACHMENT_FIELDS):
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
