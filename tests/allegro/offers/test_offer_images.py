"""`POST /sale/images`: an image uploaded as bytes or by address, served byte for byte by targ's own image host until
`expiresAt` on the virtual clock, kept for good once an offer uses it; the vendor's refusals; offers that name images
(known ones only on an image host)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from media_helpers import (
    errors,
    picture,
    png_header,
    upload_bytes,
    upload_url,
    uploaded,
    web_server,
)
from offers_helpers import NewSeller, create, offer, seller_body, send

from targ.allegro.offers import image_download
from targ.testing import TargServer


def _later(now: str, hours: int) -> str:
    moment = datetime.fromisoformat(now.replace("Z", "+00:00")) + timedelta(hours=hours)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _total_offers(client: httpx.Client) -> int:
    return int(client.get("/sale/offers").json()["totalCount"])


@pytest.mark.parametrize(("fmt", "media_type"), [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")])
def test_binary_upload_is_served_byte_for_byte_until_it_expires(targ: TargServer, allegro: httpx.Client,
                                                                http: httpx.Client, fmt: str, media_type: str) -> None:
    data = picture(fmt)
    resp = upload_bytes(allegro, data, media_type)
    assert resp.status_code == 201, resp.text
    answer = resp.json()
    assert set(answer) == {"location", "expiresAt"} and "x-targ-backing" not in resp.headers
    assert answer["location"].startswith(f"{targ.url}/allegroimg/original/11")
    # The vendor's 6 hours (allegro-api #341, #2633 staff), on the virtual clock.
    assert answer["expiresAt"] == _later(targ.clock.now(), 6)
    served = http.get(answer["location"].removeprefix(targ.url))
    assert served.status_code == 200 and served.content == data and served.headers["content-type"] == media_type
    assert http.head(answer["location"]).headers["content-length"] == str(len(data))
    targ.clock.advance("PT5H59M")
    assert http.get(answer["location"]).content == data
    targ.clock.advance("PT1M")
    gone = http.get(answer["location"])
    assert (gone.status_code, gone.text) == (404, "Object not found")


def test_two_uploads_of_the_same_file_get_two_addresses(allegro: httpx.Client) -> None:
    data = picture("PNG")
    assert uploaded(allegro, data) != uploaded(allegro, data)


def test_upload_by_address_downloads_the_image(targ: TargServer, allegro: httpx.Client, http: httpx.Client) -> None:
    jpeg = picture("JPEG", color=(1, 2, 3))
    with web_server({"/zdjecia/kubek.jpg": (200, "image/jpeg", jpeg)}) as site:
        resp = upload_url(allegro, f"{site}/zdjecia/kubek.jpg")
    assert resp.status_code == 201, resp.text
    assert resp.json()["expiresAt"] == _later(targ.clock.now(), 6)
    served = http.get(resp.json()["location"])
    assert served.content == jpeg and served.headers["content-type"] == "image/jpeg"


def test_upload_by_address_of_an_image_on_targs_own_host(allegro: httpx.Client, http: httpx.Client) -> None:
    data = picture("WEBP")
    first = uploaded(allegro, data)
    again = upload_url(allegro, first)
    assert again.status_code == 201, again.text
    assert again.json()["location"] != first and http.get(again.json()["location"]).content == data
    unknown = first.rsplit("/", 1)[0] + "/" + "0" * 28
    missing = upload_url(allegro, unknown)
    assert missing.status_code == 422
    assert errors(missing) == [{
        "code": "DownloadError.NotFound", "details": None, "path": None, "metadata": {},
        "message": f"Downloading image from URL '{unknown}' failed. Server returned the following HTTP status code: "
                   "404 NOT_FOUND and response body: ''.",
        "userMessage": f"Downloading image from URL '{unknown}' failed. Server returned the following HTTP status "
                       "code: 404 NOT_FOUND and response body: ''."}]


def test_download_failures_as_the_vendor_reports_them(allegro: httpx.Client) -> None:
    files = {"/forbidden.jpg": (403, "text/plain", b""), "/strona.html": (200, "text/html", b"<html></html>")}
    with web_server(files) as site:
        forbidden = upload_url(allegro, f"{site}/forbidden.jpg")
        missing = upload_url(allegro, f"{site}/nie-ma.jpg")
        page = upload_url(allegro, f"{site}/strona.html")
    # allegro-api #7171 (403), #8474 (404): the status and body in an English userMessage whatever the language.
    assert forbidden.status_code == 422 and errors(forbidden)[0]["code"] == "DownloadError.Forbidden"
    assert errors(forbidden)[0]["userMessage"] == (
        f"Downloading image from URL '{site}/forbidden.jpg' failed. Server returned the following HTTP status code: "
        "403 FORBIDDEN and response body: ''.")
    assert missing.status_code == 422 and errors(missing)[0]["code"] == "DownloadError.NotFound"
    # A page that is not an image (#4740).
    assert page.status_code == 415 and errors(page)[0]["code"] == "415 UNSUPPORTED_MEDIA_TYPE"
    # No such host: nothing answers, as when the vendor cannot connect (#12542).
    nowhere = upload_url(allegro, "https://zdjecia.sklep.invalid/kubek.jpg")
    assert nowhere.status_code == 422 and errors(nowhere)[0]["code"] == "DownloadError.BadGateway"
    assert "502 BAD_GATEWAY" in errors(nowhere)[0]["message"]


def test_a_download_that_takes_too_long_or_is_too_big(allegro: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """The vendor's time limit (#5813) and its downloader's size limit, made small here (the server runs in this
    process): the request waits for the download, so a test cannot wait for the real limits."""
    monkeypatch.setattr(image_download, "TIMEOUT_S", 0.2)
    monkeypatch.setattr(image_download, "MAX_BYTES", 1000)
    hold = threading.Event()
    with web_server({"/slow": (200, "image/png", picture("PNG")), "/big.png": (200, "image/png", picture("PNG"))},
                    hold) as site:
        slow = upload_url(allegro, f"{site}/slow")
        hold.set()
        big = upload_url(allegro, f"{site}/big.png")
    assert slow.status_code == 422
    assert errors(slow)[0]["code"] == "UploadImageRequestTimeoutException"
    assert errors(slow)[0]["message"] == (f"The time limit for downloading an image from the address {site}/slow "
                                          "has been exceeded.")
    assert len(picture("PNG")) > 1000 and big.status_code == 413


def test_targs_own_address_under_another_loopback_name_is_not_downloaded(targ: TargServer,
                                                                         allegro: httpx.Client) -> None:
    """`localhost` for `127.0.0.1`: the same server, read from the store (it answers one request at a time, so a
    download from itself could only time out)."""
    data = picture("PNG")
    location = uploaded(allegro, data)
    port = targ.url.rsplit(":", 1)[1]
    alias = location.replace(f"127.0.0.1:{port}", f"localhost:{port}")
    assert alias != location
    again = upload_url(allegro, alias)
    assert again.status_code == 201, again.text
    assert httpx.get(again.json()["location"]).content == data


@pytest.mark.parametrize("url", ["http://37.187.138.146/foto/kubek.jpg", "ftp://sklep.pl/kubek.jpg", "kubek.jpg",
                                 "http://[::1]:8080/kubek.jpg"])
def test_an_address_that_is_not_http_with_a_domain_name_is_refused(allegro: httpx.Client, url: str) -> None:
    resp = upload_url(allegro, url)
    assert resp.status_code == 422
    # The vendor's words, spacing included (allegro-api #2940).
    assert errors(resp) == [{"code": "DownloadInvalidUrl", "message": f"Invalid URL  '{url}'.", "details": None,
                             "path": None, "userMessage": f"Niepoprawny  adres URL:  '{url}'.", "metadata": {}}]


def test_missing_address_is_a_validation_error(allegro: httpx.Client) -> None:
    resp = allegro.post("/sale/images", json={}, headers={"Content-Type": "application/vnd.allegro.public.v1+json"})
    assert resp.status_code == 422 and errors(resp)[0]["path"] == "url"


def test_files_the_vendor_refuses(allegro: httpx.Client) -> None:
    gif = upload_bytes(allegro, picture("GIF"), "image/gif")
    assert gif.status_code == 415 and errors(gif)[0]["code"] == "NotSupportedException"   # not a declared type
    for data, media_type in ((picture("GIF"), "image/png"), (b"%PDF-1.4 not an image", "image/jpeg"),
                             (b"\x89PNG\r\n\x1a\n", "image/png")):
        resp = upload_bytes(allegro, data, media_type, **{"Accept-Language": "en-US"})
        assert resp.status_code == 415, resp.text
        assert errors(resp)[0] == {
            "code": "415 UNSUPPORTED_MEDIA_TYPE", "message": "415 Unsupported Media Type", "details": None,
            "path": None, "userMessage": "Unallowed image type.", "metadata": {}}
    empty = upload_bytes(allegro, b"", "image/png")      # the operation requires a body (the edge's check)
    assert empty.status_code == 422 and errors(empty)[0]["message"] == "request body is required"
    polish = upload_bytes(allegro, b"GIF89a", "image/png")
    assert errors(polish)[0]["userMessage"] == "Niedozwolony typ zdjęcia."
    # Over 26 Mpx (#10090): read from the header, as a decoder starts.
    huge = upload_bytes(allegro, png_header(6000, 5000), "image/png", **{"Accept-Language": "en-US"})
    assert huge.status_code == 422 and errors(huge)[0]["userMessage"] == "Image pixel count is too high."
    assert upload_bytes(allegro, png_header(5200, 5000), "image/png").status_code == 201
    too_big = upload_bytes(allegro, b"\xff" * (10 * 1024 * 1024 + 1), "image/jpeg")
    assert too_big.status_code == 413


def test_another_sellers_upload_is_served_and_usable(targ: TargServer, allegro: httpx.Client,
                                                    seller: NewSeller) -> None:
    """Images on the vendor's host are public addresses: any seller's offer may show one (*decided*)."""
    _, other = seller("inny-sprzedawca")
    location = uploaded(other)
    made = create(allegro, seller_body(images=[location]))
    assert made["images"] == [location]


def test_an_offer_keeps_its_uploaded_images(targ: TargServer, allegro: httpx.Client, http: httpx.Client) -> None:
    first, second = uploaded(allegro, picture("PNG")), uploaded(allegro, picture("JPEG"))
    made = create(allegro, seller_body(images=[first, second], description={"sections": [{"items": [
        {"type": "IMAGE", "url": second}]}]}))
    assert made["images"] == [first, second]
    assert offer(allegro, made["id"])["images"] == [first, second]
    targ.clock.advance("PT7H")                    # past expiresAt (the token lives 12 h)
    assert http.get(first).status_code == 200 and http.get(second).status_code == 200
    # And so does a later edit that leaves them as they are.
    edited = send(allegro, "PATCH", f"/sale/product-offers/{made['id']}", {"name": "Apple iPhone 15 czarny nowy"})
    assert edited.status_code == 200, edited.text


def test_an_offer_with_unknown_images_is_refused_and_nothing_changes(targ: TargServer, allegro: httpx.Client) -> None:
    good = uploaded(allegro)
    before = _total_offers(allegro)
    unknown_here = good.rsplit("/", 1)[0] + "/" + "f" * 28
    for images, path in (([good, unknown_here], "images[1]"),
                         (["https://a.allegroimg.com/original/11f058/80c87fa34613829dadf9ee5f8980"], "images[0]"),
                         (["https://a.allegroimg.allegrosandbox.pl/original/1156fc/80afc6b744599643bb796d23ed62"],
                          "images[0]")):
        resp = send(allegro, "POST", "/sale/product-offers", seller_body(images=images))
        assert resp.status_code == 422, resp.text
        # The vendor's answer (#8989, #9843), the field named.
        assert errors(resp) == [{"code": "OfferImagesNotFoundException", "message": "Invalid image address.",
                                 "details": "OfferImagesNotFoundException", "path": path,
                                 "userMessage": "Podany adres obrazka jest nieprawidłowy.", "metadata": {}}]
    in_description = send(allegro, "POST", "/sale/product-offers", seller_body(description={"sections": [
        {"items": [{"type": "IMAGE", "url": unknown_here}]}]}))
    assert errors(in_description)[0]["path"] == "description.sections[0].items[0].url"
    assert _total_offers(allegro) == before
    # The upload the refused offer named is still not used by any offer: it expires.
    targ.clock.advance("PT6H")
    assert httpx.get(good).status_code == 404


def test_an_edit_naming_an_expired_upload_is_refused(targ: TargServer, allegro: httpx.Client) -> None:
    made = create(allegro, seller_body())
    late = uploaded(allegro)
    targ.clock.advance("PT6H")
    resp = send(allegro, "PATCH", f"/sale/product-offers/{made['id']}", {"images": [late]})
    assert resp.status_code == 422 and errors(resp)[0]["code"] == "OfferImagesNotFoundException"
    assert offer(allegro, made["id"]) == made


def test_catalogue_images_and_the_sellers_own_server(allegro: httpx.Client, demo: dict[str, Any]) -> None:
    product = allegro.get(f"/sale/products/{demo['offers'][1]['productId']}").json()
    catalogue = [i["url"] for i in product["images"]]
    assert catalogue[0].startswith("https://a.allegroimg.com/original/")
    # Another product's catalogue image is on the vendor's host and exists there.
    made = create(allegro, seller_body(images=catalogue[:1]))
    assert made["images"] == catalogue[:1]
    # An address on the seller's own server: the vendor downloads it when processing the offer; targ keeps it as given.
    own = create(allegro, seller_body(images=["https://sklep.example.com/zdjecia/iphone.jpg"]))
    assert own["images"] == ["https://sklep.example.com/zdjecia/iphone.jpg"]


def test_english_user_message(allegro: httpx.Client) -> None:
    resp = send(allegro, "POST", "/sale/product-offers",
                seller_body(images=["https://a.allegroimg.com/original/11f058/80c87fa34613829dadf9ee5f8980"]))
    assert errors(resp)[0]["userMessage"] == "Podany adres obrazka jest nieprawidłowy."
    english = allegro.post("/sale/product-offers", json=seller_body(
        images=["https://a.allegroimg.com/original/11f058/80c87fa34613829dadf9ee5f8980"]),
        headers={"Content-Type": "application/vnd.allegro.public.v1+json", "Accept-Language": "en-US"})
    assert errors(english)[0]["userMessage"] == "Invalid image address."


def test_the_image_host_answers_only_its_files(allegro: httpx.Client, http: httpx.Client) -> None:
    location = uploaded(allegro)
    assert http.post(location, content=b"x").status_code == 405
    assert http.post(location, content=b"x").headers["allow"] == "GET, HEAD"
    for path in ("/allegroimg/original/11abcd", "/allegroimg/s512/11abcd/" + "0" * 28, "/allegroimg/"):
        resp = http.get(path)
        assert (resp.status_code, resp.text) == (404, "Object not found")
        assert resp.headers["content-type"].startswith("text/plain")
