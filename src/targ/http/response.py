"""A finished HTTP response, ready for the ASGI layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from targ.http.media import content_type_header, is_json


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def encode(body: Any, media_type: str | None) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str) and not is_json(media_type):
        return body.encode()
    return orjson.dumps(body)


def build(status: int, body: Any, media_type: str | None, headers: dict[str, str] | None = None) -> Response:
    out = [(k.lower(), v) for k, v in (headers or {}).items()]
    data = encode(body, media_type)
    if media_type and (data or status not in (204, 304)):
        out.append(("content-type", content_type_header(media_type)))
    return Response(status, out, data)
