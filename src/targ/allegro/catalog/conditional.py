"""Conditional GETs on reference data (`If-Modified-Since` → 304), as the spec describes for Allegro pickup points
and compatible products: "If data has been modified after specified date, full set of data is returned"."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from targ.allegro.errors import AllegroError
from targ.clock import parse_time
from targ.http.request import Reply, Request

HEADER = "If-Modified-Since"


def http_date(rfc3339: str) -> str:
    """The dataset's RFC 3339 time as an HTTP-date (`Mon, 15 Dec 2025 06:00:00 GMT`)."""
    return format_datetime(datetime.fromtimestamp(parse_time(rfc3339) / 1000, UTC), usegmt=True)


def not_modified(req: Request, modified_at: str) -> Reply | None:
    """A 304 when the client's copy (If-Modified-Since) is as new as the data, else None: answer in full.

    HTTP-dates have one-second resolution, so data changed within the header's second counts as not modified.
    A header that is not an HTTP-date is the client's error (400), as for any malformed header parameter.
    """
    header = req.headers.get(HEADER)
    if header is None:
        return None
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        since = None
    if since is None or since.tzinfo is None:
        raise AllegroError(400, "VALIDATION_ERROR", f"{HEADER} must be an HTTP-date, e.g. Sat, 01 Dec 2018 10:00:00 "
                           "GMT", path=HEADER, details="header parameter",
                           user_message="Nagłówek If-Modified-Since ma nieprawidłowy format.")
    if parse_time(modified_at) // 1000 > int(since.timestamp()):
        return None
    return Reply(None, status=304, headers=last_modified(modified_at))


def last_modified(modified_at: str) -> dict[str, str]:
    return {"last-modified": http_date(modified_at)}
