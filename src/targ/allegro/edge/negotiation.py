"""Allegro's media types: `Accept` must name one of the operation's types (the vendor honours no wildcards, 406
otherwise), and `Content-Type` one of its request types (415). Both answers depend only on the operation and the
header's text, and clients send the same few: remembered."""

from __future__ import annotations

from targ.allegro.edge.errors import AllegroErrors
from targ.cache import Cache
from targ.http.media import ALLEGRO_PUBLIC, essence, pick
from targ.http.request import Request
from targ.spec.bundle import Operation

_REFUSED = "\x00refused"   # remembered refusals (no media type is spelled like this)


class AllegroNegotiation:
    def __init__(self, errors: AllegroErrors) -> None:
        self.errors = errors
        self._accepts: Cache[tuple[str, str | None], str | None] = Cache("allegro.accept")
        self._content_types: Cache[tuple[str, str | None, bool], str | None] = Cache("allegro.content-type")

    def accept(self, req: Request, op: Operation) -> str | None:
        header = req.headers.get("accept")
        found = self._accepts.get((op.operation_id, header), lambda: _accept(op, header))
        if found == _REFUSED:
            raise self.errors.not_acceptable(req)
        return found

    def content_type(self, req: Request, op: Operation) -> str | None:
        if op.request_body is None:
            return None
        header, empty = req.headers.get("content-type"), not req.raw_body
        found = self._content_types.get((op.operation_id, header, empty), lambda: _content_type(op, header, empty))
        if found == _REFUSED:
            raise self.errors.unsupported_media_type(req)
        return found


def _accept(op: Operation, header: str | None) -> str | None:
    offered = op.response_media_types(op.success_status)
    if not offered:
        # A success without a body still needs the resource's vendor type in Accept (the request body's type, else
        # the public one), as the vendor answers 406 to `application/json` everywhere.
        if not any(op.response_media_types(status) for status in op.responses):
            return None
        family = {mt for mt in op.request_media_types() if mt.startswith("application/vnd.allegro.")}
        offered = sorted(family or {ALLEGRO_PUBLIC})
        return None if pick(header, offered, wildcards=False) is not None else _REFUSED
    chosen = pick(header, offered, wildcards="*/*" in offered)
    return _REFUSED if chosen is None else chosen


def _content_type(op: Operation, header: str | None, empty: bool) -> str | None:
    sent = essence(header)
    if empty and not (op.request_body or {}).get("required"):
        return sent or None
    for mt in op.request_media_types():
        if mt.lower() == sent or mt == "*/*":
            return mt
    return _REFUSED
