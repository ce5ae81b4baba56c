"""Downloading an image the seller names by URL (`POST /sale/images` with `{"url"}`), as the vendor's downloader does:
an HTTP GET of the address, and the vendor's errors when it fails.

targ has no special access to the internet: an address it cannot reach fails as one the vendor cannot reach
(`DownloadError.BadGateway`, #12542). The request waits for the download (the server answers one request at a time),
at most `TIMEOUT_S`. Addresses on targ's own image host never get here: images.py reads those from the store.
"""

from __future__ import annotations

import ipaddress
from http import HTTPStatus
from urllib.parse import urlsplit

from targ.allegro.errors import AllegroError

# The vendor's downloader asks for at most 26 214 400 bytes (its own request, quoted in #9304: `max_size=26214400`;
# staff in #6392, #5813: "waga nie może przekroczyć 26,2 MB").
MAX_BYTES = 26_214_400
# How long targ waits for the image (the vendor has a limit too, #5813: UploadImageRequestTimeoutException; its value
# is not published).
TIMEOUT_S = 5.0
# The vendor's downloader's name, as sellers saw it in their server logs (#10486).
USER_AGENT = "Allegro-ImageDownloader/1.0"
_BODY_SHOWN = 1000          # how much of a failed answer's body the error quotes


def invalid_url(url: str) -> AllegroError:
    """`DownloadInvalidUrl` (#2940): not an http(s) address with a domain name (the spec: "It has to contain domain
    name, not an IP address. Currently we support http and https protocols")."""
    return AllegroError(422, "DownloadInvalidUrl", f"Invalid URL  '{url}'.", user_key="offermedia.invalid_url",
                        user_params={"url": url})


def download_failed(url: str, status: int, body: str) -> AllegroError:
    """`DownloadError.<Status>` with the answer's status and body, its userMessage the same English text in every
    language (#7171, #8474, #10655, #12542)."""
    try:
        name = HTTPStatus(status).name
    except ValueError:
        name = "UNKNOWN"
    code = "DownloadError." + "".join(word.capitalize() for word in name.split("_"))
    text = (f"Downloading image from URL '{url}' failed. Server returned the following HTTP status code: "
            f"{status} {name} and response body: '{body}'.")
    return AllegroError(422, code, text, user_message=text)


def timed_out(url: str) -> AllegroError:
    text = f"The time limit for downloading an image from the address {url} has been exceeded."   # #5813
    return AllegroError(422, "UploadImageRequestTimeoutException", text, user_message=text)


def too_big() -> AllegroError:
    """The spec's 413 "Image is too big" (the code is the one targ's edge gives any oversized body)."""
    return AllegroError(413, "PayloadTooLargeException", "Image is too big.", user_key="offermedia.image_too_big")


def checked_url(url: str) -> str:
    """The address if the vendor would try it; else `invalid_url`."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise invalid_url(url) from None
    if parts.scheme not in ("http", "https") or not host or _is_ip(host):
        raise invalid_url(url)
    return url


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def download(url: str) -> bytes:
    """The bytes at `url` (checked first), or the vendor's error for what went wrong."""
    # Imported here: urllib.request brings http.client and ssl, which nothing else needs at start-up.
    import urllib.error
    import urllib.request

    checked_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "image/*"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
            data: bytes = answer.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        body = exc.read(_BODY_SHOWN).decode("utf-8", "replace")
        raise download_failed(url, exc.code, body) from None
    except TimeoutError:
        raise timed_out(url) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise timed_out(url) from None
        # Nothing answered (no such host, connection refused): what the vendor's downloader reports then (#12542).
        raise download_failed(url, 502, "") from None
    except (OSError, ValueError):
        raise download_failed(url, 502, "") from None
    if len(data) > MAX_BYTES:
        raise too_big()
    return data
