"""CSV uploads (`POST /v1/customers/importCSV`, `/v1/products/importCSV`, `/v1/skus/importCSV`): the `file` part of a
`multipart/form-data` body, read as CSV rows.

The edge hands multipart bodies to handlers as raw bytes. The vendor's answer to a body without a `file` part
(also: no body, another content type) is its documented 400 "Payload should have required property 'file'". The
file is UTF-8 (a byte-order mark is skipped); the first line holds the headers; blank lines are skipped.
"""

from __future__ import annotations

import csv
import io
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING

from targ.voucherify.common import invalid_payload

if TYPE_CHECKING:
    from targ.http.request import Request

NO_FILE = "Payload should have required property 'file'"


def uploaded_file(req: Request) -> bytes:
    """The `file` part's bytes, or the vendor's 400."""
    content_type = req.headers.get("content-type") or ""
    raw = req.raw_body if isinstance(req.raw_body, bytes) else b""
    if not content_type.lower().startswith("multipart/form-data") or not raw.strip():
        raise invalid_payload(NO_FILE)
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\nMIME-Version: 1.0\r\n\r\n" + raw)
    if not message.is_multipart():
        raise invalid_payload(NO_FILE)
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else b""
    raise invalid_payload(NO_FILE)


def csv_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of a CSV file; a file that is not UTF-8 text is the vendor's 400."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise invalid_payload("Property .file must be a CSV file encoded in UTF-8") from None
    lines = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not lines:
        return [], []
    return [h.strip() for h in lines[0]], lines[1:]


def row_dict(headers: list[str], row: list[str]) -> dict[str, str]:
    """A row by header; missing trailing cells are empty, cells past the headers are ignored."""
    return {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(headers) if h}
