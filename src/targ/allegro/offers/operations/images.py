"""`POST /sale/images`: an image uploaded as its bytes (`image/jpeg`, `image/png`, `image/webp`) or named by address
(`{"url"}`), answered 201 `{location, expiresAt}`: its address on targ's own image host and when it is removed unless
an offer uses it. Rules in targ.allegro.offers.images."""

from __future__ import annotations

from targ.allegro.errors import access_denied
from targ.allegro.offers import images
from targ.clock import iso
from targ.handlers import handler
from targ.http.media import essence
from targ.http.request import Reply, Request


@handler("allegro", "uploadOfferImageUsingPOST")
def upload(req: Request) -> Reply:
    principal = req.principal
    if principal is None or principal.seller_id is None:
        raise access_denied()
    if essence(req.headers.get("content-type")).startswith("image/"):
        data = req.raw_body
    else:
        data = images.fetch(req.world, str(req.body["url"]), req.base_url)
    image = images.store(req.world, principal.seller_id, data)
    return Reply({"location": images.url_of(req.base_url, image["key"]), "expiresAt": iso(image["expiresAt"])}, 201)
