"""Helpers of the offer image and attachment tests: real image files (made with Pillow), uploads, a small web server
standing for a seller's own image server, and error bodies."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from PIL import Image

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def picture(fmt: str = "PNG", size: tuple[int, int] = (640, 480), color: tuple[int, int, int] = (200, 30, 40)) -> bytes:
    """A real image file in `fmt` (JPEG, PNG, WEBP, GIF), as a camera or an editor would write it."""
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG (signature and IHDR) declaring a picture of this size: what a decoder reads first."""
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + len(ihdr).to_bytes(4, "big") + b"IHDR" + ihdr + b"\x00" * 4


def upload_bytes(client: httpx.Client, data: bytes, content_type: str, **headers: str) -> httpx.Response:
    return client.post("/sale/images", content=data, headers={"Content-Type": content_type, **headers})


def upload_url(client: httpx.Client, url: str, **headers: str) -> httpx.Response:
    return client.post("/sale/images", json={"url": url}, headers={"Content-Type": ALLEGRO_JSON, **headers})


def uploaded(client: httpx.Client, data: bytes | None = None) -> str:
    """The address of a newly uploaded PNG."""
    resp = upload_bytes(client, data or picture(), "image/png")
    assert resp.status_code == 201, resp.text
    return str(resp.json()["location"])


def errors(resp: httpx.Response) -> list[dict[str, Any]]:
    return list(resp.json()["errors"])


def declare(client: httpx.Client, attachment_type: str, name: str) -> httpx.Response:
    return client.post("/sale/offer-attachments", json={"type": attachment_type, "file": {"name": name}},
                       headers={"Content-Type": ALLEGRO_JSON})


def put_file(client: httpx.Client, attachment_id: str, data: bytes, content_type: str) -> httpx.Response:
    return client.put(f"/sale/offer-attachments/{attachment_id}", content=data, headers={"Content-Type": content_type})


def attachment(client: httpx.Client, attachment_type: str = "MANUAL", name: str = "instrukcja.pdf",
               data: bytes = PDF, content_type: str = "application/pdf") -> str:
    """A declared and uploaded attachment's id."""
    declared = declare(client, attachment_type, name)
    assert declared.status_code == 201, declared.text
    done = put_file(client, declared.json()["id"], data, content_type)
    assert done.status_code == 200, done.text
    return str(declared.json()["id"])


@contextmanager
def web_server(files: dict[str, tuple[int, str, bytes]], hold: threading.Event | None = None) -> Iterator[str]:
    """A seller's own web server on `localhost` (a domain name, as the vendor requires), answering `files` by path:
    (status, content type, body). With `hold`, `/slow` answers only once it is set (or after 5 s). Yields its base
    address."""

    class Files(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow" and hold is not None:
                hold.wait(5)
            status, content_type, body = files.get(self.path, (404, "text/plain", b""))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("localhost", 0), Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        if hold is not None:
            hold.set()
        server.shutdown()
        server.server_close()
