"""Offer images: uploaded with `POST /sale/images` (the bytes, or an address targ downloads), served by targ's own
image host (static_host.py), removed at `expiresAt` unless an offer uses them; and the rule an offer's image
addresses follow.

An image is a doc of kind `offer_image`, id = its key `11xxxx/<28 hex>` (the vendor's address shape,
`https://a.allegroimg.com/original/11cbe1/992d78694655bb59feef684558ed`, #5680), owner = the uploading seller, with
`mimeType`, `width`, `height`, `size`, `content` (base64), `uploadedAt` and `expiresAt` (ms), and `used` (an offer
names it: it is kept for good). Its address is `<the uploader's host>/allegroimg/original/<key>`.

Offers (`check_offer`): an address on an image host — the vendor's (`*.allegroimg.com`, the sandbox's
`*.allegroimg.allegrosandbox.pl`) or targ's own — must be an image that exists there: an upload not yet expired, or
an image of the product catalogue; else 422 `OfferImagesNotFoundException` (#8989, #9843). Any other address is the
seller's own server, which the vendor downloads from when it processes the offer (#8179, #4346 staff); targ keeps
such an address as given and does not download it (docs/behaviour.md).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from targ.allegro.errors import AllegroError
from targ.allegro.offers import image_download, image_formats
from targ.allegro.offers.documents import OfferView
from targ.allegro.products.catalog import DEMO_PRODUCTS, image_url
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

IMAGE_KIND = "offer_image"
EXPIRY_JOB = "allegro.offer-image-expiry"
HOST_PATH = "/allegroimg"                 # targ's image host, below its own address
# "On Allegro, you can upload images with a maximum resolution of 26 Mpx" (#10090, #5813, #6392 staff).
MAX_PIXELS = 26_000_000
VENDOR_HOSTS = ("allegroimg.com", "allegroimg.allegrosandbox.pl")
_LOOPBACK = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def url_of(base_url: str, key: str) -> str:
    return f"{base_url}{HOST_PATH}/original/{key}"


def find(world: World, key: str) -> Json | None:
    doc = world.store.get_doc(IMAGE_KIND, key)
    return doc.data if doc is not None else None


def content_of(image: Json) -> bytes:
    return base64.b64decode(image["content"])


# --- upload ---------------------------------------------------------------------------------------------------------
def unsupported() -> AllegroError:
    """Not a JPEG, PNG or WEBP image (#4740 in English, #2031 in Polish: code "415 UNSUPPORTED_MEDIA_TYPE")."""
    return AllegroError(415, "415 UNSUPPORTED_MEDIA_TYPE", "415 Unsupported Media Type",
                        user_key="offermedia.image_type")


def store(world: World, seller_id: str, data: bytes) -> Json:
    """A new image of the seller's, expiring after `offerImageTtl`; the vendor's error for a file it would refuse."""
    info = image_formats.sniff(data)
    if info is None:
        raise unsupported()
    if info.pixels > MAX_PIXELS:
        # The vendor's text (#10090); status and code decided (the spec's 422 "problem with image server").
        raise AllegroError(422, "VALIDATION_ERROR", "Image pixel count is too high.",
                           user_key="offermedia.pixel_count")
    digits = world.ids.hex(IMAGE_KIND, 32)
    key = f"11{digits[:4]}/{digits[4:]}"
    now, ttl = world.clock.now_ms(), world.config.ms("offerImageTtl")
    image: Json = {"key": key, "mimeType": info.media_type, "width": info.width, "height": info.height,
                   "size": len(data), "content": base64.b64encode(data).decode(), "uploadedAt": now,
                   "expiresAt": now + ttl, "used": False}
    world.store.put(IMAGE_KIND, key, image, owner=seller_id)
    world.schedule(EXPIRY_JOB, ttl, {"key": key}, owner=seller_id)
    return image


def fetch(world: World, url: str, base_url: str) -> bytes:
    """The image at `url`, as the vendor downloads it: an address on targ's own host is read from the store (an
    unknown one answers 404 there), any other one is downloaded (image_download)."""
    if not _on_own_host(url, base_url):
        return image_download.download(url)
    key = _key(urlsplit(url).path, HOST_PATH + "/")
    image = find(world, key) if key else None
    if image is None:
        raise image_download.download_failed(url, 404, "")
    return content_of(image)


@runs(EXPIRY_JOB)
def _expire(world: World, job: Job) -> None:
    """`expiresAt` has come: "We will remove it unless you use it in your offer" (the spec)."""
    doc = world.store.get_doc(IMAGE_KIND, str(job.payload["key"]))
    if doc is not None and not doc.data["used"]:
        world.store.delete(IMAGE_KIND, doc.id)


# --- addresses ------------------------------------------------------------------------------------------------------
def _on_own_host(url: str, base_url: str) -> bool:
    """Whether `url` points at this server: its host and port, or a loopback name with its port (the same server
    reached as `localhost` rather than `127.0.0.1`, which it must not download from: it answers one request at a
    time)."""
    try:
        parts, own = urlsplit(url), urlsplit(base_url)
        if parts.netloc.lower() == own.netloc.lower():
            return True
        return parts.hostname in _LOOPBACK and own.hostname in _LOOPBACK and parts.port == own.port
    except ValueError:
        return False


def _on_vendor_host(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return any(host == h or host.endswith("." + h) for h in VENDOR_HOSTS)


def _key(path: str, prefix: str) -> str | None:
    """`<dir>/<hash>`, the last two segments of an image path below `prefix`."""
    if not path.startswith(prefix):
        return None
    segments = path.split("/")
    return "/".join(segments[-2:]) if len(segments) >= 4 and all(segments[-2:]) else None


@lru_cache(maxsize=8)
def catalogue_images(seed: int) -> frozenset[str]:
    """The addresses of the product catalogue's images (products/catalog.py): images on the vendor's host."""
    return frozenset(image_url(seed, index, n) for index in range(len(DEMO_PRODUCTS)) for n in (1, 2))


# --- offers ---------------------------------------------------------------------------------------------------------
def image_addresses(offer: OfferView) -> Iterator[tuple[str, str]]:
    """(path, address) of every image the offer names: its gallery and the description's IMAGE items."""
    for i, url in enumerate(offer.get("images") or ()):
        yield f"images[{i}]", str(url)
    for s, section in enumerate((offer.get("description") or {}).get("sections") or ()):
        for j, item in enumerate(section.get("items") or ()):
            if item.get("type") == "IMAGE" and item.get("url"):
                yield f"description.sections[{s}].items[{j}].url", str(item["url"])


def image_not_found(path: str) -> AllegroError:
    # The vendor's code, details and texts (#8989, #9843); the vendor leaves `path` null (it dropped the address from
    # the message "for security reasons", #1946), targ names the field.
    return AllegroError(422, "OfferImagesNotFoundException", "Invalid image address.", path=path,
                        details="OfferImagesNotFoundException", user_key="offermedia.image_not_found")


def check_offer(world: World, offer: OfferView, before: OfferView | None, base_url: str) -> list[str]:
    """Checks every image address of `offer` (being created, or edited from `before`); returns the keys of the
    uploads it uses. Addresses the offer already had stay valid (the vendor keeps an offer's images)."""
    kept = {url for _, url in image_addresses(before)} if before is not None else set()
    catalogue = catalogue_images(world.seed)
    used: list[str] = []
    for path, url in image_addresses(offer):
        own, vendor = _on_own_host(url, base_url), _on_vendor_host(url)
        if not (own or vendor):
            continue
        key = _key(urlsplit(url).path, HOST_PATH + "/" if own else "/")
        if key is not None and find(world, key) is not None:
            used.append(key)
        elif url not in kept and url not in catalogue:
            raise image_not_found(path)
    return used


def mark_used(world: World, keys: list[str]) -> None:
    """The uploads an offer names are kept from now on (the spec: removed "unless you use it in your offer")."""
    for key in dict.fromkeys(keys):
        doc = world.store.get_doc(IMAGE_KIND, key)
        if doc is not None and not doc.data["used"]:
            world.store.put(IMAGE_KIND, key, {**doc.data, "used": True}, owner=doc.owner)
