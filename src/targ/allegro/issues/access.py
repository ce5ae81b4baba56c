"""What the seller's issue operations share, in both families (`/sale/issues*` and the deprecated `/sale/disputes*`):
the calling seller, and the caller's issue or dispute. Unknown → 404, another seller's → 403: every operation on one
declares both (docs/behaviour.md, "Post-purchase issues")."""

from __future__ import annotations

from typing import Any, TypeVar

from targ.allegro.errors import access_denied
from targ.allegro.issues import errors, files, seller, store
from targ.http.request import Reply, Request
from targ.json_types import Json

T = TypeVar("T")


def seller_id(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


def own_issue(req: Request) -> tuple[str, Json]:
    """(seller, issue) for `{issueId}`."""
    user = seller_id(req)
    return user, seller.own(req.world, user, req.path_params["issueId"])


def own_dispute(req: Request) -> tuple[str, Json]:
    """(seller, issue) for `{disputeId}`: an issue of type DISPUTE. A claim is not one: the deprecated resources
    never show claims (allegro-api #11998, staff: "nowe reklamacje (CLAIM) będą dostępne wyłącznie w odpowiedzi GET
    /sale/issues"), so its id is unknown there (404)."""
    user = seller_id(req)
    dispute_id = req.path_params["disputeId"]
    found = store.find(req.world, dispute_id)
    if found is None or found[1]["type"] != store.DISPUTE:
        raise errors.dispute_not_found(dispute_id)
    if found[0] != user:
        raise errors.not_allowed()
    return user, found[1]


def values(value: Any) -> set[str] | None:
    """A repeatable query parameter (`status`) as a set; None when not given."""
    if not value:
        return None
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def page(req: Request, items: list[T]) -> list[T]:
    """The page of `items` the request's `offset` and `limit` (default 10) ask for."""
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 10))
    return items[offset:offset + limit]


# --- attachments: both families (`/sale/issues/attachments*`, `/sale/dispute-attachments*`) share their files ---------
def declared(req: Request, upload_path: str) -> Reply:
    """Declares the body's `{fileName, size}`: 201 `{id}`, `Location` this server's upload URL under `upload_path`
    ("Use this URL to perform PUT request", the spec's Location header)."""
    attachment = files.declare_checked(req.world, seller_id(req), str(req.body["fileName"]), int(req.body["size"]))
    return Reply({"id": attachment["id"]}, 201, {"location": f"{req.base_url}{upload_path}/{attachment['id']}"})


def uploaded(req: Request) -> Json:
    """The `{attachmentId}` declared by the seller, its file (the body, in its own media type) uploaded."""
    return files.upload_checked(req.world, seller_id(req), req.path_params["attachmentId"],
                                req.headers.get("content-type"), req.raw_body)


def download(req: Request) -> Reply:
    """The `{attachmentId}`'s file as uploaded, in its media type."""
    attachment = files.downloadable(req.world, seller_id(req), req.path_params["attachmentId"])
    return Reply(files.content_of(attachment), 200, media_type=attachment["mimeType"])
