"""A finished HTTP response, ready for the ASGI layer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson

from targ.http.media import content_type_header, is_json


@dataclass(slots=True)
class Response:
    status: int
    headers: list[tuple[bytes, bytes]]   # lower-case names, encoded as the ASGI server sends them
    body: bytes = b""


def encode(body: Any, media_type: str | None) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str) and not is_json(media_type):
        return body.encode()
    return orjson.dumps(body)


@lru_cache(maxsize=256)
def _content_type(media_type: str) -> tuple[bytes, bytes]:
    return b"content-type", content_type_header(media_type).encode("latin-1")


def build(status: int, body: Any, media_type: str | None, headers: dict[str, str] | None = None) -> Response:
    out = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()] if headers else []
    data = encode(body, media_type)
    if media_type and (data or status not in (204, 304)):
        out.append(_content_type(media_type))
    return Response(status, out, data)
