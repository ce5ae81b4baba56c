"""targ's own image host: where the images uploaded with `POST /sale/images` and the offer attachments' files are
served, byte for byte, as the vendor serves them from its static hosts (`https://a.allegroimg.com/original/…`).

`GET <host>/allegroimg/original/<dir>/<hash>` answers an image in its own media type;
`GET <host>/allegroimg/attachments/<attachmentId>` an uploaded attachment's file. Public, as the vendor's addresses
are (buyers see them); HEAD answers the same headers. An unknown, expired or not yet uploaded file is 404 "Object
not found", as the vendor's image host answers (#2807 staff). `app.py` puts this surface before Allegro's, which owns
every other path.
"""

from __future__ import annotations

from urllib.parse import quote

from targ.allegro.attachments import content_of
from targ.allegro.offers import attachments, images
from targ.http.errors import TargError
from targ.http.pipeline import Surface
from targ.http.policies import NoStamp
from targ.http.request import Reply, Request
from targ.http.response import Response, build
from targ.http.routes import PlainReplies, RoutesReadTheirOwnInput, RouteTable, TableRoutes

PREFIX = images.HOST_PATH
STATIC = RouteTable(PREFIX)
_TEXT = "text/plain; charset=utf-8"


def owns(raw_path: str) -> bool:
    return raw_path.startswith(PREFIX + "/")


class StaticHostError(TargError):
    """A file host's plain-text refusal."""

    def __init__(self, status: int, text: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.text = text
        self._headers = headers or {}
        super().__init__(f"{status} {text}")

    def body(self) -> str:
        return self.text

    def headers(self) -> dict[str, str]:
        return self._headers


class StaticErrors:
    def not_found(self, req: Request) -> TargError:
        return StaticHostError(404, "Object not found")

    def method_not_allowed(self, req: Request, allowed: list[str]) -> TargError:
        return StaticHostError(405, "Method not allowed", {"allow": ", ".join(allowed)})

    def too_large(self, req: Request) -> TargError:
        return StaticHostError(413, "Request body too large")

    def internal(self, req: Request, message: str) -> TargError:
        return StaticHostError(500, "Internal server error")

    def render(self, req: Request, exc: TargError) -> Response:
        return build(exc.status, exc.body(), _TEXT, exc.headers())


def _file(content: bytes, media_type: str, disposition: str | None = None) -> Reply:
    headers = {"cache-control": "public, max-age=31536000"}
    if disposition:
        headers["content-disposition"] = disposition
    return Reply(content, 200, headers, media_type=media_type)


@STATIC.route("GET", "/original/{dir}/{hash}")
@STATIC.route("HEAD", "/original/{dir}/{hash}")
def image(req: Request) -> Reply:
    found = images.find(req.world, f"{req.path_params['dir']}/{req.path_params['hash']}")
    if found is None:
        raise StaticHostError(404, "Object not found")
    return _file(images.content_of(found), found["mimeType"])


@STATIC.route("GET", "/attachments/{attachmentId}")
@STATIC.route("HEAD", "/attachments/{attachmentId}")
def attachment_file(req: Request) -> Reply:
    found = attachments.find(req.world, req.path_params["attachmentId"])
    if found is None or found[1]["uploadedAt"] is None:
        raise StaticHostError(404, "Object not found")
    attachment = found[1]
    return _file(content_of(attachment), attachment["mimeType"],
                 f"inline; filename*=UTF-8''{quote(attachment['fileName'])}")


def surface() -> Surface:
    errors = StaticErrors()
    return Surface(name="static", owns=owns, routes=TableRoutes(STATIC, errors), errors=errors,
                   checks=RoutesReadTheirOwnInput(), replies=PlainReplies(), stamp=NoStamp())
